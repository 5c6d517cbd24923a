"""Per-language words for dates (English, French, German, Spanish) and the choice of language."""

from .words import Vocab, fold, indexed, phrases, valued, word_set

ENGLISH = Vocab(
    code="en",
    months=indexed(
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
        "|september sep sept|october oct|november nov|december dec",
        1,
    ),
    weekdays=indexed(
        "monday mon|tuesday tue tues|wednesday wed|thursday thu thur thurs|friday fri"
        "|saturday sat|sunday sun",
        0,
    ),
    days=valued("today=0|tomorrow=1|tmrw=1|day after tomorrow=2|yesterday=-1"),
    numbers=indexed("a an one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve", 1),
    units=valued("day=day|days=day|week=week|weeks=week|hour=hour|hours=hour"),
    spans=valued(
        "next week=next_week|this week=this_week|this weekend=weekend|the weekend=weekend"
        "|next month=next_month|this month=this_month|last week=last_week"
        "|last month=last_month|end of the month=end_of_month|end of month=end_of_month"
    ),
    fillers=word_set("the on of"),
    modifiers=word_set("next this coming"),
    now=phrases("now|right now"),
    permanent=phrases("until further notice|till further notice|indefinitely|permanently|for good"),
    starts=phrases("from|starting|starting on|starting from|beginning|between|as of"),
    to=phrases("to|until|till|til|through|thru|-|and"),
    until=phrases("until|till|til|through|thru|up to|up until|to"),
    back=phrases("back on|back|returning on|returning|return on|returns on|back in on"),
    durations=phrases("for"),
    within=phrases("in"),
    at=phrases("at|@"),
    noon=phrases("noon|midday"),
    midnight=phrases("midnight"),
    examples=("Dec 20 to Jan 3", "back on Monday"),
    bare_day_ranges=False,
)

FRENCH = Vocab(
    code="fr",
    months=indexed(
        "janvier janv|février févr fév|mars|avril avr|mai|juin|juillet juil|août"
        "|septembre sept|octobre oct|novembre nov|décembre déc",
        1,
    ),
    weekdays=indexed(
        "lundi lun|mardi mar|mercredi mer|jeudi jeu|vendredi ven|samedi sam|dimanche dim", 0
    ),
    days=valued("aujourd'hui=0|demain=1|après-demain=2|après demain=2|hier=-1|avant-hier=-2"),
    # "huit jours" and "quinze jours" mean one and two weeks: left out rather than misread.
    numbers=indexed("un une|deux|trois|quatre|cinq|six|sept", 1) | {"neuf": 9, "dix": 10},
    units=valued("jour=day|jours=day|semaine=week|semaines=week|heure=hour|heures=hour"),
    spans=valued(
        "semaine prochaine=next_week|cette semaine=this_week|ce week-end=weekend"
        "|ce weekend=weekend|week-end=weekend|weekend=weekend|mois prochain=next_month"
        "|ce mois-ci=this_month|ce mois=this_month|semaine dernière=last_week"
        "|mois dernier=last_month|fin du mois=end_of_month|fin de mois=end_of_month"
    ),
    fillers=word_set("le la l'"),
    modifiers=word_set("prochain prochaine ce cette"),
    now=phrases("maintenant|dès maintenant"),
    permanent=phrases(
        "jusqu'à nouvel ordre|jusqu'à nouvel avis|indéfiniment|pour une durée indéterminée"
    ),
    starts=phrases("du|de|à partir du|à partir de|à compter du|à compter de|dès|entre|depuis"),
    to=phrases("au|à|jusqu'au|jusqu'à|-|et"),
    until=phrases("jusqu'au|jusqu'à|jusque|au"),
    back=phrases("de retour le|de retour|retour le|retour|je reviens le|je reviens|reprise le"),
    durations=phrases("pendant|pour|durant"),
    within=phrases("dans"),
    at=phrases("à|vers"),
    noon=phrases("midi"),
    midnight=phrases("minuit"),
    examples=("du 20 décembre au 3 janvier", "de retour lundi"),
)

GERMAN = Vocab(
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
        "|diese woche=this_week|dieses wochenende=weekend|wochenende=weekend"
        "|nächsten monat=next_month|nächster monat=next_month|kommenden monat=next_month"
        "|diesen monat=this_month|letzte woche=last_week|letzten monat=last_month"
        "|ende des monats=end_of_month|monatsende=end_of_month|ende monat=end_of_month"
    ),
    fillers=word_set("am den dem der zum zur"),
    modifiers=word_set("nächsten nächster nächste kommenden kommender diesen"),
    now=phrases("jetzt|sofort"),
    permanent=phrases("bis auf weiteres|auf unbestimmte zeit|unbefristet"),
    starts=phrases("vom|von|ab|ab dem|zwischen|beginnend"),
    to=phrases("bis|bis zum|bis zur|bis einschließlich|-|und"),
    until=phrases("bis|bis zum|bis zur|bis einschließlich|bis inklusive"),
    back=phrases("zurück am|zurück|wieder da am|wieder da|wieder im büro am"),
    durations=phrases("für"),
    within=phrases("in"),
    at=phrases("um|ab"),
    noon=phrases("mittag|mittags"),
    midnight=phrases("mitternacht"),
    examples=("vom 20. Dezember bis 3. Januar", "zurück am Montag"),
)

SPANISH = Vocab(
    code="es",
    # "mar" is left out of both months and weekdays: it could be marzo or martes.
    months=indexed(
        "enero ene|febrero feb|marzo|abril abr|mayo|junio jun|julio jul|agosto ago"
        "|septiembre setiembre sep sept|octubre oct|noviembre nov|diciembre dic",
        1,
    ),
    weekdays=indexed(
        "lunes lun|martes|miércoles mié|jueves jue|viernes vie|sábado sáb|domingo dom", 0
    ),
    days=valued("hoy=0|mañana=1|pasado mañana=2|ayer=-1|anteayer=-2"),
    numbers=indexed("un una uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez", 1),
    units=valued("día=day|días=day|semana=week|semanas=week|hora=hour|horas=hour"),
    spans=valued(
        "próxima semana=next_week|semana que viene=next_week|esta semana=this_week"
        "|este fin de semana=weekend|fin de semana=weekend|próximo mes=next_month"
        "|mes que viene=next_month|este mes=this_month|semana pasada=last_week"
        "|mes pasado=last_month|fin de mes=end_of_month|fin del mes=end_of_month"
        "|finales de mes=end_of_month|final de mes=end_of_month"
    ),
    fillers=word_set("el la las de del dia"),
    modifiers=word_set("próximo próxima este esta que viene"),
    now=phrases("ahora|ya"),
    permanent=phrases("hasta nuevo aviso|indefinidamente|por tiempo indefinido|permanentemente"),
    starts=phrases("del|de|desde|desde el|a partir del|a partir de|entre|empezando"),
    to=phrases("al|a|hasta|hasta el|-|y"),
    until=phrases("hasta|hasta el|hasta la"),
    back=phrases("de vuelta el|de vuelta|vuelvo el|vuelvo|regreso el|regreso|de regreso el"),
    durations=phrases("durante|por"),
    within=phrases("en|dentro de"),
    at=phrases("a las|a la"),
    noon=phrases("mediodía"),
    midnight=phrases("medianoche"),
    examples=("del 20 de diciembre al 3 de enero", "de vuelta el lunes"),
)

VOCABS = {v.code: v for v in (ENGLISH, FRENCH, GERMAN, SPANISH)}


def languages_for(locale: str | None) -> list[str]:
    """The dateparser language for a Slack locale ("fr-FR" -> ["fr"]); English when unknown."""
    code = fold(locale or "en").replace("_", "-").split("-")[0]
    return [code if code in VOCABS else "en"]


def month_first(locale: str | None) -> bool:
    """Whether numeric dates put the month first (12/24 in en-US) rather than the day."""
    return fold(locale or "en-us").replace("_", "-") in {"en-us", "en"}
