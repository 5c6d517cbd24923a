"""Reading `/ooo admin close …` as Slack sends it: every way to name whom, dates, a message."""

from datetime import date

import pytest

from bot.closures.command import Close, End, Unclear, read
from bot.core.closures import Scope
from bot.team.command import Target
from tests.conftest import NOW


def closing(words: str, locale: str = "en-US") -> Close | End:
    return read(words, here="C0HERE", now=NOW, tz="Europe/Paris", locale=locale)


@pytest.mark.parametrize(
    ("first_word", "scope", "target"),
    [
        ("<#C0GENERAL|general>", Scope.CHANNEL, Target("C0GENERAL", "#general")),
        ("<#C0GENERAL>", Scope.CHANNEL, Target("C0GENERAL", "")),
        ("<!subteam^S0HR|@hr>", Scope.GROUP, Target("S0HR", "@hr")),
        ("<!subteam^S0HR>", Scope.GROUP, Target("S0HR", "")),
        ("<!everyone>", Scope.EVERYONE, None),
        ("<!everyone|everyone>", Scope.EVERYONE, None),
        ("everyone", Scope.EVERYONE, None),
        ("Everyone", Scope.EVERYONE, None),
        ("<!here>", Scope.CHANNEL, Target("C0HERE", "")),
        ("<!channel>", Scope.CHANNEL, Target("C0HERE", "")),
        ("#design", Scope.CHANNEL, Target(None, "#design")),
        ("@design", Scope.GROUP, Target(None, "@design")),
    ],
)
def test_it_reads_every_way_to_name_whom(
    first_word: str, scope: Scope, target: Target | None
) -> None:
    read_as = closing(f"{first_word} 24 Dec to 1 Jan")

    assert read_as == Close(scope, target, date(2026, 12, 24), date(2027, 1, 1), "")


@pytest.mark.parametrize(
    ("words", "locale", "first", "last", "message"),
    [
        (
            "24 Dec to 1 Jan Office closed for the holidays",
            "en-US",
            date(2026, 12, 24),
            date(2027, 1, 1),
            "Office closed for the holidays",
        ),
        (
            "du 24 déc au 1 janv Bureau fermé",
            "fr-FR",
            date(2026, 12, 24),
            date(2027, 1, 1),
            "Bureau fermé",
        ),
        ("tomorrow", "en-US", date(2026, 11, 28), date(2026, 11, 28), ""),
    ],
)
def test_it_reads_the_days_in_the_askers_language_and_the_rest_as_the_message(
    words: str, locale: str, first: date, last: date, message: str
) -> None:
    read_as = closing(f"everyone {words}", locale)

    assert read_as == Close(Scope.EVERYONE, None, first, last, message)


def test_it_reads_the_end_of_a_closure() -> None:
    assert closing("end 12") == End(12)
    assert closing("end #12") == End(12)


@pytest.mark.parametrize(
    "words",
    ["", "everyone", "nobody 24 Dec", "everyone from Monday", f"everyone 24 Dec {'x' * 1001}"],
)
def test_it_refuses_what_it_cannot_read(words: str) -> None:
    with pytest.raises(Unclear):
        closing(words)
