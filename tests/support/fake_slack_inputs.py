"""What Slack reports for input elements: `view.state.values` and the values in actions."""

from __future__ import annotations

from typing import Any

from tests.support.fake_slack_blocks import elements_of

OPTION, OPTIONS, SCALAR = "option", "options", "scalar"

# How each input element reports itself in view.state: (state key, initial-value key, kind).
STATE_FIELDS: dict[str, tuple[str, str, str]] = {
    "plain_text_input": ("value", "initial_value", SCALAR),
    "email_text_input": ("value", "initial_value", SCALAR),
    "url_text_input": ("value", "initial_value", SCALAR),
    "number_input": ("value", "initial_value", SCALAR),
    "datepicker": ("selected_date", "initial_date", SCALAR),
    "timepicker": ("selected_time", "initial_time", SCALAR),
    "datetimepicker": ("selected_date_time", "initial_date_time", SCALAR),
    "radio_buttons": ("selected_option", "initial_option", OPTION),
    "static_select": ("selected_option", "initial_option", OPTION),
    "external_select": ("selected_option", "initial_option", OPTION),
    "overflow": ("selected_option", "initial_option", OPTION),
    "checkboxes": ("selected_options", "initial_options", OPTIONS),
    "multi_static_select": ("selected_options", "initial_options", OPTIONS),
    "multi_external_select": ("selected_options", "initial_options", OPTIONS),
    "users_select": ("selected_user", "initial_user", SCALAR),
    "multi_users_select": ("selected_users", "initial_users", SCALAR),
    "conversations_select": ("selected_conversation", "initial_conversation", SCALAR),
    "multi_conversations_select": ("selected_conversations", "initial_conversations", SCALAR),
    "channels_select": ("selected_channel", "initial_channel", SCALAR),
    "multi_channels_select": ("selected_channels", "initial_channels", SCALAR),
}


def _option(element: dict[str, Any], given: str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(given, dict):
        return given
    if element["type"].endswith("external_select"):
        return {"text": {"type": "plain_text", "text": given}, "value": given}
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options += group["options"]
    found: list[dict[str, Any]] = [option for option in options if option["value"] == given]
    assert found, f"{element['action_id']} has no option {given!r}"
    return found[0]


def element_value(element: dict[str, Any], given: Any = None, *, use_initial: bool = True) -> Any:
    """What Slack reports for an element: `given` (an option's value for selects) or its initial."""
    _, initial_key, kind = STATE_FIELDS[element["type"]]
    if given is None and use_initial:
        given = element.get(initial_key)
    if kind == OPTION:
        return None if given is None else _option(element, given)
    if kind == OPTIONS:
        return [_option(element, one) for one in given or []]
    multi = element["type"].startswith("multi_")
    return ([] if multi else None) if given is None else given


def view_state(view: dict[str, Any], inputs: dict[str, Any] | None = None) -> dict[str, Any]:
    """`view.state` as Slack sends it: every input element's value, overridden by action_id."""
    inputs = dict(inputs or {})
    values: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks", []):
        element = block.get("element") if block["type"] == "input" else None
        if not element or element["type"] not in STATE_FIELDS:
            continue
        action_id = element["action_id"]
        overridden = action_id in inputs
        given = inputs.pop(action_id, None)
        key = STATE_FIELDS[element["type"]][0]
        value = element_value(element, given, use_initial=not overridden)
        values.setdefault(block["block_id"], {})[action_id] = {"type": element["type"], key: value}
    assert not inputs, f"no input element with action_id {sorted(inputs)} in this view"
    return {"values": values}


def find_element(blocks: list[dict[str, Any]], action_id: str) -> tuple[str, dict[str, Any]]:
    """The block_id and element carrying an action_id."""
    for block in blocks:
        for _, element in elements_of(block):
            if element.get("action_id") == action_id:
                return block["block_id"], element
    raise AssertionError(f"no element with action_id {action_id!r}")
