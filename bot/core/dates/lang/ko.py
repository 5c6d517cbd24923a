"""Korean: the words people use for absence dates.

Numeric forms (12월 10일, 오후 2시, 3일간, 이틀) are rewritten by cjk.py before these words apply.
"""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="ko",
    months={f"{m}월": m for m in range(1, 13)},
    weekdays=indexed("월요일|화요일|수요일|목요일|금요일|토요일|일요일", 0),
    days=valued("오늘=0|내일=1|모레=2|내일모레=2|어제=-1|그저께=-2|그제=-2"),
    numbers={},
    units=valued("일간=day|日間=day|주=week|주간=week|주일=week|시간=hour"),
    spans=valued(
        "이번 주=this_week|이번주=this_week|금주=this_week|다음 주=next_week|다음주=next_week"
        "|차주=next_week|다다음 주=week_after_next|다다음주=week_after_next"
        "|이번 주말=weekend|이번주말=weekend|주말=weekend|다음 주말=next_weekend"
        "|다음주말=next_weekend|다음 달=next_month|다음달=next_month|이번 달=this_month"
        "|이번달=this_month|이 달=this_month|이달=this_month|월말=end_of_month"
        "|연말=end_of_year|이번 달 말=end_of_month"
        "|지난주=last_week"
        "|지난 주=last_week|지난달=last_month|지난 달=last_month"
    ),
    fillers=word_set("에 은 는 의 에는 중 내내 , ・"),
    modifiers=word_set("다음 이번 오는"),
    now=phrases("지금|현재|지금부터"),
    permanent=phrases(
        "당분간|무기한|별도 공지 시까지|별도 공지가 있을 때까지|추후 공지 시까지|복귀 미정"
        "|복귀일 미정|기한 없이"
    ),
    starts=(),
    to=phrases("부터|-|에서"),
    until=(),
    back=(),
    durations=(),
    within=(),
    at=(),
    noon=phrases("정오|낮 12시"),
    midnight=phrases("자정"),
    reasons=phrases(
        "휴가|연차|반차|병가|출장|부재|부재중|외근|입니다|예정|예정입니다|저는|재택근무|재택"
        "|육아휴직|출산휴가|휴무|쉽니다|쉬어요|휴가입니다|출장입니다|연차입니다|갑니다"
        "|사용|사용합니다|씁니다|교육|워크숍|휴직|여행|병원|개인 사정|개인사정|휴일|ooo|pto"
        "|자리 비움|자리비움|없습니다|합니다|중입니다|예요|이에요|로|으로|휴가로|출장으로"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "매주|매일|매달|제외|이내|이내에|내로|안에|또는|쯤|경|이전|전|전에|전까지"
        "|저녁|밤|오늘 밤|새벽"
    ),
    ordinary=phrases("주세요|연락 주세요|연락주세요|부탁드립니다"),
    starts_after=phrases("부터|에서|이후"),
    until_after=phrases("까지"),
    back_after=phrases(
        "복귀|복귀합니다|복귀 예정|돌아옵니다|돌아와요|돌아올게요|출근|출근합니다|출근 예정"
        "|사무실 복귀|에 복귀|에 출근|부터 출근|부터 복귀"
    ),
    durations_after=phrases("동안"),
    # Alone, 월 is a month and 일 a day: one syllable is a weekday only beside a date or another.
    paired=valued("월=월요일|화=화요일|수=수요일|목=목요일|금=금요일|토=토요일|일=일요일"),
    spaced=False,
    dateparser=False,
    halves=valued(
        "오전=00:00 - 12:00|오전 반차=00:00 - 12:00|오전반차=00:00 - 12:00|오후=12:00 - 24:00|"
        "오후 반차=12:00 - 24:00|오후반차=12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    days=valued("오늘 퇴근=0|퇴근 시간=0|업무 종료=0|오늘 업무 종료=0"),
    # Year and half words are known words, so text splits at them; alone they are no span.
    spans=valued(
        "마지막=last|초순=third|중순=third|하순=third|상반기=half|하반기=half|전반기=half|후반기=half|전반=half|후반=half"
        "|올해=year|내년=year|내후년=year|다다음 달=month_after_next|다다음달=month_after_next"
        "|이번 주 내내=this_week"
    ),
    back_after=phrases("에 돌아옵니다|에 복귀 예정입니다|부터 정상 근무|에 업무 복귀"),
    within=phrases("후"),  # "4日後" is rewritten "後 4 日間" by forms.py
    # Between two days ("3일과 12일 사이", "1일에서 7일 사이에") is from the first to the second.
    rewrites={
        r"(\d\s*일)\s*(?:과|와|에서|부터)\s*(\S.*?\d\s*일)\s*사이(?:에는|에)?": r"\1부터 \2까지"
    },
)

PERIODS = PeriodWords(
    next=(),
    half=(),
    last=phrases("마지막"),
    of=phrases("의"),
    years=counted("올해=0|내년=1|내후년=2"),
    halves_after=counted("상반기=1|하반기=2|전반=1|후반=2|전반기=1|후반기=2"),
    thirds_after=counted("초순=1|중순=2|하순=3"),
    whole_day=phrases("하루 종일|종일"),
)
