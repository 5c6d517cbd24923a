"""A published feed as its owner sees it: whose absences it shows, and its URL when known."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class FeedKind(StrEnum):
    """A person's own absences, or a channel's or user group's."""

    PERSON = "person"
    TEAM = "team"


@dataclass(frozen=True)
class FeedLink:
    """A live feed: its kind, its team (id and label) if any, and its URL when it can be
    shown (None: only a fingerprint of it is kept)."""

    id: int
    kind: FeedKind
    target_id: str | None
    label: str | None
    url: str | None
    created_at: datetime
    last_read_at: datetime | None
