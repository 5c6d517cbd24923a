"""What closing, ending and opting out answer once Slack's 3 seconds are over: the members
listed, the confirmation, the closure applied, the author told."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient
from sqlalchemy import Engine

from bot.blocks.closures import confirmation, whom
from bot.closures import applying, closing
from bot.closures.command import Close, over
from bot.closures.ending import end_closure
from bot.closures.members import Listing, Unreadable, listing
from bot.core.closures import Scope
from bot.core.dates import time_zone
from bot.core.workspace import Workspace
from bot.slack.directory import Directory
from bot.slack.handles import Handle
from bot.team.command import Target
from bot.team.members import BUSY
from bot.texts import _, ngettext, speaking

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Asker:
    """Who closes, from where, in which language and zone, and where the answer goes."""

    client: WebClient
    engine: Engine
    directory: Directory
    workspace: Workspace
    user_id: str
    response_url: str
    tz: str
    locale: str
    now: datetime

    def reply(self, text: str, blocks: list[dict[str, Any]] | None = None, **extra: Any) -> None:
        """Answer privately, in the asker's language; a response_url that expired is logged."""
        answer = WebhookClient(self.response_url).send(
            text=text, blocks=blocks, response_type="ephemeral", **extra
        )
        if answer.status_code != 200:
            logger.info("could not answer %s: %s %s", self.user_id, answer.status_code, answer.body)

    def handles(self) -> list[Handle]:
        """The workspace's channels and user groups, to find a typed name in."""
        return self.directory.handles(self.client, team_id=self.workspace.team_id)

    def members(self, scope: Scope, target: Target | None) -> Listing | None:
        """Whom the closure reaches, or None once the asker was told why that can't be said."""
        try:
            return listing(self.client, scope, target, asker=self.user_id, handles=self.handles)
        except Unreadable as refusal:
            self.reply(str(refusal))
        except (SlackApiError, OSError) as error:  # a limit or a timeout: still answer
            logger.warning("could not list the members of a closure: %s", error)
            self.reply(_(BUSY))
        return None


def propose(asker: Asker, request: Close) -> None:
    """List the members, store the closure unapplied, and ask its author to confirm it."""
    with speaking(asker.locale):
        found = asker.members(request.scope, request.target)
        if found is None:
            return
        if not found.people:
            asker.reply(
                _(
                    "There is nobody to close for in {whom}: only bots, or no one at all.",
                    whom=whom(request.scope, found.label),
                )
            )
            return
        row = closing.propose(
            asker.engine,
            workspace=asker.workspace,
            author=asker.user_id,
            request=request,
            listing=found,
            locale=asker.locale,
            now=asker.now,
        )
        assert row.id is not None
        text, blocks = confirmation(
            row.id,
            scope=request.scope,
            label=found.label,
            first=request.first,
            last=request.last,
            message=request.message,
            people=found.people,
        )
        asker.reply(text, blocks)


def close(asker: Asker, closure_id: int, *, people: int) -> None:
    """Queue a confirmed closure's application once Slack still says who is in it (`people`:
    how many the confirmation counted); the outbox applies it and tells its author by DM."""
    with speaking(asker.locale):
        row = closing.closure_of(asker.engine, workspace=asker.workspace, closure_id=closure_id)
        if row is None or row.created_by != asker.user_id:
            asker.reply(_("Only whoever set this closure up can confirm it."))
            return
        today = asker.now.astimezone(time_zone(asker.tz)).date()
        if row.last_day < today:
            asker.reply(over(), replace_original=True)
            return
        label = whom(Scope(row.scope), row.target_label)
        closing_text = ngettext(
            "Closing for {count} person ({whom})…",
            "Closing for {count} people ({whom})…",
            people,
            whom=label,
        )
        asker.reply(closing_text, replace_original=True)
        target = Target(row.target_id, row.target_label or "") if row.target_id else None
        if asker.members(Scope(row.scope), target) is None:
            return
        claimed = applying.claim(
            asker.engine,
            workspace=asker.workspace,
            closure_id=closure_id,
            author=asker.user_id,
            tz=asker.tz,
            now=asker.now,
        )
        if not claimed:
            asker.reply(_("This closure was already applied or cancelled."))


def end(asker: Asker, closure_id: int) -> None:
    """End a closure early for everyone who did not edit theirs, and say so."""
    ended = end_closure(
        asker.engine, workspace=asker.workspace, closure_id=closure_id, now=asker.now
    )
    with speaking(asker.locale):
        if ended:
            text = _(
                "Closure {id} ended: the absences it gave are gone, except those people edited.",
                id=closure_id,
            )
        else:
            text = _("Closure {id} was already ended, or there is no such closure.", id=closure_id)
        asker.reply(text)
