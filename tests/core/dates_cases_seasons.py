"""Every language at the edges of the calendar: month and year ends, a leap day, both European
and both US daylight-saving weekends, and southern-hemisphere zones.

The offsets say what the wall clock reads there and then; expectations were worked out by hand.
"""

from tests.core.date_case import (
    FALL_BACK_NIGHT,
    LEAP,
    MONTH_END,
    NEW_YEAR,
    SPRING,
    SPRING_NIGHT,
    SYDNEY_AUTUMN,
    SYDNEY_SPRING,
    US_FALL,
    US_SPRING,
    US_SPRING_NIGHT,
    ok,
)

TOKYO, SEOUL, SHANGHAI, TAIPEI = "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Taipei"
SAO_PAULO, ROME, NEW_YORK, SYDNEY = (
    *("America/Sao_Paulo", "Europe/Rome"),
    *("America/New_York", "Australia/Sydney"),
)

LEAP_DAY = [
    ok("明日", "2028-02-29T00:00+09:00", "2028-03-01T00:00+09:00", "ja-JP", tz=TOKYO, now=LEAP),
    ok("Feb 29", "2028-02-29T00:00", "2028-03-01T00:00", now=LEAP),
    ok("29/2", "2028-02-29T00:00-03:00", "2028-03-01T00:00-03:00", "pt-BR", tz=SAO_PAULO, now=LEAP),
    ok("fino a fine mese", "now", "2028-03-01T00:00+01:00", "it-IT", tz=ROME, now=LEAP),
    ok("월말까지", "now", "2028-03-01T00:00+09:00", "ko-KR", tz=SEOUL, now=LEAP),
    ok("三天", "now", "2028-03-02T00:00+08:00", "zh-CN", tz=SHANGHAI, now=LEAP),
    ok("2月29日", "2028-02-29T00:00+08:00", "2028-03-01T00:00+08:00", "zh-TW", tz=TAIPEI, now=LEAP),
]

MONTH_AND_YEAR_ENDS = [
    ok(
        "来月", "2026-02-01T00:00+09:00", "2026-03-01T00:00+09:00", "ja-JP", tz=TOKYO, now=MONTH_END
    ),
    ok("le mois prochain", "2026-02-01T00:00", "2026-03-01T00:00", "fr-FR", now=MONTH_END),
    ok(
        "Montag", "2026-02-02T00:00", "2026-02-03T00:00", "de-DE", tz="Europe/Berlin", now=MONTH_END
    ),
    ok("até o fim do mês", "now", "2026-02-01T00:00-03:00", "pt-BR", tz=SAO_PAULO, now=MONTH_END),
    ok(
        "下周一到周三",
        "2026-02-02T00:00+08:00",
        "2026-02-05T00:00+08:00",
        "zh-CN",
        tz=SHANGHAI,
        now=MONTH_END,
    ),
    ok("1月2日まで", "now", "2026-01-03T00:00+09:00", "ja-JP", tz=TOKYO, now=NEW_YEAR),
    ok(
        "12월 31일부터 1월 2일까지",
        "2025-12-31T00:00+09:00",
        "2026-01-03T00:00+09:00",
        "ko-KR",
        tz=SEOUL,
        now=NEW_YEAR,
    ),
    ok(
        "12月29日到1月2日",
        "2025-12-29T00:00+08:00",
        "2026-01-03T00:00+08:00",
        "zh-TW",
        tz=TAIPEI,
        now=NEW_YEAR,
    ),
    ok(
        "dal 29 dicembre al 2 gennaio",
        "2025-12-29T00:00",
        "2026-01-03T00:00",
        "it-IT",
        tz=ROME,
        now=NEW_YEAR,
    ),
    ok(
        "de 2 a 5 de janeiro",
        "2026-01-02T00:00-03:00",
        "2026-01-06T00:00-03:00",
        "pt-BR",
        tz=SAO_PAULO,
        now=NEW_YEAR,
    ),
    ok("hasta el 2 de enero", "now", "2026-01-03T00:00", "es-ES", tz="Europe/Madrid", now=NEW_YEAR),
]

DAYLIGHT_SAVING = [
    ok(
        "dal 27 al 31 marzo",
        "2026-03-27T00:00",
        "2026-04-01T00:00+02:00",
        "it-IT",
        tz=ROME,
        now=SPRING,
    ),
    ok(
        "del 27 al 31 de marzo",
        "2026-03-27T00:00",
        "2026-04-01T00:00+02:00",
        "es-ES",
        tz="Europe/Madrid",
        now=SPRING,
    ),
    ok("per 3 ore", "now", "2026-03-29T04:30+02:00", "it-IT", tz=ROME, now=SPRING_NIGHT),
    ok(
        "durante 2 horas",
        "now",
        "2026-10-25T04:30+01:00",
        "es-ES",
        tz="Europe/Madrid",
        now=FALL_BACK_NIGHT,
    ),
    ok("jusqu'à 3h", "now", "2026-10-25T03:00+01:00", "fr-FR", now=FALL_BACK_NIGHT),
    ok(
        "Mar 7 to Mar 9",
        "2026-03-07T00:00-05:00",
        "2026-03-10T00:00-04:00",
        tz=NEW_YORK,
        now=US_SPRING,
    ),
    ok("for 3 days", "now", "2026-03-09T00:00-04:00", tz=NEW_YORK, now=US_SPRING),
    ok(
        "del 7 al 9 de marzo",
        "2026-03-07T00:00-08:00",
        "2026-03-10T00:00-07:00",
        "es-LA",
        tz="America/Los_Angeles",
        now=US_SPRING,
    ),
    ok("for 2 hours", "now", "2026-03-08T04:30-04:00", tz=NEW_YORK, now=US_SPRING_NIGHT),
    ok("until 3am", "now", "2026-03-08T03:00-04:00", tz=NEW_YORK, now=US_SPRING_NIGHT),
    ok(
        "Oct 31 to Nov 2",
        "2026-10-31T00:00-04:00",
        "2026-11-03T00:00-05:00",
        tz=NEW_YORK,
        now=US_FALL,
    ),
    ok(
        "this weekend", "2026-10-31T00:00-04:00", "2026-11-02T00:00-05:00", tz=NEW_YORK, now=US_FALL
    ),
    ok("Sat-Sun", "2026-10-31T00:00-04:00", "2026-11-02T00:00-05:00", tz=NEW_YORK, now=US_FALL),
]

SOUTHERN = [
    ok(
        "this weekend",
        "2026-10-03T00:00+10:00",
        "2026-10-05T00:00+11:00",
        "en-GB",
        tz=SYDNEY,
        now=SYDNEY_SPRING,
    ),
    ok(
        "来週",
        "2026-10-05T00:00+11:00",
        "2026-10-12T00:00+11:00",
        "ja-JP",
        tz=SYDNEY,
        now=SYDNEY_SPRING,
    ),
    ok(
        "Sat-Mon",
        "2026-04-04T00:00+11:00",
        "2026-04-07T00:00+10:00",
        "en-GB",
        tz=SYDNEY,
        now=SYDNEY_AUTUMN,
    ),
    ok(
        "sábado a segunda",
        "2026-04-04T00:00-03:00",
        "2026-04-07T00:00-03:00",
        "pt-BR",
        tz=SAO_PAULO,
        now=SYDNEY_AUTUMN,
    ),
]

EDGES = LEAP_DAY + MONTH_AND_YEAR_ENDS + DAYLIGHT_SAVING + SOUTHERN
