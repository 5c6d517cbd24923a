"""Slack's redirect after someone connects their account: one code exchange, then a page.

A wrong, expired or reused state, a denied authorization, or a code Slack refuses gets a 4xx
page and changes nothing; success stores the sealed user token and confirms in a DM.
"""

import html
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from babel import negotiate_locale
from slack_sdk.errors import SlackApiError

from bot.accounts.connected import CONNECT_STATE, ConnectedAccounts
from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from bot.texts import N_, _, supported_locales
from bot.texts.catalog import CATALOGS
from storage import account_queries as stored
from storage.db import session_scope
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import ConnectedAccount

logger = logging.getLogger(__name__)
CONNECTED_DM = N_(
    "Your Slack account is connected to ooo. While you're away, ooo now answers the direct "
    "messages people send you, and a responder can set your status and pause your "
    "notifications: tick them in its form. Disconnect any time from ooo's Home tab."
)
AGAIN = N_(
    "Nothing was changed. To connect, open ooo's Home tab in Slack and click Connect my account."
)


@dataclass(frozen=True)
class Page:
    """What the browser is shown: an HTTP status and a short page."""

    status: int
    title: str
    text: str

    def html(self) -> bytes:
        """The page as HTML, every word escaped."""
        title, text = html.escape(self.title), html.escape(self.text)
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{text}</p></body></html>"
        ).encode()


def browser_locale(accept_language: str | None) -> str | None:
    """The language ooo speaks that a browser prefers most (its Accept-Language header), so
    the page and the confirmation DM speak the person who just signed in; None for English."""
    weighted = []
    for part in (accept_language or "").split(","):
        tag, _semicolon, quality = part.strip().partition(";q=")
        try:
            weighted.append((float(quality or 1), tag.strip()))
        except ValueError:
            continue  # a malformed weight: that language is skipped, not the header
    preferred = [tag for _weight, tag in sorted(weighted, key=lambda pair: -pair[0]) if tag]
    # Whole tags ("zh-TW") first, then a language alone ("fr" for "fr-CH").
    spoken = [*supported_locales(), *(folder.replace("_", "-") for folder in CATALOGS)]
    return negotiate_locale(preferred, spoken, sep="-")


def is_connect(query: dict[str, str]) -> bool:
    """Whether a callback on the redirect URL comes back from a connect (not an install)."""
    return query.get("state", "").startswith(CONNECT_STATE)


def complete(accounts: ConnectedAccounts, query: dict[str, str]) -> Page:
    """Spend the state, exchange the code once, keep the person's token, confirm it."""
    states, oauth = accounts.states, accounts.oauth
    if states is None or oauth is None:
        return Page(404, _("Not available"), _("Connecting accounts is not set up for this ooo."))
    if not states.consume(query.get("state", "").removeprefix(CONNECT_STATE)):
        return Page(400, _("This link has expired or was already used"), _(AGAIN))
    if query.get("error") or not query.get("code"):
        denied = _("You did not allow ooo to act as you.") + " " + _(AGAIN)
        return Page(403, _("ooo was not connected"), denied)
    try:
        answer = oauth.client.oauth_v2_access(
            client_id=oauth.client_id, client_secret=oauth.client_secret, code=query["code"]
        )
    except SlackApiError as error:
        logger.info("Slack refused a connect code: %s", error.response.get("error"))
        return Page(400, _("Slack did not accept this sign-in"), _(AGAIN))
    return _connected(accounts, answer.data if isinstance(answer.data, dict) else {})


def _connected(accounts: ConnectedAccounts, answer: dict[str, Any]) -> Page:
    """Keep the token Slack gave, if it is a person's in a workspace ooo serves."""
    person: dict[str, Any] = answer.get("authed_user") or {}
    team = (answer.get("team") or {}).get("id")
    workspace = Workspace(team or "", (answer.get("enterprise") or {}).get("id"))
    if not person.get("access_token") or not person.get("id") or not team:
        return Page(400, _("Slack did not give ooo your account"), _(AGAIN))
    if not accounts.serves(workspace):
        accounts.revoke(person["access_token"])
        return Page(403, _("ooo is not installed in this workspace"), _("Add ooo to it first."))
    _keep(accounts, workspace, person)
    return Page(
        200, _("Your account is connected"), _("You can close this tab and go back to Slack.")
    )


def _keep(accounts: ConnectedAccounts, workspace: Workspace, person: dict[str, Any]) -> None:
    """Store the sealed token, and queue the confirmation DM and a fresh Home tab with it."""
    vault, now, user_id = accounts.vault, accounts.clock(), person["id"]
    assert vault is not None
    expires_in = person.get("expires_in")
    account = ConnectedAccount(
        team_id=workspace.team_id,
        enterprise_id=workspace.enterprise_id,
        user_id=user_id,
        scopes=person.get("scope") or "",
        token=vault.seal(person["access_token"]),
        refresh_token=vault.seal(person["refresh_token"]) if person.get("refresh_token") else None,
        token_expires_at=now + timedelta(seconds=expires_in) if expires_in else None,
        connected_at=now,
    )
    key = f"account:{workspace.team_id}:{user_id}:{now.timestamp():.6f}:connected"
    told = NewEffect(
        key,
        EffectKind.MESSAGE_POST,
        # Rendered when sent, in the language they use in Slack.
        {"channel": user_id, "text": _(CONNECTED_DM), "message": CONNECTED_DM},
        workspace,
        user_id,
    )
    home = NewEffect(f"{key}:home", EffectKind.HOME_REFRESH, {}, workspace, user_id)
    with session_scope(accounts.engine) as session:
        stored.save_account(session, account=account)
        enqueue_effects(session, effects=[told, home], now=now)
    logger.info("%s connected their account in %s", user_id, workspace.team_id)
