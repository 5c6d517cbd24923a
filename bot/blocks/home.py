"""The app's Home tab: the person's state, what went wrong, buttons and their responders."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.blocks.account import AccountView, account_block
from bot.blocks.dialogs import EDIT_BUTTON
from bot.blocks.responder_list import Backs, active_personal, responder_rows, status_line
from bot.blocks.transitions import END_BUTTON
from bot.core.leave_types import Privacy
from bot.core.responder_value import Responder
from bot.core.team import SHOWN
from bot.texts import N_, _

NEW_RESPONDER = "responder_new"
# Slack allows 100 blocks in a Home tab; the header, status, hearing, problems, buttons,
# account and divider take seven, and the rows one more for "…and N more".
MAX_ROWS = 88
HEARING = N_(
    "ooo answers mentions of you *in the channels @ooo is in*. "
    "To add it to another channel, type `/invite @ooo` there."
)
# With the person's account connected, Slack shows ooo what reaches them.
HEARING_CONNECTED = N_(
    "ooo answers your *direct messages*, and mentions of you *wherever you are*, "
    "with your account connected."
)

PROBLEMS_SHOWN = 10
NOT_CONNECTABLE = AccountView(available=False)
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _hearing(account: AccountView) -> str:
    """Where ooo hears people who write to the person."""
    return _(HEARING_CONNECTED if account.connected else HEARING)


def home_view(
    responders: list[Responder],
    *,
    now: datetime,
    problems: Sequence[str] = (),
    team: Sequence[Block] = (),
    feeds: Sequence[Block] = (),
    account: AccountView = NOT_CONNECTABLE,
    viewer: str | None = None,
    privacy: Privacy = SHOWN,
    backs: Backs | None = None,
) -> dict[str, Any]:
    """Build the Home tab for one person; `problems` are what ooo could not do, in words.

    `team` is the My team section of someone who saved a team; `feeds` their calendar feeds;
    `account` their connected Slack account; `viewer` whose tab it is (others' responders are
    theirs only to end).
    """
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": _("Out of office")}},
        _section(status_line(responders, now=now, backs=backs or {})),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": _hearing(account)}]},
    ]
    if problems:
        blocks.append(_section("\n".join(problems[-PROBLEMS_SHOWN:])))
    buttons = [_button(NEW_RESPONDER, _("New responder"), None, style="primary")]
    active = active_personal(responders, now=now)
    if active is not None:
        buttons += [
            _button(END_BUTTON, _("End now"), active),
            _button(EDIT_BUTTON, _("Edit"), active),
        ]
    blocks += [
        {"type": "actions", "elements": buttons},
        account_block(account),
        {"type": "divider"},
        *team,
        *feeds,
    ]
    if responders:
        limit = MAX_ROWS - len(team) - len(feeds)
        blocks += responder_rows(
            responders, now=now, backs=backs or {}, limit=limit, viewer=viewer, privacy=privacy
        )
    else:
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": _("You have no responders yet. Try `/ooo help`.")}
                ],
            }
        )
    return {"type": "home", "blocks": blocks}


def _button(action_id: str, label: str, responder: Responder | None, style: str = "") -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
    }
    if responder is not None:
        button["value"] = str(responder.id)
    if style:
        button["style"] = style
    return button
