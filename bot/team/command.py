"""What `/ooo team …` asks for: a view, saving a team, managing digests, a calendar feed, or an
export."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.blocks.mrkdwn import escape
from bot.core.team_digest import Cadence
from bot.texts import _

# What Slack sends when someone picks from autocomplete (should_escape is on), and plain names.
CHANNEL = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$")
GROUP = re.compile(r"^<!subteam\^(S[A-Z0-9]+)(?:\|@?([^>]*))?>$")
PLAIN = re.compile(r"^([#@])([a-z0-9][a-z0-9._-]*)$", re.IGNORECASE)
WEEKLY = re.compile(r"\b(?:weekly(?: on mondays?)?|(?:every |on )?mondays?)\s*$", re.IGNORECASE)
DAILY = re.compile(r"\b(?:weekdays|every (?:working|week) ?day|daily)\s*$", re.IGNORECASE)
COVERAGE = re.compile(r"\bcoverage\s+(\S+)\s*$", re.IGNORECASE)
# A word meant as a team that is none: a person, a broadcast, a name Slack could not have.
NAMED = ("#", "@", "<#", "<@", "<!")
# Japanese and Chinese keyboards type these; they mean # and @.
FULL_WIDTH = str.maketrans({"\uff03": "#", "\uff20": "@"})
# Slack's channel names and handles are at most 80 characters: longer was typed, and is cut.
NAME_SHOWN = 80


@dataclass(frozen=True)
class Target:
    """A channel (`C…`) or user group (`S…`) named in a command; `name` is what was typed."""

    id: str | None
    name: str

    @property
    def is_group(self) -> bool:
        """Whether it names a user group."""
        return self.id.startswith("S") if self.id else self.name.startswith("@")

    @property
    def mention(self) -> str:
        """How Slack renders it in a message."""
        if self.id is None:
            return self.name
        return f"<!subteam^{self.id}>" if self.is_group else f"<#{self.id}>"


@dataclass(frozen=True)
class Show:
    """Show a team (the saved one when `target` is None) over the days `window` says."""

    target: Target | None
    window: str


@dataclass(frozen=True)
class Save:
    """Save a team as mine, and maybe the share of it that may be away at once."""

    target: Target | None
    coverage: str | None


@dataclass(frozen=True)
class Subscribe:
    """Post a team's digest in a channel at a local time."""

    channel: Target
    at: str
    target: Target | None
    cadence: Cadence


@dataclass(frozen=True)
class ListDigests:
    """List the digests I set up."""


@dataclass(frozen=True)
class Unsubscribe:
    """Stop a digest: by its number in the list, or the channel (and team) it posts."""

    words: str


@dataclass(frozen=True)
class Feed:
    """A team's calendar feed (the saved team's when `target` is None): `show` it (made if
    there is none), make a `new` address, or stop it (`off`)."""

    action: str
    target: Target | None


@dataclass(frozen=True)
class Export:
    """A team's absences as a CSV (the saved team's when `target` is None) over the days
    `period` says (none: the default period)."""

    target: Target | None
    period: str


@dataclass(frozen=True)
class Unclear:
    """Words that are none of the above (or `help`); `problem` says why, if there is one."""

    problem: str


Request = Show | Save | Subscribe | ListDigests | Unsubscribe | Feed | Export | Unclear
# `/ooo team feed off` and its kin.
FEED_OFF = frozenset({"off", "stop", "revoke", "remove", "delete"})


def shortened(name: str) -> str:
    """A name as answers show it: no longer than Slack's own names may be."""
    return name if len(name) <= NAME_SHOWN else f"{name[: NAME_SHOWN - 1]}…"


def target_of(word: str) -> Target | None:
    """Read `<#C…|name>`, `<!subteam^S…|handle>`, `#name` or `@handle` (full-width signs too);
    None if it is none."""
    word = word.translate(FULL_WIDTH)
    if found := CHANNEL.match(word):
        return Target(found.group(1), f"#{found.group(2)}" if found.group(2) else word)
    if found := GROUP.match(word):
        return Target(found.group(1), f"@{found.group(2)}" if found.group(2) else word)
    if PLAIN.match(word):
        return Target(None, word.lower())
    return None


def read(text: str) -> Request:
    """Read the words after `/ooo team`."""
    words = text.split()
    head = words[0].lower() if words else ""
    if head in ("help", "?"):
        return Unclear("")
    if head in SUBCOMMANDS:
        return SUBCOMMANDS[head](words[1:])
    target = target_of(words[0]) if words else None
    if words and target is None:
        return Show(None, " ".join(words))
    return Show(target, " ".join(words[1:]))


def _save(words: list[str]) -> Request:
    rest = " ".join(words)
    coverage = COVERAGE.search(rest)
    rest = rest[: coverage.start()].strip() if coverage else rest.strip()
    target = target_of(rest) if rest else None
    if rest and target is None:
        return Unclear(
            _("“{words}” is not a channel or user group: try `/ooo team set @design`.", words=rest)
        )
    return Save(target, coverage.group(1) if coverage else None)


def _export(words: list[str]) -> Request:
    target = target_of(words[0]) if words else None
    if target is None and words and words[0].translate(FULL_WIDTH).startswith(NAMED):
        shown = escape(shortened(words[0]))
        return Unclear(_("“{words}” is not a channel or user group: try `@design`.", words=shown))
    return Export(target, " ".join(words[1:] if target else words))


def _feed(words: list[str]) -> Request:
    action = words[0].lower() if words else "show"
    if action in FEED_OFF or action == "new":
        words = words[1:]
    else:
        action = "show"
    target = target_of(words[0]) if len(words) == 1 else None
    if words and target is None:
        return Unclear(
            _(
                "“{words}” is not a channel or user group: try `/ooo team feed @design`.",
                words=" ".join(words),
            )
        )
    return Feed("off" if action in FEED_OFF else action, target)


def _digest(words: list[str]) -> Request:
    if not words:
        return Unclear(_("Say where and when: `/ooo team digest #team-leads 09:00 @design`."))
    head = words[0].lower()
    if head == "list":
        return ListDigests()
    if head in ("remove", "stop", "delete"):
        return Unsubscribe(" ".join(words[1:]))
    channel = target_of(words[0])
    if channel is None or channel.is_group or len(words) < 2:
        return Unclear(_("Name the channel, then the time: `/ooo team digest #team-leads 09:00`."))
    rest = " ".join(words[2:])
    cadence = Cadence.WEEKDAYS
    if found := WEEKLY.search(rest):
        cadence, rest = Cadence.MONDAYS, rest[: found.start()].strip()
    elif found := DAILY.search(rest):
        rest = rest[: found.start()].strip()
    target = target_of(rest) if rest else None
    if rest and target is None:
        return Unclear(_("“{words}” is not a channel or user group: try `@design`.", words=rest))
    return Subscribe(channel, words[1], target, cadence)


# `/ooo team <head> …`: what reads the words after each head.
SUBCOMMANDS: dict[str, Callable[[list[str]], Request]] = {
    "set": _save,
    "digest": _digest,
    "feed": _feed,
    "export": _export,
}
