"""Families of phrases a reader had silently misread, read on Thursday 27 Nov 2025.

At NOW it is 11:30 in Paris, Berlin, Madrid and Rome and 07:30 in São Paulo. Expected ranges
were worked out by hand from what the writer means; where no reading is safe, a refusal.
"""

from tests.core.date_case import UNREAD, reader

en, en_no = reader("en-US", "Europe/Paris")
gb, _ = reader("en-GB", "Europe/London", "+00:00")
fr, fr_no = reader("fr-FR", "Europe/Paris")
de, de_no = reader("de-DE", "Europe/Berlin")
es, es_no = reader("es-ES", "Europe/Madrid")
pt, _ = reader("pt-BR", "America/Sao_Paulo", "-03:00")
it, it_no = reader("it-IT", "Europe/Rome")
ja, ja_no = reader("ja-JP", "Asia/Tokyo", "+09:00")
ko, ko_no = reader("ko-KR", "Asia/Seoul", "+09:00")
zh, zh_no = reader("zh-CN", "Asia/Shanghai", "+08:00")
tw, _ = reader("zh-TW", "Asia/Taipei", "+08:00")
UNUSED = "unused"

# A part of the day said after a time range is both hours': never the start's own small hour.
DAY_PART_OF_A_TIME_RANGE = [
    es("el viernes de las 3 a las 4 de la tarde", "2025-11-28T15:00", "2025-11-28T16:00"),
    fr("vendredi de 3h à 4h du soir", "2025-11-28T15:00", "2025-11-28T16:00"),
    fr("vendredi de 2 à 5 heures de l'après-midi", "2025-11-28T14:00", "2025-11-28T17:00"),
    it("venerdì dalle 4 alle 7 di sera", "2025-11-28T16:00", "2025-11-28T19:00"),
    pt("sexta das 2 às 5 da tarde", "2025-11-28T14:00", "2025-11-28T17:00"),
    # Evening is no half of the clock these tables know: refused, never read without it.
    en_no("Friday from 6 to 8 in the evening", UNUSED),
    de_no("Freitag von 6 bis 8 Uhr abends", UNUSED),
]

# After an hour of the 24-hour clock the next hour is on that clock too: an earlier one is the
# next morning's, as "from 10pm to 2am" is.
THROUGH_THE_NIGHT = [
    it("dalle 18 alle 8", "2025-11-27T18:00", "2025-11-28T08:00"),
    es("de las 16 a las 8", "2025-11-27T16:00", "2025-11-28T08:00"),
    pt("das 20 às 9", "2025-11-27T20:00", "2025-11-28T09:00"),
]

# Brackets, quotes and Slack's marks around a weekday (as Slack sends "&lt;Tuesday&gt;", once
# unescaped) leave it a weekday: it is read, never dropped.
QUOTED = [
    en("from <Tuesday> to Thursday", "2025-12-02T00:00", "2025-12-05T00:00"),
    de("von „Dienstag“ bis Donnerstag", "2025-12-02T00:00", "2025-12-05T00:00"),
    es("del `martes` al jueves", "2025-12-02T00:00", "2025-12-05T00:00"),
    it("da «martedì» a giovedì", "2025-12-02T00:00", "2025-12-05T00:00"),
    pt("de “terça” a quinta", "2025-12-02T00:00", "2025-12-05T00:00"),
    en_no("every <Tuesday>", UNUSED),
]

# A German word run into a month or weekday carries it: read ("Aprilhälfte") or refused.
RUN_INTO_A_NAME = [
    de("die erste Aprilhälfte", "2026-04-01T00:00+02:00", "2026-04-16T00:00+02:00"),
    de("die zweite Januarhälfte", "2026-01-16T00:00", "2026-02-01T00:00"),
    de_no("Urlaub Montagmorgen bis Mittwoch", UNREAD),
    de_no("weg vom 3. bis Dezemberende", UNREAD),
]

# Between two days is from the first to the second, in every language; a month said once, before
# or after the days ("im Februar vom 2. bis 6.", "du mois de février"), is both days'.
BETWEEN = [
    it("tra il 5 e l'11 ottobre", "2026-10-05T00:00+02:00", "2026-10-12T00:00+02:00"),
    es("entre el 2 y el 6 de febrero", "2026-02-02T00:00", "2026-02-07T00:00"),
    ko("10월 5일과 11일 사이", "2026-10-05T00:00", "2026-10-12T00:00"),
    ko("3월 2일에서 3월 6일 사이에 휴가", "2026-03-02T00:00", "2026-03-07T00:00"),
    ja("3月2日と3月6日の間", "2026-03-02T00:00", "2026-03-07T00:00"),
    zh("3月2日和3月6日之间", "2026-03-02T00:00", "2026-03-07T00:00"),
    de("im Februar vom 2. bis 6.", "2026-02-02T00:00", "2026-02-07T00:00"),
    de("Im Februar zwischen dem 2. und dem 6. bin ich weg", "2026-02-02T00:00", "2026-02-07T00:00"),
    fr("du 2 au 6 du mois de février", "2026-02-02T00:00", "2026-02-07T00:00"),
]

# Bare numbers after a day and a start of hours ("de", "from", "von") or after tomorrow are that
# day's hours; without the start, after a weekday, they stay days of the month.
DAY_HOURS = [
    es("el miércoles de 10 a 12", "2025-12-03T10:00", "2025-12-03T12:00"),
    pt("quarta de 10 a 12", "2025-12-03T10:00", "2025-12-03T12:00"),
    fr("vendredi de 10 à 12", "2025-11-28T10:00", "2025-11-28T12:00"),
    de("Freitag von 10 bis 12", "2025-11-28T10:00", "2025-11-28T12:00"),
    es("mañana de 8 a 11", "2025-11-28T08:00", "2025-11-28T11:00"),
    it("domani 8-11", "2025-11-28T08:00", "2025-11-28T11:00"),
    en("tomorrow 8-11", "2025-11-28T08:00", "2025-11-28T11:00"),
    es("el lunes del 1 al 5", "2025-12-01T00:00", "2025-12-06T00:00"),
    fr("lundi 1er au 5", "2025-12-01T00:00", "2025-12-06T00:00"),
]

UNSEEN = DAY_PART_OF_A_TIME_RANGE + THROUGH_THE_NIGHT + QUOTED + RUN_INTO_A_NAME + BETWEEN
# Not being in is being away: a negated presence names the absence; "no" alone stays refused.
NOT_IN = [
    es("no voy a estar el jueves", "2025-12-04T00:00", "2025-12-05T00:00"),
    it("giovedì non ci sarò", "2025-12-04T00:00", "2025-12-05T00:00"),
    pt("não vou estar na quinta", "2025-12-04T00:00", "2025-12-05T00:00"),
    fr("je ne serai pas là jeudi", "2025-12-04T00:00", "2025-12-05T00:00"),
    en("I won't be in on Thursday", "2025-12-04T00:00", "2025-12-05T00:00"),
    es_no("no el jueves", UNUSED),
]

# Words around a date that say nothing of it: "unos" is some, never one; "me iré" is I'll go.
AROUND = [
    es_no("unos días desde el lunes", UNREAD),
    es("unas vacaciones del 1 al 5 de diciembre", "2025-12-01T00:00", "2025-12-06T00:00"),
    es("me iré por dos horas", "now", "2025-11-27T13:30"),
    en("taking the rest of the day off", "now", "2025-11-28T00:00"),
]

# Minutes in Chinese numerals, quarters of an hour (一刻, 三刻) and ISO dates run into a word.
CJK_CLOCK_AND_ISO = [
    zh("周五下午三点一刻到五点", "2025-11-28T15:15", "2025-11-28T17:00"),
    tw("週五下午三點三刻到五點", "2025-11-28T15:45", "2025-11-28T17:00"),
    zh("周五下午三点二十分到五点", "2025-11-28T15:20", "2025-11-28T17:00"),
    ja("金曜日の午後3時二十分から5時まで", "2025-11-28T15:20", "2025-11-28T17:00"),
    zh("2025-12-22至2026-01-02", "2025-12-22T00:00", "2026-01-03T00:00"),
    tw("2025-12-22至2026-01-02", "2025-12-22T00:00", "2026-01-03T00:00"),
]

# Noon and midnight with their article ("ao meio-dia", "a mezzanotte") are times, never the end
# of a range from the day before them.
NOON_WITH_ARTICLE = [
    pt("volto dia 3 ao meio-dia", "now", "2025-12-03T12:00"),
    it("rientro il 3 a mezzogiorno", "now", "2025-12-03T12:00"),
    es("vuelvo el 3 al mediodía", "now", "2025-12-03T12:00"),
    es("hasta el viernes a medianoche", "now", "2025-11-29T00:00"),
    it("fino a venerdì a mezzanotte", "now", "2025-11-29T00:00"),
    pt("até sexta à meia-noite", "now", "2025-11-29T00:00"),
]

# A weekday in brackets after hours is their day: 9時〜17時(金) had read as today.
HOURS_THEN_WEEKDAY = [
    ja("10時〜15時\uff08火\uff09", "2025-12-02T10:00", "2025-12-02T15:00"),
    ko("10시~15시(화)", "2025-12-02T10:00", "2025-12-02T15:00"),
]

# The week of a day (toute la semaine du 1er, die ganze Woche ab dem 1.) is seven days from it.
WEEK_OF_A_DAY = [
    fr("en congrès toute la semaine du 1er", "2025-12-01T00:00", "2025-12-08T00:00"),
    de("die ganze Woche ab dem 1. weg", "2025-12-01T00:00", "2025-12-08T00:00"),
    it("tutta la settimana dal 1", "2025-12-01T00:00", "2025-12-08T00:00"),
    es("toda la semana del 1", "2025-12-01T00:00", "2025-12-08T00:00"),
    pt("toda a semana do dia 1", "2025-12-01T00:00", "2025-12-08T00:00"),
]

UNSEEN += DAY_HOURS + NOT_IN + AROUND + CJK_CLOCK_AND_ISO + NOON_WITH_ARTICLE
UNSEEN += HOURS_THEN_WEEKDAY + WEEK_OF_A_DAY
# Bare hours after the afternoon are its own, in every language that says it so.
AFTERNOON_HOURS = [
    en("Friday afternoon from 2 to 4", "2025-11-28T14:00", "2025-11-28T16:00"),
    fr("vendredi après-midi de 2h à 4h", "2025-11-28T14:00", "2025-11-28T16:00"),
    es("el viernes por la tarde de 2 a 4", "2025-11-28T14:00", "2025-11-28T16:00"),
    de("Freitag nachmittags von 2 bis 4", "2025-11-28T14:00", "2025-11-28T16:00"),
    it("venerdì pomeriggio dalle 2 alle 4", "2025-11-28T14:00", "2025-11-28T16:00"),
    pt("sexta à tarde das 2 às 4", "2025-11-28T14:00", "2025-11-28T16:00"),
]

UNSEEN += AFTERNOON_HOURS
UNSEEN += [
    # All day beside only why the person is away is today, as all day alone is.
    de("den ganzen Tag krank", "now", "2025-11-28T00:00"),
    en("out all day", "now", "2025-11-28T00:00"),
    fr("absente toute la journée", "now", "2025-11-28T00:00"),
    es("fuera todo el día", "now", "2025-11-28T00:00"),
    # "and" before the return joins it, as a comma does: from the day off to the day back.
    gb("I'm off on the 1st and back on the 3rd", "2025-12-01T00:00", "2025-12-03T00:00"),
    en("off Friday and back on Tuesday", "2025-11-28T00:00", "2025-12-02T00:00"),
    # "pro" is prochaine or prochain cut short.
    fr("le mois pro", "2025-12-01T00:00", "2026-01-01T00:00"),
    fr("en congé la semaine pro", "2025-12-01T00:00", "2025-12-08T00:00"),
]

# Two days joined by "and" are those two days: a range only when they are side by side.
DAYS_LISTED_WITH_AND = [
    en_no("off Mon and Wed", UNREAD),
    en_no("out Dec 10 and Dec 12", UNREAD),
    fr_no("absente lundi et mercredi", UNREAD),
    de_no("am 10. und 12. Dezember weg", UNREAD),
    es_no("fuera el lunes y el miércoles", UNREAD),
    it_no("assente lunedì e mercoledì", UNREAD),
    en("off Monday and Tuesday", "2025-12-01T00:00", "2025-12-03T00:00"),
    fr("lundi et mardi", "2025-12-01T00:00", "2025-12-03T00:00"),
]

# A bare "before" after a day ("金曜日前", "금요일 전에") changes what it means: refused by name.
BEFORE_A_DAY = [
    zh_no("周三前不在", UNUSED),
    ja_no("水曜日前に休み", UNUSED),
    ko_no("수요일 전에 휴가", UNUSED),
]

UNSEEN += DAYS_LISTED_WITH_AND + BEFORE_A_DAY
