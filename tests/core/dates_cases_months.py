"""A month named alone, in every language: all of it, the next one not over, from now if under way.

Read at NOW (Thursday 27 Nov 2025, inside November, before August) and at NEW_YEAR (Tuesday
30 Dec 2025, so January is next year's). A year given is taken as is, and a past one refused.
"""

from tests.core.date_case import NEW_YEAR, PAST, Case, no, ok


def _reader(locale: str, tz: str, winter: str, summer: str):  # type: ignore[no-untyped-def]
    """Cases for one locale: this November from now, next January, next August, August 2027."""

    def months(november: str, january: str, august: str, in_2027: str, in_2020: str) -> list[Case]:
        return [
            ok(november, "now", f"2025-12-01T00:00{winter}", locale, tz=tz),
            ok(
                january, "2026-01-01T00:00", "2026-02-01T00:00", locale, winter, tz=tz, now=NEW_YEAR
            ),
            ok(august, f"2026-08-01T00:00{summer}", f"2026-09-01T00:00{summer}", locale, tz=tz),
            ok(in_2027, f"2027-08-01T00:00{summer}", f"2027-09-01T00:00{summer}", locale, tz=tz),
            no(in_2020, PAST, locale, tz=tz),
        ]

    return months


MONTHS = [
    *_reader("en-US", "Europe/Paris", "+01:00", "+02:00")(
        "November", "in January", "in August", "August 2027", "in August 2020"
    ),
    *_reader("en-US", "America/New_York", "-05:00", "-04:00")(
        "in the month of November", "January", "August", "in August 2027", "August 2020"
    ),
    *_reader("fr-FR", "Europe/Paris", "+01:00", "+02:00")(
        "en novembre", "janvier", "en août", "août 2027", "en août 2020"
    ),
    *_reader("de-DE", "Europe/Berlin", "+01:00", "+02:00")(
        "im November", "Januar", "im August", "August 2027", "im August 2020"
    ),
    *_reader("es-ES", "Europe/Madrid", "+01:00", "+02:00")(
        "noviembre", "en enero", "en agosto", "agosto de 2027", "en agosto de 2020"
    ),
    *_reader("pt-BR", "America/Sao_Paulo", "-03:00", "-03:00")(
        "novembro", "em janeiro", "em agosto", "no mês de agosto de 2027", "em agosto de 2020"
    ),
    *_reader("it-IT", "Europe/Rome", "+01:00", "+02:00")(
        "a novembre", "in gennaio", "ad agosto", "nel mese di agosto 2027", "ad agosto 2020"
    ),
    *_reader("ja-JP", "Asia/Tokyo", "+09:00", "+09:00")(
        "11月", "1月に", "8月", "2027年8月", "2020年8月"
    ),
    *_reader("ko-KR", "Asia/Seoul", "+09:00", "+09:00")(
        "11월", "1월에", "8월", "2027년 8월", "2020년 8월"
    ),
    *_reader("zh-CN", "Asia/Shanghai", "+08:00", "+08:00")(
        "十一月", "一月份", "八月", "2027年8月份", "2020年8月"
    ),
    *_reader("zh-TW", "Asia/Taipei", "+08:00", "+08:00")(
        "11月", "一月", "8月份", "2027年八月", "2020年8月"
    ),
]
