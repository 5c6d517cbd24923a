"""Redrawing an open modal when a person changes it, without losing a change to a race.

Each views.update must carry the hash of the version it replaces, and Slack offers no way to
read a modal's current version. Its answers do hold the new version, so the latest one this
process drew is kept per modal; a redraw that lost to it is applied again on top of it.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

View = dict[str, Any]
Draw = Callable[[View], View]
KEPT = 1000
ATTEMPTS = 3
INITIAL_TO_STATE = {
    "initial_value": "value",
    "initial_date": "selected_date",
    "initial_time": "selected_time",
    "initial_option": "selected_option",
    "initial_options": "selected_options",
    "initial_conversation": "selected_conversation",
}


class Redraws:
    """The latest version of each modal this process drew, and redrawing on top of it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: OrderedDict[str, View] = OrderedDict()

    def redraw(self, client: WebClient, view: View, action_id: str, draw: Draw) -> None:
        """Update `view` with `draw(view)`; after a lost race, redo this action on the winner."""
        for _ in range(ATTEMPTS):
            try:
                answer = client.views_update(view_id=view["id"], hash=view["hash"], view=draw(view))
            except SlackApiError as error:
                if error.response.get("error") not in ("hash_conflict", "not_found"):
                    raise
                newer = self._newer_than(view)
                if error.response.get("error") == "not_found" or newer is None:
                    # Closed, or redrawn by another replica: its version stands.
                    return
                view = _with_action(newer, view, action_id)
                continue
            self._keep(answer["view"])
            return

    def _keep(self, view: View) -> None:
        with self._lock:
            self._latest[view["id"]] = view
            self._latest.move_to_end(view["id"])
            while len(self._latest) > KEPT:
                self._latest.popitem(last=False)

    def _newer_than(self, view: View) -> View | None:
        with self._lock:
            latest = self._latest.get(view["id"])
        return latest if latest is not None and latest["hash"] != view["hash"] else None


def _with_action(newer: View, acted: View, action_id: str) -> View:
    """The newer version as shown, with the value this action changed as the person set it."""
    values = {
        block["block_id"]: {block["element"]["action_id"]: _shown(block["element"])}
        for block in newer["blocks"]
        if block.get("type") == "input"
    }
    for block_id, elements in acted["state"]["values"].items():
        if action_id in elements:
            name = block_id.split(".")[0]
            values = {k: v for k, v in values.items() if k.split(".")[0] != name}
            values[block_id] = {action_id: elements[action_id]}
    return {**newer, "state": {"values": values}}


def _shown(element: dict[str, Any]) -> dict[str, Any]:
    """An input's initial value in the shape `state.values` gives it."""
    state = {"type": element["type"]}
    for initial, key in INITIAL_TO_STATE.items():
        if initial in element:
            state[key] = element[initial]
    return state
