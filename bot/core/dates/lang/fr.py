"""French: the words people use for absence dates."""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
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
        "|ce weekend=weekend|week-end=weekend|weekend=weekend|week-end prochain=next_weekend"
        "|mois prochain=next_month|ce mois-ci=this_month|ce mois=this_month"
        "|semaine dernière=last_week|mois dernier=last_month|fin du mois=end_of_month"
        "|fin de mois=end_of_month|semaine d'après=week_after_next"
        "|toute la semaine=this_week|toute cette semaine=this_week|fin de l'année=end_of_year"
        "|fin d'année=end_of_year"
    ),
    fillers=word_set("le la l' toute tout inclus incluse compris"),
    modifiers=word_set("prochain prochaine ce cette"),
    now=phrases("maintenant|dès maintenant"),
    permanent=phrases(
        "jusqu'à nouvel ordre|jusqu'à nouvel avis|indéfiniment|pour une durée indéterminée"
        "|jusqu'à mon retour|pour une durée indéfinie"
    ),
    starts=phrases("du|de|à partir du|à partir de|à compter du|à compter de|dès|entre|depuis"),
    to=phrases("au|à|jusqu'au|jusqu'à|-|et"),
    until=phrases("jusqu'au|jusqu'à|jusque|au|inclus jusqu'au"),
    back=phrases(
        "de retour le|de retour|retour le|retour|je reviens le|je reviens|reprise le|reprise"
        "|de retour au bureau le|de retour au bureau|je serai de retour le|je serai de retour"
        "|présent à nouveau le|je rentre le"
    ),
    durations=phrases("pendant|pour|durant"),
    within=phrases("dans"),
    at=phrases("à|vers"),
    noon=phrases("midi"),
    midnight=phrases("minuit"),
    reasons=phrases(
        "en vacances|vacances|en congé|en congés|congé|congés|absent|absente|malade"
        "|en arrêt maladie|arrêt maladie|en arrêt|en déplacement|déplacement|en formation"
        "|formation|en télétravail|je suis|je serai|serai|suis|en rtt|rtt|off|pas là"
        "|ooo|pto|wfh|en congé maternité|en congé paternité|en congé parental|en séminaire"
        "|en mission|hors du bureau|pas au bureau|absent du bureau|en voyage|je pose"
        "|je prends|posé|pris|jour férié|pont|en repos|repos|probablement|normalement"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "chaque|tous les|toutes les|sauf|excepté|hormis|pas|ne|avant|après|début|fin|mi"
        "|ou|dernier|dernière|vers|environ|peut-être|soir|soirée|nuit|ce soir|lundis"
        "|mardis|mercredis|jeudis|vendredis|samedis|dimanches|week-ends|d'ici|pars"
        "|partirai|je pars"
    ),
    month_marks=phrases("en|au mois de|mois de|tout le mois de"),
    halves=valued(
        "matin=00:00 - 12:00|le matin=00:00 - 12:00|dans la matinée=00:00 - 12:00|"
        "ce matin=aujourd'hui 00:00 - 12:00|après-midi=12:00 - 24:00|l'après-midi=12:00 - 24:00|"
        "dans l'après-midi=12:00 - 24:00|cet après-midi=aujourd'hui 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    # Not being in is being away: a negated presence names the absence.
    reasons=phrases("je ne serai pas là|ne serai pas là|je ne suis pas là"),
    hour_starts=phrases("de"),
    # An hour with its part of the day is on that half of the clock ("12" is left alone:
    # noon or midnight); the text is folded, so without accents.
    rewrites={
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)(?:l')?apres-midi\s+de\s+([1-6])h?\s+a\s+([2-9]|1[01])h?(?!\S)": r"de \1pm a \2pm",
        # The week of a day is the seven days from it, as week commencing is in English.
        r"(?<!\S)(?:toute\s+)?la\s+semaine\s+du\s+(\d{1,2}(?:er)?)(?!\S)": (
            r"1 semaine a partir du \1"
        ),
        r"(?<!\S)(1[01]|[1-9])(?:h|\s+heures?)?\s+(?:de\s+l'apres-midi|du\s+soir)(?!\S)": r"\1pm",
        r"(?<!\S)(1[01]|[1-9])(?:h|\s+heures?)?\s+(?:du\s+matin)(?!\S)": r"\1am",
        # "du 19 au 20 du mois de novembre" names November as "du 19 au 20 novembre" does.
        r"(?<=\d)(er)?\s+du\s+mois\s+d(?:e\s+|')": r"\1 ",
    },
    days=valued("la fin de la journée=0|fin de la journée=0|fin de journée=0|la fin de journée=0"),
    spans=valued(
        "mois d'après=month_after_next|le mois d'après=month_after_next"
        "|le reste de la journée=today"
        "|reste de la journée=today"
        "|la semaine entière=this_week|semaine entière=this_week|la semaine d'après=week_after_next"
        "|le reste de la semaine=this_week|reste de la semaine=this_week"
        "|le reste du mois=this_month|reste du mois=this_month"
        # "pro" is how prochaine and prochain are cut short in writing.
        "|la semaine pro=next_week|semaine pro=next_week|le mois pro=next_month|mois pro=next_month"
    ),
    back=phrases(
        "retour prévu le|retour prévu|je rentre|je rentre le|je reviens au bureau"
        "|je reviens au bureau le|je reprends"
        "|je reprends le|je reprends le travail|je reprends le travail le|retour au bureau le"
        "|retour au bureau|de retour au travail|de retour au travail le|je serai là"
        "|je serai là le|de nouveau là|de nouveau là le"
    ),
)
PERIODS = PeriodWords(
    next=phrases("prochain|prochaine"),
    half=phrases("moitié|quinzaine"),
    last=phrases("dernier|dernière"),
    of=phrases("de|du|d'|des|en"),
    years=counted("cette année=0|l'année=0|année=0|l'année prochaine=1|année prochaine=1"),
    ordinals=counted("premier=1|première=1|second=2|seconde=2"),
    whole_day=phrases("toute la journée|la journée entière|toute la journee"),
    months=counted("du mois=0|le mois=0|mois=0"),
)
