"""Block Kit checks Slack applies to views and messages, as tables, with Slack-style messages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

PLAIN = ("plain_text",)
ANY_TEXT = ("plain_text", "mrkdwn")

# A text field: (field, allowed text object types, max characters, required).
TextRule = tuple[str, tuple[str, ...], int, bool]

PLACEHOLDER: list[TextRule] = [("placeholder", PLAIN, 150, False)]

BLOCK_TEXT: dict[str, list[TextRule]] = {
    "section": [("text", ANY_TEXT, 3000, False)],
    "header": [("text", PLAIN, 150, True)],
    "input": [("label", PLAIN, 2000, True), ("hint", PLAIN, 2000, False)],
    "image": [("title", PLAIN, 2000, False)],
    "context": [],
    "divider": [],
    "actions": [],
    "rich_text": [],
    "markdown": [],
    "video": [],
    "file": [],
}

ELEMENT_TEXT: dict[str, list[TextRule]] = {
    "button": [("text", PLAIN, 75, True)],
    "overflow": [],
    "checkboxes": [],
    "radio_buttons": [],
    "plain_text_input": PLACEHOLDER,
    "email_text_input": PLACEHOLDER,
    "url_text_input": PLACEHOLDER,
    "number_input": PLACEHOLDER,
    "rich_text_input": PLACEHOLDER,
    "datepicker": PLACEHOLDER,
    "timepicker": PLACEHOLDER,
    "datetimepicker": [],
    "file_input": [],
    **{
        f"{multi}{kind}_select": PLACEHOLDER
        for multi in ("", "multi_")
        for kind in ("static", "external", "users", "conversations", "channels")
    },
}

INPUT_ELEMENTS = frozenset(ELEMENT_TEXT) - {"button", "overflow"}

# Numeric or string-length ceilings on element fields: (field, max).
ELEMENT_LIMITS: dict[str, list[tuple[str, int]]] = {
    "plain_text_input": [("max_length", 3000), ("min_length", 3000), ("initial_value", 3000)],
    "button": [("value", 2000), ("url", 3000)],
}

# How many options an element may carry.
MAX_OPTIONS = {
    "static_select": 100,
    "multi_static_select": 100,
    "overflow": 5,
    "radio_buttons": 10,
    "checkboxes": 10,
}
PLAIN_OPTIONS = frozenset({"static_select", "multi_static_select", "overflow"})

VIEW_TEXT: dict[str, list[TextRule]] = {
    "modal": [
        ("title", PLAIN, 24, True),
        ("submit", PLAIN, 24, False),
        ("close", PLAIN, 24, False),
    ],
    "home": [],
}
VIEW_STRINGS = [("private_metadata", 3000), ("callback_id", 255), ("external_id", 255)]


def _error(what: str, where: str) -> str:
    return f"[ERROR] {what} [json-pointer:{where}]"


def check_text(obj: Any, types: tuple[str, ...], max_len: int, where: str) -> list[str]:
    """Problems with one text object."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return [_error("must be a text object with a `text` string", where)]
    if obj.get("type") not in types:
        return [_error(f"must be of type {' or '.join(types)}", f"{where}/type")]
    if len(obj["text"]) > max_len:
        return [_error(f"must be less than {max_len + 1} characters", f"{where}/text")]
    return []


def _check_texts(obj: dict[str, Any], rules: list[TextRule], where: str) -> list[str]:
    problems = []
    for field, types, max_len, required in rules:
        if field in obj:
            problems += check_text(obj[field], types, max_len, f"{where}/{field}")
        elif required:
            problems.append(_error("missing required field", f"{where}/{field}"))
    return problems


def elements_of(block: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """The interactive elements of a block with their JSON pointers."""
    if isinstance(block.get("accessory"), dict):
        yield f"{where}/accessory", block["accessory"]
    if isinstance(block.get("element"), dict):
        yield f"{where}/element", block["element"]
    if block.get("type") == "actions":
        for i, element in enumerate(block.get("elements") or []):
            yield f"{where}/elements/{i}", element


def _options(element: dict[str, Any]) -> list[dict[str, Any]]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options += group.get("options") or []
    return options


def _check_element(element: dict[str, Any], where: str) -> list[str]:
    kind = element.get("type")
    if kind not in ELEMENT_TEXT:
        return [_error(f"unsupported type `{kind}`", f"{where}/type")]
    problems = _check_texts(element, ELEMENT_TEXT[kind], where)
    for field, limit in ELEMENT_LIMITS.get(kind, []):
        value = element.get(field)
        size = len(value) if isinstance(value, str) else value
        if isinstance(size, int) and size > limit:
            problems.append(_error(f"must be at most {limit}", f"{where}/{field}"))
    initial, most = element.get("initial_value"), element.get("max_length")
    if isinstance(initial, str) and isinstance(most, int) and len(initial) > most:
        problems.append(_error("must be no longer than `max_length`", f"{where}/initial_value"))
    if len(element.get("action_id", "")) > 255:
        problems.append(_error("must be less than 256 characters", f"{where}/action_id"))
    if kind in MAX_OPTIONS:
        problems += _check_options(element, kind, where)
    chosen = element.get("initial_options") or [element.get("initial_option") or {}]
    for i, option in enumerate(o for o in chosen if o):
        types = PLAIN if kind in PLAIN_OPTIONS or "select" in str(kind) else ANY_TEXT
        problems += check_text(option.get("text"), types, 75, f"{where}/initial_options/{i}/text")
    return problems


def _check_options(element: dict[str, Any], kind: str, where: str) -> list[str]:
    options = _options(element)
    if not 1 <= len(options) <= MAX_OPTIONS[kind]:
        return [_error(f"must have 1 to {MAX_OPTIONS[kind]} options", f"{where}/options")]
    types = PLAIN if kind in PLAIN_OPTIONS else ANY_TEXT
    problems = []
    for i, option in enumerate(options):
        problems += check_text(option.get("text"), types, 75, f"{where}/options/{i}/text")
        if not isinstance(option.get("value"), str) or len(option["value"]) > 150:
            problems.append(
                _error("must be a string of at most 150 characters", f"{where}/options/{i}/value")
            )
    values = {option.get("value") for option in options}
    initial = element.get("initial_options") or [element.get("initial_option") or {}]
    if any(chosen and chosen.get("value") not in values for chosen in initial):
        problems.append(_error("must match one of the provided options", f"{where}/initial_option"))
    return problems


# How many parts a block may hold: (block type, field, max items).
MAX_PARTS = [("context", "elements", 10), ("section", "fields", 10), ("actions", "elements", 25)]


def _check_parts(block: dict[str, Any], at: str) -> list[str]:
    """The number of a block's elements or fields, and a context's texts (3,000 each)."""
    problems = []
    for kind, field, most in MAX_PARTS:
        parts = block.get(field) or []
        if block.get("type") == kind and len(parts) > most:
            problems.append(_error(f"must have at most {most} items", f"{at}/{field}"))
    if block.get("type") == "context":
        for j, element in enumerate(block.get("elements") or []):
            if element.get("type") in ANY_TEXT:
                problems += check_text(element, ANY_TEXT, 3000, f"{at}/elements/{j}")
    return problems


def check_blocks(blocks: Any, *, max_blocks: int, where: str = "/blocks") -> list[str]:
    """Problems with a list of blocks: count, types, ids and every element."""
    if not isinstance(blocks, list) or not all(isinstance(block, dict) for block in blocks):
        return [_error("must be a list of block objects", where)]
    if not 1 <= len(blocks) <= max_blocks:
        return [_error(f"must have between 1 and {max_blocks} items", where)]
    problems: list[str] = []
    block_ids: set[str] = set()
    action_ids: set[Any] = set()
    for i, block in enumerate(blocks):
        at = f"{where}/{i}"
        kind = block.get("type")
        if kind not in BLOCK_TEXT:
            problems.append(_error(f"unsupported type `{kind}`", f"{at}/type"))
            continue
        problems += _check_texts(block, BLOCK_TEXT[kind], at)
        block_id = block.get("block_id")
        if block_id is not None and (block_id in block_ids or len(block_id) > 255):
            problems.append(
                _error("block_id must be unique and at most 255 characters", f"{at}/block_id")
            )
        block_ids.add(block_id)
        if kind == "input" and block.get("element", {}).get("type") not in INPUT_ELEMENTS:
            problems.append(_error("must be an input element", f"{at}/element"))
        if kind == "section" and "text" not in block and "fields" not in block:
            problems.append(_error("must provide `text` or `fields`", at))
        problems += _check_parts(block, at)
        for j, field in enumerate(block.get("fields") or []):
            problems += check_text(field, ANY_TEXT, 2000, f"{at}/fields/{j}")
        for element_at, element in elements_of(block, at):
            problems += _check_element(element, element_at)
            action_id = element.get("action_id")
            if action_id is not None and action_id in action_ids:
                problems.append(_error("action_id must be unique", f"{element_at}/action_id"))
            action_ids.add(action_id)
    return problems


def check_view(view: Any) -> list[str]:
    """Problems with a modal or Home tab view payload."""
    if not isinstance(view, dict) or view.get("type") not in VIEW_TEXT:
        return [_error("must be a view of type modal or home", "/view/type")]
    problems = _check_texts(view, VIEW_TEXT[view["type"]], "/view")
    for field, limit in VIEW_STRINGS:
        if len(str(view.get(field, ""))) > limit:
            problems.append(_error(f"must be less than {limit + 1} characters", f"/view/{field}"))
    blocks = view.get("blocks")
    problems += check_blocks(blocks, max_blocks=100, where="/view/blocks")
    has_input = isinstance(blocks, list) and any(
        isinstance(b, dict) and b.get("type") == "input" for b in blocks
    )
    if view["type"] == "modal" and has_input and "submit" not in view:
        problems.append(_error("a modal with input blocks needs `submit`", "/view/submit"))
    return problems


def _generated_id(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:5]


def with_ids(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fill in block_id and action_id where missing, as Slack does when it stores blocks."""
    for i, block in enumerate(blocks):
        block.setdefault("block_id", _generated_id("block", i, block.get("type")))
        for where, element in elements_of(block):
            if element.get("type") in ELEMENT_TEXT:
                element.setdefault("action_id", _generated_id(block["block_id"], where))
    return blocks
