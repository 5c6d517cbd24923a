"""The one mapping between a stored responder row and the responder value ooo reads."""

from datetime import datetime

from bot.core.lifecycle import Applied
from bot.core.responder import Again, Draft, Kind, Target
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from storage.models import ResponderRow


def value_of(row: ResponderRow) -> Responder:
    """Read a stored row (flushed, so it has its id) as a responder value."""
    assert row.id is not None
    return Responder(
        id=row.id,
        workspace=Workspace(row.team_id, row.enterprise_id),
        owner_id=row.owner_id,
        kind=Kind(row.kind),
        target_id=row.target_id,
        target_label=row.target_label,
        target_kind=Target(row.target_kind) if row.target_kind else None,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        tz=row.tz,
        message=row.message,
        external_message=row.external_message,
        keep_digest=row.keep_digest,
        forward_to=row.forward_to,
        backup_id=row.backup_id,
        again=Again(row.reply_again),
        notify_self=row.notify_self,
        set_status=row.set_status,
        pause_notifications=row.pause_notifications,
        reply_as_me=row.reply_as_me,
        saved_status=row.saved_status,
        announce_in=tuple(c for c in row.announce_in.split(",") if c),
        applied=Applied(row.applied),
        revision=row.revision,
        due_at=row.due_at,
        deleted_at=row.deleted_at,
        dm_channel=row.dm_channel,
        dm_ts=row.dm_ts,
        created_at=row.created_at,
        updated_at=row.updated_at,
        calendar_id=row.calendar_id,
        event_uid=row.event_uid,
        occurrence=row.occurrence,
        taken_over=row.taken_over,
        leave_type=row.leave_type,
        hide_reason=row.hide_reason,
        set_by=row.set_by,
        closure_id=row.closure_id,
    )


def new_row(
    *, workspace: Workspace, owner_id: str, draft: Draft, tz: str, label: str | None, now: datetime
) -> ResponderRow:
    """A row for a new responder saved from a draft."""
    row = ResponderRow(
        team_id=workspace.team_id,
        enterprise_id=workspace.enterprise_id,
        owner_id=owner_id,
        created_at=now,
        starts_at=draft.window.start,
        tz=tz,
        kind=draft.kind.value,
        message=draft.message,
        updated_at=now,
    )
    write_draft(row, draft, tz=tz, label=label, now=now)
    return row


def write_draft(
    row: ResponderRow, draft: Draft, *, tz: str, label: str | None, now: datetime
) -> None:
    """Write onto a row the columns a draft decides; a target only belongs to a shared one."""
    shared = draft.kind is Kind.SHARED
    row.kind = draft.kind.value
    row.target_id = draft.target_id if shared else None
    row.target_label = label if shared else None
    row.target_kind = draft.target_kind if shared else None
    row.starts_at, row.ends_at, row.tz = draft.window.start, draft.window.end, tz
    row.message = draft.message
    row.external_message = draft.external_message
    row.keep_digest = draft.keep_digest
    row.forward_to = draft.forward_to
    row.backup_id = draft.backup_id
    row.reply_again = draft.again.value
    row.notify_self = draft.notify_self
    row.set_status = draft.set_status
    row.pause_notifications = draft.pause_notifications
    row.reply_as_me = draft.reply_as_me
    row.announce_in = ",".join(draft.announce_in)
    row.leave_type = draft.leave_type
    row.hide_reason = draft.hide_reason
    row.updated_at = now
