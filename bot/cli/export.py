"""`ooo export`: a workspace's (or a channel's or user group's) absences over dates, as a CSV."""

import argparse
import sys
from datetime import date
from typing import BinaryIO

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.cli.environment import settings_of
from bot.config import ConfigError, DatabaseSettings, Settings
from bot.core.exports import FIRST_DAY, LAST_DAY, MAX_YEARS, Period, PeriodRefused, checked
from bot.core.workspace import Workspace

PROG = "ooo export"


class Stop(Exception):
    """What makes the command stop: said on stderr, with its exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export", help="write the absences of a workspace, channel or user group as CSV"
    )
    parser.add_argument("--team", required=True, help="the workspace's team id, T…")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--channel", help="only this channel's members, C… (asks Slack)")
    scope.add_argument("--group", help="only this user group's members, S… (asks Slack)")
    parser.add_argument("--from", dest="first", required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, help="last day, YYYY-MM-DD")
    parser.add_argument("--out", help="the file to write (default: standard output)")
    parser.add_argument("--locale", default="en-US", help="the header's language (en-US)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stdout: BinaryIO | None = None) -> int:
    """Write the CSV; a bad date, an unknown team, Slack's refusal or a file that can't be
    written stops it, said on stderr."""
    try:
        data = _export(args)
        if args.out:
            _write(args.out, data)
        else:
            (stdout or sys.stdout.buffer).write(data)
    except Stop as stop:
        print(f"{PROG}: {stop}", file=sys.stderr)
        return stop.status
    return 0


def _write(path: str, data: bytes) -> None:
    """Write the file whole; Stop when it can't be (no such folder, a folder, no right)."""
    try:
        with open(path, "wb") as out:
            out.write(data)
    except OSError as error:
        raise Stop(f"can't write --out {path}: {error.strerror or error}") from None


def _export(args: argparse.Namespace) -> bytes:
    """The CSV's bytes; Stop when the dates, the workspace or the team can't be used."""
    from bot.exports.table import export_of
    from bot.texts import speaking
    from storage import export_queries
    from storage.db import make_engine, migrate, session_scope

    period = _period(args)
    target = args.channel or args.group
    settings = _settings(needs_slack=bool(target))
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(engine) as session:
        if not export_queries.workspace_known(session, args.team):
            raise Stop(f"ooo knows no workspace {args.team}", status=1)
    people: list[str] | None = None
    names: dict[str, str] = {}
    if isinstance(settings, Settings):
        people, names = _members(settings, engine, args.team, target)
    if people is None and not names:
        print(
            f"{PROG}: names are missing: Slack could not say them (is SLACK_BOT_TOKEN set?)",
            file=sys.stderr,
        )
    with speaking(args.locale):
        export = export_of(
            engine, Workspace(args.team), people=people, period=period, names=names, limited=False
        )
    return export.data


def _period(args: argparse.Namespace) -> Period:
    """The days asked for; Stop when they are not dates or no export covers them."""
    period = Period(_day("--from", args.first), _day("--to", args.last))
    if period.first > period.last:
        raise Stop(f"--from {args.first} is after --to {args.last}")
    try:
        return checked(period)
    except PeriodRefused as refused:
        if refused.key == "too_long":
            raise Stop(f"an export covers at most {MAX_YEARS} years") from None
        raise Stop(f"an export covers days from {FIRST_DAY} to {LAST_DAY}") from None


def _settings(*, needs_slack: bool) -> DatabaseSettings:
    """Slack's settings too when a team is named, or when they are there (to name people)."""
    if needs_slack:
        return settings_of(Settings)
    try:
        return settings_of(Settings)
    except ConfigError:
        return settings_of(DatabaseSettings)


def _members(
    settings: Settings, engine: Engine, team_id: str, target: str | None
) -> tuple[list[str] | None, dict[str, str]]:
    """Ask Slack, with the workspace's bot token, who is in the channel or user group (None:
    the whole workspace), and their names."""
    from bot.accounts.clients import NotInstalled
    from bot.accounts.installs import client_for
    from bot.clock import system_clock
    from bot.exports.members import members_of
    from bot.slack.roster_pages import RosterBusy
    from bot.team.members import Refusal

    template = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    try:
        client = client_for(settings, engine, system_clock, template)(Workspace(team_id))
        if client.auth_test()["team_id"] != team_id:
            raise Stop(f"the bot token serves another workspace than {team_id}", status=1)
        return members_of(client, team_id=team_id, target_id=target, clock=system_clock)
    except NotInstalled:
        if target is None:
            return None, {}  # the whole workspace's absences, unnamed
        raise Stop(f"ooo is not installed in {team_id}", status=1) from None
    except Refusal as refusal:
        raise Stop(str(refusal), status=1) from None
    except (SlackApiError, OSError, RosterBusy) as error:
        if target is None:
            return None, {}
        raise Stop(f"Slack could not say who is in {target}: {error}", status=1) from None


def _day(option: str, text: str) -> date:
    """An ISO date typed after an option; Stop when it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Stop(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None
