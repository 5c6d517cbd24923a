"""The `ooo` command: run the app, migrate the database, or check how dates are read."""

import argparse
import logging
import signal
import sys
from typing import TYPE_CHECKING

from bot import dates_cli
from bot.config import ConfigError, DatabaseSettings, Settings, SettingsT, load_settings
from bot.logs import configure_logging

if TYPE_CHECKING:
    from slack_bolt import App
    from sqlalchemy import Engine

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
    dates_cli.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2


def _settings(kind: type[SettingsT]) -> SettingsT:
    """Load settings and set up logging from them."""
    settings = load_settings(kind)
    configure_logging(settings.log_level)
    return settings


def _upgrade(_args: argparse.Namespace) -> int:
    """Apply migrations and stop."""
    from storage.db import make_engine, migrate

    migrate(make_engine(_settings(DatabaseSettings).database_url))
    logger.info("database is up to date")
    return 0


def _run(args: argparse.Namespace) -> int:
    """Migrate, then serve Slack over Socket Mode or HTTP until interrupted or terminated."""
    from bot.app import create_app, delivery_client
    from bot.clock import system_clock
    from bot.effects.worker import EffectWorker
    from bot.followups import Followups
    from bot.replies.retention import purge
    from storage.db import make_engine, migrate

    settings = _settings(Settings)
    socket_mode = settings.slack_app_token is not None and not args.http
    if not socket_mode and not settings.slack_signing_secret:
        raise ConfigError(
            "Configuration problems:\n  SLACK_SIGNING_SECRET is required to serve HTTP"
        )
    engine = make_engine(settings.database_url)
    migrate(engine)
    purge(engine, now=system_clock(), days=settings.ooo_retention_days)
    followups = Followups(engine)
    client = delivery_client(settings)
    effects = EffectWorker(engine, lambda _workspace: client, system_clock)
    app = create_app(
        settings, engine=engine, followups=followups, effects=effects, socket_mode=socket_mode
    )
    effects.start()
    # SIGTERM (a deploy, a scale-down) stops like Ctrl-C: queued DMs are sent before exiting.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _serve(app, engine, settings, args, socket_mode=socket_mode)
    except KeyboardInterrupt:
        pass
    finally:
        followups.close()
        effects.close()
        logger.info("stopped")
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    """Turn a termination request into the interrupt both servers stop on."""
    raise KeyboardInterrupt


def _serve(
    app: "App", engine: "Engine", settings: Settings, args: argparse.Namespace, *, socket_mode: bool
) -> None:
    """Serve until interrupted: Socket Mode, or HTTP on waitress."""
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        logger.info("connecting to Slack over Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()  # type: ignore[no-untyped-call]
        return
    from bot.web import http_server

    server = http_server(app, engine, host=args.host, port=args.port or settings.port)
    port = server.effective_port  # type: ignore[attr-defined]
    logger.info("serving Slack on http://%s:%s/slack/events", args.host, port)
    server.run()


if __name__ == "__main__":
    sys.exit(main())
