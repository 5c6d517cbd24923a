"""`ooo dates`: print how a phrase is understood, as JSON, one phrase or a stream of them."""

import argparse
import json
import sys
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from bot.clock import system_clock
from bot.core.dates import LOCALES, DateError, parse_range, time_zone
from bot.core.problems import Code, Problem
from bot.core.responder import YEARS_AHEAD
from bot.texts import speaking
from bot.texts.date_refusals import refusal
from bot.texts.problems import word


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `dates` subcommand."""
    parser = subparsers.add_parser("dates", help="show how a date phrase is understood")
    parser.add_argument("text", nargs="?", help='a phrase such as "Dec 20 to Jan 3"')
    parser.add_argument("--tz", default="UTC", help="the user's IANA time zone")
    parser.add_argument("--now", help="ISO-8601 instant to read the phrase at (default: now)")
    parser.add_argument("--locale", default="en-US", help=f"Slack locale: {', '.join(LOCALES)}")
    parser.add_argument("--jsonl", action="store_true", help="read JSON lines from stdin")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Print {"start", "end"} or {"error"} (+ any start read); 0 read, 1 refused, 2 bad options."""
    if args.jsonl:
        for line in stdin:
            if line.strip():
                stdout.write(json.dumps(_answer_line(line), ensure_ascii=False) + "\n")
        return 0
    try:
        zone, now, locale = _zone(args.tz), _now(args.now, args.tz), _locale(args.locale)
    except ValueError as error:
        print(f"ooo dates: {error}", file=sys.stderr)
        return 2
    if args.text is None:
        print("ooo dates: give a phrase, or --jsonl to read JSON lines", file=sys.stderr)
        return 2
    answer = _answer(args.text, zone.key, now, locale)
    stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return 1 if "error" in answer else 0


def _answer_line(line: str) -> dict[str, Any]:
    """One JSON line in, one answer out; a bad line becomes an error answer, not a crash."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict) or not isinstance(request.get("text"), str):
            raise ValueError('each line must be an object with a "text" string')
        tz = str(request.get("tz") or "UTC")
        zone, now = _zone(tz), _now(request.get("now"), tz)
        locale = _locale(str(request.get("locale") or "en-US"))
        return _answer(request["text"], zone.key, now, locale)
    except ValueError as error:
        return {"error": str(error)}


def _answer(text: str, tz: str, now: datetime, locale: str) -> dict[str, Any]:
    try:
        found = parse_range(text, now=now, tz=tz, locale=locale)
    except DateError as error:
        # "from Monday" is refused for want of an end, but how its start was read still helps.
        start = {"start": error.start.isoformat()} if error.start else {}
        with speaking(locale):
            return {"error": refusal(error), **start}
    except OverflowError:  # the reader steps past year 9999, as /ooo already says
        return {"error": word(Problem(Code.TOO_FAR, years=YEARS_AHEAD))}
    end = found.end.isoformat() if found.end else None
    return {"start": found.start.isoformat(), "end": end}


def _locale(text: str) -> str:
    """One of the locales Slack's interface speaks, spelled as Slack does ("pt_br" is pt-BR)."""
    found = {tag.lower(): tag for tag in LOCALES}.get(text.replace("_", "-").lower())
    if found is None:
        raise ValueError(f"unknown locale {text!r}: use one of {', '.join(LOCALES)}")
    return found


def _zone(tz: str) -> ZoneInfo:
    try:
        return time_zone(tz)
    except DateError:
        raise ValueError(
            f"unknown time zone {tz!r}: use an IANA name such as Europe/Paris"
        ) from None


def _now(text: object, tz: str) -> datetime:
    """The instant to read at; a time without an offset is on the user's wall clock."""
    if text is None:
        return system_clock()
    try:
        now = datetime.fromisoformat(str(text))
    except ValueError:
        raise ValueError(
            f"--now {text!r} is not ISO-8601, e.g. 2025-11-27T10:30:00+01:00"
        ) from None
    return now if now.tzinfo else now.replace(tzinfo=ZoneInfo(tz))
