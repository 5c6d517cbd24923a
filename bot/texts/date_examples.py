"""The date phrases ooo offers as examples, in the reader's language: in help and in refusals.

Each is a catalog message, so each language offers phrases it reads (a test parses them all).
"""

from bot.core.dates import LOCALES
from bot.texts.catalog import N_, _, speaking

COMMAND = "/ooo "
# `/ooo help`'s examples, whole commands, so that a translator sees how they are typed.
COMMANDS = (
    N_("/ooo from Monday to the 15th"),
    N_("/ooo tomorrow for 3 days"),
    N_("/ooo until further notice"),
)
# Offered with every refusal of a phrase.
PHRASES = (N_("Dec 20 to Jan 3"), N_("back on Monday"))


def commands() -> list[str]:
    """`/ooo help`'s example commands, as the reader types them."""
    return [_(command) for command in COMMANDS]


def phrases() -> tuple[str, str]:
    """The two phrases offered with a refusal, as the reader types them."""
    first, second = PHRASES
    return _(first), _(second)


def every_phrase() -> list[str]:
    """Every date phrase ooo shows the reader: the refusals' and the commands' (without /ooo)."""
    return [*phrases(), *(command.removeprefix(COMMAND) for command in commands())]


def by_locale() -> dict[str, tuple[str, str]]:
    """The refusals' two examples, by the Slack locale reading them: what warms the reader up."""
    samples = {}
    for locale in LOCALES:
        with speaking(locale):
            samples[locale] = phrases()
    return samples
