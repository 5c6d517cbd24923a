"""Opening a modal, which Slack refuses once its trigger is used or older than 3 seconds."""

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)


def open_modal(client: WebClient, trigger_id: str, view: dict[str, Any]) -> bool:
    """Open a modal, or log why Slack would not and say so, rather than fail the request."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except (SlackApiError, OSError) as error:
        logger.warning("could not open a modal: %s", error)
        return False
    return True
