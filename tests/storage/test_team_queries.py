"""Team queries on SQLite and PostgreSQL: absences of many people, saved teams, due digests."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.core.workspace import Workspace
from storage import responder_queries, team_queries
from storage.db import begin_writing, session_scope
from storage.models import ResponderRow, TeamDigest

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ACME = Workspace("T0001")
GLOBEX = Workspace("T0002", enterprise_id="E0001")
DAY = timedelta(days=1)


def responder(owner: str, start: datetime, end: datetime | None, **changes: object) -> ResponderRow:
    values: dict[str, object] = {
        "team_id": ACME.team_id,
        "owner_id": owner,
        "kind": "personal",
        "starts_at": start,
        "ends_at": end,
        "tz": "Europe/Paris",
        "message": "Away",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return ResponderRow(**(values | changes))


def absences(engine: Engine, people: list[str], workspace: Workspace = ACME) -> list[str]:
    with session_scope(engine) as session:
        found = team_queries.team_absences(
            session, workspace=workspace, people=people, start=NOW, end=NOW + 14 * DAY
        )
    return sorted(a.person for a in found)


def test_it_finds_the_absences_of_a_team_that_overlap_the_window(engine: Engine) -> None:
    rows = [
        responder("UALICE", NOW - 3 * DAY, NOW + DAY),
        responder("UBOB", NOW + 13 * DAY, None),
        responder("UCAROL", NOW - 9 * DAY, NOW - DAY),
        responder("UDAN", NOW + 14 * DAY, NOW + 20 * DAY),
        responder("UERIN", NOW, NOW + DAY, kind="shared", target_id="S0ONCALL"),
        responder("UFRANK", NOW, NOW + DAY, team_id="T0002"),
        responder("UGINA", NOW, NOW + DAY),
        responder("UHANK", NOW, NOW + DAY, deleted_at=NOW),
    ]
    with session_scope(engine) as session:
        for row in rows:
            responder_queries.add_responder(session, responder=row)
    team = ["UALICE", "UBOB", "UCAROL", "UDAN", "UERIN", "UFRANK", "UHANK"]
    assert absences(engine, team) == ["UALICE", "UBOB"]


def test_it_reads_teams_larger_than_one_statement_holds(engine: Engine) -> None:
    people = [f"U{n:05d}" for n in range(12_000)]
    with session_scope(engine) as session:
        for person in people[::500]:
            responder_queries.add_responder(session, responder=responder(person, NOW, NOW + DAY))
    assert absences(engine, people) == people[::500]


def test_it_keeps_one_saved_team_per_person_and_workspace(engine: Engine) -> None:
    with session_scope(engine) as session:
        begin_writing(session, "test")
        for workspace, target in ((ACME, "S0ONCALL"), (ACME, "C0DESIGN"), (GLOBEX, "S0OPS")):
            team_queries.save_team(
                session,
                workspace=workspace,
                user_id="UCAROL",
                target_id=target,
                target_label=target.lower(),
                coverage=40,
                tz="Europe/London",
                now=NOW,
            )
    with session_scope(engine) as session:
        mine = team_queries.saved_team(session, workspace=ACME, user_id="UCAROL")
        theirs = team_queries.saved_team(session, workspace=GLOBEX, user_id="UCAROL")
        nobody = team_queries.saved_team(session, workspace=ACME, user_id="UBOB")
    assert mine is not None and mine.target_id == "C0DESIGN"
    assert theirs is not None and theirs.target_id == "S0OPS"
    assert nobody is None


def test_it_moves_a_due_digest_on_only_once(engine: Engine) -> None:
    digest = TeamDigest(
        team_id="T0001",
        owner_id="UCAROL",
        channel_id="C0LEADS",
        target_id="S0ONCALL",
        target_label="@oncall",
        at="09:00",
        tz="Europe/London",
        cadence="weekdays",
        next_post_at=NOW - DAY,
        created_at=NOW,
    )
    with session_scope(engine) as session:
        begin_writing(session, "test")
        team_queries.save_digest(session, digest=digest)
    with session_scope(engine) as session:
        (due,) = team_queries.due_digests(session, now=NOW, limit=10)
        was = due.next_post_at
        assert team_queries.move_digest_on(session, digest=due, was=was, to=NOW + DAY)
        assert not team_queries.move_digest_on(session, digest=due, was=was, to=NOW + DAY)
    with session_scope(engine) as session:
        assert team_queries.due_digests(session, now=NOW, limit=10) == []
        assert team_queries.next_digest_due(session) == NOW + DAY


def digest_of(workspace: Workspace, owner: str) -> TeamDigest:
    return TeamDigest(
        team_id=workspace.team_id,
        enterprise_id=workspace.enterprise_id,
        owner_id=owner,
        channel_id="C0LEADS",
        target_id="S0ONCALL",
        target_label="@oncall",
        at="09:00",
        tz="Europe/London",
        cadence="weekdays",
        next_post_at=NOW + DAY,
        created_at=NOW,
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [(ACME, Workspace(ACME.team_id, "E0JOINED")), (Workspace(ACME.team_id, "E0LEFT"), ACME)],
    ids=["joins an org", "leaves an org"],
)
def test_it_finds_every_team_row_of_a_workspace_that_joins_or_leaves_an_org(
    engine: Engine, before: Workspace, after: Workspace
) -> None:
    alices = responder("UALICE", NOW, NOW + DAY, enterprise_id=before.enterprise_id)
    with session_scope(engine) as session:
        responder_queries.add_responder(session, responder=alices)
        team_queries.save_team(
            session,
            workspace=before,
            user_id="UCAROL",
            target_id="S0ONCALL",
            target_label="oncall",
            coverage=40,
            tz="Europe/London",
            now=NOW,
        )
        team_queries.save_digest(session, digest=digest_of(before, "UCAROL"))
    with session_scope(engine) as session:
        begin_writing(session, "test")
        team_queries.save_digest(session, digest=digest_of(after, "UDAN"))
        saved = team_queries.saved_team(session, workspace=after, user_id="UCAROL")
        digests = team_queries.digests_of(session, workspace=after, owner_id="UDAN")

    assert absences(engine, ["UALICE"], workspace=after) == ["UALICE"]
    assert saved is not None and saved.target_id == "S0ONCALL"
    assert [d.owner_id for d in digests] == ["UDAN"]
