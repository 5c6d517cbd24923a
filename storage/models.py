"""Every table ooo stores; datetimes are UTC-aware and every row carries its workspace."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Field, SQLModel

from bot.core.dates import DateRange


class Responder(SQLModel, table=True):
    """An out-of-office responder: for its owner ("personal") or for a user group or channel."""

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
    # Where the latest saved-confirmation DM is, so deleting can take its buttons away.
    dm_channel: str | None = Field(default=None, max_length=32)
    dm_ts: str | None = Field(default=None, max_length=32)
    created_at: datetime
    updated_at: datetime

    def window(self, tz: str | None = None) -> DateRange:
        """Return when this responder is on, in its owner's zone unless told another."""
        zone = ZoneInfo(tz or self.tz)
        end = self.ends_at.astimezone(zone) if self.ends_at else None
        return DateRange(start=self.starts_at.astimezone(zone), end=end)


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
