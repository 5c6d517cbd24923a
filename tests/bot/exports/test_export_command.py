"""What `/ooo team export …` asks for (a team or the saved one, then dates); its file's name."""

from datetime import date

import pytest

from bot.core.exports import Period
from bot.exports.answers import filename
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


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("#design", "absences-design-2026-12-01-2026-12-31.csv"),
        ("@on call/x", "absences-on-call-x-2026-12-01-2026-12-31.csv"),
        ("#équipe-paris", "absences-équipe-paris-2026-12-01-2026-12-31.csv"),
        ("#/", "absences-team-2026-12-01-2026-12-31.csv"),
    ],
)
def test_the_file_is_named_after_the_team_and_the_period(label: str, named: str) -> None:
    assert filename(label, Period(date(2026, 12, 1), date(2026, 12, 31))) == named
