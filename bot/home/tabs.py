"""Home tabs drawn from the database as it is when they are published, never older.

Slack gives each published view a hash and refuses a publish whose hash is stale. Each person's
last known hash is kept, so a render that lost a race is refused instead of overwriting a newer
one; it is then drawn again from a fresh read.
"""

import json
import logging
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlmodel import Session

from bot.accounts.connected import ConnectedAccounts
from bot.blocks.behalf import done_for_you_blocks
from bot.blocks.home import home_view
from bot.blocks.transitions import collapsed, problem_text
from bot.blocks.working_days import Block, workdays_section
from bot.calendars.connected.home_section import calendar_blocks
from bot.calendars.published.home_section import FeedsHome
from bot.clock import Clock
from bot.core.responder_value import Responder
from bot.core.workspace import Workspace
from bot.on_behalf.audit import done_for
from bot.organisation.returns import backs_of
from bot.organisation.settings import settings_of
from bot.outbox.errors import deadline_of
from bot.responders.use_cases import visible_to
from bot.slack.directory import Directory
from bot.team.home_section import my_team_blocks
from bot.texts import speaking
from bot.workdays.reads import workdays_of
from storage.db import session_scope
from storage.effects_queries import failed_effects

logger = logging.getLogger(__name__)
ATTEMPTS = 3
# The Home tab's "Changed for you by others" shows this many, newest first.
DONE_SHOWN = 5


class HomeTabs:
    """Publishes Home tabs with the last view hash seen for each person."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        accounts: ConnectedAccounts,
        directory: Directory,
        *,
        calendars: bool = False,
        feeds: FeedsHome | None = None,
    ) -> None:
        self._engine = engine
        # Whether people can connect calendars here (the server seals their addresses).
        self._calendars = calendars
        self._feeds = feeds
        self._clock = clock
        self._accounts = accounts
        # Who the workspace's people are, for the My team section, and who is in which group.
        self._directory = directory
        self._lock = threading.Lock()
        self._hashes: dict[tuple[str, str], str] = {}
        # One publish per person at a time here, so two from this process never race.
        self._people: dict[tuple[str, str], threading.Lock] = {}

    def seen(self, *, workspace: Workspace, user_id: str, view_hash: str | None) -> None:
        """Remember the hash of a Home tab Slack showed (app_home_opened carries it)."""
        if view_hash:
            with self._lock:
                self._hashes[(workspace.team_id, user_id)] = view_hash

    def publish(self, client: WebClient, *, workspace: Workspace, user_id: str) -> None:
        """Publish the person's Home tab, in their language; on a stale hash, read again."""
        key = (workspace.team_id, user_id)
        with self._lock:
            person = self._people.setdefault(key, threading.Lock())
        viewer = self._directory.person(client, team_id=workspace.team_id, user_id=user_id)
        with person, speaking(viewer.locale):
            self._publish(client, key, workspace=workspace, user_id=user_id)

    def _publish(
        self, client: WebClient, key: tuple[str, str], *, workspace: Workspace, user_id: str
    ) -> None:
        for _ in range(ATTEMPTS):
            with self._lock:
                known = self._hashes.get(key)
            now = self._clock()
            mine = visible_to(
                self._engine,
                client,
                self._directory,
                workspace=workspace,
                user_id=user_id,
                now=now,
            )
            with session_scope(self._engine) as session:
                problems = problems_of(session, workspace=workspace, owner_id=user_id, shown=mine)
            team = my_team_blocks(
                client,
                self._engine,
                workspace=workspace,
                user_id=user_id,
                now=now,
                people=self._directory,
            )
            account = self._accounts.view(workspace, user_id)
            calendar = calendar_blocks(
                self._engine,
                workspace=workspace,
                user_id=user_id,
                available=self._calendars,
                now=now,
            )
            feeds = self._feeds.blocks(workspace, user_id) if self._feeds else []
            done = done_for(self._engine, workspace=workspace, user_id=user_id, limit=DONE_SHOWN)
            workdays = self._workdays(client, workspace, user_id, now=now)
            view = home_view(
                mine,
                now=now,
                problems=problems,
                team=[*done_for_you_blocks(done), *calendar, *workdays, *team],
                feeds=feeds,
                account=account,
                viewer=user_id,
                privacy=settings_of(self._engine, workspace).privacy,
                backs=backs_of(self._engine, mine),
            )
            try:
                answer = client.views_publish(user_id=user_id, view=view, hash=known)
            except SlackApiError as error:
                if error.response.get("error") != "hash_conflict":
                    raise
                self._after_conflict(key, known)
                continue
            self.seen(workspace=workspace, user_id=user_id, view_hash=answer["view"]["hash"])
            return
        logger.info("gave up publishing a Home tab for %s after %d conflicts", user_id, ATTEMPTS)

    def _workdays(
        self, client: WebClient, workspace: Workspace, user_id: str, *, now: datetime
    ) -> list[Block]:
        """The Working days section, with holidays named and dated for the person."""
        person = self._directory.person(client, team_id=workspace.team_id, user_id=user_id)
        today = now.astimezone(ZoneInfo(person.tz)).date()
        view = workdays_of(self._engine, workspace, user_id, today=today, locale=person.locale)
        return workdays_section(view, tz=person.tz)

    def _after_conflict(self, key: tuple[str, str], known: str | None) -> None:
        """Forget a hash another publish made stale, unless a newer one was learnt meanwhile.

        A publish elsewhere (another replica) is not known here; the retry then goes without a
        hash, which is safe because its rows were read after that publish was accepted.
        """
        with self._lock:
            if self._hashes.get(key) == known:
                self._hashes.pop(key, None)


def problems_of(
    session: Session, *, workspace: Workspace, owner_id: str, shown: list[Responder]
) -> list[str]:
    """What could not be done for the responders a person is shown, in plain words."""
    failed = failed_effects(
        session, workspace=workspace, owner_id=owner_id, responder_ids=[r.id for r in shown if r.id]
    )
    payloads = [json.loads(e.payload) for e in failed]
    return collapsed(
        [
            problem_text(
                e.kind,
                e.last_error or "",
                p.get("channel"),
                p.get("to"),
                tried_days=deadline_of(e.kind).days,
            )
            for e, p in zip(failed, payloads, strict=True)
        ]
    )
