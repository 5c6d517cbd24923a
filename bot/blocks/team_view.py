"""Team views drawn for Slack: out now, out next, a timeline, coverage; never anyone's message."""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.blocks.mrkdwn import escape
from bot.blocks.team_digest_form import open_button
from bot.blocks.when import moment_token
from bot.core.dates import DateError, time_zone
from bot.core.team import MAX_DAYS, Away, DayState, Overview, Window
from bot.core.working_days import holiday_on
from bot.texts import N_, _, ngettext, reader_locale
from bot.texts.dates import day as day_label
from bot.texts.leave_types import type_label
from bot.texts.numbers import percent

SHOW_MORE = "team_show_more"
PAGE_PEOPLE = 15
TEXT_MAX = 3000
WARN_DAYS = 10
SQUARES = {
    DayState.OUT: "🟥",
    DayState.PARTLY: "🟧",
    DayState.IN: "🟩",
    DayState.OFF: "⬜",
    DayState.HOLIDAY: "🟦",
}
LEGEND = N_("🟥 out · 🟧 partly out · 🟩 in · ⬜ not working · 🟦 public holiday")
# Holidays named under the timeline: a window of two months has a handful.
HOLIDAYS_NAMED = 10
Block = dict[str, Any]
# How a person is shown: a mention, or (in a channel post) their name.
Show = Callable[[str], str]


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


def mention(user_id: str) -> str:
    """A person as a mention: fine where only the asker reads it, not in a channel post."""
    return f"<@{user_id}>"


def out_now_line(away: Away, show: Show = mention) -> str:
    """Someone out now: when they are back, and who to contact instead."""
    if away.backup:
        return _(
            "• {person} · {back} · contact {backup} instead",
            person=_who(away, show),
            back=_back(away),
            backup=show(away.backup),
        )
    return _("• {person} · {back}", person=_who(away, show), back=_back(away))


def _back(away: Away) -> str:
    """When someone away is back, or that nobody knows yet."""
    back = away.back or away.end
    if back is None:
        return _("until further notice")
    return _("back {moment}", moment=moment_token(back, away.tz))


def _who(away: Away, show: Show) -> str:
    """Someone away, then their type when others may read it: "@alice · :palm_tree: Vacation"."""
    if away.shown is None:
        return show(away.person)
    return f"{show(away.person)} · {away.shown.emoji} {escape(type_label(away.shown))}"


def out_next_line(away: Away, show: Show = mention) -> str:
    """Someone out later: from when, and when they are back."""
    start = moment_token(away.start, away.tz)
    return _(
        "• {person} · from {start}, {back}", person=_who(away, show), start=start, back=_back(away)
    )


def timeline_line(person: str, view: Overview, show: Show = mention) -> str:
    """One square a day, days off and holidays marked, so overlaps line up between people."""
    squares = "".join(SQUARES[state] for state in view.timeline[person])
    return f"{squares} {show(person)}"


def holiday_lines(view: Overview, people: Sequence[str], show: Show = mention) -> list[str]:
    """The public holidays marked in these people's rows, named in the reader's language."""
    named: dict[tuple[date, str], list[str]] = {}
    for person in people:
        states = view.timeline.get(person, [])
        for day, state in zip(view.window.dates, states, strict=False):
            if state is DayState.HOLIDAY:
                name = holiday_on(day, view.schedule(person), reader_locale()) or ""
                named.setdefault((day, name), []).append(show(person))
    return [
        _(
            "🟦 {day}: {holiday} ({people})",
            day=day_label(day, view.window.first.year),
            holiday=escape(name),
            people=", ".join(who),
        )
        for (day, name), who in sorted(named.items())[:HOLIDAYS_NAMED]
    ]


def summary(label: str, view: Overview) -> str:
    """The window and how many of the team are in, in one line."""
    window = view.window
    last = window.dates[-1]
    span = f"{day_label(window.first, last.year)} → {day_label(last, window.first.year)}"
    if view.team_size == 0:
        return _(
            "{span} · nobody in {team} (bots and people from other organizations are left out)",
            span=span,
            team=label,
        )
    return _(
        "{span} · {people} · {present} in, {away} away at some point",
        span=span,
        people=ngettext("{count} person", "{count} people", view.team_size),
        present=view.in_count,
        away=len(view.timeline),
    )


def coverage_warning(view: Overview, coverage: int) -> Block | None:
    """The working days when more than the set share of the team is away, if any."""
    if not view.short_days:
        return None
    # Of those who would otherwise work that day: days off and holidays are nobody's gap.
    days = [
        _("{day} ({count} of {size})", day=day_label(d, d.year), count=n, size=working)
        for d, n, working in view.short_days
    ]
    shown = ", ".join(days[:WARN_DAYS])
    if len(days) > WARN_DAYS:
        more = len(days) - WARN_DAYS
        shown += ngettext(" and {count} more day", " and {count} more days", more)
    return _mrkdwn(
        _(
            ":warning: *Coverage:* more than {share} of the team is away on {days}.",
            share=percent(coverage),
            days=shown,
        )
    )


def overview_blocks(view: Overview, people: Sequence[str], show: Show = mention) -> list[Block]:
    """Out now, out next and the timeline of some of the absent people, each shown by `show`."""
    chosen = set(people)
    blocks: list[Block] = []
    now = [out_now_line(a, show) for a in view.out_now if a.person in chosen]
    later = [out_next_line(a, show) for a in view.out_next if a.person in chosen]
    if now:
        blocks += packed(_("Out now"), now)
    if later:
        blocks += packed(_("Out next"), later)
    rows = [timeline_line(p, view, show) for p in people if p in view.timeline]
    if rows:
        holidays = holiday_lines(view, people, show)
        blocks += [*packed(_("Timeline"), rows + holidays), _context(_(LEGEND))]
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
        blocks.append(_mrkdwn(_("Nobody in {team} is away in these days. :sunny:", team=label)))
    blocks += overview_blocks(view, shown)
    remaining = len(absent) - (page + 1) * PAGE_PEOPLE
    if remaining > 0:
        blocks += _show_more(state | {"page": page + 1}, remaining, page, len(absent))
    text = ngettext(
        "{count} of {size} in {team} away: {summary}",
        "{count} of {size} in {team} away: {summary}",
        len(absent),
        size=view.team_size,
        team=label,
        summary=summary(label, view),
    )
    return text, blocks


def _show_more(state: dict[str, Any], remaining: int, page: int, total: int) -> list[Block]:
    """Where this page stands, and the button to the next one."""
    first = page * PAGE_PEOPLE + 1
    button = {
        "type": "button",
        "action_id": SHOW_MORE,
        "text": {"type": "plain_text", "text": _("Show more")},
        "value": json.dumps(state, separators=(",", ":")),
    }
    note = _(
        "People {first} to {last} of the {total} away · {remaining} more",
        first=first,
        last=first + PAGE_PEOPLE - 1,
        total=total,
        remaining=remaining,
    )
    return [_context(note), {"type": "actions", "elements": [button]}]


@dataclass(frozen=True)
class ShownPage:
    """The page of a team view a Show more button asks for, as the view wrote it."""

    target_id: str
    target_label: str
    window: Window
    coverage: int
    page: int
    saved: bool


def read_state(value: str) -> ShownPage | None:
    """The page a Show more button stands for, or None if the value is not one of ours."""
    try:
        state = json.loads(value)
        window = Window(date.fromisoformat(state["f"]), state["d"], state["z"])
        time_zone(window.tz)
        shown = ShownPage(
            state["t"], state["l"], window, state["c"], state["page"], state.get("s", False)
        )
    except (ValueError, TypeError, KeyError, DateError):
        return None
    numbers = (window.days, shown.coverage, shown.page)
    texts = (shown.target_id, shown.target_label, window.tz)
    if not all(type(n) is int for n in numbers) or not all(isinstance(t, str) for t in texts):
        return None
    fits = 1 <= window.days <= MAX_DAYS and 1 <= shown.coverage <= 100 and shown.page >= 0
    return shown if fits and type(shown.saved) is bool else None


TEAM_HELP = N_("""*Team views* show who in a channel or user group is away: out now, out next, a \
timeline, and the working days when too many are out at once. Only dates, return days and who \
to contact instead are shown, never anyone's message.
• `/ooo team #design` or `/ooo team @design`: the next 14 days.
• `/ooo team @design 30d` or `/ooo team @design next month`: other days.
• `/ooo team set @design` saves your team: then `/ooo team` alone shows it, and so does your \
Home tab. `/ooo team set @design coverage 40%` warns when more than 40% are away (otherwise 50%).
• `/ooo team digest #team-leads 09:00 @design` posts who is out today and this week, every \
working day at 09:00 in your time zone; add `weekly on Mondays` for once a week. Without a team, \
your saved one.
• `/ooo team digest list` shows your digests; `/ooo team digest remove 1` (or the channel) \
stops one.
• `/ooo team feed @design` gives you a private calendar address of the team's absences (without \
a team, your saved one); `/ooo team feed new @design` changes it, `/ooo team feed off @design` \
stops it.
A private channel can be viewed only by its members, and only once ooo is invited into it.""")


def team_help(problem: str = "") -> list[Block]:
    """How to use `/ooo team`, after what was wrong with the last words, if anything."""
    blocks = [_mrkdwn(f":warning: {problem}")] if problem else []
    return [*blocks, _mrkdwn(_(TEAM_HELP))]


def saved_team_text(label: str, people: int, coverage: int) -> str:
    """Confirm a saved team."""
    return _(
        ":white_check_mark: Your team is {team} ({people}). `/ooo team` shows it, and so "
        "does your Home tab; I warn when more than {share} of it is away on a working day.",
        team=label,
        people=ngettext("{count} person", "{count} people", people),
        share=percent(coverage),
    )


HOME_PEOPLE = 10


def home_team_blocks(label: str, view: Overview, *, coverage: int) -> list[Block]:
    """My team on the Home tab: who is out today and next, the timeline, at most a few people."""
    absent = absent_order(view)
    header = {"type": "header", "text": {"type": "plain_text", "text": _my_team(label)}}
    blocks: list[Block] = [header, _context(summary(label, view))]
    warning = coverage_warning(view, coverage)
    if warning:
        blocks.append(warning)
    if not absent:
        blocks.append(_mrkdwn(_("Nobody is away in the next two weeks. :sunny:")))
    blocks += overview_blocks(view, absent[:HOME_PEOPLE])
    if len(absent) > HOME_PEOPLE:
        more = len(absent) - HOME_PEOPLE
        shows = ngettext(
            "…and {count} more: `/ooo team` shows all.",
            "…and {count} more: `/ooo team` shows all.",
            more,
        )
        blocks.append(_context(shows))
    return [*blocks, open_button(), {"type": "divider"}]


def home_team_problem(label: str, problem: str) -> list[Block]:
    """My team on the Home tab when it cannot be drawn, saying why."""
    header = {"type": "header", "text": {"type": "plain_text", "text": _my_team(label)}}
    return [header, _context(problem), {"type": "divider"}]


def _my_team(label: str) -> str:
    return _("My team · {team}", team=label)
