"""Other ways of writing the same dates, rewritten into the forms the grammar reads.

Number words become digits ("ten days", "dos mil veintisiete"), script numerals too ("三月五号",
"十点"), a month named inside a numeric date loses its slashes ("23/Sep/2027"), dashes between
day, month and year become slashes ("3-7-2027"), "今晚" is "今天 晚上", and "all day" says
nothing a day beside it does not.
"""

import re
from functools import cache

from . import numbers
from .cjk import numeral
from .periods import WORDS
from .words import Vocab, alternation

# Not after a week word: "周四周五" is Thursday and Friday, not "周 4 周五".
_SCRIPT = re.compile(
    r"(?<![周週期拜])([〇一二两兩三四五六七八九十]+)(?=\s*(?:月|日|号|號|点|點|時|时|天|周|週|分|분))"
)
# Chinese and Japanese run "today" or "tomorrow" into "evening" or "morning": 今晚 is 今天 晚上,
# 明朝 is 明日 朝.
_CONTRACTED = {
    "zh": (re.compile(r"(今|明)(晚|早)(?!上)"), {"今": "今天", "明": "明天"}, "上"),
    "ja": (re.compile(r"(今|明)(夜|晩|朝)"), {"今": "今日", "明": "明日"}, ""),
}
# "4日後", "四天后", "4일 후": the grammar reads a count after its "in" word, as "後 4 日間".
_LATER = re.compile(r"(\d{1,3})\s*(?:(日|天|일)|(週間|周|週|주))\s*(後|后|후)")
# "第二个星期五", "最后一个周五", "第2金曜日": the nth or last weekday, as one word before it.
_NTH = re.compile(
    r"(?:第\s*([一二三四五\d])|(最后一?|最後一?|最終))\s*(?:个|個|番目の?|の)?\s*"
    r"(?=星期|周|週|礼拜|禮拜|[月火水木金土日]曜)"
)
# Korean counts the nth weekday in its native ordinals: "둘째 금요일", "두 번째 금요일".
_KOREAN_NTH = re.compile(r"(첫|두|둘|세|셋|네|넷)\s*(?:번째|째)\s*(?=[월화수목금토일]요일)")
_KOREAN_ORDINALS = {"첫": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4}
_DASHED = re.compile(r"(?<!\S)(\d{1,2}) - (\d{1,2}) - (\d{4})(?!\S)")


def rewrite(text: str, vocab: Vocab) -> str:
    """Text whose dates are written as the grammar reads them, in vocab's language."""
    text = _whole_day(text, vocab)
    for pattern, written in _rewrites(vocab):
        text = pattern.sub(written, text)
    if not vocab.spaced:
        text = _uncontracted(text, vocab.code)
        text = _NTH.sub(_nth, text)
        text = _KOREAN_NTH.sub(lambda m: f" 第{_KOREAN_ORDINALS[m[1]]} ", text)
        text = _SCRIPT.sub(lambda m: str(numeral(m[1])), text)
        return _LATER.sub(lambda m: f" {m[4]} {m[1]} {'日間' if m[2] else m[3]} ", text)
    text = _named(vocab).sub(lambda m: " ".join(p for p in m.groups() if p), text)
    return _DASHED.sub(r"\1/\2/\3", numbers.digits(text, vocab))


def _whole_day(text: str, vocab: Vocab) -> str:
    """ "Friday all day" is Friday, and "all day" alone or beside only why ("Ich bin den ganzen
    Tag weg") today: the words add nothing else."""
    rest = _whole_day_words(vocab).sub(" ", text)
    said = _reasons(vocab).sub(" ", rest) if vocab.spaced else rest
    if rest == text or said.strip():
        return rest
    return f"{rest} {next(word for word, offset in vocab.days.items() if offset == '0')}"


@cache
def _reasons(vocab: Vocab) -> re.Pattern[str]:
    """Why a person is away ("weg", "out") and the words that only join it ("den")."""
    words = alternation((*vocab.reasons, *vocab.fillers))
    return re.compile(rf"(?<!\S)(?:{words})(?!\S)")


@cache
def _whole_day_words(vocab: Vocab) -> re.Pattern[str]:
    words = alternation(WORDS[vocab.code].whole_day)
    return re.compile(rf"(?<!\S)(?:{words})(?!\S)" if vocab.spaced else words)


def _uncontracted(text: str, code: str) -> str:
    if code not in _CONTRACTED:
        return text
    pattern, day_words, part_end = _CONTRACTED[code]
    return pattern.sub(lambda m: f" {day_words[m[1]]} {m[2]}{part_end} ", text)


def _nth(match: re.Match[str]) -> str:
    if match[1] is None:
        return " 最后 "
    return f" 第{match[1] if match[1].isdigit() else numeral(match[1])} "


@cache
def _rewrites(vocab: Vocab) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), written) for pattern, written in vocab.rewrites.items())


@cache
def _named(vocab: Vocab) -> re.Pattern[str]:
    """ "23/sep/2027", "23 - sep - 2027", "sep/23/2027", "2027/sep/23", "14dec": a month among
    numbers."""
    month = rf"(?:{alternation(tuple(sorted(vocab.months, key=len, reverse=True)))})\.?"
    mark = r"\s*(?:/|-|\.)\s*"
    return re.compile(
        rf"(?<!\S)(\d{{1,4}}){mark}({month}){mark}(\d{{1,4}})(?!\S)"
        rf"|(?<!\S)({month}){mark}(\d{{1,2}}){mark}(\d{{4}})(?!\S)"
        rf"|(?<!\S)(\d{{1,2}})/({month})(?!\S)"
        rf"|(?<!\S)(\d{{1,2}})({month})(?=\s|$)"  # "14Dec", run together
    )
