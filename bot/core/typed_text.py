"""What a person typed in a slash command, as they saw it: Slack's markup read, escapes undone."""

import re
from collections.abc import Mapping

from bot.core.mentions import WORD_JOINER, neutralize

# Slack escapes these three in what a person types, and nothing else (so no html.unescape,
# which would also read `&copy=1` as `©=1`).
SLACK_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
# Slack's own markup in a command (typed brackets arrive escaped): <@U…|name>, <#C…|name>,
# <!here>, <!subteam^S…|@team>, <https://…|label>.
MARKUP = re.compile(r"<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>")
UNNAMED_PERSON = re.compile(r"<@([UW][A-Z0-9]+)>")
BROADCASTS = ("here", "channel", "everyone")


def unescaped(text: str) -> str:
    """Text with Slack's escapes undone."""
    for escaped, plain in SLACK_ESCAPES:
        text = text.replace(escaped, plain)
    return text


def unnamed_people(text: str) -> set[str]:
    """The people mentioned by id alone, whose names `as_typed` needs."""
    return set(UNNAMED_PERSON.findall(text))


def as_typed(text: str, names: Mapping[str, str]) -> str:
    """The text as Slack showed it while typing: mentions and links as their words (`names`:
    people's names by id), escapes undone, broadcasts as words that notify nobody."""
    return neutralize(unescaped(MARKUP.sub(lambda m: _words(m, names), text)))


def _words(markup: re.Match[str], names: Mapping[str, str]) -> str:
    """One piece of Slack's markup as the words it shows."""
    sigil, target, label = markup.groups()
    if sigil == "@":
        return f"@{label or names.get(target) or target}"
    if sigil == "#":
        return f"#{label or target}"
    word = target.split("^")[0]
    if sigil == "!" and word == "subteam":
        return f"@{WORD_JOINER}{(label or 'group').lstrip('@')}"
    if sigil == "!" and word in BROADCASTS:
        return f"@{word}"  # neutralize then keeps it from notifying anyone
    return label or word
