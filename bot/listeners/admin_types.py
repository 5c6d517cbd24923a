"""`/ooo admin types …` and `/ooo admin hide on|off`: a workspace's types of absence and privacy."""

from collections.abc import Callable

from bot.blocks.mrkdwn import escape
from bot.core.leave_types import (
    HIDDEN_EMOJI,
    LeaveType,
    LeaveTypeError,
    TypeCode,
    add,
    rename,
    retire,
)
from bot.core.typed_text import as_typed, unnamed_people
from bot.listeners.slash import Slash
from bot.organisation.leave_types import Change, Refusal, Refused, change_hiding, change_types
from bot.organisation.settings import settings_of
from bot.texts import N_, _
from bot.texts.leave_types import named_by, type_label, type_refusal, worded

REFUSALS = {
    Refusal.NOT_ADMIN: N_("Only the workspace's admins and owners can change this."),
    Refusal.UNKNOWN_ASKER: N_("Slack could not tell me who you are just now. Please try again."),
}
TYPES_USAGE = N_(
    "`/ooo admin types rename <type> <new name>`, `/ooo admin types add <name> [:emoji:] "
    "[hidden]`, `/ooo admin types retire <type>`"
)
HIDE_USAGE = N_("`/ooo admin hide on` hides every reason by default, `/ooo admin hide off` not.")


def types_command(slash: Slash) -> None:
    """List the types, or rename, add or retire one."""
    verb, _space, rest = slash.words.partition(" ")
    verbs: dict[str, Callable[[Slash, str], None]] = {
        "rename": _rename,
        "add": _add,
        "retire": _retire,
    }
    if verb.lower() in verbs:
        verbs[verb.lower()](slash, _typed(slash, rest.strip()))
    elif verb:
        _say(slash, _(TYPES_USAGE))
    else:
        _list(slash)


def hide_command(slash: Slash) -> None:
    """Hide every absence's reason by default (`on`), or let types and people decide (`off`)."""
    choice = slash.words.lower()
    if choice not in ("on", "off"):
        _say(slash, _(HIDE_USAGE))
        return
    services = slash.services
    try:
        change_hiding(
            services.engine,
            slash.client,
            workspace=slash.workspace,
            user_id=slash.user_id,
            now=services.clock(),
            hide=choice == "on",
        )
    except Refused as refused:
        _say(slash, _(REFUSALS[refused.refusal]))
        return
    if choice == "on":
        _say(slash, _(":lock: Reasons are now hidden: others read only “Out of office”."))
    else:
        _say(
            slash, _("Reasons now show, unless the type (like sick leave) or the person hides it.")
        )


def _list(slash: Slash) -> None:
    settings = settings_of(slash.services.engine, slash.workspace)
    lines = [_line(t) for t in settings.leave_types]
    if settings.hide_reasons:
        lines.append(_(":lock: Reasons are hidden for everyone by default."))
    _say(slash, "\n".join([_("*Types of absence*"), *lines, _(TYPES_USAGE)]))


def _line(leave_type: LeaveType) -> str:
    notes = []
    if leave_type.hidden:
        notes.append(_("hidden by default"))
    if leave_type.retired:
        notes.append(_("retired"))
    line = f"{leave_type.emoji} {escape(type_label(leave_type))} (`{leave_type.key}`)"
    return f"{line}: {', '.join(notes)}" if notes else line


def _typed(slash: Slash, words: str) -> str:
    """The words as the admin saw them: a name is kept as text, never as Slack's markup."""
    names = slash.services.directory.display_names(
        slash.client, team_id=slash.workspace.team_id, user_ids=unnamed_people(words)
    )
    return as_typed(words, names)


def _rename(slash: Slash, words: str) -> None:
    settings = settings_of(slash.services.engine, slash.workspace)
    found, label = _split_named(settings.leave_types, words)
    if found is None:
        _refuse(slash, LeaveTypeError(TypeCode.UNKNOWN_TYPE, key=words or "?"))
        return
    key = found.key
    _change(
        slash,
        lambda types: rename(types, key, label, worded=worded(types)),
        _("Renamed: people now read “{label}”.", label=escape(" ".join(label.split()))),
    )


def _split_named(types: tuple[LeaveType, ...], words: str) -> tuple[LeaveType | None, str]:
    """The type the longest first words name (its key or label, in any language), and the rest;
    all the words naming a type leave no new name."""
    split = words.split()
    for cut in range(len(split) - 1, 0, -1):
        found = named_by(types, " ".join(split[:cut]))
        if found is not None:
            return found, " ".join(split[cut:])
    return named_by(types, words), ""


def _add(slash: Slash, words: str) -> None:
    split = words.split()
    hidden = bool(split) and split[-1].lower() == "hidden"
    split = split[:-1] if hidden else split
    emojis = [w for w in split if w.startswith(":") and w.endswith(":") and len(w) > 1]
    emoji = emojis[-1] if emojis else HIDDEN_EMOJI
    label = " ".join(w for w in split if w not in emojis)
    _change(
        slash,
        lambda types: add(types, label, emoji, hidden=hidden, worded=worded(types)),
        _("Added {emoji} “{label}”: people can choose it now.", emoji=emoji, label=escape(label)),
    )


def _retire(slash: Slash, words: str) -> None:
    settings = settings_of(slash.services.engine, slash.workspace)
    found = named_by(settings.leave_types, words)
    if found is None:
        _refuse(slash, LeaveTypeError(TypeCode.UNKNOWN_TYPE, key=words or "?"))
        return
    key, label = found.key, type_label(found)
    _change(
        slash,
        lambda types: retire(types, key),
        _("Retired “{label}”: absences that have it keep it; no new one can.", label=escape(label)),
    )


def _change(slash: Slash, change: Change, done: str) -> None:
    """Apply a change to the types and say so, or say why it was refused."""
    services = slash.services
    try:
        change_types(
            services.engine,
            slash.client,
            workspace=slash.workspace,
            user_id=slash.user_id,
            now=services.clock(),
            change=change,
        )
    except Refused as refused:
        _say(slash, _(REFUSALS[refused.refusal]))
    except LeaveTypeError as error:
        _refuse(slash, error)
    else:
        _say(slash, done)


def _refuse(slash: Slash, error: LeaveTypeError) -> None:
    """Say why a change was refused, quoting what was typed as text, never as markup."""
    quoted = {name: escape(str(value)) for name, value in error.params.items()}
    _say(slash, type_refusal(LeaveTypeError(error.code, **quoted)))


def _say(slash: Slash, text: str) -> None:
    slash.ack(text=text, response_type="ephemeral")
