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
