"""What closures look like: the confirmation before closing, the DM each member gets with
Opt out, the list of closures with End, and the sentences around them."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.core.closures import Listed, Scope
from bot.core.mentions import GROUP_MENTION, neutralize
from bot.texts import _, ngettext
from bot.texts.dates import day

CLOSE, CANCEL = "closure_close", "closure_cancel"
END, OPT_OUT = "closure_end", "closure_opt_out"
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(action_id: str, label: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def whom(scope: Scope, label: str | None) -> str:
    """Whom a closure is for, as a reader sees it."""
    if scope is Scope.EVERYONE or not label:
        return _("everyone")
    return label


def quoted(message: str) -> str:
    """A closure's message as its readers see it: user groups and `@channel` named as text,
    since a DM to each member would otherwise ping every one of them."""
    return neutralize(
        GROUP_MENTION.sub(lambda m: "@" + (m.group(2) or "group").lstrip("@"), message)
    )


def days(first: date, last: date) -> str:
    """The closure's days, both included, as the reader's locale writes them."""
    if first == last:
        return day(first)
    return _("{first} to {last}", first=day(first, last.year), last=day(last))


def confirmation(
    closure_id: int,
    *,
    scope: Scope,
    label: str | None,
    first: date,
    last: date,
    message: str,
    people: int,
) -> tuple[str, list[Block]]:
    """Whom and when, before anything happens: Close applies it, Cancel forgets it."""
    text = ngettext(
        "Close for {count} person ({whom}), {days}?",
        "Close for {count} people ({whom}), {days}?",
        people,
        whom=whom(scope, label),
        days=days(first, last),
    )
    said = _("Their message: {message}", message=quoted(message)) if message else _("No message.")
    note = _(
        "Each gets an absence of type *Office closed* in their own time zone, around the "
        "absences they already have, and a DM where they can opt out."
    )
    # Close carries the count, so "Closing for N people…" is said before they are listed again.
    buttons = [
        _button(CLOSE, _("Close"), f"{closure_id}:{people}", style="danger"),
        _button(CANCEL, _("Cancel"), str(closure_id)),
    ]
    blocks = [
        _section(f"*{text}*\n{said}"),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]},
        {"type": "actions", "elements": buttons},
    ]
    return text, blocks


def told(
    closure_id: int, *, author: str, first: date, last: date, message: str
) -> tuple[str, list[Block]]:
    """A member's DM: the office is closed for them, with Opt out."""
    text = _(
        ":office: <@{author}> closed the office {days}: you're out of office then, "
        "around the absences you already have.",
        author=author,
        days=days(first, last),
    )
    body = f"{text}\n>{quoted(message)}" if message else text
    hint = _("Working anyway? Opt out and your closure absence goes away.")
    blocks = [
        _section(body),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": hint}]},
        {"type": "actions", "elements": [_button(OPT_OUT, _("Opt out"), str(closure_id))]},
    ]
    return text, blocks


def done_text(*, whom_text: str, first: date, last: date, applied: int, skipped: int) -> str:
    """The author's DM once the closure is applied: for how many, and how many were skipped."""
    closed = ngettext(
        ":office: Closed for {count} person ({whom}), {days}.",
        ":office: Closed for {count} people ({whom}), {days}.",
        applied,
        whom=whom_text,
        days=days(first, last),
    )
    if not skipped:
        return closed
    left = ngettext(
        "{count} member was skipped: a bot, deactivated, opted out, or already away.",
        "{count} members were skipped: bots, deactivated, opted out, or already away.",
        skipped,
    )
    return f"{closed} {left}"


def closure_list(listed: Sequence[Listed], *, today: date) -> tuple[str, list[Block]]:
    """The latest closures, each with its counts, and End for one still to come or on."""
    if not listed:
        text = _("No closures yet. `/ooo admin close everyone 24 Dec to 1 Jan` closes the office.")
        return text, [_section(text)]
    text = _("Closures")
    blocks: list[Block] = [_section(f"*{text}*")]
    for closure in listed:
        counts = _(
            "{applied} applied, {opted_out} opted out, {skipped} skipped",
            applied=closure.applied,
            opted_out=closure.opted_out,
            skipped=closure.skipped,
        )
        when = days(closure.first, closure.last)
        line = f"*{closure.id}*  {whom(closure.scope, closure.label)} · {when}\n{counts}"
        if closure.ended:
            ended = _("Ended early.")
            line += f"\n_{ended}_"
        section = _section(line)
        if not closure.ended and closure.last >= today:
            section["accessory"] = _button(END, _("End"), str(closure.id))
        blocks.append(section)
    return text, blocks
