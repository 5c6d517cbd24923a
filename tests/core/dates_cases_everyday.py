"""Everyday English, French, German and Spanish: reasons, compact ranges, idioms, time ranges.

Read on Thursday 27 Nov 2025 at 11:30 in Paris, Berlin and Madrid (+01:00), 04:30 in Mexico City.
Expected ranges were worked out by hand from what a native speaker means.
"""

from tests.core.date_case import NO_END, REASON_ONLY, UNREAD, Case, no, ok


def _reader(locale: str, tz: str, offset: str = "+01:00"):  # type: ignore[no-untyped-def]
    def accepted(text: str, start: str, end: str | None, **where: str) -> Case:
        return ok(text, start, end, locale, offset=offset, **{"tz": tz, **where})

    def refused(text: str, key: str, **where: str) -> Case:
        return no(text, key, locale, **{"tz": tz, **where})

    return accepted, refused


en, en_no = _reader("en-US", "Europe/Paris")
ENGLISH = [
    en("PTO Mon", "2025-12-01T00:00", "2025-12-02T00:00"),
    en("out sick today", "now", "2025-11-28T00:00"),
    en("on vacation until the 9th", "now", "2025-12-10T00:00"),
    en("away Wed\u2013Fri", "2025-12-03T00:00", "2025-12-06T00:00"),
    en("Tue-Thu", "2025-12-02T00:00", "2025-12-05T00:00"),
    en("Mon/Tue", "2025-12-01T00:00", "2025-12-03T00:00"),
    en("Tue-Thu this week", "2025-11-25T00:00", "2025-11-28T00:00"),
    en("Wed-Fri next week", "2025-12-03T00:00", "2025-12-06T00:00"),
    en("next week Tue-Thu", "2025-12-02T00:00", "2025-12-05T00:00"),
    en("Friday next week", "2025-12-05T00:00", "2025-12-06T00:00"),
    en("Tuesday of next week", "2025-12-02T00:00", "2025-12-03T00:00"),
    en("the whole week after next", "2025-12-08T00:00", "2025-12-15T00:00"),
    en("all next week", "2025-12-01T00:00", "2025-12-08T00:00"),
    en("Friday 1-4pm", "2025-11-28T13:00", "2025-11-28T16:00"),
    en("Mon 9-11am", "2025-12-01T09:00", "2025-12-01T11:00"),
    en("tomorrow 11-1pm", "2025-11-28T11:00", "2025-11-28T13:00"),
    en("Tuesday 9am-5pm", "2025-12-02T09:00", "2025-12-02T17:00"),
    en("back Tuesday", "now", "2025-12-02T00:00"),
    en("in the office again on Wednesday", "now", "2025-12-03T00:00"),
    en("back in the office Monday", "now", "2025-12-01T00:00"),
    en("I'm out till Monday", "now", "2025-12-02T00:00"),
    en("ooo thru Friday", "now", "2025-11-29T00:00"),
    en("tmrw", "2025-11-28T00:00", "2025-11-29T00:00"),
    en("off til the 3rd", "now", "2025-12-04T00:00"),
    en("taking Friday off", "2025-11-28T00:00", "2025-11-29T00:00"),
    en("on leave for 2 weeks", "now", "2025-12-11T00:00"),
    en("parental leave until further notice", "now", None),
    en("vacation Dec 22 - Jan 2", "2025-12-22T00:00", "2026-01-03T00:00"),
    en("OOO: Dec 22-24", "2025-12-22T00:00", "2025-12-25T00:00"),
    en(":palm_tree: Dec 22 - Jan 2", "2025-12-22T00:00", "2026-01-03T00:00"),
    en("2025-12-24T10:30:00 to 2025-12-26T18:00", "2025-12-24T10:30", "2025-12-26T18:00"),
    en("from tmrw for 3 days", "2025-11-28T00:00", "2025-12-01T00:00"),
    en("wfh Friday", "2025-11-28T00:00", "2025-11-29T00:00"),
    en("a week from Monday", "2025-12-08T00:00", "2025-12-09T00:00"),
    en("for a week from Monday", "2025-12-01T00:00", "2025-12-08T00:00"),
    en("until EOD", "now", "2025-11-28T00:00"),
    en("on PTO starting tomorrow through Wednesday", "2025-11-28T00:00", "2025-12-04T00:00"),
    en("all week", "now", "2025-12-01T00:00"),
    en("Friday afternoon", "2025-11-28T12:00", "2025-11-29T00:00"),
    en("tomorrow morning", "2025-11-28T00:00", "2025-11-28T12:00"),
    en("tomorrow to Tuesday next week", "2025-11-28T00:00", "2025-12-03T00:00"),
    en_no("on vacation", REASON_ONLY),
    en_no("out of office", REASON_ONLY),
    en_no("sick", REASON_ONLY),
    en_no("Mon/Wed", UNREAD),
    en_no("out 2-3 days", UNREAD),
]

fr, fr_no = _reader("fr-FR", "Europe/Paris")
FRENCH = [
    fr("en vacances jusqu'au 12", "now", "2025-12-13T00:00"),
    fr("en congé du 22 au 26 décembre", "2025-12-22T00:00", "2025-12-27T00:00"),
    fr("absent lun.-mer.", "2025-12-01T00:00", "2025-12-04T00:00"),
    fr("mar.-jeu.", "2025-12-02T00:00", "2025-12-05T00:00"),
    fr("sam.-dim.", "2025-11-29T00:00", "2025-12-01T00:00"),
    fr("du mardi au jeudi de la semaine prochaine", "2025-12-02T00:00", "2025-12-05T00:00"),
    fr("mardi de la semaine prochaine", "2025-12-02T00:00", "2025-12-03T00:00"),
    fr("toute la semaine prochaine", "2025-12-01T00:00", "2025-12-08T00:00"),
    fr("vendredi de 14h à 17h", "2025-11-28T14:00", "2025-11-28T17:00"),
    fr("vendredi 9h-12h", "2025-11-28T09:00", "2025-11-28T12:00"),
    fr("de retour au bureau lundi", "now", "2025-12-01T00:00"),
    fr("je serai de retour mardi", "now", "2025-12-02T00:00"),
    fr("malade aujourd'hui", "now", "2025-11-28T00:00"),
    fr("en arrêt maladie jusqu'à vendredi", "now", "2025-11-29T00:00"),
    fr("en déplacement mardi", "2025-12-02T00:00", "2025-12-03T00:00"),
    fr("en formation du 3 au 5", "2025-12-03T00:00", "2025-12-06T00:00"),
    fr("pendant une semaine", "now", "2025-12-04T00:00"),
    fr("pour deux jours", "now", "2025-11-29T00:00"),
    fr("pour une durée indéterminée", "now", None),
    fr("en congé parental jusqu'à nouvel ordre", "now", None),
    fr("absente demain", "2025-11-28T00:00", "2025-11-29T00:00"),
    fr("du 22/12 au 2/1", "2025-12-22T00:00", "2026-01-03T00:00"),
    fr("lundi et mardi", "2025-12-01T00:00", "2025-12-03T00:00"),
    fr("ce vendredi", "2025-11-28T00:00", "2025-11-29T00:00"),
    fr("à partir de demain pendant 3 jours", "2025-11-28T00:00", "2025-12-01T00:00"),
    fr("en télétravail vendredi", "2025-11-28T00:00", "2025-11-29T00:00"),
    fr("RTT le 5", "2025-12-05T00:00", "2025-12-06T00:00"),
    fr("de retour le 2 janvier", "now", "2026-01-02T00:00"),
    fr("jusqu'à demain midi", "now", "2025-11-28T12:00"),
    fr("absent jusqu'au lundi 1er décembre inclus", "now", "2025-12-02T00:00"),
    fr("en congé toute la semaine", "now", "2025-12-01T00:00"),
    fr("vendredi après-midi", "2025-11-28T12:00", "2025-11-29T00:00"),
    fr_no("congés", REASON_ONLY),
    fr_no("en vacances", REASON_ONLY),
    fr_no("en vacances à partir de lundi", NO_END),
]

de, de_no = _reader("de-DE", "Europe/Berlin")
GERMAN = [
    de("Urlaub vom 22. bis 26. Dezember", "2025-12-22T00:00", "2025-12-27T00:00"),
    de("Mo\u2013Mi", "2025-12-01T00:00", "2025-12-04T00:00"),
    de("Di-Do nächste Woche", "2025-12-02T00:00", "2025-12-05T00:00"),
    de("Dienstag nächste Woche", "2025-12-02T00:00", "2025-12-03T00:00"),
    de("die ganze nächste Woche", "2025-12-01T00:00", "2025-12-08T00:00"),
    de("übernächste Woche", "2025-12-08T00:00", "2025-12-15T00:00"),
    de("Freitag von 9 bis 12 Uhr", "2025-11-28T09:00", "2025-11-28T12:00"),
    de("morgen 9-12 Uhr", "2025-11-28T09:00", "2025-11-28T12:00"),
    de("Montag 14-16 Uhr", "2025-12-01T14:00", "2025-12-01T16:00"),
    de("ab Dienstag wieder da", "now", "2025-12-02T00:00"),
    de("Montag wieder im Büro", "now", "2025-12-01T00:00"),
    de("zurück am 2. Januar", "now", "2026-01-02T00:00"),
    de("krank heute", "now", "2025-11-28T00:00"),
    de("heute krank", "now", "2025-11-28T00:00"),
    de("krankgeschrieben bis Freitag", "now", "2025-11-29T00:00"),
    de("im Urlaub bis zum 12.", "now", "2025-12-13T00:00"),
    de("auf Dienstreise Mittwoch bis Freitag", "2025-12-03T00:00", "2025-12-06T00:00"),
    de("für eine Woche", "now", "2025-12-04T00:00"),
    de("für zwei Wochen ab Montag", "2025-12-01T00:00", "2025-12-15T00:00"),
    de("Elternzeit bis auf Weiteres", "now", None),
    de("vom 22.12. bis 2.1.", "2025-12-22T00:00", "2026-01-03T00:00"),
    de("Sa/So", "2025-11-29T00:00", "2025-12-01T00:00"),
    de("frei am Freitag", "2025-11-28T00:00", "2025-11-29T00:00"),
    de("bin ab morgen für 3 Tage weg", "2025-11-28T00:00", "2025-12-01T00:00"),
    de("Homeoffice am Freitag", "2025-11-28T00:00", "2025-11-29T00:00"),
    de("bis morgen 12 Uhr", "now", "2025-11-28T12:00"),
    de("ab morgen bis Mittwoch", "2025-11-28T00:00", "2025-12-04T00:00"),
    de("Urlaub 22.12.\u20132.1.", "2025-12-22T00:00", "2026-01-03T00:00"),
    de("krank, voraussichtlich bis Mittwoch", "now", "2025-12-04T00:00"),
    de("Freitag nachmittags", "2025-11-28T12:00", "2025-11-29T00:00"),
    de("morgen bis Dienstag nächste Woche", "2025-11-28T00:00", "2025-12-03T00:00"),
    de_no("Urlaub", REASON_ONLY),
    de_no("im Homeoffice", REASON_ONLY),
    de_no("Urlaub ab Montag", NO_END),
    de_no("Mo/Mi", UNREAD),
]

es, es_no = _reader("es-ES", "Europe/Madrid")
la, la_no = _reader("es-LA", "America/Mexico_City", "-06:00")
SPANISH = [
    es("de baja hasta el lunes", "now", "2025-12-02T00:00"),
    es("de vacaciones del 22 al 26 de diciembre", "2025-12-22T00:00", "2025-12-27T00:00"),
    es("lun-mié", "2025-12-01T00:00", "2025-12-04T00:00"),
    es("mié.-vie.", "2025-12-03T00:00", "2025-12-06T00:00"),
    es("mar.-jue.", "2025-12-02T00:00", "2025-12-05T00:00"),
    es("de martes a jueves de la semana que viene", "2025-12-02T00:00", "2025-12-05T00:00"),
    es("el martes de la próxima semana", "2025-12-02T00:00", "2025-12-03T00:00"),
    es("toda la semana que viene", "2025-12-01T00:00", "2025-12-08T00:00"),
    es("el viernes de 9 a 12 h", "2025-11-28T09:00", "2025-11-28T12:00"),
    es("viernes de las 9 a las 12", "2025-11-28T09:00", "2025-11-28T12:00"),
    es("de vuelta en la oficina el martes", "now", "2025-12-02T00:00"),
    es("vuelvo el lunes", "now", "2025-12-01T00:00"),
    es("de regreso el 2 de enero", "now", "2026-01-02T00:00"),
    es("enfermo hoy", "now", "2025-11-28T00:00"),
    es("de viaje de trabajo del 3 al 5", "2025-12-03T00:00", "2025-12-06T00:00"),
    es("por una semana", "now", "2025-12-04T00:00"),
    es("por dos días", "now", "2025-11-29T00:00"),
    es("por tiempo indefinido", "now", None),
    es("del 22/12 al 2/1", "2025-12-22T00:00", "2026-01-03T00:00"),
    es("fuera de la oficina mañana", "2025-11-28T00:00", "2025-11-29T00:00"),
    es("libre el viernes", "2025-11-28T00:00", "2025-11-29T00:00"),
    es("hasta mañana a las 12", "now", "2025-11-28T12:00"),
    es("a partir de mañana durante 3 días", "2025-11-28T00:00", "2025-12-01T00:00"),
    es("sáb/dom", "2025-11-29T00:00", "2025-12-01T00:00"),
    es("estoy de vacaciones hasta el 9", "now", "2025-12-10T00:00"),
    es("el lunes y el martes", "2025-12-01T00:00", "2025-12-03T00:00"),
    es("toda la semana", "now", "2025-12-01T00:00"),
    es("mañana por la mañana", "2025-11-28T00:00", "2025-11-28T12:00"),
    la("mañana", "2025-11-28T00:00", "2025-11-29T00:00"),
    la("24/12", "2025-12-24T00:00", "2025-12-25T00:00"),
    la("de licencia hasta nuevo aviso", "now", None),
    la("de vacaciones del 22 de diciembre al 2 de enero", "2025-12-22T00:00", "2026-01-03T00:00"),
    es_no("vacaciones", REASON_ONLY),
    es_no("de baja", REASON_ONLY),
    la_no("12/24", UNREAD),
]

EVERYDAY = ENGLISH + FRENCH + GERMAN + SPANISH
