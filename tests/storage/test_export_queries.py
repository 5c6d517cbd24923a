"""The export query: personal, undeleted absences overlapping a period, by person then start."""

from datetime import datetime

from sqlalchemy import Engine

from bot.core.workspace import Workspace
from storage import export_queries
from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.bot.exports.export_flows import away
from tests.bot.team.team_flows import on
from tests.conftest import NOW

ACME = Workspace("T0001")


def found(engine: Engine, people: list[str] | None) -> list[tuple[str, datetime]]:
    """Whose absences the query returns over 1 to 10 December (Paris), with their start."""
    with session_scope(engine) as session:
        leaves = export_queries.leaves(
            session, workspace=ACME, people=people, start=on(1, 12), end=on(11, 12)
        )
    return [(leave.person, leave.start) for leave in leaves]


def test_it_reads_overlapping_personal_absences_by_person_then_start(engine: Engine) -> None:
    away(engine, "UBOB", on(8, 12), on(9, 12))
    away(engine, "UALICE", on(5, 12), on(6, 12))
    away(engine, "UBOB", on(30), on(2, 12))
    away(engine, "UALICE", on(1, 12), None)
    away(engine, "UALICE", on(28), on(1, 12))  # ends as the period starts
    away(engine, "UALICE", on(11, 12), on(12, 12))  # starts as it ends
    away(engine, "UCAROL", on(2, 12), on(3, 12), kind="group")
    away(engine, "UERIN", on(2, 12), on(3, 12), team_id="T0002")
    gone = away(engine, "UCAROL", on(4, 12), on(5, 12))
    with session_scope(engine) as session:
        begin_writing(session, "test")
        row = session.get(ResponderRow, gone.id)
        assert row is not None
        row.deleted_at = NOW
        session.add(row)
    everyone = found(engine, None)
    assert everyone == [
        ("UALICE", on(1, 12)),
        ("UALICE", on(5, 12)),
        ("UBOB", on(30)),
        ("UBOB", on(8, 12)),
    ]
    assert found(engine, ["UALICE", "UBOB", "UCAROL"]) == everyone
    assert found(engine, ["UBOB"]) == everyone[2:]


def test_it_knows_a_workspace_by_its_responders(engine: Engine) -> None:
    away(engine, "UALICE", on(1, 12), on(2, 12))
    with session_scope(engine) as session:
        assert export_queries.workspace_known(session, "T0001")
        assert not export_queries.workspace_known(session, "T0002")
