"""What a person sees after a change: their Home tab and a refreshed list (the confirmation
DMs are effects, see bot/responders/confirmations.py).

Follow-ups run on a small pool after the request is answered, so Slack's 3-second window never
waits for them, and each is best-effort: a failure is logged and never undoes a saved change.
"""

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextvars import copy_context
from typing import Any

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from sqlalchemy import Engine

from bot.blocks.responder_list import list_message
from bot.clock import Clock
from bot.core.workspace import Workspace
from bot.home.tabs import HomeTabs
from bot.organisation.returns import backs_of
from bot.organisation.settings import settings_of
from bot.responders.use_cases import visible_to
from bot.slack.context import patient
from bot.slack.directory import Directory

logger = logging.getLogger(__name__)
WORKERS = 4


class Followups:
    """Runs follow-ups off the request thread, one job per destination."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        homes: HomeTabs,
        directory: Directory,
        workers: int = WORKERS,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self.homes = homes
        # Who is in which group or channel: a list shows the responders of theirs too.
        self._directory = directory
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ooo-followups")
        self._lock = threading.Lock()
        # A person's list refreshes send in the order they read, so an older one never lands
        # last; one lock per person, so a slow response URL holds up nobody else.
        self._list_locks: dict[tuple[str, str], threading.Lock] = {}
        self._pending: set[Future[None]] = set()

    def changed(
        self,
        client: WebClient,
        *,
        workspace: Workspace,
        user_id: str,
        origin: str | None,
    ) -> None:
        """Bring the Home tab, and the private list a change came from, up to date.

        Both are drawn from the database as it is when they run, not as the request saw it.
        """
        self._later(self.homes.publish, patient(client), workspace=workspace, user_id=user_id)
        if origin:
            self._later(
                self._refresh_list, patient(client), origin, workspace=workspace, user_id=user_id
            )

    def later(self, job: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        """Run any job after the answer, on this pool (team views wait on Slack there)."""
        self._later(job, *args, **kwargs)

    def join(self, timeout: float = 10.0) -> None:
        """Wait for every follow-up submitted so far (tests and shutdown use it)."""
        with self._lock:
            pending = set(self._pending)
        wait(pending, timeout=timeout)

    def close(self) -> None:
        """Finish the queued follow-ups and stop the pool."""
        self._pool.shutdown(wait=True)

    def _refresh_list(
        self, client: WebClient, origin: str, *, workspace: Workspace, user_id: str
    ) -> None:
        """Replace the private `/ooo list` answer a change was made from, one at a time."""
        with self._lock:
            in_order = self._list_locks.setdefault((workspace.team_id, user_id), threading.Lock())
        with in_order:
            now = self._clock()
            shown = visible_to(
                self._engine,
                client,
                self._directory,
                workspace=workspace,
                user_id=user_id,
                now=now,
            )
            privacy = settings_of(self._engine, workspace).privacy
            backs = backs_of(self._engine, shown)
            text, blocks = list_message(
                shown, now=now, backs=backs, viewer=user_id, privacy=privacy
            )
            answer = WebhookClient(origin).send(text=text, blocks=blocks, replace_original=True)
        if answer.status_code != 200:
            # Response URLs expire after 30 minutes and five uses; the Home tab is still current.
            logger.info("could not refresh a list for %s: %s", user_id, answer.status_code)

    def _later(self, job: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        """Queue a job; its failure is logged with the job's name and nothing else happens."""

        def run() -> None:
            try:
                job(*args, **kwargs)
            except Exception:
                logger.exception("follow-up %s failed", job.__qualname__)

        # In the context of the request, so the job speaks the language its listener spoke.
        future = self._pool.submit(copy_context().run, run)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: "Future[None]") -> None:
        with self._lock:
            self._pending.discard(future)
