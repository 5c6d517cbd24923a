"""Japanese: the words people use for absence dates.

Numeric forms (12月10日, 9時半, 午後2時, 3日間) are rewritten by cjk.py before these words apply.
"""

# The full-width punctuation of Japanese and Chinese text is meant, not a look-alike.

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, numbered_months, phrases, valued, word_set

VOCAB = Vocab(
    code="ja",
    months=numbered_months("月"),
    weekdays=indexed(
        "月曜日 月曜|火曜日 火曜|水曜日 水曜|木曜日 木曜|金曜日 金曜|土曜日 土曜|日曜日 日曜", 0
    ),
    days=valued(
        "今日=0|本日=0|きょう=0|明日=1|あした=1|あす=1|明後日=2|あさって=2|昨日=-1"
        "|きのう=-1|一昨日=-2|おととい=-2"
    ),
    numbers={},
    units=valued("日間=day|週間=week|時間=hour"),
    spans=valued(
        "今週=this_week|来週=next_week|再来週=week_after_next|今週末=weekend|週末=weekend"
        "|この週末=weekend|土日=weekend|来週末=next_weekend|来月=next_month|今月=this_month"
        "|月末=end_of_month|今月末=end_of_month|年内=rest_of_year|今年中=rest_of_year|年末=end_of_year|先週=last_week|先月=last_month"
    ),
    fillers=word_set("の に は で を 、 ・ いっぱい ずっと 丸々 まる"),
    modifiers=word_set("次の 今度の この"),
    now=phrases("今|今すぐ|現在|ただ今|ただいま"),
    permanent=phrases(
        "当面の間|当面|当分の間|当分|無期限|追って連絡するまで|別途連絡するまで"
        "|しばらくの間|復帰未定|未定"
    ),
    starts=(),
    to=phrases("から|-|より"),
    until=(),
    back=(),
    durations=(),
    within=(),
    at=(),
    noon=phrases("正午|昼"),
    midnight=phrases("深夜0時|真夜中"),
    reasons=phrases(
        "出張|出張中|出張です|年末年始|年末年始休暇|お盆休み|ゴールデンウィーク|休暇|有給|有給休暇|有休|年休|休み|お休み|休みます|お休みします"
        "|お休みをいただきます|休暇を取ります|夏休み|冬休み|病欠|体調不良|不在|不在です|外出"
        "|私は|です|ます|します|予定|予定です|の予定|在宅勤務|在宅|育休|産休|育児休暇|帰省"
        "|旅行|研修|会議|休業|欠勤|病気|風邪|振休|代休|いただきます|となります|になります"
        "|休暇中|不在にします|おります|いただいております|頂いております|終日不在|ooo|pto|終日|いません|オフ|休暇を取得します|取得"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "毎週|毎日|毎月|以外|以内|または|頃|ごろ|以前|前|前に|前後|夜|夕方|今夜|今晩|晩"
    ),
    starts_after=phrases("から|より|以降"),
    until_after=phrases("まで|までの間"),
    back_after=phrases(
        "に戻ります|戻ります|戻り|戻る|復帰|復帰します|出社|出社します|帰社|帰社します"
        "|から出社|から復帰|に復帰|に出社|より出社|より復帰|戻ってきます|戻ってます"
    ),
    # Alone, 月 is a month and 日 a day: one character is a weekday only beside a date or another.
    paired=valued("月=月曜日|火=火曜日|水=水曜日|木=木曜日|金=金曜日|土=土曜日|日=日曜日"),
    spaced=False,
    dateparser=False,
    halves=valued(
        "午前=00:00 - 12:00|午前中=00:00 - 12:00|午前休=00:00 - 12:00|午前半休=00:00 - 12:00|"
        "午後=12:00 - 24:00|午後休=12:00 - 24:00|午後半休=12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    days=valued("今日の終わり=0|本日の終わり=0|終業=0|終業時間=0|本日の終業=0|定時=0"),
    # Year, half and last words are known words, so text splits at them; alone no span.
    spans=valued(
        "最后=last|上旬=third|中旬=third|下旬=third|前半=half|後半=half|上半期=half|下半期=half|今年=year|来年=year|再来年=year|再来月=month_after_next|今週いっぱい=this_week"
    ),
    back_after=phrases("に戻ってきます|から業務に戻ります|に業務復帰|から仕事に戻ります"),
    within=phrases("後"),  # "4日後" is rewritten "後 4 日間" by forms.py
    # Between two days ("3日と9日の間") is from the first to the second.
    rewrites={r"(\d\s*日)\s*(?:と|から)\s*(\S.*?\d\s*日)\s*の間(?:に|は)?": r"\1から\2まで"},
)

PERIODS = PeriodWords(
    next=(),
    half=(),
    last=phrases("最后"),
    of=phrases("の"),
    years=counted("今年=0|来年=1|再来年=2"),
    halves_after=counted("前半=1|後半=2|上半期=1|下半期=2"),
    thirds_after=counted("上旬=1|中旬=2|下旬=3"),
    whole_day=phrases("一日中"),
)
