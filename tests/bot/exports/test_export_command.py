"""What `/ooo team export …` asks for: a team (or the saved one) and the dates typed after it."""

import pytest

from bot.team.command import Export, Show, Target, read


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        ("export", Export(None, "")),
        ("EXPORT next month", Export(None, "next month")),
        ("export <#C0GENERAL|general>", Export(Target("C0GENERAL", "#general"), "")),
        (
            "export <!subteam^S0ONCALL|@oncall> from 1 Dec to 3 Jan",
            Export(Target("S0ONCALL", "@oncall"), "from 1 Dec to 3 Jan"),
        ),
        ("export #design du 1 au 3 déc.", Export(Target(None, "#design"), "du 1 au 3 déc.")),
    ],
)
def test_it_reads_the_team_then_the_dates(words: str, asked: Export) -> None:
    assert read(words) == asked


def test_a_team_named_export_is_still_shown() -> None:
    assert read("#export") == Show(Target(None, "#export"), "")
