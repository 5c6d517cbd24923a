"""`ooo run`: migrate, then serve Slack over Socket Mode or HTTP until interrupted or terminated."""

import argparse
import logging
import signal
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.cli.environment import settings_of
from bot.config import HttpSettings, Settings

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.services import Services

logger = logging.getLogger("ooo")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `run` subcommand."""
    run = subparsers.add_parser("run", help="run the Slack app")
    run.add_argument(
        "--http", action="store_true", help="serve HTTP even if SLACK_APP_TOKEN is set"
    )
    run.add_argument("--port", type=int, help="HTTP port (default: $PORT or 3000)")
    run.add_argument("--host", default="0.0.0.0", help="HTTP address to bind (default: all)")
    run.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    """Build ooo once, start its outbox and sweeps, and serve until stopped."""
    from bot.app import build_services, create_app
    from storage.db import make_engine, migrate

    settings = settings_of(HttpSettings if args.http else Settings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    lease = timedelta(seconds=settings.effect_lease_seconds)
    services = build_services(settings, engine, lease=lease)
    app = create_app(services)
    services.start()
    # SIGTERM (a deploy, a scale-down) stops like Ctrl-C: queued DMs are sent before exiting.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _serve(app, services, host=args.host, port=args.port or settings.port)
    except KeyboardInterrupt:
        pass
    finally:
        services.close()
        logger.info("stopped")
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    """Turn a termination request into the interrupt both servers stop on."""
    raise KeyboardInterrupt


def _serve(app: "App", services: "Services", *, host: str, port: int) -> None:
    """Serve until interrupted: HTTP on waitress, or Socket Mode beside a health check (and
    the connect-account callback and calendar feeds, which are a browser's and calendars',
    not Slack's)."""
    from bot.web import http_server

    settings, engine, accounts = services.settings, services.engine, services.accounts
    feeds = services.feed_reader
    if not settings.socket_mode:
        server = http_server(engine, app, host=host, port=port, accounts=accounts, feeds=feeds)
        port = server.effective_port  # type: ignore[attr-defined]
        logger.info("serving Slack on http://%s:%s/slack/events", host, port)
        server.run()
        return
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.handshake import asking_slack

    # Calendars read published feeds over HTTP whatever the mode.
    health = http_server(engine, None, host=host, port=port, accounts=accounts, feeds=feeds)
    handler = SocketModeHandler(app, settings.slack_app_token)
    with asking_slack("SLACK_APP_TOKEN", settings.slack_api_url):
        handler.connect()  # type: ignore[no-untyped-call]
    logger.info("connected to Slack over Socket Mode; health on http://%s:%s/healthz", host, port)
    try:
        health.run()
    finally:
        # No new requests from Slack while the queued follow-ups drain.
        handler.close()  # type: ignore[no-untyped-call]
