"""ooo's status as its owner's Slack language writes it: ":palm_tree: Vacation · back Wed, Dec
16", or "Out of office" when others may not read the type."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.leave_types import BUILTINS, HIDDEN_EMOJI, LeaveType
from bot.core.status import EMOJI, STATUS_MAX
from bot.texts import N_, _, speaking
from bot.texts.catalog import CATALOGS
from bot.texts.dates import day
from bot.texts.leave_types import type_label

AWAY = N_("Out of office")
SEP = " · "


def status_text(
    back_at: datetime | None, *, tz: str, locale: str | None, shown: LeaveType | None = None
) -> str:
    """The status in the owner's language and zone: the type `shown` (else "Out of office"),
    with the day they are back unless permanent (`back_at`: bot/organisation/returns.py, a
    working day that is not a holiday)."""
    with speaking(locale):
        away = type_label(shown) if shown else _(AWAY)
        if back_at is None:
            return away[:STATUS_MAX]
        back = back_at.astimezone(ZoneInfo(tz)).date()
        return (away + SEP + _("back {day}", day=day(back, back.year)))[:STATUS_MAX]


def status_emoji(shown: LeaveType | None, *, typed: bool) -> str:
    """The type's emoji; a neutral one for a hidden type, ooo's own for an absence without one."""
    if shown is not None:
        return shown.emoji
    return HIDDEN_EMOJI if typed else EMOJI


def looks_ours(text: str, emoji: str, types: tuple[LeaveType, ...] = BUILTINS) -> bool:
    """Whether a status is one ooo sets, for any of the workspace's types, in any language (an
    earlier absence's, say): the type's emoji with its name, or "Out of office"."""
    names = _names(types)
    return any(text == name or text.startswith(name + SEP) for name in names.get(emoji, set()))


def _names(types: tuple[LeaveType, ...]) -> dict[str, set[str]]:
    """What each emoji ooo sets goes with, in English and as every catalog words it."""
    names: dict[str, set[str]] = {}
    for locale in (None, *CATALOGS):
        with speaking(locale):
            for emoji in (EMOJI, HIDDEN_EMOJI):
                names.setdefault(emoji, set()).add(_(AWAY))
            for leave_type in types:
                # A built-in renamed since may still show under the name the catalog gives it.
                words = {type_label(leave_type)}
                if leave_type.builtin:
                    words.add(type_label(replace(leave_type, label=None)))
                names.setdefault(leave_type.emoji, set()).update(words)
    return names
