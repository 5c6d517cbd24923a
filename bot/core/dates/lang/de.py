"""German: the words people use for absence dates."""

from dataclasses import replace

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="de",
    months=indexed(
        "januar jan jänner|februar feb|märz maerz mär|april apr|mai|juni jun|juli jul"
        "|august aug|september sep sept|oktober okt|november nov|dezember dez",
        1,
    ),
    weekdays=indexed(
        "montag mo|dienstag di|mittwoch mi|donnerstag do|freitag fr|samstag sa sonnabend"
        "|sonntag so",
        0,
    ),
    days=valued("heute=0|morgen=1|übermorgen=2|gestern=-1|vorgestern=-2"),
    numbers=indexed("ein eine einen einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn", 1),
    units=valued("tag=day|tage=day|tagen=day|woche=week|wochen=week|stunde=hour|stunden=hour"),
    spans=valued(
        "nächste woche=next_week|nächsten woche=next_week|kommende woche=next_week"
        "|kommenden woche=next_week|diese woche=this_week|dieser woche=this_week"
        "|dieses wochenende=weekend|wochenende=weekend|nächstes wochenende=next_weekend"
        "|übernächste woche=week_after_next|übernächsten woche=week_after_next"
        "|nächsten monat=next_month|nächster monat=next_month|kommenden monat=next_month"
        "|diesen monat=this_month|letzte woche=last_week|letzten monat=last_month"
        "|ende des monats=end_of_month|monatsende=end_of_month|ende monat=end_of_month"
        "|die ganze woche=this_week|diese ganze woche=this_week|jahresende=end_of_year"
        "|ende des jahres=end_of_year|nächsten monats=next_month|diesen monats=this_month"
    ),
    fillers=word_set("am den dem der zum zur die ganze ganzen einschließlich inklusive"),
    modifiers=word_set("nächsten nächster nächste kommenden kommender diesen"),
    now=phrases("jetzt|sofort|ab sofort|ab jetzt"),
    permanent=phrases("bis auf weiteres|auf unbestimmte zeit|unbefristet|bis ich zurück bin"),
    starts=phrases("vom|von|ab|ab dem|zwischen|beginnend|ab kommendem"),
    to=phrases("bis|bis zum|bis zur|bis einschließlich|-|und"),
    until=phrases("bis|bis zum|bis zur|bis einschließlich|bis inklusive|bis incl"),
    back=phrases(
        "zurück am|zurück|wieder da am|wieder da|wieder im büro am|wieder im büro"
        "|ich bin wieder da am|wieder erreichbar am|wieder erreichbar|zurück ab"
    ),
    durations=phrases("für"),
    within=phrases("in"),
    at=phrases("um|ab"),
    noon=phrases("mittag|mittags"),
    midnight=phrases("mitternacht"),
    reasons=phrases(
        "urlaub|im urlaub|in urlaub|krank|krankgeschrieben|ich bin|bin|abwesend|nicht da"
        "|nicht hier|nicht erreichbar|nicht verfügbar|nicht im haus"
        "|nicht im büro|auf dienstreise|dienstreise|geschäftsreise|auf geschäftsreise"
        "|elternzeit|in elternzeit|frei|habe frei|ich habe frei|homeoffice|im homeoffice"
        "|fortbildung|auf fortbildung|ooo|pto|wfh|weg|außer haus|ausser haus|unterwegs|auf reise"
        "|krankheitsbedingt|urlaubsbedingt|ich|nicht erreichbar|im krankenstand|krankenstand"
        "|im ausland|freier tag|brückentag|gleitzeit|ausgleich|auf schulung|schulung"
        "|voraussichtlich|vermutlich|wahrscheinlich"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "jeden|jede|jedes|jeweils|innerhalb|außer|ausser|nicht|kein|keine|vor|nach|anfang|ende"
        "|mitte|oder|letzten|letzter|seit|danach|vorher|etwa|ungefähr|vielleicht|abend"
        "|abends|nacht|nachts|heute abend|montags|dienstags|mittwochs|donnerstags"
        "|freitags|samstags|sonntags|wochenends"
    ),
    ordinary=phrases(
        "und danach wieder da|danach wieder da|und danach wieder im büro|danach wieder im büro"
    ),
    back_after=phrases(
        "wieder da|wieder im büro|wieder zurück|wieder erreichbar|zurück|wieder im dienst"
        "|bin ich wieder da|bin ich zurück"
    ),
    month_marks=phrases("im|im monat"),
    halves=valued(
        "vormittag=00:00 - 12:00|vormittags=00:00 - 12:00|heute vormittag=heute 00:00 - 12:00|"
        "nachmittag=12:00 - 24:00|nachmittags=12:00 - 24:00|heute nachmittag=heute 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    hour_starts=phrases("von"),
    days=valued("ende des tages=0|tagesende=0|ende des arbeitstages=0"),
    spans=valued(
        "übernächsten monat=month_after_next|übernächster monat=month_after_next"
        "|den rest des tages=today"
        "|rest des tages=today|die ganze woche über=this_week|die komplette woche=this_week"
        "|die ganze nächste woche=next_week"
        "|den rest der woche=this_week|rest der woche=this_week"
        "|den rest des monats=this_month|rest des monats=this_month"
    ),
    back=phrases(
        "wieder im büro ab|wieder da ab|wieder erreichbar ab|zurück im büro|zurück im büro am"
        "|ab wieder im büro"
    ),
    back_after=phrases(
        "wieder im büro|wieder im büro bin|wieder da bin|zurück bin|wieder im einsatz"
        "|wieder erreichbar bin|bin ich wieder im büro|wieder arbeiten"
    ),
    durations_after=phrases("lang"),
    # "die zweite Märzhälfte" is "die zweite Hälfte im März".
    rewrites={
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)nachmittags?\s+von\s+([1-6])\s+bis\s+([2-9]|1[01])(?:\s+uhr)?(?!\S)": (
            r"von \1pm bis \2pm"
        ),
        # The week of a day is the seven days from it, as week commencing is in English.
        r"(?<!\S)die\s+(?:ganze\s+)?woche\s+ab\s+(?:dem\s+)?(\d{1,2}\.)": r"1 woche ab dem \1",
        r"(?<!\S)(januar|februar|marz|april|mai|juni|juli|august|september|oktober"
        r"|november|dezember)halfte(?!\S)": r"halfte im \1",
        # "im November vom 19. bis 20.": the month said first is both days', as after them.
        r"(?<!\S)im\s+(januar|februar|marz|april|mai|juni|juli|august|september|oktober"
        r"|november|dezember)\s+((?:vom|von|zwischen)\s+(?:dem\s+)?\d{1,2}\.\s+"
        r"(?:bis(?:\s+zum)?|und)\s+(?:dem\s+)?\d{1,2}\.?)(?!\S)": r"\2 \1",
    },
)
VOCAB = replace(VOCAB, compounds=True)
PERIODS = PeriodWords(
    next=phrases("nächsten|nächster|nächste|kommenden"),
    half=phrases("hälfte"),
    last=phrases("letzte|letzten|letzter"),
    of=phrases("im|in|des|von|jahres|jahr"),
    years=counted(
        "dieses jahr=0|dieses jahres=0|des jahres=0|nächstes jahr=1|nächsten jahres=1"
        "|kommendes jahr=1|kommenden jahres=1"
    ),
    ordinals=counted("erste=1|ersten=1|zweite=2|zweiten=2|dritte=3|dritten=3|vierte=4|vierten=4"),
    whole_day=phrases("den ganzen tag|ganzen tag|ganztags|den ganzen tag über"),
    months=counted("des monats=0|monats=0|monat=0|den monat=0"),
)
