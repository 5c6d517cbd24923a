"""The New/Edit responder modal as Block Kit, built from a Form and its Meta."""

from datetime import date, time
from typing import Any

from bot.blocks.account import FEATURES, UNAVAILABLE, AccountView, connect_button
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
    KIND,
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
from bot.core.responder import ANNOUNCE_MAX, MESSAGE_MAX, Again, Kind

KIND_LABELS = {Kind.PERSONAL: "For me", Kind.SHARED: "For a group or channel"}
AGAIN_LABELS = {
    Again.HOUR: "1 hour",
    Again.DAY: "1 day",
    Again.THREE_DAYS: "3 days",
    Again.ABSENCE: "Once per absence",
}
VARIABLES_HINT = (
    "What people who mention you get. {name}, {return_date} and {backup} are filled in."
)
Block = dict[str, Any]


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
    return {"text": _text(label), "value": value}


def _with_initial(element: Block, key: str, value: object) -> Block:
    if value not in (None, "", []):
        element[key] = value
    return element


def build_modal(form: Form, meta: Meta) -> Block:
    """Build the modal for a form and what it remembers."""
    kinds = [_option(kind.value, label) for kind, label in KIND_LABELS.items()]
    blocks: list[Block] = [
        _input(
            KIND,
            meta,
            "Type",
            {
                "type": "radio_buttons",
                "options": kinds,
                "initial_option": _option(form.kind.value, KIND_LABELS[form.kind]),
            },
            dispatch_action=True,
        )
    ]
    if form.kind is Kind.SHARED:
        blocks.append(_target_block(form, meta))
    blocks += _when_blocks(form, meta)
    blocks += _message_blocks(form, meta)
    blocks += _switching_blocks(form, meta)
    title = "Edit responder" if meta.responder_id else "New responder"
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _text(title),
        "submit": _text("Save"),
        "close": _text("Cancel"),
        "private_metadata": meta.dump(),
        "blocks": blocks,
    }


def _target_block(form: Form, meta: Meta) -> Block:
    element: Block = {
        "type": "external_select",
        "placeholder": _text("A user group or a channel"),
        "min_query_length": 0,
    }
    if form.target_id:
        label = form.target_label or form.target_id
        element["initial_option"] = _option(form.target_id, label)
    return _input(
        TARGET,
        meta,
        "Answers for",
        element,
        hint=_text("Like an email alias: a user group handle such as @support, or a channel."),
    )


def _when_blocks(form: Form, meta: Meta) -> list[Block]:
    when = {
        "type": "plain_text_input",
        "placeholder": _text("e.g. from Monday to the 15th"),
        "max_length": PHRASE_MAX,
        "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
    }
    hint = "Type your dates in your own words and press Enter, or use the pickers."
    blocks = [
        _input(
            WHEN,
            meta,
            "When",
            _with_initial(when, "initial_value", form.when),
            optional=True,
            dispatch_action=True,
            hint=_text(hint),
        )
    ]
    if meta.tz_guessed:
        note = (
            f":warning: Slack could not tell me your time zone just now, so dates are read in "
            f"{meta.tz}. Open the form again later to use your own zone."
        )
        blocks.append({"type": "context", "elements": [_text(note, "mrkdwn")]})
    if meta.preview:
        blocks.append({"type": "context", "elements": [_text(meta.preview, "mrkdwn")]})
    return [
        *blocks,
        _picker(START_DATE, meta, "First day", form.start_date),
        _picker(START_TIME, meta, "Starting at", form.start_time, "Empty: from midnight, or now."),
        _picker(END_DATE, meta, "Last day", form.end_date),
        _picker(END_TIME, meta, "Back at, on the last day", form.end_time, "Empty: all day."),
        # Ticking it previews the dates at once.
        _boxes(PERMANENT, meta, "No end date", [(PERMANENT, "Until I turn it off", form.permanent)])
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
    element = _with_initial(element, "initial_value", value)
    return _input(name, meta, label, element, optional=optional, hint=_text(hint))


def _message_blocks(form: Form, meta: Meta) -> list[Block]:
    external_hint = "Slack Connect senders get this one instead of the message above."
    return [
        _text_area(MESSAGE, meta, "Message", form.message, VARIABLES_HINT, False),
        _backup_block(form, meta),
        _again_block(form, meta),
        _handling(form, meta),
        *_forward_blocks(form, meta),
        _text_area(
            EXTERNAL,
            meta,
            "Message for people outside the organization",
            form.external_message,
            external_hint,
            True,
        ),
    ]


def _backup_block(form: Form, meta: Meta) -> Block:
    """Who people can turn to instead: named in the reply, with a button that notifies them."""
    element = _with_initial({"type": "users_select"}, "initial_user", form.backup_id)
    element["placeholder"] = _text("A colleague")
    hint = "The reply offers a button that lets the sender notify them."
    return _input(BACKUP, meta, "Who to contact instead", element, optional=True, hint=_text(hint))


def _again_block(form: Form, meta: Meta) -> Block:
    """How long one person's reply covers their next messages."""
    options = [_option(again.value, label) for again, label in AGAIN_LABELS.items()]
    element = {
        "type": "static_select",
        "options": options,
        "initial_option": _option(form.again.value, AGAIN_LABELS[form.again]),
    }
    hint = "Until then, more messages from the same person get no second reply."
    return _input(AGAIN, meta, "Answer the same person again after", element, hint=_text(hint))


def _forward_blocks(form: Form, meta: Meta) -> list[Block]:
    """A person, or a public channel: ooo's bot can't post in DMs, group DMs or other orgs'.

    Private channels are left out because the bot may not read them (no `groups:read`), so a
    submitted one could not be checked.
    """
    person = {"type": "users_select", "placeholder": _text("A person")}
    channel = {
        "type": "conversations_select",
        "placeholder": _text("A channel ooo is in"),
        "filter": {"include": ["public"], "exclude_external_shared_channels": True},
    }
    required = " One of the two is required." if form.kind is Kind.SHARED else ""
    return [
        _input(
            FORWARD,
            meta,
            "Forward a copy to someone",
            _with_initial(person, "initial_user", form.forward_person),
            optional=True,
            hint=_text("Where copies of what arrives go." + required),
        ),
        _input(
            FORWARD_CHANNEL,
            meta,
            "…or to a channel",
            _with_initial(channel, "initial_conversation", form.forward_channel),
            optional=True,
            hint=_text("Invite @ooo to the channel first, so it can post there."),
        ),
    ]


def _switching_blocks(form: Form, meta: Meta) -> list[Block]:
    """Who hears about it when it switches on and off."""
    channels = {
        "type": "multi_conversations_select",
        "placeholder": _text("Up to 3 channels"),
        "filter": {"include": ["public", "private"]},
        "max_selected_items": ANNOUNCE_MAX,
    }
    hint = "When it switches on, each gets who is out until when, and who to ask instead."
    return [
        _input(
            ANNOUNCE,
            meta,
            "Announce in",
            _with_initial(channels, "initial_conversations", list(form.announce_in)),
            optional=True,
            hint=_text(hint),
        ),
        _while_away(form, meta),
        *_account_blocks(form, meta),
    ]


def _handling(form: Form, meta: Meta) -> Block:
    """What becomes of what arrives: the digest, and (connected) how DMs are answered."""
    choices = [(DIGEST, "Keep a digest for my return", form.keep_digest)]
    if meta.connected and form.kind is Kind.PERSONAL:
        label = "Answer direct messages in the conversation, as me"
        choices.append((REPLY_AS_ME, label, form.reply_as_me))
    return _boxes(HANDLING, meta, "While I'm away", choices)


def _while_away(form: Form, meta: Meta) -> Block:
    """What ooo does for the owner: DMs, and (with their account connected) status and snooze,
    for their own absence only: a group's or channel's responder leaves them as they are."""
    choices = [(NOTIFY_SELF, "DM me when it switches on and off", form.notify_self)]
    if meta.connected and form.kind is Kind.PERSONAL:
        choices += [
            (SET_STATUS, "Set my Slack status", form.set_status),
            (PAUSE, "Pause my notifications", form.pause_notifications),
        ]
    return _boxes(NOTIFY, meta, "Notifications for myself", choices)


def _boxes(name: str, meta: Meta, label: str, choices: list[tuple[str, str, bool]]) -> Block:
    """Optional checkboxes, each given as its value, its label and whether it is ticked."""
    boxes = [_option(value, text) for value, text, _ in choices]
    checked = [box for box, (_, _, on) in zip(boxes, choices, strict=True) if on]
    element = _with_initial({"type": "checkboxes", "options": boxes}, "initial_options", checked)
    return _input(name, meta, label, element, optional=True)


def _account_blocks(form: Form, meta: Meta) -> list[Block]:
    """Without a connected account, for one's own absence: the link, or why there is none."""
    if meta.connected or form.kind is not Kind.PERSONAL:
        return []
    if not meta.connect_url:
        return [{"type": "context", "elements": [_text(UNAVAILABLE, "mrkdwn")]}]
    button = connect_button(AccountView(available=True, connect_url=meta.connect_url))
    text = "\n".join(FEATURES)
    return [{"type": "section", "text": _text(text, "mrkdwn"), "accessory": button}]
