"""ooo's status as its owner's Slack language writes it: "Out of office · back Wed, Dec 16"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.status import EMOJI, STATUS_MAX
from bot.texts import N_, _, speaking
from bot.texts.catalog import CATALOGS
from bot.texts.dates import day

AWAY = N_("Out of office")
SEP = " · "


def status_text(back_at: datetime | None, *, tz: str, locale: str | None) -> str:
    """The status in the owner's language and zone, with the day they are back unless permanent
    (`back_at`: bot/organisation/returns.py, a working day that is not a holiday)."""
    with speaking(locale):
        away = _(AWAY)
        if back_at is None:
            return away[:STATUS_MAX]
        back = back_at.astimezone(ZoneInfo(tz)).date()
        return (away + SEP + _("back {day}", day=day(back, back.year)))[:STATUS_MAX]


def looks_ours(text: str, emoji: str) -> bool:
    """Whether a status is one ooo sets, in any language (an earlier absence's, say)."""
    if emoji != EMOJI:
        return False
    return any(text == away or text.startswith(away + SEP) for away in _aways())


def _aways() -> set[str]:
    """ "Out of office" in English and as every catalog translates it."""
    aways = set()
    for locale in (None, *CATALOGS):
        with speaking(locale):
            aways.add(_(AWAY))
    return aways
