"""The HTTP face of ooo: Slack's endpoint, a health check, the connect-account callback and
published calendar feeds, on a multi-threaded WSGI server."""

from collections.abc import Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import Engine
from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

from bot.accounts.connect_page import browser_locale, complete, is_connect
from bot.accounts.connected import ConnectedAccounts
from bot.accounts.installs import REDIRECT_PATH
from bot.calendars.published.feeds import PATH as FEEDS_PATH
from bot.calendars.published.feeds import token_in
from bot.calendars.published.reads import Conditions, FeedReader
from bot.texts import speaking
from storage.db import ping

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

THREADS = 8
HTML = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
MAX_BODY = 2 * 1024 * 1024


def wsgi_app(
    engine: Engine,
    app: App | None,
    accounts: ConnectedAccounts | None = None,
    feeds: FeedReader | None = None,
) -> "WSGIApplication":
    """Route `/healthz` to the database check, a connect's callback to `accounts`, feed URLs
    to `feeds`, and the rest to Bolt, if it is served over HTTP.

    In Socket Mode Bolt does not verify signatures, so it must never be reachable over HTTP.
    Without Bolt's install flow (one workspace) every callback is a connect's.
    """
    slack = SlackRequestHandler(app) if app else _not_found
    installs = app is not None and app.oauth_flow is not None

    def application(environ: "WSGIEnvironment", start_response: "StartResponse") -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == "/healthz" and method == "GET":
            healthy = ping(engine)
            status = "200 OK" if healthy else "503 Service Unavailable"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n" if healthy else b"database unavailable\n"]
        if path == REDIRECT_PATH and method == "GET" and accounts and accounts.available:
            query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
            if is_connect(query) or not installs:
                with speaking(browser_locale(environ.get("HTTP_ACCEPT_LANGUAGE"))):
                    page = complete(accounts, query)
                start_response(f"{page.status} {HTTPStatus(page.status).phrase}", HTML)
                return [page.html()]
        if feeds and str(path).startswith(FEEDS_PATH) and method in ("GET", "HEAD"):
            return _feed(feeds, environ, start_response)
        return slack(environ, start_response)

    return application


def _feed(
    feeds: FeedReader, environ: "WSGIEnvironment", start_response: "StartResponse"
) -> Iterable[bytes]:
    """Answer a calendar reading a feed (HEAD: the same headers, no body)."""
    conditions = Conditions(
        environ.get("HTTP_IF_NONE_MATCH"), environ.get("HTTP_IF_MODIFIED_SINCE")
    )
    answer = feeds.read(token_in(str(environ.get("PATH_INFO"))), conditions)
    start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", answer.headers)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [answer.body]


def _not_found(_environ: "WSGIEnvironment", start_response: "StartResponse") -> Iterable[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"not found\n"]


def http_server(
    engine: Engine,
    app: App | None,
    *,
    host: str,
    port: int,
    accounts: ConnectedAccounts | None = None,
    feeds: FeedReader | None = None,
) -> BaseWSGIServer:
    """Create (without starting) a waitress server on one address; port 0 picks a free one."""
    server = create_server(
        wsgi_app(engine, app, accounts, feeds),
        host=host,
        port=port,
        threads=THREADS,
        max_request_body_size=MAX_BODY,
        ident="ooo",
    )
    assert isinstance(server, BaseWSGIServer), "one host and port give one server"
    return server


def stop(server: BaseWSGIServer) -> None:
    """Close the listener and every open connection, so `run()` returns in another thread."""
    server.task_dispatcher.shutdown()

    def close_everything() -> None:
        # waitress keeps its socket map private (and its stubs mistype the trigger).
        wasyncore.close_all(server._map, ignore_all=True)  # type: ignore[attr-defined]

    # The trigger runs this on the loop's own thread, so no socket is closed under a poll.
    server.trigger.pull_trigger(close_everything)  # type: ignore[attr-defined]
