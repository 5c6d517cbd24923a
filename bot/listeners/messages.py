"""Message events: hand each to the responders it concerns.

They come from the conversations ooo is in, and, through people's connected accounts, from
their direct messages and the conversations ooo is not in.

Slack waits for the HTTP answer, and retries a slow one: this records the message and its
effects in one short transaction and leaves every Web API call to the effect workers, but two:
whom a DM is for, when Slack names its sender, asked once per DM (bot/replies/direct.py), and
who is in a private conversation where someone absent is mentioned (bot/replies/audience.py).
"""

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.core.mentions import read_message
from bot.core.policy import refusal
from bot.replies import intake
from bot.replies.audience import readers_only
from bot.responders.targets import known_to_speak
from bot.services import Services
from bot.slack.context import workspace_of


def message_posted(
    body: dict[str, Any],
    event: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    services: Services,
) -> None:
    """Answer, forward and keep a message for every responder on that it addresses."""
    shared = bool(body.get("is_ext_shared_channel"))
    message = read_message(event, shared_externally=shared)
    if refusal(message, app_user_id=context.bot_user_id) is not None:
        return
    workspace, now = workspace_of(context), services.clock()
    if event.get("channel_type") == "im":
        recipient = services.recipients.recipient(workspace, body=body, event=event)
        if recipient is None:
            return
        message = read_message(event, shared_externally=shared, recipient=recipient)
    ids = message.candidates | {message.user or ""}
    on = services.live.on_now(workspace, ids=ids, now=now)
    responders = readers_only(
        [r for r in on if known_to_speak(services.directory, r)],
        workspace=workspace,
        body=body,
        event=event,
        bot=client,
        directory=services.directory,
        accounts=services.accounts,
    )
    if not responders:
        return
    intake.take(
        services.engine,
        workspace=workspace,
        event_id=str(body.get("event_id") or f"{message.channel}:{message.ts}"),
        message=message,
        responders=responders,
        now=now,
        app_user_id=context.bot_user_id,
    )
