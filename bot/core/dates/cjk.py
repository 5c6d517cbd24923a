"""Japanese, Korean and Chinese text split into the words the grammar reads.

These languages write dates without spaces ("12月10日から15日まで") and with their own numerals
and clocks ("三天", "午後2時半", "오후 2시"). Each numeric form is rewritten into the shape the
other languages use ("12/10", "14:30", "3 天"), then the rest is cut into the longest known words.
"""

import re
from collections.abc import Callable
from functools import cache

from .times import first_after
from .words import Vocab, alternation

_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)} | {"两": 2, "兩": 2}
_NUMERAL = "[〇一二两兩三四五六七八九十]+"
_DAY = r"(?:日|号|號|일)"
_NOT_A_COUNT = r"(?!\s*(?:間|간|동안))"
_AFTER_NOON = ("午後", "下午", "晚上", "晩", "夜", "오후", "저녁", "밤")
_BEFORE_NOON = (
    "午前",
    "上午",
    "早上",
    "凌晨",
    "清晨",
    "早晨",
    "朝",
    "未明",
    "오전",
    "아침",
    "새벽",
)
_CLOCK = re.compile(
    rf"(?P<half>{'|'.join(_AFTER_NOON + _BEFORE_NOON)})?\s*(?P<h>\d{{1,2}})\s*(?:時|时|點|点|시)"
    r"(?!\s*(?:間|간))\s*(?:(?P<m>\d{1,2})\s*(?:分|분)|(?P<half_hour>半|반))?"
)
_REWRITES = (
    (
        re.compile(r"(\d{4})\s*(?:年|년|\.)\s*(\d{1,2})\s*(?:月|월|\.)\s*(\d{1,2})\s*" f"{_DAY}?"),
        r" \1/\2/\3 ",
    ),
    (re.compile(r"(\d{1,2})\s*(?:月|월)\s*(\d{1,2})\s*" + _DAY + _NOT_A_COUNT), r" \1/\2 "),
    (re.compile(rf"(\d{{4}})\s*(?:年|년)\s*(?=(?:\d{{1,2}}|{_NUMERAL})\s*(?:月|월))"), r" \1 "),
    (re.compile(r"(\d{1,2})\s*" + _DAY + r"\s*(?:間|간|동안)"), r" \1 日間 "),
    (re.compile(r"(\d{1,2})\s*" + _DAY + _NOT_A_COUNT), r" \1 "),
)
_DATE = re.compile(r"\d{1,4}/\d{1,2}(?:/\d{1,2})?|\d{1,2}")
_TIME = re.compile(r"\d{1,2}:\d{2}")
# Korean counts days and weeks in its native words.
_KOREAN_COUNTS = {"하루": "1 日間", "이틀": "2 日間", "사흘": "3 日間", "나흘": "4 日間"}
_KOREAN_COUNTS |= {"일주일간": "1 주", "일주일": "1 주", "보름": "15 日間"}
_KOREAN_COUNTS |= {"닷새": "5 日間", "엿새": "6 日間", "이레": "7 日間", "열흘": "10 日間"}
_COUNTED = re.compile(
    rf"(?<![周週期拜])({_NUMERAL})\s*(?=(?:个|個|か|ヶ|カ)?\s*(?:天|周|週|星期|礼拜|禮拜|日間|週間|時間|小时|小時))"
)
# "下周二" is next week's Tuesday: the week word and the weekday are two words.
_WEEK_AND_DAY = re.compile(r"(下下|下|这|這|本|上)(周|週|星期|礼拜|禮拜)([一二三四五六日天])")


def split_words(text: str, vocab: Vocab) -> str:
    """Text with its numeric forms rewritten and its words separated by single spaces."""
    for word, count in _KOREAN_COUNTS.items():
        text = text.replace(word, f" {count} ")
    text = _COUNTED.sub(lambda m: str(numeral(m[1])), text)
    text = _WEEK_AND_DAY.sub(lambda m: f" {m[1]}{m[2]} {m[2]}{m[3]} ", text)
    text = _CLOCK.sub(_clock(), text)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    words = _words(text.strip(), vocab)
    # "12/24 水", "16 화" (written 12月24日(水), 16일(화)): one character after a date or a day
    # is its weekday; after a time ("9時〜17時(金)") it is the day of the hours, never dropped.
    for i, word in enumerate(words[1:], start=1):
        if word in vocab.paired and (
            _DATE.fullmatch(words[i - 1]) or _TIME.fullmatch(words[i - 1])
        ):
            words[i] = vocab.paired[word]
    return " ".join(words)


def numeral(text: str) -> int:
    """ "三" is 3, "十二" is 12, "二十" is 20."""
    if "十" not in text:
        return int("".join(str(_NUMERALS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _clock() -> Callable[[re.Match[str]], str]:
    """Rewrite "午後2時" as 14:00; a later "5時" in the same phrase keeps the afternoon, and a
    later hour with no half of the day is the first such hour after the last ("8시부터 1시까지")."""
    afternoon = False
    last: int | None = None

    def written(match: re.Match[str]) -> str:
        nonlocal afternoon, last
        hour = int(match["h"])
        minute = 30 if match["half_hour"] else int(match["m"] or 0)
        if match["half"]:
            afternoon = match["half"] in _AFTER_NOON
            if not afternoon and hour == 12:
                hour = 0
        if afternoon and hour < 12:
            hour += 12
        elif not match["half"]:
            hour = first_after(hour, last)
        last = hour
        return f" {hour}:{minute:02d} "

    return written


@cache
def _known(vocab: Vocab) -> re.Pattern[str]:
    """A month ("8月"), digits and dates, a Latin word, or the longest known word, at a position."""
    months = tuple(sorted(vocab.months, key=len, reverse=True))
    return re.compile(rf"{alternation(months)}|[\d/:.]+|[a-z'@]+|{alternation(vocab.words)}")


def _words(text: str, vocab: Vocab) -> list[str]:
    """Cut text into the longest known words; a known phrase may span a space ("다음 주")."""
    found: list[str] = []
    position = 0
    pattern = _known(vocab)
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = pattern.match(text, position)
        end = match.end() if match and match.end() > position else position + 1
        found.append(" ".join(text[position:end].split()))
        position = end
    return found
