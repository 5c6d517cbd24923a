"""A person's connected account as Block Kit: why to connect, the link, or Disconnect."""

from dataclasses import dataclass
from typing import Any

from bot.texts import N_, _, pgettext

CONNECT_BUTTON, DISCONNECT_BUTTON = "account_connect", "account_disconnect"
# One sentence per feature a connected account enables, shown above the link.
FEATURES = (
    N_(
        "*Your Slack status:* while you're away ooo sets it to say so, and puts yours back "
        "when you return."
    ),
    N_(
        "*Your notifications:* ooo can pause them for the whole absence and resume them at the end."
    ),
    N_(
        "*Your direct messages and mentions:* people who write to you in a direct message, or "
        "mention you where ooo is not, get your out-of-office message too."
    ),
)
CONNECT_LABEL = N_("Connect my account")
UNAVAILABLE = N_(
    "Setting your Slack status, pausing your notifications and answering your direct messages "
    "while you're away need ooo to act as you, and whoever runs ooo has not turned that on "
    "(it needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and OOO_ENCRYPTION_KEY)."
)
CONNECTED = N_(
    "*Your Slack account is connected:* ooo can set your status, pause your notifications and "
    "answer your direct messages while you're away, as each responder asks."
)

Block = dict[str, Any]


@dataclass(frozen=True)
class AccountView:
    """What a person is shown of their account: whether connecting is set up, whether they
    connected, and the link that connects them."""

    available: bool
    connected: bool = False
    connect_url: str | None = None


def _button(action_id: str, label: str, **extra: Any) -> Block:
    return {"type": "button", "action_id": action_id, "text": _plain(label), **extra}


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def connect_button(view: AccountView) -> Block:
    """The link to Slack's authorize page (Slack opens it in the browser)."""
    assert view.connect_url is not None, "only for someone who can connect"
    return _button(CONNECT_BUTTON, _(CONNECT_LABEL), url=view.connect_url, style="primary")


def account_block(view: AccountView) -> Block:
    """One block for the Home tab: unavailable and why, the link to connect, or Disconnect."""
    if not view.available:
        return {"type": "context", "elements": [{"type": "mrkdwn", "text": _(UNAVAILABLE)}]}
    if view.connected:
        confirm = {
            "title": _plain(_("Disconnect your account?")),
            "text": _plain(
                _(
                    "ooo will no longer set your status, pause your notifications or answer your "
                    "direct messages."
                )
            ),
            "confirm": _plain(_("Disconnect")),
            "deny": _plain(pgettext("keep the connected account", "Keep it")),
        }
        button = _button(DISCONNECT_BUTTON, _("Disconnect"), style="danger", confirm=confirm)
        return {"type": "section", "text": _mrkdwn(_(CONNECTED)), "accessory": button}
    return {
        "type": "section",
        "text": _mrkdwn("\n".join(_(feature) for feature in FEATURES)),
        "accessory": connect_button(view),
    }


def _mrkdwn(text: str) -> Block:
    return {"type": "mrkdwn", "text": text}
