"""Spanish (Spain and Latin America): the words people use for absence dates."""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="es",
    # "mar" is left out of both months and weekdays: it could be marzo or martes.
    months=indexed(
        "enero ene|febrero feb|marzo|abril abr|mayo|junio jun|julio jul|agosto ago"
        "|septiembre setiembre sep sept|octubre oct|noviembre nov|diciembre dic",
        1,
    ),
    weekdays=indexed(
        "lunes lun|martes|miércoles mié mie|jueves jue|viernes vie|sábado sáb|domingo dom", 0
    ),
    days=valued("hoy=0|mañana=1|pasado mañana=2|ayer=-1|anteayer=-2|antier=-2"),
    numbers=indexed("un una uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez", 1),
    units=valued("día=day|días=day|semana=week|semanas=week|hora=hour|horas=hour"),
    spans=valued(
        "próxima semana=next_week|semana que viene=next_week|semana entrante=next_week"
        "|esta semana=this_week|este fin de semana=weekend|fin de semana=weekend"
        "|finde=weekend|este finde=weekend|próximo fin de semana=next_weekend"
        "|próximo mes=next_month|mes que viene=next_month|este mes=this_month"
        "|semana pasada=last_week|mes pasado=last_month|fin de mes=end_of_month"
        "|fin del mes=end_of_month|finales de mes=end_of_month|final de mes=end_of_month"
        "|final del mes=end_of_month|toda la semana=this_week|toda esta semana=this_week"
        "|fin de año=end_of_year|final de año=end_of_year|finales de año=end_of_year"
    ),
    fillers=word_set("el la las de del dia toda todo incluido inclusive"),
    modifiers=word_set("próximo próxima este esta que viene"),
    now=phrases("ahora|ya|desde ya|a partir de ahora"),
    permanent=phrases(
        "hasta nuevo aviso|indefinidamente|por tiempo indefinido|permanentemente"
        "|hasta mi regreso|hasta que vuelva|por tiempo indeterminado"
    ),
    starts=phrases("del|de|desde|desde el|a partir del|a partir de|entre|empezando"),
    to=phrases("al|a|hasta|hasta el|-|y"),
    until=phrases("hasta|hasta el|hasta la|hasta el dia"),
    back=phrases(
        "de vuelta el|de vuelta|vuelvo el|vuelvo|regreso el|regreso|de regreso el|de regreso"
        "|vuelvo a la oficina el|de vuelta en la oficina el|me reincorporo el|me reincorporo"
        "|regreso a la oficina el|estoy de vuelta el"
    ),
    durations=phrases("durante|por"),
    within=phrases("en|dentro de"),
    at=phrases("a las|a la"),
    # With its article ("al mediodía"): "al" alone would end a range.
    noon=phrases("mediodía|al mediodía|a mediodía"),
    midnight=phrases("medianoche|a medianoche|a la medianoche"),
    reasons=phrases(
        "de vacaciones|vacaciones|de baja|baja|de baja médica|baja médica|enfermo|enferma"
        "|estoy|estaré|fuera de la oficina|fuera|ausente|de viaje|de viaje de trabajo"
        "|viaje de trabajo|libre|de permiso|permiso|de licencia|licencia|teletrabajo"
        "|ooo|pto|wfh|no estoy|no estaré|de asueto|con licencia|de día libre|día libre|de puente"
        "|de baja por enfermedad|incapacitado|incapacitada|de incapacidad|en una conferencia"
        "|me voy|me tomo|tomo|de descanso|descanso|feriado|probablemente|previsiblemente"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "cada|todos los|todas las|excepto|salvo|menos|no|antes|después|principios"
        "|inicios|finales|fin|mediados|o|pasado|pasada|hace|aproximadamente|quizás"
        "|noche|esta noche|madrugada|los lunes|los martes|los miércoles|los jueves"
        "|los viernes|los sábados|los domingos|los fines de semana"
    ),
    hour_marks=phrases("de las|a las|desde las|hasta las"),
    paired=valued("mar=martes"),
    month_marks=phrases("en|en el mes de|mes de|todo el mes de"),
    halves=valued(
        "por la mañana=00:00 - 12:00|esta mañana=hoy 00:00 - 12:00|por la tarde=12:00 - 24:00|"
        "esta tarde=hoy 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    # Not being in is being away, a negated presence naming the absence; "me iré" (I'll go)
    # says why, as "me voy" does.
    reasons=phrases("me iré|iré|no voy a estar|no voy a estar en la oficina"),
    hour_starts=phrases("de|desde"),
    # An hour with its part of the day is on that half of the clock ("12" is left alone:
    # noon or midnight); the text is folded, so without accents.
    rewrites={
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)(?:por\s+la\s+)?tarde\s+(?:de|desde)\s+(?:las\s+)?([1-6])\s+(?:a|hasta)\s+(?:las\s+)?"
        r"([2-9]|1[01])(?!\S)": r"de \1pm a \2pm",
        # The week of a day is the seven days from it, as week commencing is in English.
        r"(?<!\S)(?:toda\s+)?la\s+semana\s+del\s+(\d{1,2})(?!\S)": r"1 semana desde el \1",
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:de\s+la\s+tarde|de\s+la\s+noche)(?!\S)": r"\1pm",
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:de\s+la\s+manana|de\s+la\s+madrugada)(?!\S)": r"\1am",
    },
    # "día" is a filler the grammar drops at the end of a phrase: these are read before that.
    halves=valued(
        "el resto del día=hoy"
        "|resto del día=hoy|fin del día=hoy|final del día=hoy|el final del día=hoy"
        "|el fin del día=hoy|fin de la jornada=hoy|final de la jornada=hoy"
    ),
    spans=valued(
        "la semana entera=this_week|semana entera=this_week"
        "|la semana después de la próxima=week_after_next"
        "|el mes después del próximo=month_after_next"
        "|el resto de la semana=this_week|resto de la semana=this_week"
        "|el resto del mes=this_month|resto del mes=this_month"
    ),
    back=phrases(
        "regreso|regreso el|vuelvo al trabajo el|vuelvo al trabajo|vuelvo a la oficina"
        "|estoy de vuelta|estaré de vuelta|estaré de vuelta el|me reincorporo a la oficina el"
        "|de nuevo en la oficina el|de nuevo en la oficina"
    ),
)
PERIODS = PeriodWords(
    next=phrases("próximo|que viene|entrante"),
    half=phrases("mitad|quincena"),
    last=phrases("último|última"),
    of=phrases("de|del|en"),
    years=counted(
        "este año=0|el año=0|año=0|el año que viene=1|año que viene=1|el próximo año=1"
        "|próximo año=1"
    ),
    ordinals=counted("primer=1|primera=1|segundo=2|segunda=2|tercer=3|tercera=3|cuarto=4"),
    whole_day=phrases("todo el día|el día entero"),
    months=counted("del mes=0|el mes=0|mes=0"),
)
