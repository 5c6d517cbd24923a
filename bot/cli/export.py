"""`ooo export`: a workspace's (or a channel's or user group's) absences over dates, as a CSV."""

import argparse
import sys
from datetime import date
from typing import BinaryIO

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from bot.cli.environment import settings_of
from bot.config import DatabaseSettings, Settings
from bot.core.exports import Period
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
    """Write the CSV; a bad date, an unknown team or Slack's refusal stops it, said on stderr."""
    try:
        data = _export(args)
    except Stop as stop:
        print(f"{PROG}: {stop}", file=sys.stderr)
        return stop.status
    if args.out:
        with open(args.out, "wb") as out:
            out.write(data)
    else:
        (stdout or sys.stdout.buffer).write(data)
    return 0


def _export(args: argparse.Namespace) -> bytes:
    """The CSV's bytes; Stop when the dates, the workspace or the team can't be used."""
    from bot.exports.table import export_of
    from bot.texts import speaking
    from storage import export_queries
    from storage.db import make_engine, migrate, session_scope

    period = Period(_day("--from", args.first), _day("--to", args.last))
    if period.first > period.last:
        raise Stop(f"--from {args.first} is after --to {args.last}")
    target = args.channel or args.group
    settings = settings_of(Settings if target else DatabaseSettings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(engine) as session:
        if not export_queries.workspace_known(session, args.team):
            raise Stop(f"ooo knows no workspace {args.team}", status=1)
    people: list[str] | None = None
    names: dict[str, str] = {}
    if target:
        assert isinstance(settings, Settings)
        people, names = _members(settings, engine, args.team, target)
    with speaking(args.locale):
        export = export_of(
            engine, Workspace(args.team), people=people, period=period, names=names, limited=False
        )
    return export.data


def _members(
    settings: Settings, engine: Engine, team_id: str, target: str
) -> tuple[list[str], dict[str, str]]:
    """Ask Slack, with the workspace's bot token, who is in the channel or user group."""
    from bot.accounts.clients import NotInstalled
    from bot.accounts.installs import client_for
    from bot.clock import system_clock
    from bot.exports.members import members_of
    from bot.team.members import Refusal

    template = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    try:
        client = client_for(settings, engine, system_clock, template)(Workspace(team_id))
        if client.auth_test()["team_id"] != team_id:
            raise Stop(f"the bot token serves another workspace than {team_id}", status=1)
        return members_of(client, team_id=team_id, target_id=target, clock=system_clock)
    except NotInstalled:
        raise Stop(f"ooo is not installed in {team_id}", status=1) from None
    except Refusal as refusal:
        raise Stop(str(refusal), status=1) from None
    except (SlackApiError, OSError) as error:
        raise Stop(f"Slack could not say who is in {target}: {error}", status=1) from None


def _day(option: str, text: str) -> date:
    """An ISO date typed after an option; Stop when it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Stop(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None
