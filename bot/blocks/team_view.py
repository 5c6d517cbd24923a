"""Team views drawn for Slack: out now, out next, a timeline, coverage; never anyone's message."""

import json
from collections.abc import Sequence
from typing import Any

from bot.blocks.team_digest_form import open_button
from bot.blocks.when import moment_token
from bot.core.dates import language_of
from bot.core.team import Away, DayState, Overview, is_weekend

SHOW_MORE = "team_show_more"
PAGE_PEOPLE = 15
TEXT_MAX = 3000
WARN_DAYS = 10
SQUARES = {DayState.OUT: "🟥", DayState.PARTLY: "🟧", DayState.IN: "🟩"}
WEEKEND_SQUARES = {DayState.OUT: "🔲", DayState.PARTLY: "🔲", DayState.IN: "⬜"}
LEGEND = "🟥 out · 🟧 partly out · 🟩 in · ⬜🔲 weekend (in, away)"
Block = dict[str, Any]
# Team views are in English for now; the dates helpers already speak the other languages.
day_label = language_of(None).texts.day_text


def _mrkdwn(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def packed(title: str, lines: Sequence[str]) -> list[Block]:
    """Sections holding a title and lines, as few as Slack's 3,000 characters a text allow."""
    blocks: list[Block] = []
    text = f"*{title}*"
    for line in lines:
        if len(text) + 1 + len(line) > TEXT_MAX:
            blocks.append(_mrkdwn(text))
            text = ""
        text = f"{text}\n{line}" if text else line
    return [*blocks, _mrkdwn(text)]


def absent_order(view: Overview) -> list[str]:
    """Everyone away in the window: out now by return, then out next by start, then the rest."""
    order = [a.person for a in view.out_now] + [a.person for a in view.out_next]
    return list(dict.fromkeys([*order, *view.timeline]))


def out_now_line(away: Away) -> str:
    """Someone out now: when they are back, and who to contact instead."""
    back = f"back {moment_token(away.end, away.tz)}" if away.end else "until further notice"
    contact = f" · contact <@{away.backup}> instead" if away.backup else ""
    return f"• <@{away.person}> · {back}{contact}"


def out_next_line(away: Away) -> str:
    """Someone out later: from when, and when they are back."""
    back = f"back {moment_token(away.end, away.tz)}" if away.end else "until further notice"
    return f"• <@{away.person}> · from {moment_token(away.start, away.tz)}, {back}"


def timeline_line(person: str, view: Overview) -> str:
    """One square a day, weekends lighter, so overlaps line up from one person to the next."""
    squares = "".join(
        (WEEKEND_SQUARES if is_weekend(day) else SQUARES)[state]
        for day, state in zip(view.window.dates, view.timeline[person], strict=True)
    )
    return f"{squares} <@{person}>"


def summary(label: str, view: Overview) -> str:
    """The window and how many of the team are in, in one line."""
    window = view.window
    last = window.dates[-1]
    span = f"{day_label(window.first, last.year)} → {day_label(last, window.first.year)}"
    if view.team_size == 0:
        return f"{span} · nobody in {label} (bots and people from other organizations are left out)"
    away = len(view.timeline)
    people = "1 person" if view.team_size == 1 else f"{view.team_size} people"
    return f"{span} · {people} · {view.in_count} in, {away} away at some point"


def coverage_warning(view: Overview, coverage: int) -> Block | None:
    """The working days when more than the set share of the team is away, if any."""
    if not view.short_days:
        return None
    days = [f"{day_label(d, d.year)} ({n} of {view.team_size})" for d, n in view.short_days]
    shown = ", ".join(days[:WARN_DAYS])
    if len(days) > WARN_DAYS:
        shown += f" and {len(days) - WARN_DAYS} more days"
    return _mrkdwn(f":warning: *Coverage:* more than {coverage}% of the team is away on {shown}.")


def overview_blocks(view: Overview, people: Sequence[str]) -> list[Block]:
    """Out now, out next and the timeline of some of the absent people."""
    chosen = set(people)
    blocks: list[Block] = []
    now = [out_now_line(a) for a in view.out_now if a.person in chosen]
    later = [out_next_line(a) for a in view.out_next if a.person in chosen]
    if now:
        blocks += packed("Out now", now)
    if later:
        blocks += packed("Out next", later)
    rows = [timeline_line(p, view) for p in people if p in view.timeline]
    if rows:
        blocks += [*packed("Timeline", rows), _context(LEGEND)]
    return blocks


def team_message(
    title: str, label: str, view: Overview, *, coverage: int, page: int, state: dict[str, Any]
) -> tuple[str, list[Block]]:
    """A page of a team view, with Show more while people remain; `state` comes back with it."""
    absent = absent_order(view)
    shown = absent[page * PAGE_PEOPLE : (page + 1) * PAGE_PEOPLE]
    header = {"type": "header", "text": {"type": "plain_text", "text": title[:150]}}
    blocks: list[Block] = [header, _context(summary(label, view))]
    warning = coverage_warning(view, coverage)
    if warning:
        blocks.append(warning)
    if not absent:
        blocks.append(_mrkdwn(f"Nobody in {label} is away in these days. :sunny:"))
    blocks += overview_blocks(view, shown)
    remaining = len(absent) - (page + 1) * PAGE_PEOPLE
    if remaining > 0:
        blocks += _show_more(state | {"page": page + 1}, remaining, page, len(absent))
    text = f"{len(absent)} of {view.team_size} in {label} away: {summary(label, view)}"
    return text, blocks


def _show_more(state: dict[str, Any], remaining: int, page: int, total: int) -> list[Block]:
    """Where this page stands, and the button to the next one."""
    first = page * PAGE_PEOPLE + 1
    button = {
        "type": "button",
        "action_id": SHOW_MORE,
        "text": {"type": "plain_text", "text": "Show more"},
        "value": json.dumps(state, separators=(",", ":")),
    }
    note = f"People {first} to {first + PAGE_PEOPLE - 1} of the {total} away · {remaining} more"
    return [_context(note), {"type": "actions", "elements": [button]}]


def read_state(value: str) -> dict[str, Any] | None:
    """The view a Show more button stands for, or None if the value is not one of ours."""
    try:
        state = json.loads(value)
    except ValueError:
        return None
    return state if isinstance(state, dict) and isinstance(state.get("page"), int) else None


TEAM_HELP = """*Team views* show who in a channel or user group is away: out now, out next, a \
timeline, and the working days when too many are out at once. Only dates, return days and who \
to contact instead are shown, never anyone's message.
• `/ooo team #design` or `/ooo team @design`: the next 14 days.
• `/ooo team @design 30d` or `/ooo team @design next month`: other days.
• `/ooo team set @design` saves your team: then `/ooo team` alone shows it, and so does your \
Home tab. `/ooo team set @design coverage 40%` warns when more than 40% are away (50% unless set).
• `/ooo team digest #team-leads 09:00 @design` posts who is out today and this week, every \
working day at 09:00 in your time zone; add `weekly on Mondays` for once a week. Without a team, \
your saved one.
• `/ooo team digest list` shows your digests; `/ooo team digest remove 1` (or the channel) \
stops one.
A private channel can be viewed only by its members, and only once ooo is invited into it."""


def team_help(problem: str = "") -> list[Block]:
    """How to use `/ooo team`, after what was wrong with the last words, if anything."""
    blocks = [_mrkdwn(f":warning: {problem}")] if problem else []
    return [*blocks, _mrkdwn(TEAM_HELP)]


def saved_team_text(label: str, people: int, coverage: int) -> str:
    """Confirm a saved team."""
    return (
        f":white_check_mark: Your team is {label} ({people} people). `/ooo team` shows it, and so "
        f"does your Home tab; I warn when more than {coverage}% of it is away on a working day."
    )


HOME_PEOPLE = 10


def home_team_blocks(label: str, view: Overview, *, coverage: int) -> list[Block]:
    """My team on the Home tab: who is out today and next, the timeline, at most a few people."""
    absent = absent_order(view)
    header = {"type": "header", "text": {"type": "plain_text", "text": f"My team · {label}"}}
    blocks: list[Block] = [header, _context(summary(label, view))]
    warning = coverage_warning(view, coverage)
    if warning:
        blocks.append(warning)
    if not absent:
        blocks.append(_mrkdwn("Nobody is away in the next two weeks. :sunny:"))
    blocks += overview_blocks(view, absent[:HOME_PEOPLE])
    if len(absent) > HOME_PEOPLE:
        blocks.append(_context(f"…and {len(absent) - HOME_PEOPLE} more: `/ooo team` shows all."))
    return [*blocks, open_button(), {"type": "divider"}]


def home_team_problem(label: str, problem: str) -> list[Block]:
    """My team on the Home tab when it cannot be drawn, saying why."""
    header = {"type": "header", "text": {"type": "plain_text", "text": f"My team · {label}"}}
    return [header, _context(problem), {"type": "divider"}]
