"""How the date reader does on held-out phrases people really write: exactly, refused or wrong.

Reads every set in bench/date_corpora/ (one JSON object a line; a line without "text" describes
its set) and prints, per set and locale: the phrases, those read exactly, those rightly refused,
those refused although they have a reading, and those read silently wrong (read, but not as
expected, or read when a refusal was expected). A phrase whose reading raises anything but a
DateError counts as a crash.
Usage: python bench/dates_corpus.py [--show wrong|refused|crash]
Targets: no phrase silently wrong and no crash; refusing is allowed, guessing is not.

The expectations were worked out by hand from a calendar, never from the reader, with these
conventions (now is Monday 7 December 2026, 10:00 UTC, unless a line says otherwise):
- start and end are wall times in the line's zone, the end exclusive; a day runs from 00:00 to
  00:00 the next day;
- "until Friday" includes Friday and starts now; "back Tuesday" starts now and ends Tuesday
  00:00; "from 9 to 5 on Friday" is Friday 09:00-17:00, and a time range through midnight ends
  the next morning;
- a bare date already past means its next occurrence; a duration counts calendar days from its
  first day;
- a week runs Monday to Sunday (Sunday to Saturday is an alternative where calendars start on
  Sunday); "today" may start at 00:00 or now; the second half of a month starts on the 16th
  (the 15th an alternative where usage does not fix it);
- a phrase that gives only a start, gives two separate absences, hedges ("maybe the 24th too"),
  names a weekday its date does not fall on, names an impossible date or ends before it starts
  must be refused. Truly ambiguous phrases were left out.
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.dates import DateError, parse_range  # noqa: E402

CORPORA = ROOT / "bench" / "date_corpora"
OUTCOMES = ("exact", "refused ok", "refused", "wrong", "crash")


@dataclass(frozen=True)
class Case:
    """One phrase of a set with what it must read as."""

    set: str
    text: str
    locale: str
    tz: str
    now: datetime
    expected: list[tuple[str, str]]


@dataclass(frozen=True)
class Result:
    """What the reader did with one case."""

    case: Case
    outcome: str
    got: str


def _cases() -> list[Case]:
    """Every phrase of every set, in file order."""
    found = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "text" not in row:
                continue
            expected = [] if row["start"] is None else [(row["start"], row["end"])]
            expected += [(start, end) for start, end in row.get("alternatives", [])]
            found.append(
                Case(
                    path.stem,
                    row["text"],
                    row["locale"],
                    row["tz"],
                    datetime.fromisoformat(row["now"]),
                    expected,
                )
            )
    return found


def _wall(moment: datetime | None, tz: str) -> str:
    """A wall time in the phrase's zone, comparable with the expectations; None stays open."""
    if moment is None:
        return "open"
    return moment.astimezone(ZoneInfo(tz)).replace(tzinfo=None).isoformat()


def _read(case: Case) -> Result:
    """Read one phrase and judge it against its expectations."""
    try:
        read = parse_range(case.text, now=case.now, tz=case.tz, locale=case.locale)
    except DateError as refusal:
        return Result(case, "refused" if case.expected else "refused ok", f"refused: {refusal}")
    except Exception as error:  # a crash is a finding, not the end of the run
        return Result(case, "crash", f"{type(error).__name__}: {error}")
    got = (_wall(read.start, case.tz), _wall(read.end, case.tz))
    return Result(case, "exact" if got in case.expected else "wrong", f"{got[0]} -> {got[1]}")


def _row(name: str, results: list[Result]) -> str:
    counts = Counter(r.outcome for r in results)
    cells = "".join(f"{counts[outcome]:>11}" for outcome in OUTCOMES)
    return f"{name:<22}{counts.total():>8}{cells}"


def _table(results: list[Result]) -> None:
    """Per set and locale, each set's total, then every set together per locale."""
    print(f"{'set / locale':<22}{'phrases':>8}" + "".join(f"{o:>11}" for o in OUTCOMES))
    sets = sorted({r.case.set for r in results})
    for name in sets:
        mine = [r for r in results if r.case.set == name]
        for locale in sorted({r.case.locale for r in mine}):
            print(_row(f"{name} {locale}", [r for r in mine if r.case.locale == locale]))
        print(_row(f"{name} (all)", mine))
        print()
    for locale in sorted({r.case.locale for r in results}):
        print(_row(f"all {locale}", [r for r in results if r.case.locale == locale]))
    print(_row("all", results))


def _expected(case: Case) -> str:
    if not case.expected:
        return "a refusal"
    return " or ".join(f"{start} -> {end}" for start, end in case.expected)


def main() -> None:
    """Read every phrase, print the table and, if asked, the phrases of one outcome."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--show", choices=("wrong", "refused", "crash"), help="list them")
    args = parser.parse_args()
    results = [_read(case) for case in _cases()]
    _table(results)
    if args.show:
        print()
        for r in results:
            if r.outcome == args.show:
                c = r.case
                print(f"{c.set:<10} {c.locale:<6} {c.text!r}\n    expected {_expected(c)}")
                print(f"    got      {r.got}")


if __name__ == "__main__":
    main()
