"""The New/Edit responder modal: its ids, its builder and the reader of its state."""

import json
from dataclasses import asdict, dataclass, replace
from datetime import date, time
from typing import Any

from bot.core.responder import MESSAGE_MAX, Field, Kind

CALLBACK_ID = "responder_modal"
KIND, TARGET, WHEN = "kind", "target", "when"
START_DATE, START_TIME, END_DATE, END_TIME, PERMANENT = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "permanent",
)
MESSAGE, HANDLING, FORWARD, EXTERNAL = "message", "handling", "forward_to", "external_message"
DIGEST = "digest"
BLOCK_OF_FIELD = {
    Field.KIND: KIND,
    Field.TARGET: TARGET,
    Field.WHEN: WHEN,
    Field.START: START_DATE,
    Field.END: END_DATE,
    Field.MESSAGE: MESSAGE,
    Field.FORWARD: FORWARD,
    Field.EXTERNAL: EXTERNAL,
}
KIND_LABELS = {Kind.PERSONAL: "For me", Kind.SHARED: "For a group or channel"}
Block = dict[str, Any]


@dataclass(frozen=True)
class Form:
    """What the modal currently shows: the values a person sees and edits."""

    kind: Kind = Kind.PERSONAL
    target_id: str | None = None
    target_label: str | None = None
    when: str = ""
    start_date: date | None = None
    start_time: time | None = None
    end_date: date | None = None
    end_time: time | None = None
    permanent: bool = False
    message: str = ""
    keep_digest: bool = True
    forward_to: str | None = None
    external_message: str = ""


@dataclass(frozen=True)
class Meta:
    """What the modal remembers between updates, in `private_metadata`."""

    tz: str
    locale: str
    responder_id: int | None = None
    version: int = 0
    applied: str = ""
    suggested: str = ""
    preview: str = ""
    origin: str | None = None

    def dump(self) -> str:
        """Serialise for `private_metadata`."""
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def load(cls, raw: str) -> "Meta":
        """Read back what `dump` wrote."""
        return cls(**json.loads(raw))


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
    when = _with_initial(
        {
            "type": "plain_text_input",
            "placeholder": _text("e.g. from Monday to the 15th"),
            "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
        },
        "initial_value",
        form.when,
    )
    blocks = [
        _input(
            WHEN,
            meta,
            "When",
            when,
            optional=True,
            dispatch_action=True,
            hint=_text("Type your dates in your own words and press Enter, or use the pickers."),
        )
    ]
    if meta.preview:
        blocks.append({"type": "context", "elements": [_text(meta.preview, "mrkdwn")]})
    pickers = [
        (START_DATE, "First day", "datepicker", "initial_date", form.start_date, False),
        (START_TIME, "Starting at", "timepicker", "initial_time", form.start_time, True),
        (END_DATE, "Last day", "datepicker", "initial_date", form.end_date, True),
        (END_TIME, "Back at", "timepicker", "initial_time", form.end_time, True),
    ]
    for name, label, kind, key, value, optional in pickers:
        shown = value.strftime("%H:%M") if isinstance(value, time) else value
        shown = shown.isoformat() if isinstance(shown, date) else shown
        element = _with_initial({"type": kind}, key, shown)
        blocks.append(_input(name, meta, label, element, optional=optional))
    until_off = _option(PERMANENT, "Until I turn it off")
    blocks.append(
        _input(
            PERMANENT,
            meta,
            "No end date",
            _with_initial(
                {"type": "checkboxes", "options": [until_off]},
                "initial_options",
                [until_off] if form.permanent else [],
            ),
            optional=True,
        )
    )
    return blocks


def _message_blocks(form: Form, meta: Meta) -> list[Block]:
    message = _with_initial(
        {"type": "plain_text_input", "multiline": True, "max_length": MESSAGE_MAX},
        "initial_value",
        form.message,
    )
    digest = _option(DIGEST, "Keep a digest for my return")
    handling = _with_initial(
        {"type": "checkboxes", "options": [digest]},
        "initial_options",
        [digest] if form.keep_digest else [],
    )
    forward = _with_initial(
        {
            "type": "conversations_select",
            "placeholder": _text("A person or a channel"),
            "filter": {"include": ["public", "private", "im"], "exclude_bot_users": True},
        },
        "initial_conversation",
        form.forward_to,
    )
    external = _with_initial(
        {"type": "plain_text_input", "multiline": True, "max_length": MESSAGE_MAX},
        "initial_value",
        form.external_message,
    )
    forward_required = form.kind is Kind.SHARED
    return [
        _input(MESSAGE, meta, "Message", message, hint=_text("What people who write will get.")),
        _input(HANDLING, meta, "While I'm away", handling, optional=True),
        _input(
            FORWARD,
            meta,
            "Forward a copy to",
            forward,
            optional=not forward_required,
            hint=_text(
                "Where copies of what arrives go" + (", required." if forward_required else ".")
            ),
        ),
        _input(
            EXTERNAL,
            meta,
            "Message for people outside the organization",
            external,
            optional=True,
            hint=_text("Slack Connect senders get this one instead of the message above."),
        ),
    ]


def read_form(values: dict[str, dict[str, Any]]) -> Form:
    """Read a form back from a view's `state.values`."""
    state = {block_id.split(".")[0]: element for block_id, element in values.items()}

    def element(name: str) -> dict[str, Any]:
        return dict(state.get(name, {}).get(name) or {})

    def text(name: str) -> str:
        return str(element(name).get("value") or "")

    def chosen(name: str) -> set[str]:
        return {option["value"] for option in element(name).get("selected_options") or []}

    kind = (element(KIND).get("selected_option") or {}).get("value", Kind.PERSONAL.value)
    target = element(TARGET).get("selected_option") or {}
    return Form(
        kind=Kind(kind),
        target_id=target.get("value"),
        target_label=(target.get("text") or {}).get("text"),
        when=text(WHEN).strip(),
        start_date=_day(element(START_DATE).get("selected_date")),
        start_time=_clock(element(START_TIME).get("selected_time")),
        end_date=_day(element(END_DATE).get("selected_date")),
        end_time=_clock(element(END_TIME).get("selected_time")),
        permanent=PERMANENT in chosen(PERMANENT),
        message=text(MESSAGE),
        keep_digest=DIGEST in chosen(HANDLING),
        forward_to=element(FORWARD).get("selected_conversation"),
        external_message=text(EXTERNAL).strip(),
    )


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def _clock(raw: str | None) -> time | None:
    return time.fromisoformat(raw) if raw else None


def field_errors(errors: dict[Field, str], meta: Meta) -> dict[str, str]:
    """Map domain errors to this modal's current block ids."""
    return {f"{BLOCK_OF_FIELD[name]}.{meta.version}": text for name, text in errors.items()}


def bump(meta: Meta, **changes: Any) -> Meta:
    """Return the metadata for the next rebuild of the modal."""
    return replace(meta, version=meta.version + 1, **changes)
