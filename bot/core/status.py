"""What ooo shows and does as an owner while they are away: the status it sets, in their
language and zone, and when their snooze is renewed."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.dates.languages import language_of

EMOJI = ":palm_tree:"
STATUS_MAX = 100
# Slack's reference gives no maximum for dnd.setSnooze; a day is one its own menus offer, so a
# longer absence is snoozed a day at a time, renewed a little before each day runs out.
SNOOZE_MAX = timedelta(days=1)
RENEW_AHEAD = timedelta(minutes=5)
RENEW_EVERY = SNOOZE_MAX - RENEW_AHEAD


@dataclass(frozen=True)
class Wording:
    """How one locale says it is away, and when it is back: {wd} weekday, {d} day, {m} month
    number, {mon} month name, each as the locale's date texts write them."""

    away: str
    back: str


SEP = " · "
WORDINGS = {
    "en-US": Wording("Out of office", "back {wd}, {mon} {d}"),
    "en-GB": Wording("Out of office", "back {wd} {d} {mon}"),
    "fr-FR": Wording("Hors du bureau", "de retour le {wd} {d} {mon}"),
    "de-DE": Wording("Nicht im Büro", "zurück am {wd}., {d}. {mon}"),
    "es-ES": Wording("Fuera de la oficina", "vuelvo el {wd} {d} de {mon}"),
    "es-LA": Wording("Fuera de la oficina", "regreso el {wd} {d} de {mon}"),
    "pt-BR": Wording("Fora do escritório", "volto {wd}, {d} de {mon}"),
    "it-IT": Wording("Fuori ufficio", "rientro {wd} {d} {mon}"),
    "ja-JP": Wording("不在", "{m}月{d}日({wd})に戻ります"),
    "ko-KR": Wording("부재중", "{m}월 {d}일 ({wd}) 복귀"),
    "zh-CN": Wording("不在办公室", "{m}月{d}日{wd}回来"),
    "zh-TW": Wording("不在辦公室", "{m}月{d}日{wd}回來"),
}


def status_text(ends_at: datetime | None, *, tz: str, locale: str | None) -> str:
    """ "Out of office · back Wed 16 Dec" in the owner's language and zone (no day: permanent)."""
    language = language_of(locale)
    wording = WORDINGS[language.locale]
    if ends_at is None:
        return wording.away[:STATUS_MAX]
    back, texts = ends_at.astimezone(ZoneInfo(tz)), language.texts
    day = wording.back.format(
        wd=texts.weekdays[back.weekday()],
        d=back.day,
        m=back.month,
        mon=texts.months[back.month - 1],
    )
    return f"{wording.away}{SEP}{day}"[:STATUS_MAX]


def looks_ours(text: str, emoji: str) -> bool:
    """Whether a status is one ooo sets, in any language (an earlier absence's, say)."""
    if emoji != EMOJI:
        return False
    return any(text == w.away or text.startswith(w.away + SEP) for w in WORDINGS.values())


def snooze_until(ends_at: datetime | None, now: datetime) -> datetime:
    """How long a snooze set now lasts: to the end, or a day when the end is further off."""
    return now + SNOOZE_MAX if ends_at is None else min(ends_at, now + SNOOZE_MAX)


def renewal_at(starts_at: datetime, ends_at: datetime | None, now: datetime) -> datetime | None:
    """When the snooze set now is renewed, or None when it lasts to the end.

    Renewals fall every RENEW_EVERY counting from the start, whoever plans them: a renewal
    planned after an edit and one planned before it name the same moment, so the owner has one
    chain, and each snooze (a day long) outlasts the next renewal by RENEW_AHEAD.
    """
    if ends_at is not None and ends_at <= now + SNOOZE_MAX:
        return None
    return starts_at + ((now - starts_at) // RENEW_EVERY + 1) * RENEW_EVERY


def renewed_late(starts_at: datetime, now: datetime) -> bool:
    """Whether a renewal runs after the snooze it renews ran out (ooo was down meanwhile).

    Then a snooze found ended is no sign that the owner ended it: it lapsed.
    """
    due = starts_at + ((now - starts_at) // RENEW_EVERY) * RENEW_EVERY
    return now - due >= RENEW_AHEAD
