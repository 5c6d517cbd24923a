"""Whether a calendar event's title says its person is away, in any language ooo reads."""

import re

from bot.core.dates.words import fold

# The date reader's `reasons` are everything it cuts from a sentence ("I am", "WFH", "会议"), so
# only those that say a person is away are chosen here; a test checks each is still one of them.
# Bare words that often mean something else ("leave", "away", "permiso", "ponte", "休み" as in
# 昼休み, lunch break) are kept only inside phrases.
REASONS_AWAY = {
    "en": "pto|on pto|ooo|out of office|out of the office|out-of-office|vacation|on vacation"
    "|vacay|on vacay|vacationing|holiday|holidays|on holiday|on holidays|holidaying|hols"
    "|on leave|annual leave|on annual leave|parental leave|on parental leave|maternity leave"
    "|paternity leave|sick leave|on sick leave|sick|out sick|off sick|off-sick|day off|days off"
    "|dayoff|day-off|time off|off work|personal day|bereavement",
    "fr": "vacances|en vacances|conge|conges|en conge|en conges|absent|absente|malade"
    "|arret maladie|en arret maladie|en conge maternite|en conge paternite|en conge parental"
    "|rtt|en rtt|hors du bureau|absent du bureau|jour ferie",
    "de": "urlaub|im urlaub|krank|krankgeschrieben|abwesend|nicht da|nicht im buro|elternzeit"
    "|in elternzeit|freier tag|bruckentag|krankenstand|im krankenstand",
    "es": "vacaciones|de vacaciones|de baja|baja medica|de baja medica|de baja por enfermedad"
    "|enfermo|enferma|fuera de la oficina|ausente|de permiso|de licencia|con licencia"
    "|dia libre|de dia libre|de asueto|feriado|de puente",
    "pt": "ferias|de ferias|de licenca|licenca medica|de licenca medica|licenca maternidade"
    "|licenca paternidade|folga|de folga|doente|fora do escritorio|ausente|atestado|de atestado"
    "|afastado|afastada|recesso|de recesso|feriado",
    "it": "ferie|in ferie|vacanza|in vacanza|malato|malata|malattia|in malattia|fuori ufficio"
    "|assente|in permesso|congedo|in congedo|in maternita|in paternita|giorno libero|festivo"
    "|in ponte",
    "ja": "休暇|休暇中|年末年始休暇|お盆休み|夏休み|冬休み|お休み|有給|有給休暇|有休|年休|病欠"
    "|不在|終日不在|育休|産休|育児休暇|休業|欠勤|振休|代休",
    "ko": "휴가|연차|반차|병가|부재|부재중|육아휴직|출산휴가|휴무|휴직|휴일|자리 비움|자리비움",
    "zh": "请假|請假|休假|年假|病假|事假|婚假|产假|產假|陪产假|放假|调休|調休|探亲|探親|特休"
    "|不在办公室|不在辦公室",
}

# Titles calendars use that the date reader has no need for, Google's default titles of an
# out-of-office event in each language among them.
CALENDAR_TITLES = (
    "sabbatical|medical leave|unpaid leave|leave of absence|absence|sick day|bank holiday"
    "|jury duty|mental health day|wellness day"
    "|absente du bureau|conges payes|jour de conge|arret de travail"
    "|abwesenheit|urlaubstag|feiertag|sonderurlaub|betriebsurlaub|betriebsferien|ferien"
    "|resturlaub|zeitausgleich|mutterschutz|gleittag|gleitzeittag"
    "|ausencia|festivo|dia de vacaciones|asuntos propios|baja por enfermedad"
    "|permiso por paternidad|permiso por maternidad|baja por paternidad|baja por maternidad"
    "|dia de folga|assenza|ferie estive|permesso retribuito|permesso non retribuito"
    "|休日|全休|半休|午前休|午後休|特別休暇|월차|반반차|휴가중|假期|丧假|喪假|育儿假|育兒假|补休|補休"
    "|不在"
)

# Words that make an event about an absence rather than the absence itself: "PTO planning
# meeting", "Holiday party", "Back from vacation", "休暇申請", "휴일 근무" (working a holiday).
NOT_AWAY = (
    "meeting|meetings|mtg|sync|call|planning|plan|plans|party|parties|lunch|dinner|drinks"
    "|celebration|review|policy|discussion|interview|prep|handover|hand-over|handoff|hand-off"
    "|request|requests|approve|approval|submit|deadline|reminder|demo|standup|stand-up|retro"
    "|workshop|webinar|training|briefing|presentation|kickoff|kick-off|catch-up|catchup|coverage"
    "|covering|schedule|tracker|1:1|back from|returning from|return from|welcome back"
    "|first day back|away day|inn|not a|not an|school|kids|card|cards|design|photos|photo"
    "|pictures|album|auto-reply|autoreply|auto reply|set up|setup"
    "|reunion|point|planning|fete|soiree|dejeuner|diner|pot|demande|demandes|entretien|revue"
    "|preparation|prepa|passation|retour de|retour du|retour des|validation|atelier"
    "|besprechung|planung|feier|antrag|beantragen|abstimmung|ubergabe|mittagessen|gesprach"
    "|jour fixe|zuruck aus|zuruck vom|ruckkehr|erinnerung"
    "|planificacion|fiesta|comida|cena|almuerzo|solicitud|solicitar|revision|entrevista"
    "|llamada|regreso de|aprobar|aprobacion|preparacion|traspaso"
    "|reuniao|planejamento|festa|almoco|jantar|solicitacao|pedido|revisao|ligacao|volta de"
    "|retorno de|aprovar|aprovacao|preparacao"
    "|riunione|pianificazione|pranzo|richiesta|richiedere|revisione|colloquio|chiamata"
    "|rientro|ritorno da|approvazione|preparazione|consegne"
    "|会議|打ち合わせ|打合せ|ミーティング|申請|面談|飲み会|懇親会|計画|相談|説明会|準備|引き継ぎ"
    "|引継ぎ|出勤|締め切り|締切"
    "|회의|미팅|신청|계획|면담|회식|파티|인수인계|준비|근무|출근|마감"
    "|会议|開會|开会|申请|申請|计划|計劃|計畫|聚餐|讨论|討論|面试|面試|审批|審批|交接|准备"
    "|派对|派對|加班|上班|值班|培训|培訓|流程|政策|说明|說明|规定|規定|制度|系统|系統"
)

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _pattern(words: str) -> re.Pattern[str]:
    """One regex for "a|b c|休暇": Latin words whole (a hyphen joins), CJK ones anywhere."""
    alternatives = []
    for word in sorted({fold(w) for w in words.split("|")}, key=len, reverse=True):
        # "out of office" is also written "out-of-office", "licença maternidade" with a hyphen.
        escaped = re.escape(word).replace(r"\ ", r"[\s-]+")
        # CJK titles run words together ("年末年始休暇"), so they match inside others; a Latin
        # word must stand alone, so that "Urlaubsplanung" or "pre-vacation" is not "Urlaub".
        alternatives.append(escaped if _CJK.search(word) else rf"(?<![\w-]){escaped}(?![\w-])")
    return re.compile("|".join(alternatives))


_AWAY = _pattern("|".join([*REASONS_AWAY.values(), CALENDAR_TITLES]))
_NOT_AWAY = _pattern(NOT_AWAY)


def says_away(title: str) -> bool:
    """Whether a title says its person is away ("Vacation", "Congés", "休暇"), not an event."""
    folded = fold(title)
    return bool(_AWAY.search(folded)) and not _NOT_AWAY.search(folded)
