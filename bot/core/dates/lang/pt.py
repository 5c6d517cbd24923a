"""Portuguese (Brazil): the words people use for absence dates."""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="pt",
    months=indexed(
        "janeiro jan|fevereiro fev|março mar|abril abr|maio mai|junho jun|julho jul"
        "|agosto ago|setembro set|outubro out|novembro nov|dezembro dez",
        1,
    ),
    weekdays=indexed(
        "segunda-feira segunda seg|terça-feira terça ter|quarta-feira quarta qua"
        "|quinta-feira quinta qui|sexta-feira sexta sex|sábado sab|domingo dom",
        0,
    ),
    days=valued("hoje=0|amanhã=1|depois de amanhã=2|ontem=-1|anteontem=-2"),
    numbers=indexed("um uma|dois duas|três|quatro|cinco|seis|sete|oito|nove|dez", 1),
    units=valued("dia=day|dias=day|semana=week|semanas=week|hora=hour|horas=hour"),
    spans=valued(
        "próxima semana=next_week|semana que vem=next_week|semana seguinte=next_week"
        "|esta semana=this_week|essa semana=this_week|este fim de semana=weekend"
        "|fim de semana=weekend|final de semana=weekend|este final de semana=weekend"
        "|próximo fim de semana=next_weekend|próximo mês=next_month|mês que vem=next_month"
        "|este mês=this_month|semana passada=last_week|mês passado=last_month"
        "|fim do mês=end_of_month|final do mês=end_of_month|fim de mês=end_of_month"
        "|toda a semana=this_week|a semana toda=this_week|essa semana toda=this_week"
        "|fim do ano=end_of_year|final do ano=end_of_year|fim de ano=end_of_year"
    ),
    fillers=word_set("o a os as de do da dia no na em toda todo inclusive incluído"),
    modifiers=word_set("próximo próxima este esta essa esse que vem"),
    now=phrases("agora|já|a partir de agora|desde já"),
    permanent=phrases(
        "por tempo indeterminado|até segunda ordem|até novo aviso|indefinidamente"
        "|permanentemente|sem data de retorno|até nova ordem|por prazo indeterminado"
    ),
    starts=phrases("de|do|da|das|desde|a partir de|a partir do|a partir da|entre|começando"),
    to=phrases("a|ao|à|às|até|até o|até a|-|e"),
    until=phrases("até|até o|até a|até dia|até o dia"),
    back=phrases(
        "de volta na|de volta no|de volta em|de volta dia|de volta|volto na|volto no"
        "|volto dia|volto|retorno na|retorno no|retorno em|retorno dia|retorno"
        "|volto ao escritório na|volto ao escritório no|de volta ao escritório na"
        "|de volta ao escritório no|estarei de volta na|estarei de volta no|retorno ao trabalho"
    ),
    durations=phrases("por|durante"),
    within=phrases("em|daqui a|dentro de"),
    at=phrases("às"),
    # With its article ("ao meio-dia"): "ao" alone would end a range.
    noon=phrases("meio-dia|meio dia|ao meio-dia|ao meio dia"),
    midnight=phrases("meia-noite|meia noite|à meia-noite|à meia noite"),
    reasons=phrases(
        "de férias|férias|de licença|licença|de folga|folga|doente|estou|estarei"
        "|fora do escritório|fora|ausente|viajando|em viagem|de viagem|de atestado|atestado"
        "|afastado|afastada|em home office|home office|ooo|pto|wfh|licença médica|de licença médica"
        "|licença maternidade|licença paternidade|não estarei|não estou|em treinamento"
        "|de recesso|recesso|feriado|de plantão|numa conferência|em uma conferência|off"
        "|vou tirar|tirando|emenda|provavelmente|previsão"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "cada|todos os|todas as|em até|exceto|menos|salvo|não|antes|depois|início|começo|fim"
        "|final|meados|ou|passado|passada|há|talvez|noite|esta noite|madrugada|segundas"
        "|terças|quartas|quintas|sextas|aos sábados|aos domingos|às segundas|às terças"
        "|às quartas|às quintas|às sextas"
    ),
    hour_marks=phrases("das|às"),
    month_marks=phrases("mês de"),
    halves=valued(
        "de manhã=00:00 - 12:00|pela manhã=00:00 - 12:00|hoje de manhã=hoje 00:00 - 12:00|"
        "à tarde=12:00 - 24:00|de tarde=12:00 - 24:00|pela tarde=12:00 - 24:00|"
        "hoje à tarde=hoje 12:00 - 24:00|esta tarde=hoje 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    # Not being in is being away: a negated presence names the absence.
    reasons=phrases("não vou estar|não estarei|não vou estar no escritório"),
    hour_starts=phrases("de"),
    # An hour with its part of the day is on that half of the clock ("12" is left alone:
    # noon or midnight); the text is folded, so without accents.
    rewrites={
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)(?:a\s+|de\s+|pela\s+)?tarde\s+das\s+([1-6])h?\s+as\s+([2-9]|1[01])h?(?!\S)": (
            r"das \1pm as \2pm"
        ),
        # The week of a day is the seven days from it, as week commencing is in English.
        r"(?<!\S)(?:toda\s+)?a\s+semana\s+do\s+(?:dia\s+)?(\d{1,2})(?!\S)": (
            r"1 semana a partir do dia \1"
        ),
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:da\s+tarde|da\s+noite)(?!\S)": r"\1pm",
        r"(?<!\S)(1[01]|[1-9])h?\s+(?:da\s+manha|da\s+madrugada)(?!\S)": r"\1am",
    },
    # "dia" and "todo" are fillers the grammar drops at the end of a phrase: read before that.
    halves=valued(
        "o resto do dia=hoje|resto do dia=hoje|fim do dia=hoje"
        "|final do dia=hoje|o final do dia=hoje|o fim do dia=hoje"
    ),
    spans=valued(
        "a semana inteira=this_week|semana inteira=this_week"
        "|a semana depois da próxima=week_after_next"
        "|o mês depois do próximo=month_after_next"
        "|o resto da semana=this_week|resto da semana=this_week"
        "|o resto do mês=this_month|resto do mês=this_month|deste mês=this_month"
        "|do mês que vem=next_month|do próximo mês=next_month"
    ),
    back=phrases(
        "volto ao trabalho na|volto ao trabalho no|volto ao trabalho|estarei de volta"
        "|retorno ao escritório na|retorno ao escritório no|de volta ao trabalho na"
        "|de volta ao trabalho no|regresso na|regresso no|regresso"
    ),
)
PERIODS = PeriodWords(
    next=phrases("próximo|que vem"),
    half=phrases("metade|quinzena"),
    last=phrases("último|última"),
    of=phrases("de|do|da|em"),
    years=counted("este ano=0|o ano=0|ano=0|o ano que vem=1|ano que vem=1|o próximo ano=1"),
    ordinals=counted(
        "primeira=1|primeiro=1|segunda=2|segundo=2|terceira=3|terceiro=3|quarta=4|quarto=4"
    ),
    whole_day=phrases("o dia todo|o dia inteiro|dia todo|dia inteiro"),
    months=counted("do mês=0|o mês=0|mês=0"),
)
