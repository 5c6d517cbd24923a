"""Parts said once that belong to both ends, read on Thursday 27 Nov 2025 unless said otherwise.

At NOW it is 11:30 in Paris, Berlin, Madrid and Rome, 05:30 in Montreal and 19:30 in Tokyo and
Seoul. Expected ranges were worked out by hand from what the writer means: a year, month,
weekday or day said on one end reaches the other, and an hour alone after a time is a time.
"""

from tests.core.date_case import AUTUMN, BACKWARDS, NO_END, UNREAD, WEEKDAY, ok, reader

en, en_no = reader("en-US", "Europe/Paris")
gb, _ = reader("en-GB", "Europe/London", "+00:00")
fr, fr_no = reader("fr-FR", "Europe/Paris")
de, de_no = reader("de-DE", "Europe/Berlin")
es, es_no = reader("es-ES", "Europe/Madrid")
pt, pt_no = reader("pt-BR", "America/Sao_Paulo", "-03:00")
it, it_no = reader("it-IT", "Europe/Rome")
ja, ja_no = reader("ja-JP", "Asia/Tokyo", "+09:00")
ko, ko_no = reader("ko-KR", "Asia/Seoul", "+09:00")
zh, zh_no = reader("zh-CN", "Asia/Shanghai", "+08:00")
tw, tw_no = reader("zh-TW", "Asia/Taipei", "+08:00")

SHARED_YEAR_AND_MONTH = [
    en("March 3 \u2013 April 7, 2027", "2027-03-03T00:00", "2027-04-08T00:00+02:00"),
    de("3. März \u2013 7. April 2027", "2027-03-03T00:00", "2027-04-08T00:00+02:00"),
    es("del 3 de marzo al 7 de abril de 2027", "2027-03-03T00:00", "2027-04-08T00:00+02:00"),
    de("vom 3.3. bis 7.4.2027", "2027-03-03T00:00", "2027-04-08T00:00+02:00"),
    en("from 6/1-6/9, 2027", "2027-06-01T00:00+02:00", "2027-06-10T00:00+02:00"),
    en("June 2\u20139, 2027", "2027-06-02T00:00+02:00", "2027-06-10T00:00+02:00"),
    gb("26 to 28 July in 2027", "2027-07-26T00:00+01:00", "2027-07-29T00:00+01:00"),
    en("Dec 20 to Jan 3, 2027", "2026-12-20T00:00", "2027-01-04T00:00"),
    # In October 2026 the next 12 March is a Friday (2027), and 1 March a Monday.
    fr("du lundi 1er au vendredi 12 mars", "2027-03-01T00:00", "2027-03-13T00:00", now=AUTUMN),
    # On 27 Nov 2025 the next 12 March (2026) is a Thursday: said so, not moved a year.
    fr_no("du lundi 1er au vendredi 12 mars", WEEKDAY),
    fr_no("du mardi 1er au jeudi 12 mars", WEEKDAY, now=AUTUMN),
    # The end may be in January: which month its day is in is not ours to guess.
    en_no("Dec 28 - 3, 2027", UNREAD),
]

SHARED_DAY = [
    en("9am-5pm on Friday", "2025-11-28T09:00", "2025-11-28T17:00"),
    en("from 2 to 4pm on 9 March", "2026-03-09T14:00", "2026-03-09T16:00"),
    en("2pm-4pm tomorrow", "2025-11-28T14:00", "2025-11-28T16:00"),
    en("from 2pm to Friday 5pm", "2025-11-27T14:00", "2025-11-28T17:00"),
    fr("de 14h à 16h vendredi", "2025-11-28T14:00", "2025-11-28T16:00"),
    it("dalle 14 alle 16 di venerdì", "2025-11-28T14:00", "2025-11-28T16:00"),
    de("von 9 bis 12 Uhr am Freitag", "2025-11-28T09:00", "2025-11-28T12:00"),
    fr("le 14 jusqu'à 17h", "2025-12-14T00:00", "2025-12-14T17:00"),
    de("am 14. bis 17 Uhr", "2025-12-14T00:00", "2025-12-14T17:00"),
]

BARE_HOURS_AND_NIGHTS = [
    es("de 10am a 2", "2025-11-27T10:00", "2025-11-27T14:00"),
    en("from 8am to 1", "2025-11-27T08:00", "2025-11-27T13:00"),
    ok(
        "de 8h à 10",
        "2025-11-27T08:00",
        "2025-11-27T10:00",
        "fr-FR",
        "-05:00",
        tz="America/Montreal",
    ),
    en("Friday 9am to 5", "2025-11-28T09:00", "2025-11-28T17:00"),
    # Office hours, not the 9th to Friday the 5th (which the reader had moved to a Monday).
    en("from 9 to 5 on Friday", "2025-11-28T09:00", "2025-11-28T17:00"),
    gb("8-4 on Monday", "2025-12-01T08:00", "2025-12-01T16:00"),
    en("from 7am to 2 on Monday", "2025-12-01T07:00", "2025-12-01T14:00"),
    gb("from 9am to 1 the day after tomorrow", "2025-11-29T09:00", "2025-11-29T13:00"),
    en_no("from the 9th to Friday the 5th", WEEKDAY),
    en("from 10pm to 2am", "2025-11-27T22:00", "2025-11-28T02:00"),
    en("10pm-2am on Friday", "2025-11-28T22:00", "2025-11-29T02:00"),
    fr("de 22h à 2h vendredi", "2025-11-28T22:00", "2025-11-29T02:00"),
    ja("22時から3時まで", "2025-11-27T22:00", "2025-11-28T03:00"),
    en("a day starting Friday at 5 pm", "2025-11-28T17:00", "2025-11-29T17:00"),
    en("for 2 days starting Monday at 9am", "2025-12-01T09:00", "2025-12-03T09:00"),
]

# Bare days before or after a month said by a span ("next month") are days of that month, for
# both ends: never office hours from 05:00, nor the next 5th.
DAYS_OF_A_NAMED_MONTH = [
    en("off 5 to 20 next month", "2025-12-05T00:00", "2025-12-21T00:00"),
    gb("away between 2 and 9 of next month", "2025-12-02T00:00", "2025-12-10T00:00"),
    fr("absent du 5 au 20 du mois prochain", "2025-12-05T00:00", "2025-12-21T00:00"),
    de("vom 5. bis 20. nächsten Monat", "2025-12-05T00:00", "2025-12-21T00:00"),
    es("del 5 al 20 del mes que viene", "2025-12-05T00:00", "2025-12-21T00:00"),
    pt("de 5 a 20 do mês que vem", "2025-12-05T00:00-03:00", "2025-12-21T00:00-03:00"),
    it("dal 5 al 20 del mese prossimo", "2025-12-05T00:00", "2025-12-21T00:00"),
    ja("来月5日から20日まで", "2025-12-05T00:00", "2025-12-21T00:00"),
    ko("다음 달 5일부터 20일까지", "2025-12-05T00:00", "2025-12-21T00:00"),
    zh("下个月5号到20号", "2025-12-05T00:00", "2025-12-21T00:00"),
    pt("de 28 a 30 deste mês", "2025-11-28T00:00-03:00", "2025-12-01T00:00-03:00"),
    ko("이 달 28일부터 30일까지", "2025-11-28T00:00", "2025-12-01T00:00"),
]

# A range and the return that follows it say the same end twice: read when the return is the
# day after the range, refused when they disagree.
RANGE_AND_RETURN = [
    en("Dec 22 \u2013 Jan 2, back Jan 3", "2025-12-22T00:00", "2026-01-03T00:00"),
    en_no("Dec 22 \u2013 Jan 2, back Jan 7", UNREAD),
    fr("du 22/12 au 2/01, retour le 3", "2025-12-22T00:00", "2026-01-03T00:00"),
    de("vom 22.12. bis 2.1., zurück am 3.1.", "2025-12-22T00:00", "2026-01-03T00:00"),
    es("del 22/12 al 2/1, de vuelta el 3/1", "2025-12-22T00:00", "2026-01-03T00:00"),
]

# An hour said without its half of the day after another hour is the first such hour after it;
# an early-morning hour (凌晨, 새벽) is before noon, so the night runs to the next morning.
LATER_BARE_HOURS = [
    it("venerdì dalle 9 all'una", "2025-11-28T09:00", "2025-11-28T13:00"),
    it("dalle 10 alle 3 di venerdì", "2025-11-28T10:00", "2025-11-28T15:00"),
    ko("금요일 오전 9시부터 2시까지", "2025-11-28T09:00", "2025-11-28T14:00"),
    ja("金曜日の午前9時から2時まで", "2025-11-28T09:00", "2025-11-28T14:00"),
    zh("周五上午9点到2点", "2025-11-28T09:00", "2025-11-28T14:00"),
    zh("周五晚上11点到凌晨3点", "2025-11-28T23:00", "2025-11-29T03:00"),
    tw("週五晚上11點到凌晨3點", "2025-11-28T23:00", "2025-11-29T03:00"),
    ko("금요일 밤 11시부터 새벽 3시까지", "2025-11-28T23:00", "2025-11-29T03:00"),
]

# A weekday in brackets after a day of the month, as Japanese and Korean write it, is that day's:
# on 27 November the next 20th is Saturday 20 December.
BRACKETED_WEEKDAYS = [
    ko("20일(토)", "2025-12-20T00:00", "2025-12-21T00:00"),
    ko_no("20일(목)", WEEKDAY),
    ja("20日(土)", "2025-12-20T00:00", "2025-12-21T00:00"),
    ja_no("20日(木)", WEEKDAY),
]

MONTH_STARTS = [
    ja_no("7月から", NO_END, start="2026-07-01T00:00"),
    ko_no("7월부터", NO_END, start="2026-07-01T00:00"),
    zh_no("从七月开始", NO_END, start="2026-07-01T00:00"),
    en_no("from July", NO_END, start="2026-07-01T00:00+02:00"),
]

# A month said once with a later day first ends before it starts: never moved a year back, nor
# a month back beyond a short absence across a month's end, to make it fit.
BACKWARDS_IN_ONE_MONTH = [
    en_no("Jan 25 - Jan 5", BACKWARDS),
    en_no("from Feb 21 to Feb 8", BACKWARDS),
    fr_no("du 25 au 12 janvier", BACKWARDS),
    de_no("vom 25. bis 12. Januar", BACKWARDS),
    es_no("del 25 al 12 de enero", BACKWARDS),
    pt_no("de 25 a 12 de janeiro", BACKWARDS),
    it_no("dal 25 al 12 gennaio", BACKWARDS),
    ja_no("1月25日から1月5日まで", BACKWARDS),
    ko_no("1월 25일부터 1월 5일까지", BACKWARDS),
    zh_no("1月25日到1月5日", BACKWARDS),
    # A few days across a month's end (two weeks at most) still read: the start is in the month
    # before.
    es("del 29 al 3 de enero", "2025-12-29T00:00", "2026-01-04T00:00"),
]

# Japanese, Korean and Chinese write a month once, at the start: a bare end day is in it. A range
# that names no month at all still crosses a month's end, and so does one of two weeks at most.
CJK_MONTH_WRITTEN_ONCE = [
    ja_no("3月17日から3日まで", BACKWARDS),
    ja_no("3月17日～3日", BACKWARDS),  # noqa: RUF001
    ja_no("3/17〜3", BACKWARDS),
    ja_no("2026年3月17日から3日まで", BACKWARDS),
    ko_no("3월 17일부터 3일까지", BACKWARDS),
    ko_no("3월 17일~3일", BACKWARDS),
    zh_no("3月17日到3日", BACKWARDS),
    tw_no("3月17日至3日", BACKWARDS),
    # Across a month's end within two weeks, the new year's days off: the next month's day.
    ja("12月28日から4日まで", "2025-12-28T00:00", "2026-01-05T00:00"),
    ko("12월 28일부터 4일까지", "2025-12-28T00:00", "2026-01-05T00:00"),
    ja_no("4月7日から31日まで", UNREAD),  # April has 30 days
    ja("28日から2日まで", "2025-11-28T00:00", "2025-12-03T00:00"),
    ko("28일부터 2일까지", "2025-11-28T00:00", "2025-12-03T00:00"),
    zh("28日到2日", "2025-11-28T00:00+08:00", "2025-12-03T00:00+08:00"),
    # The absence under way, as "11月20日から11月30日まで" reads, not next year's.
    ja("11月20日から30日まで", "2025-11-20T00:00", "2025-12-01T00:00"),
]

# A day or a month is never a year: only four digits, or two closing a numeric date, are.
NO_YEAR_FROM_A_DAY = [
    # Two absences, not 6 to 8 January 2120.
    en_no("Jan 6-8 and Jan 20", UNREAD),
    # "mar" is Tuesday and March: neither reading may make 16 March 2112 of it.
    es_no("mar 16/12", UNREAD),
    it_no("mar 16/12", UNREAD),
]

SHARED = SHARED_YEAR_AND_MONTH + SHARED_DAY + BARE_HOURS_AND_NIGHTS + LATER_BARE_HOURS
SHARED += DAYS_OF_A_NAMED_MONTH + RANGE_AND_RETURN + BRACKETED_WEEKDAYS + MONTH_STARTS
SHARED += BACKWARDS_IN_ONE_MONTH + CJK_MONTH_WRITTEN_ONCE + NO_YEAR_FROM_A_DAY
