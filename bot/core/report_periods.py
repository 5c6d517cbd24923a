"""Quarters and whole years, the periods reports are made of, as each language ooo reads says
them ("this quarter", "este trimestre", "2027", "das ganze Jahr 2027", "quest'anno", "今年").

The date reader reads absences, which last days or weeks; these words are exports' only.
"""

import re
from datetime import date

from bot.core.dates import language_of, languages_for

# "this quarter" -> ("quarter", 0), "last year" -> ("year", -1), by language.
RELATIVE: dict[str, dict[str, tuple[str, int]]] = {
    "en": {
        "this quarter": ("quarter", 0),
        "next quarter": ("quarter", 1),
        "last quarter": ("quarter", -1),
        "this year": ("year", 0),
        "next year": ("year", 1),
        "last year": ("year", -1),
    },
    "fr": {
        "ce trimestre": ("quarter", 0),
        "ce trimestre-ci": ("quarter", 0),
        "le trimestre prochain": ("quarter", 1),
        "le trimestre dernier": ("quarter", -1),
        "cette année": ("year", 0),
        "l'année prochaine": ("year", 1),
        "l'année dernière": ("year", -1),
    },
    "de": {
        "dieses quartal": ("quarter", 0),
        "nächstes quartal": ("quarter", 1),
        "letztes quartal": ("quarter", -1),
        "dieses jahr": ("year", 0),
        "nächstes jahr": ("year", 1),
        "letztes jahr": ("year", -1),
    },
    "es": {
        "este trimestre": ("quarter", 0),
        "el próximo trimestre": ("quarter", 1),
        "el trimestre pasado": ("quarter", -1),
        "este año": ("year", 0),
        "el próximo año": ("year", 1),
        "el año pasado": ("year", -1),
    },
    "pt": {
        "este trimestre": ("quarter", 0),
        "próximo trimestre": ("quarter", 1),
        "trimestre passado": ("quarter", -1),
        "este ano": ("year", 0),
        "próximo ano": ("year", 1),
        "ano passado": ("year", -1),
    },
    "it": {
        "questo trimestre": ("quarter", 0),
        "il prossimo trimestre": ("quarter", 1),
        "lo scorso trimestre": ("quarter", -1),
        "quest'anno": ("year", 0),
        "il prossimo anno": ("year", 1),
        "l'anno scorso": ("year", -1),
    },
    "ja": {
        "今四半期": ("quarter", 0),
        "来四半期": ("quarter", 1),
        "前四半期": ("quarter", -1),
        "今年": ("year", 0),
        "来年": ("year", 1),
        "去年": ("year", -1),
        "昨年": ("year", -1),
    },
    "ko": {
        "이번 분기": ("quarter", 0),
        "다음 분기": ("quarter", 1),
        "지난 분기": ("quarter", -1),
        "올해": ("year", 0),
        "내년": ("year", 1),
        "작년": ("year", -1),
    },
    "zh": {
        "本季度": ("quarter", 0),
        "本季": ("quarter", 0),
        "下季度": ("quarter", 1),
        "上季度": ("quarter", -1),
        "今年": ("year", 0),
        "明年": ("year", 1),
        "去年": ("year", -1),
    },
}
# Words around a year's number: "the whole year 2027", "das ganze Jahr 2027", "2027年".
YEAR_WORDS: dict[str, str] = {
    "en": r"(?:(?:all of |in )?(?:the )?(?:whole |full )?(?:year )?)",
    "fr": r"(?:(?:toute |en )?(?:l'année |l'an |année )?)",
    "de": r"(?:(?:das |im )?(?:ganze |gesamte )?(?:jahr )?)",
    "es": r"(?:(?:todo |en )?(?:el )?(?:año )?)",
    "pt": r"(?:(?:todo |em )?(?:o )?(?:ano )?)",
    "it": r"(?:(?:tutto |nel )?(?:il |l')?(?:anno )?)",
    "ja": r"",
    "ko": r"",
    "zh": r"(?:全年 ?)?",
}
# Not 年度: a Japanese fiscal year starts in April.
YEAR_AFTER = r"(?: ?(?:年|년)(?: ?(?:全年|全体|전체))?)?"


def period_words(text: str, *, today: date, locale: str | None) -> tuple[date, date] | None:
    """The first and last day of the quarter or year the words name, None if they name none."""
    words = " ".join(text.replace("\u2019", "'").casefold().split()).rstrip(".!")
    for code in languages_for(language_of(locale).locale):
        if words in RELATIVE[code]:
            unit, offset = RELATIVE[code][words]
            return _quarter(today, offset) if unit == "quarter" else _year(today.year + offset)
        found = re.fullmatch(rf"{YEAR_WORDS[code]}(\d{{4}}){YEAR_AFTER}", words)
        if found and 1 <= int(found[1]) <= 9999:
            return _year(int(found[1]))
    return None


def _quarter(today: date, offset: int) -> tuple[date, date]:
    """The quarter `offset` quarters from today's."""
    index = today.year * 4 + (today.month - 1) // 3 + offset
    year, quarter = divmod(index, 4)
    first = date(year, quarter * 3 + 1, 1)
    after = date(year + 1, 1, 1) if quarter == 3 else date(year, quarter * 3 + 4, 1)
    return first, date.fromordinal(after.toordinal() - 1)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)
