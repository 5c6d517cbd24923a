"""The New/Edit responder modal as Block Kit, built from a Form and its Meta."""

from datetime import date, time
from typing import Any

from bot.blocks.account import FEATURES, UNAVAILABLE, AccountView, connect_button
from bot.blocks.behalf_form import for_whom_blocks
from bot.blocks.responder_form import (
    AGAIN,
    ANNOUNCE,
    BACKUP,
    CALLBACK_ID,
    DIGEST,
    END_DATE,
    END_TIME,
    EXTERNAL,
    FORWARD,
    FORWARD_CHANNEL,
    HANDLING,
    HIDE,
    KIND,
    LEAVE_TYPE,
    MESSAGE,
    NOTIFY,
    NOTIFY_SELF,
    PAUSE,
    PERMANENT,
    REPLY_AS_ME,
    SET_STATUS,
    START_DATE,
    START_TIME,
    TARGET,
    WHEN,
    Form,
    Meta,
)
from bot.core.dates import PHRASE_MAX
from bot.core.leave_types import LeaveType
from bot.core.responder import ANNOUNCE_MAX, MESSAGE_MAX, Again, Kind
from bot.texts import N_, _, pgettext
from bot.texts.leave_types import type_label

KIND_LABELS = {Kind.PERSONAL: N_("For me"), Kind.SHARED: N_("For a group or channel")}
AGAIN_LABELS = {
    Again.HOUR: N_("1 hour"),
    Again.DAY: N_("1 day"),
    Again.THREE_DAYS: N_("3 days"),
    Again.ABSENCE: N_("Once per absence"),
}
VARIABLES_HINT = N_(
    "What people who mention you get. {name}, {return_date} and {backup} are filled in."
)
Block = dict[str, Any]
# Slack refuses a longer option text (a channel's name alone may have 80 characters).
OPTION_MAX = 75


def _text(value: str, kind: str = "plain_text") -> Block:
    return {"type": kind, "text": value}


def _input(name: str, meta: Meta, label: str, element: Block, **extra: Any) -> Block:
    """An input block whose id changes with each rebuild, so Slack shows the new initial value."""
    element["action_id"] = name
    return {
        "type": "input",
        "block_id": f"{name}.{meta.version}",
        "label": _text(label),
        "element": element,
        **extra,
    }


def _option(value: str, label: str) -> Block:
    return {"text": _text(label[:OPTION_MAX]), "value": value}


def _with_initial(element: Block, key: str, value: object) -> Block:
    if value not in (None, "", []):
        element[key] = value
    return element


def build_modal(form: Form, meta: Meta, types: tuple[LeaveType, ...]) -> Block:
    """Build the modal for a form and what it remembers; `types` are those it offers."""
    kinds = [_option(kind.value, _(label)) for kind, label in KIND_LABELS.items()]
    # Someone else's absence is their own: no group or channel to choose.
    blocks: list[Block] = [*for_whom_blocks(meta)]
    blocks += (
        []
        if meta.for_user
        else [
            _input(
                KIND,
                meta,
                _("Type"),
                {
                    "type": "radio_buttons",
                    "options": kinds,
                    "initial_option": _option(form.kind.value, _(KIND_LABELS[form.kind])),
                },
                dispatch_action=True,
            )
        ]
    )
    if form.kind is Kind.SHARED:
        blocks.append(_target_block(form, meta))
    else:
        blocks += _type_blocks(form, meta, types)
    blocks += _when_blocks(form, meta)
    blocks += _message_blocks(form, meta)
    blocks += _switching_blocks(form, meta)
    title = _("Edit responder") if meta.responder_id else _("New responder")
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _text(title),
        "submit": _text(_("Save")),
        "close": _text(_("Cancel")),
        "private_metadata": meta.dump(),
        "blocks": blocks,
    }


def _type_blocks(form: Form, meta: Meta, types: tuple[LeaveType, ...]) -> list[Block]:
    """The kind of absence (choosing one suggests its message) and whether others may know it.

    An absence without a type (from a calendar, or older than types) shows none: it says only
    "out of office" until its owner picks one.
    """
    options = [_option(t.key, f"{t.emoji} {type_label(t)}") for t in types]
    element: Block = {"type": "static_select", "options": options}
    chosen = [o for o, t in zip(options, types, strict=True) if t.key == form.leave_type]
    if chosen:
        element["initial_option"] = chosen[0]
    else:
        element["placeholder"] = _text(_("Out of office"))
    hint = _("Others see only “Out of office”: in your status, replies, announcements and teams.")
    return [
        _input(
            LEAVE_TYPE, meta, _("Type of absence"), element, optional=True, dispatch_action=True
        ),
        _boxes(HIDE, meta, _("Privacy"), [(HIDE, _("Hide the reason"), bool(form.hide_reason))])
        | {"hint": _text(hint), "dispatch_action": True},
    ]


def _target_block(form: Form, meta: Meta) -> Block:
    element: Block = {
        "type": "external_select",
        "placeholder": _text(_("A user group or a channel")),
        "min_query_length": 0,
    }
    if form.target_id:
        label = form.target_label or form.target_id
        element["initial_option"] = _option(form.target_id, label)
    return _input(
        TARGET,
        meta,
        _("Answers for"),
        element,
        hint=_text(_("Like an email alias: a user group handle such as @support, or a channel.")),
    )


def _when_blocks(form: Form, meta: Meta) -> list[Block]:
    when = {
        "type": "plain_text_input",
        "placeholder": _text(_("e.g. from Monday to the 15th")),
        "max_length": PHRASE_MAX,
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
    }
    hint = _("Type your dates in your own words and press Enter, or use the pickers.")
    blocks = [
        _input(
            WHEN,
            meta,
            _("When"),
            # Slack refuses a longer initial value; the preview says the words are too long.
            _with_initial(when, "initial_value", form.when[:PHRASE_MAX]),
            optional=True,
            dispatch_action=True,
            hint=_text(hint),
        )
    ]
    if meta.tz_guessed:
        note = _(
            ":warning: Slack could not tell me your time zone just now, so dates are read in "
            "{zone}. Open the form again later to use your own zone.",
            zone=meta.tz,
        )
        blocks.append({"type": "context", "elements": [_text(note, "mrkdwn")]})
    if meta.preview:
        blocks.append({"type": "context", "elements": [_text(meta.preview, "mrkdwn")]})
    return [
        *blocks,
        _picker(START_DATE, meta, _("First day"), form.start_date),
        _picker(
            START_TIME,
            meta,
            _("Starting at"),
            form.start_time,
            _("Empty: from midnight, or now."),
        ),
        _picker(END_DATE, meta, _("Last day"), form.end_date),
        _picker(END_TIME, meta, _("Back at, on the last day"), form.end_time, _("Empty: all day.")),
        # Ticking it previews the dates at once.
        _boxes(
            PERMANENT,
            meta,
            _("No end date"),
            [(PERMANENT, _("Until I turn it off"), form.permanent)],
        )
        | {"dispatch_action": True},
    ]


def _picker(name: str, meta: Meta, label: str, value: date | time | None, hint: str = "") -> Block:
    """A date or time picker that previews the dates as soon as it changes."""
    if name in (START_TIME, END_TIME):
        shown = f"{value:%H:%M}" if value else None
        element = _with_initial({"type": "timepicker"}, "initial_time", shown)
    else:
        element = _with_initial({"type": "datepicker"}, "initial_date", value and value.isoformat())
    extra = {"hint": _text(hint)} if hint else {}
    optional = name != START_DATE
    return _input(name, meta, label, element, optional=optional, dispatch_action=True, **extra)


def _text_area(name: str, meta: Meta, label: str, value: str, hint: str, optional: bool) -> Block:
    element = {"type": "plain_text_input", "multiline": True, "max_length": MESSAGE_MAX}
    element = _with_initial(element, "initial_value", value[:MESSAGE_MAX])
    return _input(name, meta, label, element, optional=optional, hint=_text(hint))


def _message_blocks(form: Form, meta: Meta) -> list[Block]:
    external_hint = _("Slack Connect senders get this one instead of the message above.")
    return [
        # Left empty, one's own absence gets its type's message.
        _text_area(
            MESSAGE, meta, _("Message"), form.message, _(VARIABLES_HINT), form.kind is Kind.PERSONAL
        ),
        _backup_block(form, meta),
        _again_block(form, meta),
        _handling(form, meta),
        *_forward_blocks(form, meta),
        _text_area(
            EXTERNAL,
            meta,
            _("Message for people outside the organization"),
            form.external_message,
            external_hint,
            True,
        ),
    ]


def _backup_block(form: Form, meta: Meta) -> Block:
    """Who people can turn to instead: named in the reply, with a button that notifies them."""
    element = _with_initial({"type": "users_select"}, "initial_user", form.backup_id)
    element["placeholder"] = _text(_("A colleague"))
    hint = _("The reply offers a button that lets the sender notify them.")
    label = _("Who to contact instead")
    return _input(BACKUP, meta, label, element, optional=True, hint=_text(hint))


def _again_block(form: Form, meta: Meta) -> Block:
    """How long one person's reply covers their next messages."""
    options = [_option(again.value, _(label)) for again, label in AGAIN_LABELS.items()]
    element = {
        "type": "static_select",
        "options": options,
        "initial_option": _option(form.again.value, _(AGAIN_LABELS[form.again])),
    }
    hint = _("Until then, more messages from the same person get no second reply.")
    label = _("Answer the same person again after")
    return _input(AGAIN, meta, label, element, hint=_text(hint))


def _forward_blocks(form: Form, meta: Meta) -> list[Block]:
    """A person, or a public channel: ooo's bot can't post in DMs, group DMs or other orgs'.

    Private channels are left out because the bot may not read them (no `groups:read`), so a
    submitted one could not be checked.
    """
    person = {
        "type": "users_select",
        "placeholder": _text(pgettext("placeholder of a people picker", "A person")),
    }
    channel = {
        "type": "conversations_select",
        "placeholder": _text(_("A channel ooo is in")),
        "filter": {"include": ["public"], "exclude_external_shared_channels": True},
    }
    where = _("Where copies of what arrives go.")
    if form.kind is Kind.SHARED:
        where = _("Where copies of what arrives go. One of the two is required.")
    return [
        _input(
            FORWARD,
            meta,
            _("Forward a copy to someone"),
            _with_initial(person, "initial_user", form.forward_person),
            optional=True,
            hint=_text(where),
        ),
        _input(
            FORWARD_CHANNEL,
            meta,
            _("…or to a channel"),
            _with_initial(channel, "initial_conversation", form.forward_channel),
            optional=True,
            hint=_text(_("Invite @ooo to the channel first, so it can post there.")),
        ),
    ]


def _switching_blocks(form: Form, meta: Meta) -> list[Block]:
    """Who hears about it when it switches on and off."""
    channels = {
        "type": "multi_conversations_select",
        "placeholder": _text(_("Up to 3 channels")),
        "filter": {"include": ["public", "private"]},
        "max_selected_items": ANNOUNCE_MAX,
    }
    hint = _("When it switches on, each gets who is out until when, and who to ask instead.")
    return [
        _input(
            ANNOUNCE,
            meta,
            _("Announce in"),
            _with_initial(channels, "initial_conversations", list(form.announce_in)),
            optional=True,
            hint=_text(hint),
        ),
        _while_away(form, meta),
        *_account_blocks(form, meta),
    ]


def _handling(form: Form, meta: Meta) -> Block:
    """What becomes of what arrives: the digest, and (connected) how DMs are answered."""
    choices = [(DIGEST, _("Keep a digest for my return"), form.keep_digest)]
    if meta.connected and form.kind is Kind.PERSONAL:
        label = _("Answer direct messages in the conversation, as me")
        choices.append((REPLY_AS_ME, label, form.reply_as_me))
    return _boxes(HANDLING, meta, _("While I'm away"), choices)


def _while_away(form: Form, meta: Meta) -> Block:
    """What ooo does for the owner: DMs, and (with their account connected) status and snooze,
    for their own absence only: a group's or channel's responder leaves them as they are."""
    choices = [(NOTIFY_SELF, _("DM me when it switches on and off"), form.notify_self)]
    if meta.connected and form.kind is Kind.PERSONAL:
        choices += [
            (SET_STATUS, _("Set my Slack status"), form.set_status),
            (PAUSE, _("Pause my notifications"), form.pause_notifications),
        ]
    return _boxes(NOTIFY, meta, _("Notifications for myself"), choices)


def _boxes(name: str, meta: Meta, label: str, choices: list[tuple[str, str, bool]]) -> Block:
    """Optional checkboxes, each given as its value, its label and whether it is ticked."""
    boxes = [_option(value, text) for value, text, _ticked in choices]
    checked = [box for box, (*_named, on) in zip(boxes, choices, strict=True) if on]
    element = _with_initial({"type": "checkboxes", "options": boxes}, "initial_options", checked)
    return _input(name, meta, label, element, optional=True)


def _account_blocks(form: Form, meta: Meta) -> list[Block]:
    """Without a connected account, for one's own absence: the link, or why there is none.
    Never for someone else's: the link would connect the account of whoever clicks it."""
    if meta.connected or form.kind is not Kind.PERSONAL or meta.for_user:
        return []
    if not meta.connect_url:
        return [{"type": "context", "elements": [_text(_(UNAVAILABLE), "mrkdwn")]}]
    button = connect_button(AccountView(available=True, connect_url=meta.connect_url))
    text = "\n".join(_(feature) for feature in FEATURES)
    return [{"type": "section", "text": _text(text, "mrkdwn"), "accessory": button}]
