"""Whole sentences, read on Thursday 27 Nov 2025: the words around the dates are ignored.

Expected ranges were worked out by hand. A word that changes what a date means ("every",
"before", "fin", "Ende") is never ignored: the sentence is refused, naming it.
"""

from tests.core.date_case import reader

UNUSED = "unused"
en, en_no = reader("en-US", "Europe/Paris")
gb, _ = reader("en-GB", "Europe/London", "+00:00")
fr, fr_no = reader("fr-FR", "Europe/Paris")
de, de_no = reader("de-DE", "Europe/Berlin")
es, es_no = reader("es-ES", "Europe/Madrid")
la, _ = reader("es-LA", "America/Mexico_City", "-06:00")
pt, pt_no = reader("pt-BR", "America/Sao_Paulo", "-03:00")
it, it_no = reader("it-IT", "Europe/Rome")
ja, ja_no = reader("ja-JP", "Asia/Tokyo", "+09:00")
ko, ko_no = reader("ko-KR", "Asia/Seoul", "+09:00")
cn, cn_no = reader("zh-CN", "Asia/Shanghai", "+08:00")
tw, tw_no = reader("zh-TW", "Asia/Taipei", "+08:00")
HOLIDAYS = ("2025-12-20T00:00", "2026-01-04T00:00")

SENTENCES = [
    en("I'm going to be out of the office from Dec 20 to Jan 3", *HOLIDAYS),
    en("I'll be away from Dec 20 to Jan 3, lol", *HOLIDAYS),
    en("Out for Bob's wedding Dec 20 - Jan 3", *HOLIDAYS),
    en("Alice is on holidays until Friday", "now", "2025-11-29T00:00"),
    en("Heading to Lisbon for a conference, back on Monday", "now", "2025-12-01T00:00"),
    en("at the dentist 2-4pm tomorrow", "2025-11-28T14:00", "2025-11-28T16:00"),
    en("vacation next week, see you soon", "2025-12-01T00:00", "2025-12-08T00:00"),
    en("Taking a long weekend, back Tuesday", "2025-11-29T00:00", "2025-12-02T00:00"),
    en("I may be out until Friday", "now", "2025-11-29T00:00"),  # "may" is no month here
    gb(
        "Annual leave from 22/12 until 2/1, Carol is covering",
        "2025-12-22T00:00",
        "2026-01-03T00:00",
    ),
    fr("Je serai absente du 20 décembre au 3 janvier", *HOLIDAYS),
    fr("Bonjour, je serai absente du 20 décembre au 3 janvier inclus, merci", *HOLIDAYS),
    de("Ich bin vom 20. Dezember bis 3. Januar nicht erreichbar", *HOLIDAYS),
    de("Hallo, ich bin vom 20.12. bis 3.1. im Urlaub und danach wieder da", *HOLIDAYS),
    de("Urlaub vom 22.12. bis 2.1., Vertretung: Carol", "2025-12-22T00:00", "2026-01-03T00:00"),
    es("Estaré fuera de la oficina del 20 de diciembre al 3 de enero", *HOLIDAYS),
    la("Voy a estar de vacaciones del 20 de diciembre al 3 de enero", *HOLIDAYS),
    pt("Estarei de férias de 20 de dezembro a 3 de janeiro", *HOLIDAYS),
    pt("Vou estar de férias do dia 20 de dezembro até 3 de janeiro", *HOLIDAYS),
    it("Sarò in ferie dal 20 dicembre al 3 gennaio", *HOLIDAYS),
    it("In ferie fino al 3 gennaio, per urgenze contattare Carol", "now", "2026-01-04T00:00"),
    ja("12月20日から1月3日まで休みをいただきます", *HOLIDAYS),
    ja("誠に勝手ながら12月20日から1月3日まで休みをいただきます", *HOLIDAYS),
    ja("明日から3日間お休みします", "2025-11-28T00:00", "2025-12-01T00:00"),
    ko("12월 20일부터 1월 3일까지 휴가입니다", *HOLIDAYS),
    ko("저는 12월 20일부터 1월 3일까지 가족 여행으로 휴가입니다", *HOLIDAYS),
    cn("我12月20日到1月3日休假", *HOLIDAYS),
    cn("大家好\uff0c我12月20日到1月3日回老家休假", *HOLIDAYS),
    tw("我12月20日到1月3日請假", *HOLIDAYS),
    de(
        "Ich bin bis einschließlich 2. Januar im Urlaub. In dringenden Fällen wende dich an Carol.",
        "now",
        "2026-01-03T00:00",
    ),
    ja("12月20日から1月3日まで冬季休暇をいただいております。急ぎの件はCarolまで。", *HOLIDAYS),
    ko("12월 20일부터 1월 3일까지 연차 휴가입니다. 급한 일은 Carol에게 연락 주세요.", *HOLIDAYS),
]

# Words that change what the dates mean: refused, never read as the dates without them.
QUALIFIED = [
    en_no("every Monday", UNUSED),
    en_no("early December", UNUSED),
    en_no("before Friday", UNUSED),
    en_no("not on Friday", UNUSED),
    en_no("Monday or Tuesday", UNUSED),
    en_no("I may not be out Friday", UNUSED),
    # Read before as 3 January alone: the month said is not in that day, so it is named.
    en_no("Out 2 weeks from Dec 20", UNUSED),
    fr_no("fin décembre", UNUSED),
    de_no("Ende Dezember", UNUSED),
    es_no("a finales de diciembre", UNUSED),
    es_no("todos los lunes", UNUSED),
    fr_no("tous les lundis", UNUSED),
    pt_no("todas as segundas", UNUSED),
    it_no("tutti i lunedì", UNUSED),
    ja_no("毎週月曜日", UNUSED),
    ko_no("매주 월요일", UNUSED),
    cn_no("每周一", UNUSED),
    # A part of a day is no whole day: refused by name, not widened to all of Friday.
    en_no("Out Friday evening", UNUSED),
    fr_no("vendredi soir", UNUSED),
    de_no("Freitag Abend", UNUSED),
    es_no("el viernes por la noche", UNUSED),
    it_no("venerdì sera", UNUSED),
    pt_no("sexta à noite", UNUSED),
    ja_no("金曜日の夜", UNUSED),
    ko_no("금요일 저녁", UNUSED),
    # Weekdays said as a habit are no one absence: not December, not next Monday.
    en_no("out Fridays in December", UNUSED),
    fr_no("les lundis en décembre", UNUSED),
    de_no("montags im Dezember", UNUSED),
    es_no("los lunes de diciembre", UNUSED),
    pt_no("às sextas em dezembro", UNUSED),
    # By, since, leaving: a bound or a start that no reading here has, never Friday alone.
    en_no("back by Friday", UNUSED),
    en_no("leaving Friday", UNUSED),
    en_no("out since Monday", UNUSED),
    fr_no("je pars vendredi", UNUSED),
    # Within a time is a deadline, not an absence that long: never the days from now to it.
    en_no("I'll be away within 10 days", UNUSED),
    de_no("innerhalb von 3 Tagen weg", UNUSED),
    it_no("in ferie entro 3 giorni", UNUSED),
    pt_no("de folga em até 3 dias", UNUSED),
    ja_no("3日以内に休みます", UNUSED),
    ko_no("5일 이내 휴가", UNUSED),
    ko_no("일주일 안에 휴가", UNUSED),
    cn_no("三天之内休假", UNUSED),
    tw_no("三天以內休假", UNUSED),
]

# An hour with its part of the day is a time on the clock's half it names; midnight said as
# "12 at night" is no such hour, and its night word is never dropped to leave the 12th.
PARTS_OF_DAY = [
    pt("sexta das 10h às 3 da tarde", "2025-11-28T10:00", "2025-11-28T15:00"),
    es("el viernes de 10 de la mañana a 3 de la tarde", "2025-11-28T10:00", "2025-11-28T15:00"),
    fr("vendredi de 9h du matin à 4h de l'après-midi", "2025-11-28T09:00", "2025-11-28T16:00"),
    it(
        "venerdì dalle 10 del mattino alle 4 del pomeriggio", "2025-11-28T10:00", "2025-11-28T16:00"
    ),
    es_no("hasta las 12 de la noche", UNUSED),
    pt_no("até as 12 da noite", UNUSED),
]

# A day off said beside the day back, with no word between (Wednesday 3 December, back Friday 5).
DAY_OFF_THEN_BACK = [
    ja("水曜休み、金曜に戻ります", "2025-12-03T00:00", "2025-12-05T00:00"),
    ko("수요일 휴가, 금요일에 복귀합니다", "2025-12-03T00:00", "2025-12-05T00:00"),
    cn("周三请假\uff0c周五回来", "2025-12-03T00:00", "2025-12-05T00:00"),
    tw("週三請假\uff0c週五回來", "2025-12-03T00:00", "2025-12-05T00:00"),
]

WHOLE_SENTENCES = SENTENCES + QUALIFIED + PARTS_OF_DAY + DAY_OFF_THEN_BACK
