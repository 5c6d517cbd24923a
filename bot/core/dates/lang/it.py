"""Italian: the words people use for absence dates."""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="it",
    # "mar" is left out of both months and weekdays: it could be marzo or martedì.
    months=indexed(
        "gennaio gen|febbraio feb|marzo|aprile apr|maggio mag|giugno giu|luglio lug"
        "|agosto ago|settembre set sett|ottobre ott|novembre nov|dicembre dic",
        1,
    ),
    weekdays=indexed(
        "lunedì lun|martedì|mercoledì mer|giovedì gio|venerdì ven|sabato sab|domenica dom", 0
    ),
    days=valued("oggi=0|domani=1|dopodomani=2|ieri=-1|l'altro ieri=-2|altroieri=-2"),
    numbers=indexed("un uno una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci", 1),
    units=valued(
        "giorno=day|giorni=day|settimana=week|settimane=week|ora=hour|ore=hour|un'ora=hour"
    ),
    spans=valued(
        "prossima settimana=next_week|settimana prossima=next_week|questa settimana=this_week"
        "|questo weekend=weekend|weekend=weekend|fine settimana=weekend"
        "|questo fine settimana=weekend|prossimo weekend=next_weekend"
        "|prossimo fine settimana=next_weekend|prossimo mese=next_month"
        "|mese prossimo=next_month|questo mese=this_month|settimana scorsa=last_week"
        "|mese scorso=last_month|fine mese=end_of_month|fine del mese=end_of_month"
        "|tutta la settimana=this_week|tutta questa settimana=this_week"
        "|fine anno=end_of_year|fine dell'anno=end_of_year"
    ),
    fillers=word_set("il lo la l' i gli le del della dello di tutta tutto incluso compreso"),
    modifiers=word_set("prossimo prossima questo questa"),
    now=phrases("adesso|da adesso|da ora|subito|da subito"),
    permanent=phrases(
        "fino a nuovo ordine|fino a nuovo avviso|a tempo indeterminato|indefinitamente"
        "|permanentemente|fino a data da destinarsi|fino al mio rientro|fino a mio rientro"
    ),
    starts=phrases("dal|da|dall'|dalla|a partire dal|a partire da|dalle|tra|fra"),
    to=phrases("al|a|alla|all'|fino al|fino a|fino alla|-|e|alle"),
    until=phrases("fino al|fino a|fino alla|fino all'|fino|compreso fino al"),
    back=phrases(
        "torno il|torno|rientro il|rientro|di ritorno il|di ritorno|ritorno il|ritorno"
        "|sarò di nuovo in ufficio il|sarò di nuovo in ufficio|di nuovo in ufficio il"
        "|di nuovo in ufficio|rientro in ufficio il|rientro in ufficio|torno in ufficio il"
        "|torno in ufficio|sarò di ritorno il|sarò di ritorno|rientro previsto il"
    ),
    durations=phrases("per|durante"),
    within=phrases("tra|fra"),
    at=phrases("alle|all'|verso le"),
    # With its article ("a mezzogiorno"): "a" alone would end a range.
    noon=phrases("mezzogiorno|a mezzogiorno"),
    midnight=phrases("mezzanotte|a mezzanotte"),
    reasons=phrases(
        "in ferie|ferie|in vacanza|vacanza|malato|malata|in malattia|malattia|sono|sarò"
        "|fuori ufficio|fuori sede|assente|in permesso|permesso|in trasferta|trasferta|ooo|pto|wfh"
        "|non ci sono|non sarò|in congedo|congedo|in smart working|smart working"
        "|in maternità|in paternità|in formazione|formazione|non disponibile|off|prendo"
        "|in viaggio|a una conferenza|ponte|in ponte|festivo|giorno libero|libero|libera"
        "|probabilmente|presumibilmente"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "ogni|tutti i|entro|tranne|eccetto|salvo|non|prima|dopo|inizio|fine|metà|o|scorso"
        "|scorsa|fa|circa|forse|tutte le|sera|stasera|notte|stanotte"
    ),
    hour_marks=phrases("dalle|alle|dalle ore|alle ore"),
    paired=valued("mar=martedì"),
    month_marks=phrases("ad|a|in|nel mese di|mese di|tutto il mese di"),
    halves=valued(
        "mattina=00:00 - 12:00|di mattina=00:00 - 12:00|in mattinata=00:00 - 12:00|"
        "stamattina=oggi 00:00 - 12:00|stamani=oggi 00:00 - 12:00|pomeriggio=12:00 - 24:00|"
        "di pomeriggio=12:00 - 24:00|nel pomeriggio=12:00 - 24:00|"
        "oggi pomeriggio=oggi 12:00 - 24:00|questo pomeriggio=oggi 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    # Not being in is being away: a negated presence names the absence.
    reasons=phrases("non ci sarò|non sarò in ufficio|non sarò presente"),
    hour_starts=phrases("da"),
    # An hour with its part of the day is on that half of the clock ("12" is left alone:
    # noon or midnight); the text is folded, so without accents.
    rewrites={
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)(?:nel\s+)?pomeriggio\s+dalle\s+([1-6])\s+alle\s+([2-9]|1[01])(?!\S)": (
            r"dalle \1pm alle \2pm"
        ),
        # The week of a day is the seven days from it, as week commencing is in English.
        r"(?<!\S)(?:tutta\s+)?la\s+settimana\s+dal\s+(\d{1,2})(?!\S)": r"1 settimana dal \1",
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:del\s+pomeriggio|di\s+sera|della\s+sera)(?!\S)": r"\1pm",
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:del\s+mattino|di\s+mattina|della\s+mattina)(?!\S)": r"\1am",
        # "l'8 settembre": the article elided before a day is a word of its own.
        r"(?<!\S)l'(?=\d)": "l' ",
    },
    days=valued(
        "fine giornata=0|fine della giornata=0|la fine della giornata=0|fine giornata di oggi=0"
    ),
    spans=valued(
        "il resto della giornata=today"
        "|resto della giornata=today|la settimana intera=this_week|settimana intera=this_week"
        "|la settimana dopo la prossima=week_after_next|il mese dopo il prossimo=month_after_next"
        "|il resto della settimana=this_week|resto della settimana=this_week"
        "|il resto del mese=this_month|resto del mese=this_month"
    ),
    back=phrases(
        "torno al lavoro il|torno al lavoro|sono di nuovo in ufficio il|rientro al lavoro il"
        "|rientro al lavoro|rientrerò|rientrerò il|tornerò|tornerò il"
    ),
)
PERIODS = PeriodWords(
    next=phrases("prossimo"),
    half=phrases("metà|quindicina"),
    last=phrases("ultimo|ultima|l'ultimo|l'ultima"),
    of=phrases("di|del|della|dell'|a|in"),
    years=counted(
        "quest'anno=0|l'anno=0|anno=0|l'anno prossimo=1|anno prossimo=1|il prossimo anno=1"
        "|prossimo anno=1"
    ),
    ordinals=counted("prima=1|primo=1|seconda=2|secondo=2|terza=3|terzo=3|quarta=4|quarto=4"),
    whole_day=phrases("tutto il giorno|tutta la giornata"),
    months=counted("del mese=0|il mese=0|mese=0"),
)
