"""slack-sdk's OAuthStateStore on ooo's database: single-use states that expire.

Only a keyed hash (HMAC with SLACK_STATE_SECRET) of each state is stored, so reading the
database gives nobody a state to complete someone else's install with.
"""

import hashlib
import hmac
import logging
import secrets
from datetime import timedelta

from slack_sdk.oauth.state_store import OAuthStateStore
from sqlalchemy import Engine

from bot.clock import Clock
from storage import installation_queries as stored
from storage.db import session_scope

logger = logging.getLogger(__name__)
STATE_LIFETIME = timedelta(minutes=10)


class StoredStates(OAuthStateStore):
    """Issues states for install links and spends each on its first valid callback."""

    def __init__(
        self,
        engine: Engine,
        state_secret: str,
        clock: Clock,
        *,
        lifetime: timedelta = STATE_LIFETIME,
    ) -> None:
        self._engine, self._secret, self._clock = engine, state_secret.encode(), clock
        self._lifetime = lifetime

    @property
    def logger(self) -> logging.Logger:
        """The logger slack-sdk expects every store to have."""
        return logger

    def issue(self, *args: object, **kwargs: object) -> str:
        """A new unguessable state, valid for the store's lifetime (STATE_LIFETIME unless told)."""
        state = secrets.token_urlsafe(32)
        now = self._clock()
        with session_scope(self._engine) as session:
            stored.add_state(
                session, digest=self._digest(state), expires_at=now + self._lifetime, now=now
            )
        return state

    def consume(self, state: str) -> bool:
        """Whether a state was issued, is unexpired and unspent, spending it if so."""
        if not state:
            return False
        with session_scope(self._engine) as session:
            return stored.spend_state(session, digest=self._digest(state), now=self._clock())

    def _digest(self, state: str) -> str:
        return hmac.new(self._secret, state.encode(), hashlib.sha256).hexdigest()
