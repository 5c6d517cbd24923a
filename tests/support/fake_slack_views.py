"""Views in the fake Slack: single-use triggers, modal stacks, Home tabs, ids and hashes."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

from tests.support.fake_slack_blocks import check_view, with_ids
from tests.support.fake_slack_checks import SlackError, Token
from tests.support.fake_slack_state import APP_ID, BOT_ID, Args, Workspace, handles

MAX_STACK = 3


def issue_trigger(ws: Workspace, user_id: str) -> str:
    """A fresh trigger_id for an interaction by this person."""
    trigger_id = f"{next(ws.serial)}.98765.{secrets.token_hex(4)}"
    ws.triggers[trigger_id] = (user_id, time.monotonic(), False)
    return trigger_id


def exchange_trigger(ws: Workspace, args: Args) -> str:
    """Spend a trigger_id as views.open/push do and return whose it was."""
    trigger_id = args.get("trigger_id") or args.get("interactivity_pointer")
    if not trigger_id:
        raise SlackError("invalid_arguments", ["invalid `trigger_id`"])
    if trigger_id not in ws.triggers:
        raise SlackError("invalid_trigger_id")
    user_id, issued, used = ws.triggers[trigger_id]
    if used:
        raise SlackError("exchanged_trigger_id")
    if time.monotonic() - issued > ws.trigger_ttl:
        raise SlackError("expired_trigger_id")
    return user_id


def _checked(view: Any, *types: str) -> dict[str, Any]:
    if not isinstance(view, dict) or view.get("type") not in types:
        raise SlackError("invalid_arguments", [f"[ERROR] view type must be {' or '.join(types)}"])
    problems = check_view(view)
    if problems:
        raise SlackError("invalid_arguments", problems)
    return copy.deepcopy(view)


def _new_hash(ws: Workspace) -> str:
    return f"{int(time.time())}.{next(ws.serial):08d}"


def _external_id_taken(ws: Workspace, external_id: str, view_id: str | None) -> bool:
    return any(
        v.get("external_id") == external_id and v["id"] != view_id for v in ws.views.values()
    )


def store_view(
    ws: Workspace,
    view: dict[str, Any],
    *,
    view_id: str | None = None,
    root: str | None = None,
    previous: str | None = None,
) -> dict[str, Any]:
    """Store a checked view payload as Slack does: new or replacing `view_id`, with a new hash."""
    external_id = view.get("external_id") or ""
    if external_id and _external_id_taken(ws, external_id, view_id):
        raise SlackError("duplicate_external_id")
    view_id = view_id or f"V{next(ws.serial):08d}"
    old = ws.views.get(view_id, {})
    stored = {
        "id": view_id,
        "team_id": ws.team_id,
        "private_metadata": "",
        "callback_id": "",
        "external_id": "",
        "clear_on_close": False,
        "notify_on_close": False,
        **view,
        "blocks": with_ids(view["blocks"]),
        "state": {"values": {}},
        "hash": _new_hash(ws),
        "root_view_id": old.get("root_view_id", root or view_id),
        "previous_view_id": old.get("previous_view_id", previous),
        "app_id": APP_ID,
        "app_installed_team_id": ws.team_id,
        "bot_id": BOT_ID,
    }
    ws.views[view_id] = stored
    return stored


@handles("views.open")
def views_open(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Open a modal for the person whose trigger_id this is."""
    user_id = exchange_trigger(ws, args)
    stored = store_view(ws, _checked(args["view"], "modal"))
    ws.triggers[args.get("trigger_id") or args["interactivity_pointer"]] = (user_id, 0.0, True)
    ws.stacks[user_id] = [stored["id"]]
    return {"view": copy.deepcopy(stored)}


@handles("views.push")
def views_push(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Push a modal on top of the person's open modal."""
    user_id = exchange_trigger(ws, args)
    stack = ws.stacks.get(user_id)
    if not stack:
        raise SlackError("not_found", ["[ERROR] no modal is open to push onto"])
    if len(stack) >= MAX_STACK:
        raise SlackError("push_limit_reached")
    stored = store_view(ws, _checked(args["view"], "modal"), root=stack[0], previous=stack[-1])
    ws.triggers[args.get("trigger_id") or args["interactivity_pointer"]] = (user_id, 0.0, True)
    stack.append(stored["id"])
    return {"view": copy.deepcopy(stored)}


@handles("views.update")
def views_update(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Replace a view, found by view_id or external_id, if its hash still matches."""
    if args.get("view_id"):
        current = ws.views.get(args["view_id"])
    elif args.get("external_id"):
        current = next(
            (v for v in ws.views.values() if v["external_id"] == args["external_id"]), None
        )
    else:
        raise SlackError("invalid_arguments", ["[ERROR] either view_id or external_id is required"])
    if current is None:
        raise SlackError("not_found")
    if args.get("hash") and args["hash"] != current["hash"]:
        raise SlackError("hash_conflict")
    view = _checked(args["view"], current["type"])
    return {"view": copy.deepcopy(store_view(ws, view, view_id=current["id"]))}


@handles("views.publish")
def views_publish(ws: Workspace, args: Args, caller: Token) -> dict[str, Any]:
    """Publish a person's Home tab, keeping one view id per person."""
    user_id = args["user_id"]
    current_id = ws.homes.get(user_id)
    if args.get("hash") and current_id and args["hash"] != ws.views[current_id]["hash"]:
        raise SlackError("hash_conflict")
    stored = store_view(ws, _checked(args["view"], "home"), view_id=current_id)
    ws.homes[user_id] = stored["id"]
    return {"view": copy.deepcopy(stored)}


def answer_submission(ws: Workspace, user_id: str, view_id: str, answer: dict[str, Any]) -> None:
    """Apply an app's view_submission answer as Slack would: close, errors, update, push, clear."""
    stack = ws.stacks.get(user_id, [])
    action = answer.get("response_action")
    if action == "errors":
        inputs = {b["block_id"] for b in ws.views[view_id]["blocks"] if b["type"] == "input"}
        unknown = sorted(set(answer.get("errors") or {}) - inputs)
        if unknown or not answer.get("errors"):
            raise SlackError(
                "invalid_arguments", [f"[ERROR] errors must name input block_ids, not {unknown}"]
            )
    elif action == "update":
        store_view(ws, _checked(answer.get("view"), "modal"), view_id=view_id)
    elif action == "push":
        if len(stack) >= MAX_STACK:
            raise SlackError("push_limit_reached")
        stack.append(
            store_view(ws, _checked(answer.get("view"), "modal"), root=stack[0], previous=view_id)[
                "id"
            ]
        )
    elif action == "clear":
        stack.clear()
    elif action is None:
        del stack[stack.index(view_id) :]
    else:
        raise SlackError("invalid_arguments", [f"[ERROR] unknown response_action `{action}`"])
