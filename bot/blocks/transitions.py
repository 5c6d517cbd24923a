"""What ooo says as a responder switches: on and reminder DMs, announcements, problems in words."""

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from bot.blocks.dialogs import EDIT_BUTTON
from bot.blocks.mrkdwn import escape
from bot.blocks.names import conversation, whose
from bot.blocks.responder_list import handle_mention
from bot.blocks.when import moment_token
from bot.core.effect_kinds import EffectKind
from bot.core.leave_types import LeaveType
from bot.core.lifecycle import SNOOZE, STATUS
from bot.core.responder_value import Responder
from bot.texts import N_, _, ngettext
from bot.texts.leave_types import type_label

END_BUTTON = "responder_end"
EXTEND_DAY, EXTEND_MORE = "responder_extend_day", "responder_extend"
# Later than this, the on DM says since when it has been on.
LATE = timedelta(minutes=1)
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(action_id: str, label: str, responder: Responder, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
        "value": str(responder.id),
    }
    if style:
        button["style"] = style
    return button


def until(responder: Responder, back: datetime | None) -> str:
    """Until when its owner is away (`back`: when they are back, a working day), as tokens."""
    if back is None:
        return _("until you turn it off")
    return _("until {moment}", moment=moment_token(back, responder.tz))


def _whose(responder: Responder) -> str:
    mention = handle_mention(responder)
    if mention:
        return _("Your responder for {mention}", mention=mention)
    return _("Your out-of-office responder")


def on_message(
    responder: Responder, *, back: datetime | None, due_since: datetime, applied_at: datetime
) -> tuple[str, list[Block]]:
    """The DM when it switches on, with End now and Edit; says since when if it is late."""
    if applied_at - due_since > LATE:
        since = moment_token(due_since, responder.tz)
        text = _(
            "{whose} has been on since {since}, {until}.",
            whose=_whose(responder),
            since=since,
            until=until(responder, back),
        )
    else:
        text = _("{whose} is on {until}.", whose=_whose(responder), until=until(responder, back))
    buttons = [
        _button(END_BUTTON, _("End now"), responder, "danger"),
        _button(EDIT_BUTTON, _("Edit"), responder),
    ]
    return text, [_section(f":palm_tree: {text}"), {"type": "actions", "elements": buttons}]


def reminder_message(responder: Responder, *, back: datetime) -> tuple[str, list[Block]]:
    """The DM on the last working day before the return: +1 day, or Extend… to pick new dates."""
    text = _("You're back {back}. Extend?", back=moment_token(back, responder.tz))
    buttons = [
        _button(EXTEND_DAY, _("+1 day"), responder, "primary"),
        _button(EXTEND_MORE, _("Extend…"), responder),
    ]
    return text, [_section(f":calendar: {text}"), {"type": "actions", "elements": buttons}]


def extended_message(responder: Responder, *, back: datetime | None) -> tuple[str, list[Block]]:
    """What the reminder becomes once extended."""
    mention = handle_mention(responder)
    if mention:
        text = _(
            "Extended: your responder for {mention} now runs {until}.",
            mention=mention,
            until=until(responder, back),
        )
    else:
        text = _(
            "Extended: your out-of-office responder now runs {until}.", until=until(responder, back)
        )
    return text, [_section(f":white_check_mark: {text}")]


def announcement(
    responder: Responder,
    names: Mapping[str, str],
    *,
    back: datetime | None,
    shown: LeaveType | None = None,
) -> str:
    """The message in an Announce-in channel when it switches on (saying why, when `shown`): it
    names, never notifies."""
    away = _("until {moment}", moment=moment_token(back, responder.tz)) if back else _("for now")
    who = whose(responder, names, unknown=_("A colleague"))
    text = _("{who} is out {back}.", who=who, back=away)
    if shown is not None:
        text = _("{who} is out {back}: {type}.", who=who, back=away, type=escape(type_label(shown)))
    backup = responder.forward_to
    if backup:
        text += _(" For anything urgent: {whom}", whom=conversation(backup, names))
    return text


PRIVATE = N_("It's a private channel I'm not in: invite @ooo there, or remove it from Announce in.")
PROBLEM_WORDS = {
    "not_in_channel": N_("I'm not a member and couldn't join."),
    "channel_not_found": PRIVATE,
    "method_not_supported_for_channel_type": PRIVATE,
    "is_archived": N_("It's archived."),
}


# What went wrong with a reply or a copy about someone else's message, by its kind: {where} is
# where they wrote, {to} who was to get it. Said alike for each message, so repeats collapse.
REPLY_PROBLEMS = {
    EffectKind.REPLY_PRIVATE: N_(
        ":warning: I couldn't send your automatic reply to someone who wrote to you in {where}: "
        "Slack said `{error}`."
    ),
    EffectKind.REPLY_FORWARD: N_(
        ":warning: I couldn't forward a copy of a message to {to}: Slack said `{error}`."
    ),
    EffectKind.REPLY_BACKUP: N_(
        ":warning: I couldn't tell {to} that someone was looking for you: Slack said `{error}`."
    ),
    EffectKind.REPLY_NUDGE: N_(
        ":warning: I couldn't remind you in {where} that your responder is still on: "
        "Slack said `{error}`."
    ),
    EffectKind.REPLY_REMIND: N_(
        ":warning: I couldn't tell {to}, who asked, that you're back: Slack said `{error}`."
    ),
    EffectKind.REPLY_DIGEST: N_(
        ":warning: I couldn't send you the digest of who wrote while you were away: "
        "Slack said `{error}`."
    ),
}


# What could not be done, by kind, when Slack failed until the effect's deadline passed.
GAVE_UP = "gave_up:"
UNDONE: dict[str, str] = {
    EffectKind.REPLY_PRIVATE: N_(
        "send your automatic reply to someone who wrote to you in {where}"
    ),
    EffectKind.REPLY_FORWARD: N_("forward a copy of a message to {to}"),
    EffectKind.REPLY_BACKUP: N_("tell {to} that someone was looking for you"),
    EffectKind.REPLY_NUDGE: N_("remind you in {where} that your responder is still on"),
    EffectKind.REPLY_REMIND: N_("tell {to}, who asked, that you're back"),
    EffectKind.REPLY_DIGEST: N_("send you the digest of who wrote while you were away"),
    EffectKind.RESPONDER_ANNOUNCE: N_("announce it in {where}"),
    EffectKind.STATUS_SET: N_("set your Slack status"),
    EffectKind.STATUS_REFRESH: N_("set your Slack status"),
    EffectKind.STATUS_RESTORE: N_("put your Slack status back"),
    EffectKind.SNOOZE_START: N_("pause your notifications"),
    EffectKind.SNOOZE_RENEW: N_("pause your notifications"),
    EffectKind.SNOOZE_END: N_("turn your notifications back on"),
}


def _mention(conversation: str | None) -> str:
    """A person, a channel, or a direct message (whose id renders as nothing readable)."""
    if not conversation:
        return _("that conversation")
    if conversation[:1] in ("U", "W"):
        return f"<@{conversation}>"
    if conversation[:1] == "D":
        return _("a direct message")
    return f"<#{conversation}>"


def collapsed(problems: list[str]) -> list[str]:
    """The same problem once, saying how many times, in the order each last happened."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem] = counts.pop(problem, 0) + 1
    return [
        p
        if n == 1
        else ngettext("{problem} ({count} time)", "{problem} ({count} times)", n, problem=p)
        for p, n in counts.items()
    ]


def problem_text(
    kind: str, error: str, channel: str | None, to: str | None = None, *, tried_days: int = 1
) -> str:
    """Say in plain words what could not be done; `to` is who a reply or copy was for, and
    `tried_days` how long an effect of this kind is retried before it is given up."""
    if error.startswith(GAVE_UP):
        template = UNDONE.get(kind, N_("send you a message about it"))
        what = _(template, where=_mention(channel), to=_mention(to))
        return ngettext(
            ":warning: Slack was unavailable for a day, so I gave up: I couldn't {what}.",
            ":warning: Slack was unavailable for {count} days, so I gave up: I couldn't {what}.",
            tried_days,
            what=what,
        )
    if kind in REPLY_PROBLEMS:
        template = REPLY_PROBLEMS[EffectKind(kind)]
        return _(template, where=_mention(channel), to=_mention(to), error=error)
    where = f"<#{channel}>" if channel else _("that conversation")
    if kind in (*STATUS, *SNOOZE):
        what = _("set your Slack status") if "status" in kind else _("pause your notifications")
        if error == "not_connected":
            return _(
                ":warning: I didn't {what}: connect your account on this tab first.", what=what
            )
        return _(":warning: I couldn't {what}: Slack said `{error}`.", what=what, error=error)
    if kind == EffectKind.RESPONDER_ANNOUNCE:
        known = PROBLEM_WORDS.get(error)
        reason = _(known) if known else _("Slack said `{error}`.", error=error)
        return _(
            ":warning: I couldn't announce it in {where}. {reason}", where=where, reason=reason
        )
    return _(":warning: I couldn't send you a message about it: Slack said `{error}`.", error=error)
