"""What `/ooo admin close …` asks for: whom (a channel, a user group, everyone), which days in
the asker's words, and a message; or the end of one (`close end 3`)."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.closures import MAX_CLOSURE_DAYS, Closure, ClosureCode, Scope, check_closure
from bot.core.dates import DateError, leading_date_words, parse_range, time_zone
from bot.team.command import CHANNEL, GROUP, PLAIN, Target
from bot.texts import _
from bot.texts.date_refusals import refusal

# Slack writes `@everyone`, `@here` and `@channel` so (should_escape on), maybe with a label.
BROADCAST = re.compile(r"^<!(everyone|here|channel)(?:\|[^>]*)?>$")
EVERYONE_WORDS = frozenset({"everyone", "@everyone", "all", "workspace"})
HERE_WORDS = frozenset({"@here", "@channel"})
END = re.compile(r"^end\s+#?(\d{1,9})$", re.IGNORECASE)
# The dates come first and are short: a longer phrase is the message.
MAX_DATE_WORDS = 12
# Shown in every member's DM and in each reply their absence gives.
MAX_MESSAGE = 1000


@dataclass(frozen=True)
class Close:
    """Close for a channel's or user group's members (`target`), or everyone (None)."""

    scope: Scope
    target: Target | None
    first: date
    last: date
    message: str


@dataclass(frozen=True)
class End:
    """End a closure early, by its number in `/ooo admin closures`."""

    closure_id: int


class Unclear(Exception):
    """The words could not be read; the text says why and how, in the asker's language."""


def usage() -> str:
    """How to close, with an example."""
    return _(
        "Say whom and when: `/ooo admin close #channel|@group|everyone <dates> [message]`, "
        "for example `/ooo admin close everyone 24 Dec to 1 Jan Office closed for the holidays`."
    )


def read(words: str, *, here: str, now: datetime, tz: str, locale: str) -> Close | End:
    """Read the words after `/ooo admin close` (`here`: the channel it was typed in)."""
    ended = END.match(words.strip())
    if ended:
        return End(int(ended.group(1)))
    first_word, _space, rest = words.strip().partition(" ")
    scope, target = _target(first_word, here)
    if not rest.strip():
        raise Unclear(usage())
    first, last, message = _dates_and_message(rest.split(), now=now, tz=tz, locale=locale)
    if len(message) > MAX_MESSAGE:
        raise Unclear(_("Keep the message under {limit} characters.", limit=MAX_MESSAGE))
    code = check_closure(Closure(first, last, tz), now.astimezone(time_zone(tz)).date())
    if code is not None:
        raise Unclear(_refusal(code))
    return Close(scope, target, first, last, message)


def _refusal(code: ClosureCode) -> str:
    """Why the closure's days can't be used, in the asker's words."""
    if code is ClosureCode.LAST_BEFORE_FIRST:
        return _("The closure's last day comes before its first: check the dates.")
    if code is ClosureCode.TOO_LONG:
        return _(
            "A closure lasts at most {days} days: check the dates, or close twice.",
            days=MAX_CLOSURE_DAYS,
        )
    return over()


def over() -> str:
    """Why days already over can't be closed."""
    return _("Those days are over: a closure is for days to come.")


def _target(word: str, here: str) -> tuple[Scope, Target | None]:
    """Whom a closure is for, from its first word as Slack sends it or as typed."""
    if (found := CHANNEL.match(word)) is not None:
        return Scope.CHANNEL, Target(found.group(1), _labelled("#", found.group(2)))
    if (found := GROUP.match(word)) is not None:
        return Scope.GROUP, Target(found.group(1), _labelled("@", found.group(2)))
    broadcast = BROADCAST.match(word)
    lowered = word.lower()
    if (broadcast and broadcast.group(1) == "everyone") or lowered in EVERYONE_WORDS:
        return Scope.EVERYONE, None
    if broadcast or lowered in HERE_WORDS:
        return Scope.CHANNEL, Target(here, "")
    if (found := PLAIN.match(word)) is not None:
        scope = Scope.CHANNEL if found.group(1) == "#" else Scope.GROUP
        return scope, Target(None, word.lower())
    raise Unclear(usage())


def _labelled(sign: str, name: str | None) -> str:
    """`#general` or `@hr` from the name Slack put after the id, if it put one."""
    return f"{sign}{name}" if name else ""


def _dates_and_message(
    words: list[str], *, now: datetime, tz: str, locale: str
) -> tuple[date, date, str]:
    """The longest run of first words that reads as whole days, and the rest as the message:
    the run stops at the first ordinary word, which the grammar would read past."""
    first_error: DateError | None = None
    limit = max(leading_date_words(words, locale=locale), 1)
    for size in range(min(limit, MAX_DATE_WORDS), 0, -1):
        try:
            window = parse_range(" ".join(words[:size]), now=now, tz=tz, locale=locale)
        except DateError as error:
            # "unread" is what a message glued to the dates gives; anything else says more.
            if first_error is None or (first_error.key == "unread" != error.key):
                first_error = error
            continue
        if window.end is None or window.last_day is None:
            raise Unclear(_("A closure needs an end: say until when, such as `24 Dec to 1 Jan`."))
        return window.start.date(), window.last_day, " ".join(words[size:])
    assert first_error is not None
    raise Unclear(refusal(first_error))
