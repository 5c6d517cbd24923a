"""What an admin typed in a command, read back as the text Slack showed them."""

import pytest

from bot.core.mentions import WORD_JOINER
from bot.core.typed_text import as_typed, unnamed_people

NAMES = {"UBOB": "Bob Smith"}


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        ("R&amp;R", "R&R"),
        ("&lt;b&gt; &amp;lt;", "<b> &lt;"),  # undone once: "&lt;" typed stays as typed
        ("<@UBOB>", "@Bob Smith"),
        ("<@UBOB|bob>", "@bob"),
        ("<@UCAROL>", "@UCAROL"),  # Slack could not name her
        ("<#C0GENERAL|general>", "#general"),
        ("<!channel> party", f"@{WORD_JOINER}channel party"),
        ("<!subteam^S0ONCALL|@oncall>", f"@{WORD_JOINER}oncall"),
        ("<https://example.com|our wiki>", "our wiki"),
        ("&lt;!here&gt;", f"@{WORD_JOINER}here"),  # typed as text, still notifies nobody
    ],
)
def test_it_reads_slacks_markup_and_escapes_as_the_words_shown(sent: str, read: str) -> None:
    assert as_typed(sent, NAMES) == read


def test_it_asks_names_only_for_people_mentioned_by_id_alone() -> None:
    assert unnamed_people("<@UBOB> <@UCAROL|carol> &lt;@UDAN&gt;") == {"UBOB"}
