"""The one mapping between a stored responder row and the responder value carries everything."""

from dataclasses import fields
from datetime import UTC, datetime, timedelta

from bot.core.dates import DateRange
from bot.core.responder import Again, Draft, Kind, Options, Target
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage.models import ResponderRow
from storage.responder_rows import new_row, value_of

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
# Where a column's value sits in the responder value, when not under the column's own name.
RENAMED = {
    "team_id": lambda r: r.workspace.team_id,
    "enterprise_id": lambda r: r.workspace.enterprise_id,
    "reply_again": lambda r: r.again,
    "announce_in": lambda r: ",".join(r.announce_in),
}


def alices_row() -> ResponderRow:
    """Alice's shared responder with a value in every column that differs from its default."""
    return ResponderRow(
        id=7,
        team_id="T0001",
        enterprise_id="E0001",
        owner_id="UALICE",
        kind="shared",
        target_id="S0ONCALL",
        target_label="@oncall",
        starts_at=NOW,
        ends_at=NOW + timedelta(days=3),
        tz="Europe/Paris",
        message="Ask {backup}.",
        external_message="Away.",
        keep_digest=False,
        forward_to="UBOB",
        target_kind="usergroup",
        backup_id="UCAROL",
        reply_again="3days",
        notify_self=False,
        set_status=True,
        pause_notifications=True,
        reply_as_me=True,
        saved_status='{"text": "Lunch"}',
        announce_in="C0GENERAL,C0TEAM",
        applied="on",
        revision=4,
        due_at=NOW + timedelta(days=1),
        deleted_at=NOW + timedelta(days=2),
        dm_channel="D0ALICE",
        dm_ts="1.5",
        created_at=NOW - timedelta(days=1),
        updated_at=NOW - timedelta(hours=1),
    )


def test_it_carries_every_column_into_the_value() -> None:
    row = alices_row()
    responder = value_of(row)
    for column in ResponderRow.__table__.columns:  # type: ignore[attr-defined]
        read = RENAMED.get(column.name, lambda r, name=column.name: getattr(r, name))
        assert read(responder) == getattr(row, column.name), column.name


def test_it_reads_the_stored_words_as_core_values() -> None:
    responder = value_of(alices_row())
    assert (responder.kind, responder.target_kind, responder.again) == (
        Kind.SHARED,
        Target.USERGROUP,
        Again.THREE_DAYS,
    )
    assert responder.announce_in == ("C0GENERAL", "C0TEAM")


def test_it_stores_every_option_of_a_draft() -> None:
    draft = Draft(
        kind=Kind.PERSONAL,
        target_id=None,
        window=DateRange(NOW, None),
        external_message=None,
        forward_to=None,
        message="Away.",
        keep_digest=False,
        backup_id="UCAROL",
        again=Again.ABSENCE,
        notify_self=False,
        announce_in=("C0GENERAL",),
        set_status=True,
        pause_notifications=True,
        reply_as_me=True,
    )
    row = new_row(
        workspace=Workspace("T0001"), owner_id="UALICE", draft=draft, tz="UTC", label=None, now=NOW
    )
    row.id = 1
    responder = value_of(row)
    for option in fields(Options):
        assert getattr(responder, option.name) == getattr(draft, option.name), option.name
    assert isinstance(responder, Responder)
