"""What a person sees after a change: a confirmation DM, their Home tab, a refreshed list.

Follow-ups run on a small pool after the request is answered, so Slack's 3-second window never
waits for them, and each is best-effort: a failure is logged and never undoes a saved change.
"""

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from sqlalchemy import Engine

from bot.blocks.dialogs import saved_message
from bot.blocks.home import home_view
from bot.blocks.responder_list import list_message
from bot.team.home import my_team_blocks
from storage import queries
from storage.db import session_scope
from storage.models import Responder
from storage.queries import Workspace

logger = logging.getLogger(__name__)
WORKERS = 4


class Followups:
    """Runs follow-ups off the request thread, one job per destination."""

    def __init__(self, engine: Engine, workers: int = WORKERS) -> None:
        self._engine = engine
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ooo-followups")
        self._lock = threading.Lock()
        self._pending: set[Future[None]] = set()

    def saved(
        self, client: WebClient, responder: Responder, *, updated: bool, origin: str | None
    ) -> None:
        """Confirm a saved responder in a DM, and show it wherever it is listed."""
        self._later(send_saved, client, responder, updated=updated)
        self.changed(
            client,
            workspace=Workspace(responder.team_id, responder.enterprise_id),
            user_id=responder.owner_id,
            origin=origin,
            now=responder.updated_at,
        )

    def changed(
        self,
        client: WebClient,
        *,
        workspace: Workspace,
        user_id: str,
        origin: str | None,
        now: datetime,
    ) -> None:
        """Bring the Home tab, and the private list a change came from, up to date."""
        self._later(
            publish_home, client, self._engine, workspace=workspace, user_id=user_id, now=now
        )
        if origin:
            self._later(
                refresh_list, origin, self._engine, workspace=workspace, user_id=user_id, now=now
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

    def _later(self, job: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        """Queue a job; its failure is logged with the job's name and nothing else happens."""

        def run() -> None:
            try:
                job(*args, **kwargs)
            except Exception:
                logger.exception("follow-up %s failed", job.__name__)

        future = self._pool.submit(run)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: "Future[None]") -> None:
        with self._lock:
            self._pending.discard(future)


def publish_home(
    client: WebClient, engine: Engine, *, workspace: Workspace, user_id: str, now: datetime
) -> None:
    """Show a person their current state and responders in the Home tab."""
    with session_scope(engine) as session:
        mine = queries.responders_of(session, workspace=workspace, owner_id=user_id, now=now)
    team = my_team_blocks(client, engine, workspace=workspace, user_id=user_id, now=now)
    client.views_publish(user_id=user_id, view=home_view(mine, now=now, team=team))


def refresh_list(
    origin: str, engine: Engine, *, workspace: Workspace, user_id: str, now: datetime
) -> None:
    """Replace the private `/ooo list` answer a change was made from."""
    with session_scope(engine) as session:
        mine = queries.responders_of(session, workspace=workspace, owner_id=user_id, now=now)
    text, blocks = list_message(mine, now=now)
    answer = WebhookClient(origin).send(text=text, blocks=blocks, replace_original=True)
    if answer.status_code != 200:
        # Response URLs expire after 30 minutes and five uses; the Home tab is still current.
        logger.info("could not refresh a list for %s: %s", user_id, answer.status_code)


def send_saved(client: WebClient, responder: Responder, *, updated: bool) -> None:
    """Confirm in a DM what was saved."""
    text, blocks = saved_message(responder, updated=updated)
    client.chat_postMessage(channel=responder.owner_id, text=text, blocks=blocks)
