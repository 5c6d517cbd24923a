"""Phrases as people in Brazil and Italy write them, read on Thursday 27 Nov 2025.

At NOW it is 07:30 in São Paulo and 11:30 in Rome. Expected ranges were worked out by hand from
what a native speaker means, not copied from the reader.
"""

from tests.core.date_case import NO_END, PAST, REASON_ONLY, UNREAD, WEEKDAY, Case, no, ok


def _reader(locale: str, tz: str, offset: str):  # type: ignore[no-untyped-def]
    def accepted(text: str, start: str, end: str | None, **where: str) -> Case:
        return ok(text, start, end, locale, offset=offset, **{"tz": tz, **where})

    def refused(text: str, key: str, start: str | None = None, **where: str) -> Case:
        return no(text, key, locale, start, offset, **{"tz": tz, **where})

    return accepted, refused


pt, pt_no = _reader("pt-BR", "America/Sao_Paulo", "-03:00")
PORTUGUESE = [
    pt("amanhã", "2025-11-28T00:00", "2025-11-29T00:00"),
    pt("hoje", "now", "2025-11-28T00:00"),
    pt("depois de amanhã", "2025-11-29T00:00", "2025-11-30T00:00"),
    pt("de 10 a 15 de dezembro", "2025-12-10T00:00", "2025-12-16T00:00"),
    pt("de 20 de dezembro a 3 de janeiro", "2025-12-20T00:00", "2026-01-04T00:00"),
    pt("de licença até dia 10", "now", "2025-12-11T00:00"),
    pt("de férias até sexta", "now", "2025-11-29T00:00"),
    pt("de volta na terça", "now", "2025-12-02T00:00"),
    pt("volto segunda", "now", "2025-12-01T00:00"),
    pt("retorno dia 15", "now", "2025-12-15T00:00"),
    pt("próxima semana", "2025-12-01T00:00", "2025-12-08T00:00"),
    pt("semana que vem", "2025-12-01T00:00", "2025-12-08T00:00"),
    pt("esta semana", "now", "2025-12-01T00:00"),
    pt("este fim de semana", "2025-11-29T00:00", "2025-12-01T00:00"),
    pt("mês que vem", "2025-12-01T00:00", "2026-01-01T00:00"),
    pt("até o fim do mês", "now", "2025-12-01T00:00"),
    pt("por três dias", "now", "2025-11-30T00:00"),
    pt("por uma semana", "now", "2025-12-04T00:00"),
    pt("a partir de segunda por duas semanas", "2025-12-01T00:00", "2025-12-15T00:00"),
    pt("por tempo indeterminado", "now", None),
    pt("até segunda ordem", "now", None),
    pt("sexta das 9 às 12", "2025-11-28T09:00", "2025-11-28T12:00"),
    pt("amanhã das 14h às 17h", "2025-11-28T14:00", "2025-11-28T17:00"),
    pt("até as 18h", "now", "2025-11-27T18:00"),
    pt("seg-qua", "2025-12-01T00:00", "2025-12-04T00:00"),
    pt("de terça a quinta da semana que vem", "2025-12-02T00:00", "2025-12-05T00:00"),
    pt("24/12", "2025-12-24T00:00", "2025-12-25T00:00"),
    pt("24/12/2025", "2025-12-24T00:00", "2025-12-25T00:00"),
    pt("quarta, 24 de dezembro", "2025-12-24T00:00", "2025-12-25T00:00"),
    pt("doente hoje", "now", "2025-11-28T00:00"),
    pt("home office sexta", "2025-11-28T00:00", "2025-11-29T00:00"),
    pt("de 1º a 5 de dezembro", "2025-12-01T00:00", "2025-12-06T00:00"),
    pt("em 3 dias", "2025-11-30T00:00", "2025-12-01T00:00"),
    pt("de 28 a 2", "2025-11-28T00:00", "2025-12-03T00:00"),
    pt("fora do escritório de 22/12 a 2/1", "2025-12-22T00:00", "2026-01-03T00:00"),
    pt("estou de folga na sexta", "2025-11-28T00:00", "2025-11-29T00:00"),
    pt("de volta ao escritório na segunda", "now", "2025-12-01T00:00"),
    pt("toda a próxima semana", "2025-12-01T00:00", "2025-12-08T00:00"),
    pt("sexta à tarde", "2025-11-28T12:00", "2025-11-29T00:00"),
    pt("de licença médica por tempo indeterminado", "now", None),
    pt_no("quinta, 24 de dezembro", WEEKDAY),
    pt_no("12/24", UNREAD),
    pt_no("ontem", PAST),
    pt_no("semana passada", PAST),
    pt_no("de férias", REASON_ONLY),
    pt_no("sei lá", UNREAD),
    pt_no("a partir de segunda", NO_END, start="2025-12-01T00:00"),
]

it, it_no = _reader("it-IT", "Europe/Rome", "+01:00")
ITALIAN = [
    it("domani", "2025-11-28T00:00", "2025-11-29T00:00"),
    it("oggi", "now", "2025-11-28T00:00"),
    it("dopodomani", "2025-11-29T00:00", "2025-11-30T00:00"),
    it("dal 10 al 15 dicembre", "2025-12-10T00:00", "2025-12-16T00:00"),
    it("dal 20 dicembre al 3 gennaio", "2025-12-20T00:00", "2026-01-04T00:00"),
    it("in ferie dal 2 al 9", "2025-12-02T00:00", "2025-12-10T00:00"),
    it("fino a venerdì", "now", "2025-11-29T00:00"),
    it("torno martedì", "now", "2025-12-02T00:00"),
    it("rientro il 15", "now", "2025-12-15T00:00"),
    it("di ritorno lunedì", "now", "2025-12-01T00:00"),
    it("di nuovo in ufficio lunedì", "now", "2025-12-01T00:00"),
    it("la prossima settimana", "2025-12-01T00:00", "2025-12-08T00:00"),
    it("questa settimana", "now", "2025-12-01T00:00"),
    it("questo fine settimana", "2025-11-29T00:00", "2025-12-01T00:00"),
    it("il mese prossimo", "2025-12-01T00:00", "2026-01-01T00:00"),
    it("fino a fine mese", "now", "2025-12-01T00:00"),
    it("per due giorni", "now", "2025-11-29T00:00"),
    it("per una settimana", "now", "2025-12-04T00:00"),
    it("da lunedì per due settimane", "2025-12-01T00:00", "2025-12-15T00:00"),
    it("fino a nuovo ordine", "now", None),
    it("a tempo indeterminato", "now", None),
    it("venerdì dalle 14 alle 18", "2025-11-28T14:00", "2025-11-28T18:00"),
    it("domani dalle 9 alle 12", "2025-11-28T09:00", "2025-11-28T12:00"),
    it("fino alle 18", "now", "2025-11-27T18:00"),
    it("lun-mer", "2025-12-01T00:00", "2025-12-04T00:00"),
    it("mar-gio", "2025-12-02T00:00", "2025-12-05T00:00"),
    it_no("mar", UNREAD),
    it("da martedì a giovedì della prossima settimana", "2025-12-02T00:00", "2025-12-05T00:00"),
    it("24/12", "2025-12-24T00:00", "2025-12-25T00:00"),
    it("24/12/2025", "2025-12-24T00:00", "2025-12-25T00:00"),
    it("mercoledì 24 dicembre", "2025-12-24T00:00", "2025-12-25T00:00"),
    it("malato oggi", "now", "2025-11-28T00:00"),
    it("in trasferta da lunedì a mercoledì", "2025-12-01T00:00", "2025-12-04T00:00"),
    it("dal 28 al 2", "2025-11-28T00:00", "2025-12-03T00:00"),
    it("tra 3 giorni", "2025-11-30T00:00", "2025-12-01T00:00"),
    it("sono in ferie fino al 12 dicembre", "now", "2025-12-13T00:00"),
    it("fuori ufficio dal 22/12 al 2/1", "2025-12-22T00:00", "2026-01-03T00:00"),
    it("in malattia fino a nuovo avviso", "now", None),
    it("tutta la prossima settimana", "2025-12-01T00:00", "2025-12-08T00:00"),
    it("in permesso venerdì dalle 14", "2025-11-28T14:00", "2025-11-29T00:00"),
    it("sab/dom", "2025-11-29T00:00", "2025-12-01T00:00"),
    it("venerdì pomeriggio", "2025-11-28T12:00", "2025-11-29T00:00"),
    it("PTO dal 3 al 5", "2025-12-03T00:00", "2025-12-06T00:00"),
    it_no("giovedì 24 dicembre", WEEKDAY),
    it_no("12/24", UNREAD),
    it_no("ieri", PAST),
    it_no("la settimana scorsa", PAST),
    it_no("in ferie", REASON_ONLY),
    it_no("boh", UNREAD),
    it_no("da lunedì", NO_END, start="2025-12-01T00:00"),
]

ROMANCE = PORTUGUESE + ITALIAN
