"""The routing table: which listener answers which command, action, view and event."""

import re

from slack_bolt import App

from bot.blocks.dialogs import CONFIRM_CALLBACK, DELETE_BUTTON, EDIT_BUTTON
from bot.blocks.home import NEW_RESPONDER
from bot.blocks.lifecycle import END_BUTTON, EXTEND_DAY, EXTEND_MORE
from bot.blocks.responder_form import CALLBACK_ID, KIND, PICKERS, TARGET, WHEN
from bot.blocks.responder_list import MENU
from bot.blocks.team import SHOW_MORE
from bot.blocks.team_digest_form import CALLBACK_ID as DIGEST_FORM
from bot.blocks.team_digest_form import OPEN_FORM as OPEN_DIGEST_FORM
from bot.listeners import commands, home, lifecycle, manage, modal, team, team_digests


def register(app: App) -> None:
    """Wire every listener to the app."""
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
    app.action(EXTEND_DAY)(lifecycle.extend_one_day)
    app.action(re.compile(f"^{MENU}-"))(manage.menu_choice)
    app.view(CONFIRM_CALLBACK)(manage.confirm_submitted)
    app.action(SHOW_MORE)(team.show_more)
    app.action(OPEN_DIGEST_FORM)(team_digests.open_form)
    app.view(DIGEST_FORM)(team_digests.submit_form)
    app.event("app_home_opened")(home.home_opened)
