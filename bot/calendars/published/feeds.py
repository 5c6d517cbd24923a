"""Published feeds of absences: making one (a person's own, or a team's), finding, revoking.

A feed's URL carries a random token. The database keeps its SHA-256, which finds the feed
and reveals nothing; with OOO_ENCRYPTION_KEY it also keeps the token sealed, so its owner can
copy the URL again from the Home tab. Without a key the URL is shown once, when it is made,
and `new` makes another (revoking the old one): a URL is never stored in clear.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import Engine

from bot.accounts.vault import Vault, WrongKey
from bot.clock import Clock
from bot.core.feed_links import FeedKind, FeedLink
from bot.core.workspace import Workspace
from storage import published_feed_queries as stored
from storage.db import begin_writing, session_scope
from storage.models import PublishedFeed

PERSON, TEAM = FeedKind.PERSON, FeedKind.TEAM
PATH = "/calendars/"
SUFFIX = ".ics"
TOKEN_BYTES = 32
# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def token_hash(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_in(path: str) -> str | None:
    """The token of a feed's path (`/calendars/<token>.ics`), or None when it is not one."""
    token = path.removeprefix(PATH).removesuffix(SUFFIX)
    if not path.startswith(PATH) or not path.endswith(SUFFIX) or not TOKEN.fullmatch(token):
        return None
    return token


@dataclass(frozen=True)
class TeamTarget:
    """The channel or user group a team feed shows, as checked when it was asked for."""

    id: str
    label: str
    private: bool


class PublishedFeeds:
    """Makes, lists and revokes people's feeds; URLs start with OOO_PUBLIC_URL."""

    def __init__(
        self, engine: Engine, clock: Clock, *, public_url: str | None, vault: Vault | None
    ) -> None:
        self._engine, self._clock, self._vault = engine, clock, vault
        self._public_url = public_url.rstrip("/") if public_url else None

    @property
    def available(self) -> bool:
        """Whether feeds can be made: calendars need a public address to read them from."""
        return self._public_url is not None

    @property
    def host(self) -> str:
        """The public host, which names every event's UID."""
        return urlsplit(self._public_url or "").hostname or "ooo"

    def own(
        self, workspace: Workspace, user_id: str, *, locale: str, renew: bool
    ) -> tuple[FeedLink, bool]:
        """The person's own feed: the one they have unless `renew`, else a new one; and
        whether it was just made."""
        return self._feed(workspace, user_id, locale=locale, target=None, renew=renew)

    def team(
        self, workspace: Workspace, user_id: str, target: TeamTarget, *, locale: str, renew: bool
    ) -> tuple[FeedLink, bool]:
        """The person's feed of a team, made if they have none or `renew`; whether it was."""
        return self._feed(workspace, user_id, locale=locale, target=target, renew=renew)

    def _feed(
        self,
        workspace: Workspace,
        user_id: str,
        *,
        locale: str,
        target: TeamTarget | None,
        renew: bool,
    ) -> tuple[FeedLink, bool]:
        """The person's feed of a team (or their own, without one): kept, or made anew."""
        kind = TEAM if target else PERSON
        with session_scope(self._engine) as session:
            begin_writing(session, "feed")
            mine = stored.feeds_of(session, workspace=workspace, owner_id=user_id, kind=kind)
            same = [f for f in mine if target is None or f.target_id == target.id]
            if same and not renew:
                return self._link(same[-1]), False
            now = self._clock()
            stored.revoke_feeds(session, feed_ids=[f.id for f in same if f.id], now=now)
            token = secrets.token_urlsafe(TOKEN_BYTES)
            feed = PublishedFeed(
                team_id=workspace.team_id,
                enterprise_id=workspace.enterprise_id,
                owner_id=user_id,
                kind=kind,
                target_id=target.id if target else None,
                target_label=target.label if target else None,
                target_private=target.private if target else False,
                locale=locale,
                token_hash=token_hash(token),
                sealed_token=self._vault.seal(token) if self._vault else None,
                created_at=now,
            )
            return self._link(stored.add_feed(session, feed=feed), token), True

    def listed(self, workspace: Workspace, user_id: str) -> list[FeedLink]:
        """The person's live feeds, their own first."""
        with session_scope(self._engine) as session:
            mine = stored.feeds_of(session, workspace=workspace, owner_id=user_id)
            links = [self._link(feed) for feed in mine]
        return sorted(links, key=lambda link: (link.kind != PERSON, link.id))

    def revoke(
        self,
        workspace: Workspace,
        user_id: str,
        *,
        feed_id: int | None = None,
        team: tuple[str | None, str] | None = None,
    ) -> list[FeedLink]:
        """Revoke the person's feeds: one by id, a team's by its id or label, or else their
        own; what was revoked."""
        with session_scope(self._engine) as session:
            mine = stored.feeds_of(session, workspace=workspace, owner_id=user_id)
            # Chosen by what they are, not by their URLs: no sealed token is opened for it.
            links = [self._link(feed, opened=False) for feed in mine]
        chosen = [link for link in links if _chosen(link, feed_id=feed_id, team=team)]
        with session_scope(self._engine) as session:
            stored.revoke_feeds(session, feed_ids=[link.id for link in chosen], now=self._clock())
        return chosen

    def _link(
        self, feed: PublishedFeed, token: str | None = None, *, opened: bool = True
    ) -> FeedLink:
        """What the owner is shown of a feed; its URL only if the token is known or, when
        `opened`, unsealed."""
        assert feed.id is not None
        if token is None and opened and feed.sealed_token and self._vault:
            try:
                token = self._vault.open(feed.sealed_token)
            except WrongKey:
                token = None
        url = f"{self._public_url}{PATH}{token}{SUFFIX}" if token and self._public_url else None
        label = feed.target_label if feed.kind == TEAM else None
        return FeedLink(
            feed.id,
            FeedKind(feed.kind),
            feed.target_id,
            label,
            url,
            feed.created_at,
            feed.last_read_at,
        )


def _chosen(link: FeedLink, *, feed_id: int | None, team: tuple[str | None, str] | None) -> bool:
    """Whether a revoke names this feed: by its id, its team (id, or label as typed), or as
    the person's own feed when it names nothing."""
    if feed_id is not None:
        return link.id == feed_id
    if team is None:
        return link.kind == PERSON
    target_id, label = team
    if link.kind != TEAM:
        return False
    return link.target_id == target_id if target_id else str(link.label).lower() == label.lower()
