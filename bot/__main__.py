"""The `ooo` command: run the app, migrate the database, check dates, manage keys and data."""

import argparse
import logging
import signal
import sys
from typing import TYPE_CHECKING

from bot.cli import data, dates, keys, tick
from bot.config import (
    ConfigError,
    DatabaseSettings,
    HttpSettings,
    Settings,
    SettingsT,
    load_settings,
)
from bot.logs import configure_logging

if TYPE_CHECKING:
    from slack_bolt import App
    from sqlalchemy import Engine

    from bot.accounts.connected import ConnectedAccounts

logger = logging.getLogger("ooo")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen subcommand."""
    parser = argparse.ArgumentParser(prog="ooo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the Slack app")
    run.add_argument(
        "--http", action="store_true", help="serve HTTP even if SLACK_APP_TOKEN is set"
    )
    run.add_argument("--port", type=int, help="HTTP port (default: $PORT or 3000)")
    run.add_argument("--host", default="0.0.0.0", help="HTTP address to bind (default: all)")
    run.set_defaults(func=_run)
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply pending migrations").set_defaults(func=_upgrade)
    dates.register(commands)
    tick.register(commands)
    keys.register(commands)
    data.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2


def _settings(kind: type[SettingsT]) -> SettingsT:
    """Load settings and set up logging from them."""
    settings = load_settings(kind)
    configure_logging(settings.log_level, settings)
    return settings


def _upgrade(_args: argparse.Namespace) -> int:
    """Apply migrations and stop."""
    from storage.db import make_engine, migrate

    migrate(make_engine(_settings(DatabaseSettings).database_url))
    logger.info("database is up to date")
    return 0


def _run(args: argparse.Namespace) -> int:
    """Migrate, then serve Slack over Socket Mode or HTTP until interrupted or terminated."""
    from datetime import timedelta

    from bot.accounts.housekeeping import start_housekeeping
    from bot.accounts.installs import client_for, connected_accounts
    from bot.app import create_app, delivery_client
    from bot.clock import system_clock
    from bot.outbox.deliveries import outbox_registry
    from bot.outbox.delivery import OutboxServices
    from bot.outbox.worker import EffectWorker
    from bot.replies.retention import purge
    from bot.responders.followups import Followups
    from bot.scheduler import Scheduler
    from storage.db import make_engine, migrate

    settings = _settings(HttpSettings if args.http else Settings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    purge(engine, now=system_clock(), days=settings.ooo_retention_days)
    followups = Followups(engine, accounts=connected_accounts(settings, engine, system_clock))
    effects = EffectWorker(
        engine,
        client_for(settings, engine, system_clock, delivery_client(settings)),
        system_clock,
        lease=timedelta(seconds=settings.effect_lease_seconds),
        registry=outbox_registry(),
        services=OutboxServices(homes=followups.homes, accounts=followups.accounts),
    )
    scheduler = Scheduler(engine, system_clock)
    app = create_app(
        settings, engine=engine, followups=followups, effects=effects, scheduler=scheduler
    )
    retention = timedelta(days=settings.ooo_retention_days)
    housekeeping = start_housekeeping(engine, system_clock, retention=retention)
    effects.start()
    scheduler.start()
    # SIGTERM (a deploy, a scale-down) stops like Ctrl-C: queued DMs are sent before exiting.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        port = args.port or settings.port
        _serve(app, engine, settings, followups.accounts, host=args.host, port=port)
    except KeyboardInterrupt:
        pass
    finally:
        housekeeping.shutdown()
        scheduler.shutdown()
        followups.close()
        effects.close()
        logger.info("stopped")
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    """Turn a termination request into the interrupt both servers stop on."""
    raise KeyboardInterrupt


def _serve(
    app: "App",
    engine: "Engine",
    settings: Settings,
    accounts: "ConnectedAccounts",
    *,
    host: str,
    port: int,
) -> None:
    """Serve until interrupted: HTTP on waitress, or Socket Mode beside a health check (and
    the connect-account callback, which is a browser's, not Slack's)."""
    from bot.web import http_server

    if not settings.socket_mode:
        server = http_server(engine, app, host=host, port=port, accounts=accounts)
        port = server.effective_port  # type: ignore[attr-defined]
        logger.info("serving Slack on http://%s:%s/slack/events", host, port)
        server.run()
        return
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.handshake import asking_slack

    health = http_server(engine, None, host=host, port=port, accounts=accounts)
    handler = SocketModeHandler(app, settings.slack_app_token)
    with asking_slack("SLACK_APP_TOKEN", settings.slack_api_url):
        handler.connect()  # type: ignore[no-untyped-call]
    logger.info("connected to Slack over Socket Mode; health on http://%s:%s/healthz", host, port)
    try:
        health.run()
    finally:
        # No new requests from Slack while the queued follow-ups drain.
        handler.close()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    sys.exit(main())
