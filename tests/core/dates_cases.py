"""The phrase table shared by the date tests and bench/dates_bench.py: text in, range out."""

from dataclasses import dataclass

NOW = "2025-11-27T10:30:00+00:00"  # Thursday; 11:30 in Paris, 00:30 on Friday in Kiritimati
SPRING = "2026-03-20T12:00:00+00:00"  # Friday; Paris springs forward on Sunday 29 March
SPRING_NIGHT = "2026-03-28T23:30:00+00:00"  # 00:30 in Paris, 90 minutes before the jump
AUTUMN = "2026-10-20T12:00:00+00:00"  # Tuesday; Europe falls back 25 October, the US 1 November
FALL_BACK_NIGHT = "2026-10-25T01:30:00+00:00"  # 02:30 in Paris for the second time
NEW_YEAR = "2025-12-30T09:00:00+00:00"  # Tuesday


@dataclass(frozen=True)
class Case:
    """A phrase read at `now` by a user in `tz` with `locale`, and what must come out."""

    text: str
    start: str | None  # ISO-8601 with offset, "now", or None for a refusal
    end: str | None  # ISO-8601 with offset, or None (permanent, or a refusal)
    locale: str = "en-US"
    tz: str = "Europe/Paris"
    now: str = NOW
    refusal: str | None = None  # words the refusal's reason must contain


def ok(text: str, start: str, end: str | None, locale: str = "en-US", **where: str) -> Case:
    """An accepted phrase; times without an offset are in Paris winter time (+01:00)."""
    start = start if start == "now" or "+" in start[10:] or "-" in start[10:] else start + "+01:00"
    if end is not None and "+" not in end[10:] and "-" not in end[10:]:
        end += "+01:00"
    return Case(text, start, end, locale, **where)


def no(text: str, refusal: str, locale: str = "en-US", **where: str) -> Case:
    """A refused phrase, and the words its reason must contain."""
    return Case(text, None, None, locale, refusal=refusal, **where)


PAST, UNREAD, NO_END = "in the past", "could not read", "not when it ends"

ENGLISH = [
    ok("tomorrow", "2025-11-28T00:00", "2025-11-29T00:00"),
    ok("today", "now", "2025-11-28T00:00"),
    ok("Dec 20 to Jan 3", "2025-12-20T00:00", "2026-01-04T00:00"),
    ok("Dec 20 \u2013 Jan 3", "2025-12-20T00:00", "2026-01-04T00:00"),
    ok("from December 20 until January 3", "2025-12-20T00:00", "2026-01-04T00:00"),
    ok("back on Monday", "now", "2025-12-01T00:00"),
    ok("returning Dec 8", "now", "2025-12-08T00:00"),
    ok("back on Monday at 2pm", "now", "2025-12-01T14:00"),
    ok("from tomorrow, back on Dec 8", "2025-11-28T00:00", "2025-12-08T00:00"),
    ok("next week", "2025-12-01T00:00", "2025-12-08T00:00"),
    ok("this week", "now", "2025-12-01T00:00"),
    ok("this weekend", "2025-11-29T00:00", "2025-12-01T00:00"),
    ok("next month", "2025-12-01T00:00", "2026-01-01T00:00"),
    ok("until the end of the month", "now", "2025-12-01T00:00"),
    ok("the end of the month", "2025-11-30T00:00", "2025-12-01T00:00"),
    ok("until Friday", "now", "2025-11-29T00:00"),
    ok("through Tuesday", "now", "2025-12-03T00:00"),
    ok("for 3 days", "now", "2025-11-30T00:00"),
    ok("3 days", "now", "2025-11-30T00:00"),
    ok("for a week", "now", "2025-12-04T00:00"),
    ok("for two weeks starting Monday", "2025-12-01T00:00", "2025-12-15T00:00"),
    ok("Monday for 3 days", "2025-12-01T00:00", "2025-12-04T00:00"),
    ok("for 2 hours", "now", "2025-11-27T13:30"),
    ok("the 15th", "2025-12-15T00:00", "2025-12-16T00:00"),
    ok("the 27th", "now", "2025-11-28T00:00"),
    ok("tomorrow 2pm to 5pm", "2025-11-28T14:00", "2025-11-28T17:00"),
    ok("tomorrow from 2 pm to 5 pm", "2025-11-28T14:00", "2025-11-28T17:00"),
    ok("from Monday 9am to Wednesday noon", "2025-12-01T09:00", "2025-12-03T12:00"),
    ok("14:00 to 18:00", "2025-11-27T14:00", "2025-11-27T18:00"),
    ok("until 3pm", "now", "2025-11-27T15:00"),
    ok("until midnight", "now", "2025-11-28T00:00"),
    ok("Dec 20 2025 at 17:00", "2025-12-20T17:00", "2025-12-21T00:00"),
    ok("until further notice", "now", None),
    ok("indefinitely", "now", None),
    ok("permanently", "now", None),
    ok("from Monday until further notice", "2025-12-01T00:00", None),
    ok("12/24", "2025-12-24T00:00", "2025-12-25T00:00"),
    ok("1/12", "2026-01-12T00:00", "2026-01-13T00:00"),
    ok("12/24 to 1/2", "2025-12-24T00:00", "2026-01-03T00:00"),
    ok("2025-12-24", "2025-12-24T00:00", "2025-12-25T00:00"),
    ok("2026-01-05 to 2026-01-09", "2026-01-05T00:00", "2026-01-10T00:00"),
    ok("Monday", "2025-12-01T00:00", "2025-12-02T00:00"),
    ok("Thursday", "2025-12-04T00:00", "2025-12-05T00:00"),
    ok("next Friday", "2025-11-28T00:00", "2025-11-29T00:00"),
    ok("from Friday to Monday", "2025-11-28T00:00", "2025-12-02T00:00"),
    ok("from Sunday to Wednesday", "2025-11-30T00:00", "2025-12-04T00:00"),
    ok("in 2 weeks", "2025-12-11T00:00", "2025-12-12T00:00"),
    ok("Dec 31 to Jan 2", "2025-12-31T00:00", "2026-01-03T00:00"),
    ok("Jan 3", "2026-01-03T00:00", "2026-01-04T00:00"),
    ok("Nov 20 - Nov 30", "2025-11-20T00:00", "2025-12-01T00:00"),
    ok("December 20th, 2026", "2026-12-20T00:00", "2026-12-21T00:00"),
    ok("Dec 24, '26", "2026-12-24T00:00", "2026-12-25T00:00"),  # read by dateparser
    ok("Monday the 1st", "2025-12-01T00:00", "2025-12-02T00:00"),
    ok("dec 3 - 7", "2025-12-03T00:00", "2025-12-08T00:00"),
    ok("3-7 Dec", "2025-12-03T00:00", "2025-12-08T00:00"),
    ok("from the 28th to the 2nd", "2025-11-28T00:00", "2025-12-03T00:00"),
    ok("between the 3rd and the 7th", "2025-12-03T00:00", "2025-12-08T00:00"),
    no("Tuesday the 1st", "is a Monday, not a Tuesday"),
    no("yesterday", PAST),
    no("last week", PAST),
    no("2025-11-20", PAST),
    no("until 9am", PAST),
    no("until now", PAST),
    no("", "empty"),
    no("   ", "empty"),
    no("asdf qwer", UNREAD),
    no("13/45", UNREAD),
    no("from 9 to 5", UNREAD),
    no("from Monday", NO_END),
    no("Dec 20 2025 to Dec 10 2025", "before it starts"),
    no("for 0 days", "at least one"),
    no("Tuesday 31 February", UNREAD),
]

LOCALES_AND_ZONES = [
    ok("24/12", "2025-12-24T00:00", "2025-12-25T00:00", "en-GB"),
    no("12/24", UNREAD, "en-GB"),
    ok("01/12 to 05/12", "2025-12-01T00:00", "2025-12-06T00:00", "en-GB"),
    ok("tomorrow", "2025-11-29T00:00+14:00", "2025-11-30T00:00+14:00", tz="Pacific/Kiritimati"),
    ok("today", "now", "2025-11-29T00:00+14:00", tz="Pacific/Kiritimati"),
    ok("until 9pm", "now", "2025-11-28T21:00+14:00", tz="Pacific/Kiritimati"),
    ok("today", "now", "2025-11-28T00:00-08:00", tz="America/Los_Angeles"),
    ok(
        "Dec 20 to Jan 3", "2025-12-20T00:00-05:00", "2026-01-04T00:00-05:00", tz="America/New_York"
    ),
    ok("12/24", "2025-12-24T00:00-05:00", "2025-12-25T00:00-05:00", tz="America/New_York"),
    ok("tomorrow 9am", "2025-11-28T09:00+09:00", "2025-11-29T00:00+09:00", tz="Asia/Tokyo"),
    ok("until 9pm", "now", "2025-11-27T21:00+09:00", tz="Asia/Tokyo"),
    ok("next week", "2025-12-01T00:00+11:00", "2025-12-08T00:00+11:00", tz="Australia/Sydney"),
    ok("this weekend", "2025-11-29T00:00+00:00", "2025-12-01T00:00+00:00", tz="UTC"),
    ok("tomorrow", "2025-11-28T00:00+05:45", "2025-11-29T00:00+05:45", tz="Asia/Kathmandu"),
]

SEASONS = [
    ok("du 27 au 31 mars", "2026-03-27T00:00", "2026-04-01T00:00+02:00", "fr-FR", now=SPRING),
    ok("27 March to 31 March", "2026-03-27T00:00", "2026-04-01T00:00+02:00", "en-GB", now=SPRING),
    ok(
        "from 28 March for 3 days",
        "2026-03-28T00:00",
        "2026-03-31T00:00+02:00",
        "en-GB",
        now=SPRING,
    ),
    ok("29 mars 2h30", "2026-03-29T03:30+02:00", "2026-03-30T00:00+02:00", "fr-FR", now=SPRING),
    ok("for 5 hours", "now", "2026-03-29T06:30+02:00", now=SPRING_NIGHT),
    # 02:30 happens twice on 25 October; "now" is the second one, so 02:45 has passed once.
    ok("for 2 hours", "now", "2026-10-25T04:30+01:00", now=FALL_BACK_NIGHT),
    ok("until 3am", "now", "2026-10-25T03:00+01:00", now=FALL_BACK_NIGHT),
    ok("until 4am", "now", "2026-03-29T04:00+02:00", now=SPRING_NIGHT),
    ok("this weekend", "2026-03-21T00:00", "2026-03-23T00:00", now=SPRING),
    ok(
        "vom 23. bis 27. Oktober",
        "2026-10-23T00:00+02:00",
        "2026-10-28T00:00+01:00",
        "de-DE",
        tz="Europe/Berlin",
        now=AUTUMN,
    ),
    ok(
        "Oct 30 to Nov 2",
        "2026-10-30T00:00-04:00",
        "2026-11-03T00:00-05:00",
        tz="America/New_York",
        now=AUTUMN,
    ),
    ok("Dec 20 to Jan 3", "2025-12-20T00:00", "2026-01-04T00:00", now=NEW_YEAR),
    ok("Jan 2", "2026-01-02T00:00", "2026-01-03T00:00", now=NEW_YEAR),
    ok("Dec 31", "2025-12-31T00:00", "2026-01-01T00:00", now=NEW_YEAR),
    ok("next week", "2026-01-05T00:00", "2026-01-12T00:00", now=NEW_YEAR),
    ok("next month", "2026-01-01T00:00", "2026-02-01T00:00", now=NEW_YEAR),
    ok("for 3 days", "now", "2026-01-02T00:00", now=NEW_YEAR),
    ok("du 2 au 5 janvier", "2026-01-02T00:00", "2026-01-06T00:00", "fr-FR", now=NEW_YEAR),
    ok("du 31/12 au 2/1", "2025-12-31T00:00", "2026-01-03T00:00", "fr-FR", now=NEW_YEAR),
]

FR = "fr-FR"
FRENCH = [
    ok("demain", "2025-11-28T00:00", "2025-11-29T00:00", FR),
    ok("aujourd'hui", "now", "2025-11-28T00:00", FR),
    ok("du 3 au 7 décembre", "2025-12-03T00:00", "2025-12-08T00:00", FR),
    ok("du 20 décembre au 3 janvier", "2025-12-20T00:00", "2026-01-04T00:00", FR),
    ok("du 28 au 2", "2025-11-28T00:00", "2025-12-03T00:00", FR),
    ok("du 28 au 2 janvier", "2025-12-28T00:00", "2026-01-03T00:00", FR),
    ok("de retour le 15", "now", "2025-12-15T00:00", FR),
    ok("de retour lundi", "now", "2025-12-01T00:00", FR),
    ok("jusqu'à vendredi", "now", "2025-11-29T00:00", FR),
    ok("jusqu\u2019au 15 décembre", "now", "2025-12-16T00:00", FR),
    ok("jusqu'à 15h", "now", "2025-11-27T15:00", FR),
    ok("pendant 3 jours", "now", "2025-11-30T00:00", FR),
    ok("pendant deux semaines à partir de lundi", "2025-12-01T00:00", "2025-12-15T00:00", FR),
    ok("le 15", "2025-12-15T00:00", "2025-12-16T00:00", FR),
    ok("demain de 14h à 17h", "2025-11-28T14:00", "2025-11-28T17:00", FR),
    ok("de lundi 9h à mercredi midi", "2025-12-01T09:00", "2025-12-03T12:00", FR),
    ok("jusqu'à nouvel ordre", "now", None, FR),
    ok("indéfiniment", "now", None, FR),
    ok("à partir de lundi jusqu'à nouvel ordre", "2025-12-01T00:00", None, FR),
    ok("24/12", "2025-12-24T00:00", "2025-12-25T00:00", FR),
    ok("la semaine prochaine", "2025-12-01T00:00", "2025-12-08T00:00", FR),
    ok("cette semaine", "now", "2025-12-01T00:00", FR),
    ok("ce week-end", "2025-11-29T00:00", "2025-12-01T00:00", FR),
    ok("le mois prochain", "2025-12-01T00:00", "2026-01-01T00:00", FR),
    ok("jusqu'à la fin du mois", "now", "2025-12-01T00:00", FR),
    ok("lundi prochain", "2025-12-01T00:00", "2025-12-02T00:00", FR),
    ok("mardi 2 décembre", "2025-12-02T00:00", "2025-12-03T00:00", FR),
    ok("dans 3 jours", "2025-11-30T00:00", "2025-12-01T00:00", FR),
    ok("Du 1er au 5 Décembre", "2025-12-01T00:00", "2025-12-06T00:00", FR),
    no("hier", PAST, FR),
    no("la semaine dernière", PAST, FR),
    no("n'importe quoi", UNREAD, FR),
    no("à partir de lundi", NO_END, FR),
]

DE, BERLIN = "de-DE", "Europe/Berlin"
GERMAN = [
    ok("morgen", "2025-11-28T00:00", "2025-11-29T00:00", DE, tz=BERLIN),
    ok("heute", "now", "2025-11-28T00:00", DE, tz=BERLIN),
    ok("vom 3. bis 7. Dezember", "2025-12-03T00:00", "2025-12-08T00:00", DE, tz=BERLIN),
    ok("vom 20. Dezember bis 3. Januar", "2025-12-20T00:00", "2026-01-04T00:00", DE, tz=BERLIN),
    ok("vom 28. bis 2.", "2025-11-28T00:00", "2025-12-03T00:00", DE, tz=BERLIN),
    ok("zurück am Montag", "now", "2025-12-01T00:00", DE, tz=BERLIN),
    ok("bis Freitag", "now", "2025-11-29T00:00", DE, tz=BERLIN),
    ok("bis zum 15. Dezember", "now", "2025-12-16T00:00", DE, tz=BERLIN),
    ok("bis Monatsende", "now", "2025-12-01T00:00", DE, tz=BERLIN),
    ok("für 3 Tage", "now", "2025-11-30T00:00", DE, tz=BERLIN),
    ok("ab Montag für zwei Wochen", "2025-12-01T00:00", "2025-12-15T00:00", DE, tz=BERLIN),
    ok("am 15.", "2025-12-15T00:00", "2025-12-16T00:00", DE, tz=BERLIN),
    ok("morgen 14 Uhr bis 17 Uhr", "2025-11-28T14:00", "2025-11-28T17:00", DE, tz=BERLIN),
    ok("bis auf Weiteres", "now", None, DE, tz=BERLIN),
    ok("ab Montag bis auf Weiteres", "2025-12-01T00:00", None, DE, tz=BERLIN),
    ok("24.12.", "2025-12-24T00:00", "2025-12-25T00:00", DE, tz=BERLIN),
    ok("24.12.2025", "2025-12-24T00:00", "2025-12-25T00:00", DE, tz=BERLIN),
    ok("nächste Woche", "2025-12-01T00:00", "2025-12-08T00:00", DE, tz=BERLIN),
    ok("dieses Wochenende", "2025-11-29T00:00", "2025-12-01T00:00", DE, tz=BERLIN),
    ok("nächsten Monat", "2025-12-01T00:00", "2026-01-01T00:00", DE, tz=BERLIN),
    ok("Montag bis Mittwoch", "2025-12-01T00:00", "2025-12-04T00:00", DE, tz=BERLIN),
    ok("in 2 Wochen", "2025-12-11T00:00", "2025-12-12T00:00", DE, tz=BERLIN),
    ok("Montag, 1. Dezember", "2025-12-01T00:00", "2025-12-02T00:00", DE, tz=BERLIN),
    ok("übermorgen um 9 Uhr", "2025-11-29T09:00", "2025-11-30T00:00", DE, tz=BERLIN),
    no("Dienstag, 1. Dezember", "is a Monday, not a Tuesday", DE, tz=BERLIN),
    no("gestern", PAST, DE, tz=BERLIN),
    no("letzte Woche", PAST, DE, tz=BERLIN),
    no("Quatsch mit Soße", UNREAD, DE, tz=BERLIN),
    no("ab Montag", NO_END, DE, tz=BERLIN),
]

ES, MADRID = "es-ES", "Europe/Madrid"
SPANISH = [
    ok("mañana", "2025-11-28T00:00", "2025-11-29T00:00", ES, tz=MADRID),
    ok("hoy", "now", "2025-11-28T00:00", ES, tz=MADRID),
    ok("pasado mañana", "2025-11-29T00:00", "2025-11-30T00:00", ES, tz=MADRID),
    ok("del 3 al 7 de diciembre", "2025-12-03T00:00", "2025-12-08T00:00", ES, tz=MADRID),
    ok("del 20 de diciembre al 3 de enero", "2025-12-20T00:00", "2026-01-04T00:00", ES, tz=MADRID),
    ok("de vuelta el lunes", "now", "2025-12-01T00:00", ES, tz=MADRID),
    ok("hasta el viernes", "now", "2025-11-29T00:00", ES, tz=MADRID),
    ok("hasta las 15:00", "now", "2025-11-27T15:00", ES, tz=MADRID),
    ok("hasta fin de mes", "now", "2025-12-01T00:00", ES, tz=MADRID),
    ok("durante 3 días", "now", "2025-11-30T00:00", ES, tz=MADRID),
    ok("desde el lunes durante 2 semanas", "2025-12-01T00:00", "2025-12-15T00:00", ES, tz=MADRID),
    ok("el 15", "2025-12-15T00:00", "2025-12-16T00:00", ES, tz=MADRID),
    ok("mañana de 14:00 a 17:00", "2025-11-28T14:00", "2025-11-28T17:00", ES, tz=MADRID),
    ok(
        "del lunes a las 9 al miércoles a las 12",
        "2025-12-01T09:00",
        "2025-12-03T12:00",
        ES,
        tz=MADRID,
    ),
    ok("hasta nuevo aviso", "now", None, ES, tz=MADRID),
    ok("24/12", "2025-12-24T00:00", "2025-12-25T00:00", ES, tz=MADRID),
    ok("la próxima semana", "2025-12-01T00:00", "2025-12-08T00:00", ES, tz=MADRID),
    ok("este fin de semana", "2025-11-29T00:00", "2025-12-01T00:00", ES, tz=MADRID),
    ok("el próximo mes", "2025-12-01T00:00", "2026-01-01T00:00", ES, tz=MADRID),
    ok("de lunes a viernes", "2025-12-01T00:00", "2025-12-06T00:00", ES, tz=MADRID),
    ok("en 3 días", "2025-11-30T00:00", "2025-12-01T00:00", ES, tz=MADRID),
    no("ayer", PAST, ES, tz=MADRID),
    no("la semana pasada", PAST, ES, tz=MADRID),
    no("ni idea", UNREAD, ES, tz=MADRID),
    no("desde el lunes", NO_END, ES, tz=MADRID),
]

CASES = ENGLISH + LOCALES_AND_ZONES + SEASONS + FRENCH + GERMAN + SPANISH

# Not dates at all: the bench times them too, since the worst phrase is often garbage.
GARBAGE = [
    "lorem ipsum dolor sit amet " * 7,
    "to to to to - - - - until until 12 13 14 15 dec jan feb " * 3,
    "🏖️🌴☀️ out out out",
    "'; DROP TABLE responders; --",
    "9" * 199,
    "x" * 5000,
]
