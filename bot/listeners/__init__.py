"""The routing table: which listener answers which command, action, view and event."""

import re

from slack_bolt import App

from bot.blocks.account import CONNECT_BUTTON, DISCONNECT_BUTTON
from bot.blocks.dialogs import CONFIRM_CALLBACK, DELETE_BUTTON, EDIT_BUTTON
from bot.blocks.feeds import REVOKE_FEED
from bot.blocks.home import NEW_RESPONDER
from bot.blocks.replies import END_NOW, KEEP_ON, NOTIFY_BACKUP, REMIND_ME
from bot.blocks.responder_form import CALLBACK_ID, KIND, PICKERS, TARGET, WHEN
from bot.blocks.responder_list import MENU
from bot.blocks.team_digest_form import CALLBACK_ID as DIGEST_FORM
from bot.blocks.team_digest_form import OPEN_FORM as OPEN_DIGEST_FORM
from bot.blocks.team_view import SHOW_MORE
from bot.blocks.transitions import END_BUTTON, EXTEND_DAY, EXTEND_MORE
from bot.listeners import (
    account,
    commands,
    extend,
    feeds,
    home,
    installation_events,
    manage,
    messages,
    modal,
    replies,
    team_digests,
    team_views,
)


def register(app: App) -> None:
    """Wire every listener to the app."""
    # First: Bolt tries listeners in order, and message events outnumber everything else.
    app.event("message")(messages.message_posted)
    app.command("/ooo")(commands.ooo_command)
    app.action(re.compile(f"^({'|'.join((WHEN, *PICKERS))})$"))(modal.preview_dates)
    app.action(KIND)(modal.switch_kind)
    app.options(TARGET)(modal.target_options)
    app.view(CALLBACK_ID)(modal.submit_responder)
    app.action(NEW_RESPONDER)(manage.new_responder)
    app.action(EDIT_BUTTON)(manage.dm_button)
    app.action(DELETE_BUTTON)(manage.dm_button)
    app.action(END_BUTTON)(manage.dm_button)
    app.action(EXTEND_MORE)(manage.dm_button)
    app.action(EXTEND_DAY)(extend.extend_one_day)
    app.action(re.compile(f"^{MENU}-"))(manage.menu_choice)
    app.view(CONFIRM_CALLBACK)(manage.confirm_submitted)
    app.action(SHOW_MORE)(team_views.show_more)
    app.action(OPEN_DIGEST_FORM)(team_digests.open_form)
    app.view(DIGEST_FORM)(team_digests.submit_form)
    app.event("app_home_opened")(home.home_opened)
    app.action(CONNECT_BUTTON)(account.connect_clicked)
    app.action(DISCONNECT_BUTTON)(account.disconnect)
    app.action(re.compile(f"^{REVOKE_FEED}-"))(feeds.revoke_clicked)
    app.action(NOTIFY_BACKUP)(replies.notify_backup)
    app.action(REMIND_ME)(replies.remind_me)
    app.action(END_NOW)(replies.end_from_nudge)
    app.action(KEEP_ON)(replies.keep_on)
    app.event("app_uninstalled")(installation_events.app_uninstalled)
    app.event("tokens_revoked")(installation_events.tokens_revoked)
    app.event("user_change")(installation_events.user_change)
