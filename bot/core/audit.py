"""What the audit log says of one thing done for someone else, as a value."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

# What an erased person's actor id becomes: the action stays, no longer naming them.
ERASED_ACTOR = "erased"


class Action(StrEnum):
    """What was done for someone else to one of their absences."""

    CREATE = "create"
    EDIT = "edit"
    END = "end"
    DELETE = "delete"


@dataclass(frozen=True)
class Done:
    """One entry: who acted for whom, what, when, and the dates before and after (`detail`)."""

    actor_id: str
    subject_id: str
    action: str
    at: datetime
    responder_id: int | None = None
    detail: dict[str, Any] | None = None
