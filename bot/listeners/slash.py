"""One `/ooo` request as a subcommand sees it, and the table that routes it by its first words."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.core.workspace import Workspace
from bot.services import Services
from bot.slack.context import workspace_of


@dataclass(frozen=True)
class Slash:
    """A `/ooo` command: who asks, the words after the subcommand's name, and how to answer."""

    ack: Ack
    words: str
    command: dict[str, Any]
    client: WebClient
    context: BoltContext
    services: Services

    @property
    def user_id(self) -> str:
        """Who typed the command."""
        return str(self.command["user_id"])

    @property
    def workspace(self) -> Workspace:
        """The workspace it was typed in."""
        return workspace_of(self.context)


Answer = Callable[[Slash], None]


@dataclass(frozen=True)
class Subcommand:
    """A subcommand's names (aliases too), whether it takes more words, and its answer."""

    names: tuple[str, ...]
    answer: Answer
    takes_words: bool = False


def route(table: Sequence[Subcommand], text: str) -> tuple[Subcommand, str] | None:
    """The subcommand the text starts with, longest name first, and the words after it."""
    lowered = text.lower()
    named = sorted(((n, s) for s in table for n in s.names), key=lambda p: -len(p[0]))
    for name, subcommand in named:
        if lowered == name:
            return subcommand, ""
        if subcommand.takes_words and lowered.startswith(f"{name} "):
            return subcommand, text[len(name) :].strip()
    return None
