"""Sending an export to the person who asked, in their DM with ooo, with Slack's upload flow."""

from slack_sdk import WebClient


def send_privately(
    client: WebClient, *, user_id: str, data: bytes, filename: str, title: str, comment: str
) -> None:
    """Upload the file into the bot's DM with the person (files.getUploadURLExternal, the bytes,
    files.completeUploadExternal); Slack's refusals raise."""
    dm = client.conversations_open(users=user_id)["channel"]["id"]
    client.files_upload_v2(
        content=data, filename=filename, title=title, channel=dm, initial_comment=comment
    )
