"""Bolt for either mode: one workspace on SLACK_BOT_TOKEN, or any number installed over OAuth."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts import clients
from bot.accounts.authorize import InstalledAuthorize, refusing_uninstalled
from bot.accounts.connected import CONNECT_LIFETIME, ConnectedAccounts
from bot.accounts.installations import SealedInstallations
from bot.accounts.keys import check_key
from bot.accounts.oauth_state import STATE_LIFETIME, StoredStates
from bot.accounts.tokens import BotTokens, OAuthClient
from bot.accounts.vault import Vault
from bot.clock import Clock
from bot.config import Settings
from bot.slack.handshake import asking_slack

INSTALL_PATH = "/slack/install"
SLACK_OAUTH_TIMEOUT = 5
# Start-up is not a request: Slack may take longer to answer the token check than a listener may.
STARTUP_TIMEOUT = 10
REDIRECT_PATH = "/slack/oauth_redirect"
# Exactly the manifest's bot scopes (tests/test_manifest.py holds them equal).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "users:read",
    "usergroups:read",
    "channels:read",
    "groups:read",
    "mpim:read",
    "channels:join",
    "channels:history",
    "groups:history",
    "mpim:history",
    "im:history",
    "im:write",
    "files:write",
)


def bot_tokens(settings: Settings, engine: Engine, clock: Clock, client: WebClient) -> BotTokens:
    """Distributed mode's token lookup; `client` reaches Slack to refresh tokens."""
    assert settings.ooo_encryption_key and settings.slack_client_id, "checked by Settings"
    assert settings.slack_client_secret, "checked by Settings"
    installations = SealedInstallations(engine, Vault(settings.ooo_encryption_key), clock)
    oauth = OAuthClient(settings.slack_client_id, settings.slack_client_secret, client)
    return BotTokens(installations, oauth, clock)


def connected_accounts(settings: Settings, engine: Engine, clock: Clock) -> ConnectedAccounts:
    """People's own accounts, which they can connect whenever the OAuth settings are there, in
    either mode; in distributed mode only where ooo is installed."""
    api = settings.slack_api_url
    if not settings.connects_accounts:
        return ConnectedAccounts(engine, clock, api_url=api)
    assert settings.slack_client_id and settings.slack_client_secret, "connects_accounts"
    assert settings.slack_state_secret and settings.ooo_encryption_key, "connects_accounts"
    # No token: the code exchange and refreshes authenticate with the client id and secret.
    client = WebClient(base_url=api, timeout=SLACK_OAUTH_TIMEOUT)
    oauth = OAuthClient(settings.slack_client_id, settings.slack_client_secret, client)
    # Install states, kept in the same table, never open a connect: their digests differ.
    secret = settings.slack_state_secret + ":connect"
    states = StoredStates(engine, secret, clock, lifetime=CONNECT_LIFETIME)
    return ConnectedAccounts(
        engine,
        clock,
        api_url=api,
        vault=Vault(settings.ooo_encryption_key),
        oauth=oauth,
        states=states,
        serves=bot_tokens(settings, engine, clock, client).installed
        if settings.distributed
        else lambda _workspace: True,
    )


def client_for(
    settings: Settings, engine: Engine, clock: Clock, template: WebClient
) -> clients.ClientFor:
    """How work off the request path finds a workspace's client, in the settings' mode;
    `template` gives the base URL, timeout and retries (and, for one workspace, the token)."""
    if not settings.distributed:
        return clients.single_workspace(template)
    return clients.installed(bot_tokens(settings, engine, clock, template), template)


def bolt_app(settings: Settings, engine: Engine, clock: Clock, client: WebClient) -> App:
    """Bolt in the mode the settings choose; `client` carries the base URL and timeout that
    Bolt copies into every per-request client and into the OAuth flow.

    A key that cannot open the stored tokens stops everything here (fail closed).
    """
    if settings.ooo_encryption_key:
        check_key(engine, Vault(settings.ooo_encryption_key))
    if not settings.distributed:
        return _single_workspace(settings, client)
    assert settings.slack_client_id and settings.slack_client_secret, "checked by Settings"
    assert settings.slack_state_secret, "checked by Settings"
    tokens = bot_tokens(settings, engine, clock, client)
    return App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
        # Bolt accepts an Authorize beside oauth_settings, though its stub says a callable.
        authorize=InstalledAuthorize(tokens),  # type: ignore[arg-type]
        before_authorize=refusing_uninstalled(tokens),
        oauth_settings=OAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=list(BOT_SCOPES),
            installation_store=tokens.installations,
            state_store=StoredStates(engine, settings.slack_state_secret, clock),
            state_expiration_seconds=int(STATE_LIFETIME.total_seconds()),
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
        ),
    )


def _single_workspace(settings: Settings, client: WebClient) -> App:
    """Check the environment's bot token first: Bolt's own auth.test would fail with a traceback."""
    assert settings.slack_bot_token, "checked by Settings"
    client.token = settings.slack_bot_token
    with asking_slack("SLACK_BOT_TOKEN", settings.slack_api_url), starting(client):
        client.auth_test()
        return _single_workspace_app(settings, client)


@contextmanager
def starting(client: WebClient) -> Iterator[None]:
    """Give start-up's calls to Slack (auth.test, twice) longer than a request's 3-second
    window allows its calls: a slow first answer must not stop the app from starting."""
    during_requests, client.timeout = client.timeout, max(client.timeout, STARTUP_TIMEOUT)
    try:
        yield
    finally:
        client.timeout = during_requests


def _single_workspace_app(settings: Settings, client: WebClient) -> App:
    """Bolt for the one workspace whose token was just checked."""
    return App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not settings.socket_mode,
        # Acknowledged only once handled, in Socket Mode too: an event whose intake failed is
        # not acknowledged, so Slack delivers it again.
        process_before_response=True,
        logger=logging.getLogger("slack_bolt"),
    )
