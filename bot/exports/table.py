"""An export's CSV: the absences of some people (or a whole workspace) over a period, worded for
the current reader."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from bot.core.export_csv import csv_bytes
from bot.core.exports import Line, Period, check_rows, lines
from bot.core.workspace import Workspace
from bot.organisation.settings import schedules_of, settings_of
from bot.texts import pgettext
from bot.texts.leave_types import shown_label
from storage import export_queries
from storage.db import session_scope


@dataclass(frozen=True)
class Export:
    """A CSV file and how many absences it lists."""

    data: bytes
    rows: int


def export_of(
    engine: Engine,
    workspace: Workspace,
    *,
    people: Sequence[str] | None,
    period: Period,
    names: Mapping[str, str],
    limited: bool = True,
) -> Export:
    """The CSV of these people's absences (None: everyone's); ExportTooLarge past MAX_ROWS
    unless not `limited` (the command line writes to a file, not to Slack).

    `names` gives each person's display name (someone missing from it is named by id only).
    """
    settings = settings_of(engine, workspace)
    start, end = period.widest
    with session_scope(engine) as session:
        found = export_queries.leaves(
            session, workspace=workspace, people=people, start=start, end=end
        )
    schedules = schedules_of(engine, workspace, {leave.person for leave in found}, settings)
    listed = lines(
        found,
        period,
        schedules=schedules,
        types=settings.leave_types,
        workspace_hides=settings.hide_reasons,
    )
    if limited:
        check_rows(len(people) if people is not None else len(schedules), len(listed))
    return Export(csv_bytes(header(), [cells(line, names) for line in listed]), len(listed))


def header() -> list[str]:
    """The header row, in the reader's language."""
    return [
        pgettext("export column", "Name"),
        pgettext("export column", "User ID"),
        pgettext("export column", "Type"),
        pgettext("export column", "Start"),
        pgettext("export column", "End"),
        pgettext("export column", "Time zone"),
        pgettext("export column", "Working days"),
    ]


def cells(line: Line, names: Mapping[str, str]) -> list[str | int]:
    """One line as the CSV's cells, its type worded for the reader."""
    kind = shown_label(line.leave_type, hidden=line.leave_type is None)
    name = names.get(line.person, "")
    return [name, line.person, kind, line.start, line.end, line.tz, line.working_days]
