"""Every table ooo stores; datetimes are UTC-aware and every row carries its workspace."""

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


class ResponderRow(SQLModel, table=True):
    """A stored responder (bot/core/responder_value.py is what ooo reads; responder_rows maps).

    `applied` and `revision` record which transition was last acted on and which edit of the
    responder it saw; `due_at` is when the scheduler should look at it next (None: never again).
    Whether it is on is still computed from its times and now.
    """

    __tablename__ = "responder"

    # A message's candidates are found by workspace and owner, or by user group or channel.
    __table_args__ = (
        Index("ix_responder_team_owner", "team_id", "owner_id"),
        Index("ix_responder_team_target", "team_id", "target_id"),
        # Team views ask for many owners' responders over a window of time.
        Index("ix_responder_team_owner_start", "team_id", "owner_id", "starts_at"),
        # Two replicas reading one feed never create an occurrence twice (NULLs never collide).
        Index(
            "ux_responder_calendar_occurrence",
            "calendar_id",
            "event_uid",
            "occurrence",
            unique=True,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32, index=True)
    enterprise_id: str | None = Field(default=None, max_length=32)
    owner_id: str = Field(max_length=32, index=True)
    kind: str = Field(max_length=16)
    target_id: str | None = Field(default=None, max_length=32)
    target_label: str | None = Field(default=None, max_length=255)
    starts_at: datetime
    ends_at: datetime | None = None
    tz: str = Field(max_length=64)
    message: str = Field(max_length=3000)
    external_message: str | None = Field(default=None, max_length=3000)
    keep_digest: bool = True
    forward_to: str | None = Field(default=None, max_length=32)
    target_kind: str | None = Field(default=None, max_length=16)
    backup_id: str | None = Field(default=None, max_length=32)
    reply_again: str = Field(default="day", max_length=16)
    notify_self: bool = True
    # Steps that act as the owner, with the account they connected (bot/accounts/connected.py).
    set_status: bool = False
    pause_notifications: bool = False
    # Direct messages are answered in the conversation as the owner, not in a DM from ooo.
    reply_as_me: bool = False
    # The Slack status the owner had before ooo set its own, and the one ooo set (JSON), kept
    # from the on transition until the off one restores it.
    saved_status: str | None = Field(default=None, max_length=1000)
    announce_in: str = Field(default="", max_length=255)
    applied: str = Field(default="", max_length=16)
    revision: int = 0
    due_at: datetime | None = Field(default=None, index=True)
    deleted_at: datetime | None = None
    # Where the latest saved-confirmation DM is, so deleting can take its buttons away.
    dm_channel: str | None = Field(default=None, max_length=32)
    dm_ts: str | None = Field(default=None, max_length=32)
    created_at: datetime
    updated_at: datetime
    # A responder read from a calendar: the subscription, its event's UID and the occurrence
    # (its RECURRENCE-ID, "" for a single event); None for one made by hand.
    calendar_id: int | None = None
    event_uid: str | None = Field(default=None, max_length=255)
    occurrence: str | None = Field(default=None, max_length=64)
    # The person edited it in ooo: later reads of the calendar leave it alone.
    taken_over: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    # The kind of absence (bot/core/leave_types.py), None for one saved before types; whether
    # its reason is hidden, None to follow the type's and the workspace's defaults.
    leave_type: str | None = Field(default=None, max_length=48)
    hide_reason: bool | None = None
    # Who set it when that was not its owner (an admin, or HR), and the closure it belongs to.
    set_by: str | None = Field(default=None, max_length=32)
    closure_id: int | None = Field(default=None, index=True)


class CalendarFeed(SQLModel, table=True):
    """A person's calendar feed read into responders: its URL sealed, what the last read found,
    and when it is read next (`due_at`, moved on by a compare-and-set to claim a read)."""

    __tablename__ = "calendar"
    __table_args__ = (UniqueConstraint("team_id", "owner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    owner_id: str = Field(max_length=32)
    # Sealed by bot.accounts.vault: the URL is a secret; `hint` (host and "…") is what is shown.
    url: str = Field(max_length=4000)
    hint: str = Field(max_length=255)
    # The person's zone and language when they connected it: all-day events and the DM.
    tz: str = Field(max_length=64)
    locale: str = Field(default="en-US", max_length=16)
    marked_only: bool = False
    # The message of the responders it makes; None: a default in the person's language.
    message: str | None = Field(default=None, max_length=3000)
    etag: str | None = Field(default=None, max_length=255)
    last_modified: str | None = Field(default=None, max_length=64)
    read_at: datetime | None = None
    succeeded_at: datetime | None = None
    found: int = 0
    overlapping: int = 0
    failing_since: datetime | None = None
    failures: int = 0
    # Why the last read failed (a code the catalog words), and when the person was told.
    problem: str | None = Field(default=None, max_length=64)
    told_at: datetime | None = None
    due_at: datetime = Field(index=True)
    created_at: datetime


class Transition(SQLModel, table=True):
    """A transition the scheduler applied: one row per responder, transition and revision."""

    __table_args__ = (UniqueConstraint("responder_id", "name", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    responder_id: int = Field(index=True)
    name: str = Field(max_length=16)
    revision: int
    due_at: datetime
    applied_at: datetime


class Effect(SQLModel, table=True):
    """One side effect in the durable outbox, delivered at most once per idempotency key.

    `status` is pending, sending (claimed until `lease_until`), sent or failed (for good).
    """

    # Workers claim what is due by status and time; sent effects stay, and must not be read.
    __table_args__ = (Index("ix_effect_due", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=255, unique=True)
    kind: str = Field(max_length=64)
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    owner_id: str | None = Field(default=None, max_length=32, index=True)
    responder_id: int | None = Field(default=None, index=True)
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime
    lease_until: datetime | None = None
    last_error: str | None = Field(default=None, max_length=255)
    result: str | None = Field(default=None, max_length=255)
    created_at: datetime
    sent_at: datetime | None = None
    # An earlier attempt may have reached Slack (it timed out, or was cut short before its
    # outcome was recorded): look for its message once before sending again.
    # Defaulted by the database, so rows recorded by replicas of the release before keep working.
    maybe_sent: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    # Retries are timed from the first attempt, not counted (bot/outbox/errors.py).
    first_attempt_at: datetime | None = None


class ResponderVersion(SQLModel, table=True):
    """One row whose number grows with every change of a responder (a trigger bumps it).

    Each replica keeps the responders in memory and reloads them when the number moved.
    """

    __tablename__ = "responder_version"

    id: int = Field(primary_key=True)
    version: int


class SlackEvent(SQLModel, table=True):
    """An Events API delivery ooo acted on: a retry of it finds its id and does nothing."""

    __tablename__ = "slack_event"

    event_id: str = Field(primary_key=True, max_length=64)
    team_id: str = Field(max_length=32)
    received_at: datetime = Field(index=True)


class Mention(SQLModel, table=True):
    """A message that reached a responder and what ooo did: ids, never the message's text."""

    __table_args__ = (
        UniqueConstraint("responder_id", "channel_id", "message_ts"),
        Index("ix_mention_sender", "responder_id", "sender_id", "window_key", "at"),
        Index("ix_mention_outcome", "responder_id", "outcome", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    responder_id: int = Field(foreign_key="responder.id", ondelete="CASCADE")
    sender_id: str = Field(max_length=32)
    channel_id: str = Field(max_length=32)
    message_ts: str = Field(max_length=32)
    thread_ts: str | None = Field(default=None, max_length=32)
    outcome: str = Field(max_length=16)
    window_key: str = Field(max_length=64)
    at: datetime = Field(index=True)
    permalink: str | None = Field(default=None, max_length=512)


class Reminder(SQLModel, table=True):
    """Someone who asked to be told when a responder's absence ends."""

    __table_args__ = (UniqueConstraint("responder_id", "sender_id"),)

    id: int | None = Field(default=None, primary_key=True)
    responder_id: int = Field(foreign_key="responder.id", ondelete="CASCADE")
    sender_id: str = Field(max_length=32)
    asked_at: datetime = Field(index=True)


class SavedTeam(SQLModel, table=True):
    """A person's "my team": the channel or user group `/ooo team` shows them, and its coverage."""

    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    user_id: str = Field(max_length=32)
    target_id: str = Field(max_length=32)
    target_label: str = Field(max_length=255)
    coverage: int = 50
    # The person's zone when they saved it: the Home tab draws their days without asking Slack.
    tz: str = Field(default="UTC", max_length=64)
    updated_at: datetime


class TeamDigest(SQLModel, table=True):
    """A team's absences posted in a channel at a local time, on working days or on Mondays.

    `next_post_at` is the next posting moment; moving it on is the compare-and-set that makes
    each day's digest happen once, whichever replica gets there first.
    """

    __table_args__ = (UniqueConstraint("team_id", "channel_id", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    owner_id: str = Field(max_length=32, index=True)
    channel_id: str = Field(max_length=32)
    target_id: str = Field(max_length=32)
    target_label: str = Field(max_length=255)
    at: str = Field(max_length=5)
    tz: str = Field(max_length=64)
    cadence: str = Field(max_length=16)
    coverage: int = 50
    next_post_at: datetime = Field(index=True)
    created_at: datetime


class Installation(SQLModel, table=True):
    """ooo installed in one workspace, or org-wide in an Enterprise Grid org; tokens sealed."""

    id: int | None = Field(default=None, primary_key=True)
    # "team:T…" for a workspace, "enterprise:E…" for an org-wide install: one row for each.
    key: str = Field(max_length=48, unique=True)
    team_id: str | None = Field(default=None, max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32, index=True)
    is_enterprise_install: bool = False
    app_id: str | None = Field(default=None, max_length=32)
    team_name: str | None = Field(default=None, max_length=255)
    enterprise_name: str | None = Field(default=None, max_length=255)
    enterprise_url: str | None = Field(default=None, max_length=255)
    bot_id: str | None = Field(default=None, max_length=32)
    bot_user_id: str | None = Field(default=None, max_length=32)
    bot_scopes: str = Field(default="", max_length=1000)
    # Sealed by bot.accounts.vault: never a token in clear.
    bot_token: str | None = Field(default=None, max_length=1000)
    bot_refresh_token: str | None = Field(default=None, max_length=1000)
    bot_token_expires_at: datetime | None = None
    installer_id: str = Field(max_length=32)
    user_scopes: str | None = Field(default=None, max_length=1000)
    user_token: str | None = Field(default=None, max_length=1000)
    user_refresh_token: str | None = Field(default=None, max_length=1000)
    user_token_expires_at: datetime | None = None
    installed_at: datetime


class OAuthState(SQLModel, table=True):
    """An install under way: the keyed hash of its state, spent on the first callback."""

    digest: str = Field(primary_key=True, max_length=64)
    expires_at: datetime


class Departure(SQLModel, table=True):
    """Someone Slack deactivated; their data is erased once the retention period is over."""

    team_id: str = Field(primary_key=True, max_length=32)
    user_id: str = Field(primary_key=True, max_length=32)
    departed_at: datetime


class UserChange(SQLModel, table=True):
    """When Slack said it last deactivated or reactivated someone: an older word, such as a
    retried delivery arriving late, is stale."""

    __tablename__ = "user_change"

    team_id: str = Field(primary_key=True, max_length=32)
    user_id: str = Field(primary_key=True, max_length=32)
    changed_at: datetime


class ConnectedAccount(SQLModel, table=True):
    """A person who connected their own Slack account: their user token, sealed, one per
    workspace and person."""

    __tablename__ = "connected_account"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    user_id: str = Field(max_length=32)
    scopes: str = Field(default="", max_length=1000)
    # Sealed by bot.accounts.vault: never a token in clear.
    token: str = Field(max_length=1000)
    refresh_token: str | None = Field(default=None, max_length=1000)
    token_expires_at: datetime | None = None
    connected_at: datetime


class PublishedFeed(SQLModel, table=True):
    """A calendar feed of absences (a person's own, or a channel's or user group's) at a secret URL.

    The URL's token is found by its SHA-256 only, so a copy of the database opens no feed; it is
    also kept sealed by the vault when OOO_ENCRYPTION_KEY is set, so its owner can copy the URL
    again from their Home tab. `body_hash` and `changed_at` are the last body served and when it
    changed: the feed's ETag and Last-Modified.
    """

    __tablename__ = "published_feed"
    __table_args__ = (Index("ix_published_feed_team_owner", "team_id", "owner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    owner_id: str = Field(max_length=32)
    kind: str = Field(max_length=16)
    target_id: str | None = Field(default=None, max_length=32)
    target_label: str | None = Field(default=None, max_length=255)
    # A private channel's feed is served only while its owner is still a member.
    target_private: bool = False
    # The owner's language when they made it: the feed's words are theirs.
    locale: str = Field(default="en-US", max_length=16)
    token_hash: str = Field(max_length=64, unique=True)
    sealed_token: str | None = Field(default=None, max_length=1000)
    body_hash: str | None = Field(default=None, max_length=64)
    changed_at: datetime | None = None
    created_at: datetime
    revoked_at: datetime | None = None
    last_read_at: datetime | None = None


class WorkspaceSetting(SQLModel, table=True):
    """What a workspace's admins chose: types of absence, hidden reasons, the default working
    week and holiday region, and the user group that may act for others."""

    __tablename__ = "workspace_setting"

    team_id: str = Field(primary_key=True, max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    # The workspace's types as JSON (bot/core/leave_types.py); "" while it has the built-ins.
    leave_types: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    hide_reasons: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    # A week as format_week writes it and a region as parse_region reads it; None: ooo's default.
    week: str | None = Field(default=None, max_length=32)
    region: str | None = Field(default=None, max_length=16)
    admin_group_id: str | None = Field(default=None, max_length=32)
    admin_group_label: str | None = Field(default=None, max_length=255)
    updated_by: str | None = Field(default=None, max_length=32)
    updated_at: datetime


class PersonSetting(SQLModel, table=True):
    """A person's own working week and holiday region; None follows the workspace's."""

    __tablename__ = "person_setting"

    team_id: str = Field(primary_key=True, max_length=32)
    user_id: str = Field(primary_key=True, max_length=32)
    week: str | None = Field(default=None, max_length=32)
    region: str | None = Field(default=None, max_length=16)
    updated_at: datetime


class AuditEntry(SQLModel, table=True):
    """Something done for someone else: who, for whom, what (`action`, `detail` JSON), when."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_subject", "team_id", "subject_id", "at"),
        Index("ix_audit_entry_actor", "team_id", "actor_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    actor_id: str = Field(max_length=32)
    subject_id: str = Field(max_length=32)
    action: str = Field(max_length=32)
    responder_id: int | None = None
    closure_id: int | None = None
    detail: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    at: datetime


class ClosureRow(SQLModel, table=True):
    """A closure of a channel's or user group's members, or a whole workspace, over whole days.

    Its members' absences are responders carrying its id; `ended_at` once it was ended early.
    """

    __tablename__ = "closure"
    __table_args__ = (Index("ix_closure_team", "team_id", "last_day"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(max_length=32)
    enterprise_id: str | None = Field(default=None, max_length=32)
    created_by: str = Field(max_length=32)
    scope: str = Field(max_length=16)
    target_id: str | None = Field(default=None, max_length=32)
    target_label: str | None = Field(default=None, max_length=255)
    first_day: date
    last_day: date
    message: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # The language of whoever closed: the words members read before they choose their own.
    locale: str = Field(default="en-US", max_length=16)
    created_at: datetime
    applied_at: datetime | None = None
    ended_at: datetime | None = None


class ClosureMember(SQLModel, table=True):
    """What a closure did for one member: applied, opted out, or skipped (and why)."""

    __tablename__ = "closure_member"

    closure_id: int = Field(foreign_key="closure.id", primary_key=True, ondelete="CASCADE")
    user_id: str = Field(primary_key=True, max_length=32)
    state: str = Field(max_length=16)
    at: datetime
