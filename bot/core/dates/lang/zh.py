"""Chinese (simplified and traditional): the words people use for absence dates.

Numeric forms (12月10日, 下午2点, 三天, 下周二) are rewritten by cjk.py before these words apply.
"""

# The full-width punctuation of Japanese and Chinese text is meant, not a look-alike.

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, numbered_months, phrases, valued, word_set


def _weekdays() -> dict[str, int]:
    names = "一二三四五六日"
    found = {f"{head}{n}": i for i, n in enumerate(names) for head in ("星期", "周", "週")}
    found |= {f"{head}{n}": i for i, n in enumerate(names) for head in ("礼拜", "禮拜")}
    return found | {"星期天": 6, "周天": 6, "週天": 6, "礼拜天": 6, "禮拜天": 6}


VOCAB = Vocab(
    code="zh",
    months=numbered_months("月"),
    weekdays=_weekdays(),
    days=valued("今天=0|今日=0|明天=1|明日=1|后天=2|後天=2|大后天=3|大後天=3|昨天=-1|前天=-2"),
    numbers={},
    units=valued(
        "天=day|日=day|日間=day|周=week|週=week|星期=week|礼拜=week|禮拜=week|小时=hour|小時=hour"
        "|钟头=hour|鐘頭=hour|个小时=hour|個小時=hour|个星期=week|個星期=week|个礼拜=week|個禮拜=week"
    ),
    spans=valued(
        "这周=this_week|這週=this_week|本周=this_week|本週=this_week|这星期=this_week"
        "|這星期=this_week|这个星期=this_week|這個星期=this_week|下周=next_week"
        "|下週=next_week|下星期=next_week|下个星期=next_week|下個星期=next_week"
        "|下礼拜=next_week|下禮拜=next_week|下下周=week_after_next|下下週=week_after_next"
        "|下下星期=week_after_next|周末=weekend|週末=weekend|这周末=weekend|這週末=weekend"
        "|本周末=weekend|本週末=weekend|下周末=next_weekend|下週末=next_weekend"
        "|下个月=next_month|下個月=next_month|下月=next_month|这个月=this_month"
        "|這個月=this_month|本月=this_month|月底=end_of_month|年底=end_of_year|年末=end_of_year|月末=end_of_month"
        "|上周=last_week|上週=last_week|上星期=last_week|上个月=last_month|上個月=last_month"
    ),
    fillers=word_set("的 在 份 , 、 整个 整個 一整 整"),
    modifiers=word_set("下个 下個 这个 這個"),
    now=phrases("现在|現在|即日|即刻|马上|馬上"),
    permanent=phrases(
        "无限期|無限期|另行通知前|直到另行通知|另行通知为止|另行通知為止|直到另行通知为止"
        "|直到另行通知為止|暂定无期|归期未定|歸期未定|回来时间待定|回來時間待定"
    ),
    starts=phrases("从|從|自|自从|自從|由"),
    to=phrases("到|至|-"),
    until=phrases("到|直到|至|截至"),
    back=(),
    durations=(),
    within=(),
    at=(),
    noon=phrases("中午|正午"),
    midnight=phrases("午夜|半夜"),
    reasons=phrases(
        "请假|請假|休假|年假|病假|事假|婚假|产假|產假|陪产假|出差|不在|放假|我|休息|旅行"
        "|外出|在家办公|在家辦公|远程办公|遠程辦公|培训|培訓|开会|開會|会议|會議|调休|調休"
        "|休|要|会|會|将|將|是|了|请|請|假|出国|出國|ooo|pto|不在办公室|不在辦公室|探亲|探親|特休|在外面|外面|全天"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "每周|每週|每天|每个|每個|除了|以内|以內|之内|之內|之前|以前|前|之后|之後|左右|或|或者|前后|前後"
    ),
    ordinary=phrases("回老家|回家|回国|回國|回老家过年|回老家過年"),
    starts_after=phrases("开始|開始|起|以后|以後"),
    until_after=phrases("为止|為止"),
    back_after=phrases(
        "回来|回來|返回|回到办公室|回到辦公室|回公司|上班|回|复工|復工|返岗|返崗"
        "|回来上班|回來上班|开始上班|開始上班"
    ),
    spaced=False,
    dateparser=False,
    halves=valued(
        "上午=00:00 - 12:00|早上=00:00 - 12:00|上午半天=00:00 - 12:00|下午=12:00 - 24:00|"
        "下午半天=12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    days=valued("今天下班=0|今天下班前=0|下班前=0|今天结束=0|今天結束=0|下班=0"),
    # Year, half and last words are known words, so text splits at them; alone no span.
    spans=valued(
        "最后=last|上旬=third|中旬=third|下旬=third|上半月=half|下半月=half|上半年=half|下半年=half|今年=year|明年=year|后年=year|後年=year|下下个月=month_after_next|下下個月=month_after_next|下下月=month_after_next"
        "|整个星期=this_week|整個星期=this_week"
    ),
    back_after=phrases("回来上班|回來上班|回到公司|回岗|回崗"),
    within=phrases("后|後"),  # "4日後" is rewritten "後 4 日間" by forms.py
    # Between two days ("3号和9号之间") is from the first to the second.
    rewrites={
        # A quarter (一刻) and three quarters (三刻) of an hour are its minutes 15 and 45.
        r"(?<=[点點])\s*一刻": "15分",
        r"(?<=[点點])\s*三刻": "45分",
        r"(\d\s*[日号號])\s*(?:和|与|與|到|至)\s*(\S.*?\d\s*[日号號])\s*之[间間]": r"\1到\2",
    },
)

PERIODS = PeriodWords(
    next=(),
    half=(),
    last=phrases("最后"),
    of=phrases("的"),
    years=counted("今年=0|明年=1|后年=2|後年=2"),
    halves_after=counted("上半月=1|下半月=2|上半年=1|下半年=2"),
    thirds_after=counted("上旬=1|中旬=2|下旬=3"),
    whole_day=phrases("一整天|整天"),
)
