"""The routing table: which listener answers which command, action, view and event.

Every listener a person's action reaches speaks their language (`Spoken`); message
and installation events answer nobody directly (replies are rendered for their reader later).
"""

import re

from slack_bolt import App

from bot.blocks.account import CONNECT_BUTTON, DISCONNECT_BUTTON
from bot.blocks.behalf import BEHALF_CONFIRM, BEHALF_MENU
from bot.blocks.behalf_form import FOR_WHOM
from bot.blocks.calendar import CALLBACK_ID as CALENDAR_FORM
from bot.blocks.calendar import DISCONNECT as DISCONNECT_CALENDAR
from bot.blocks.calendar import OPEN_FORM as OPEN_CALENDAR_FORM
from bot.blocks.closures import CANCEL as CANCEL_CLOSURE
from bot.blocks.closures import CLOSE as CLOSE_CLOSURE
from bot.blocks.closures import END as END_CLOSURE
from bot.blocks.closures import OPT_OUT as OPT_OUT_CLOSURE
from bot.blocks.dialogs import CONFIRM_CALLBACK, DELETE_BUTTON, EDIT_BUTTON
from bot.blocks.feeds import REVOKE_FEED
from bot.blocks.home import NEW_RESPONDER
from bot.blocks.replies import END_NOW, KEEP_ON, NOTIFY_BACKUP, REMIND_ME
from bot.blocks.responder_form import CALLBACK_ID, HIDE, KIND, LEAVE_TYPE, PICKERS, TARGET, WHEN
from bot.blocks.responder_list import MENU
from bot.blocks.team_digest_form import CALLBACK_ID as DIGEST_FORM
from bot.blocks.team_digest_form import OPEN_FORM as OPEN_DIGEST_FORM
from bot.blocks.team_view import SHOW_MORE
from bot.blocks.transitions import END_BUTTON, EXTEND_DAY, EXTEND_MORE
from bot.blocks.working_days import CALLBACK_ID as WORKDAYS_FORM
from bot.blocks.working_days import OPEN_FORM as OPEN_WORKDAYS_FORM
from bot.blocks.working_days import REGION as WORKDAYS_REGION
from bot.listeners import (
    account,
    behalf,
    behalf_manage,
    calendars,
    closures,
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
    workdays,
)
from bot.listeners.readers import Spoken


def register(app: App) -> None:
    """Wire every listener to the app."""
    # First: Bolt tries listeners in order, and message events outnumber everything else.
    app.event("message")(messages.message_posted)
    app.command("/ooo")(Spoken(commands.ooo_command))
    app.action(re.compile(f"^({'|'.join((WHEN, *PICKERS))})$"))(Spoken(modal.preview_dates))
    app.action(KIND)(Spoken(modal.switch_kind))
    app.action(re.compile(f"^({LEAVE_TYPE}|{HIDE})$"))(Spoken(modal.switch_leave_type))
    app.options(TARGET)(Spoken(modal.target_options))
    app.view(CALLBACK_ID)(Spoken(modal.submit_responder))
    app.action(NEW_RESPONDER)(Spoken(manage.new_responder))
    app.action(EDIT_BUTTON)(Spoken(manage.dm_button))
    app.action(DELETE_BUTTON)(Spoken(manage.dm_button))
    app.action(END_BUTTON)(Spoken(manage.dm_button))
    app.action(EXTEND_MORE)(Spoken(manage.dm_button))
    app.action(EXTEND_DAY)(Spoken(extend.extend_one_day))
    app.action(re.compile(f"^{MENU}-"))(Spoken(manage.menu_choice))
    app.view(CONFIRM_CALLBACK)(Spoken(manage.confirm_submitted))
    app.action(FOR_WHOM)(Spoken(behalf.pick_person))
    app.action(re.compile(f"^{BEHALF_MENU}-"))(Spoken(behalf_manage.menu_choice))
    app.view(BEHALF_CONFIRM)(Spoken(behalf_manage.confirm_submitted))
    app.action(SHOW_MORE)(Spoken(team_views.show_more))
    app.action(OPEN_DIGEST_FORM)(Spoken(team_digests.open_form))
    app.view(DIGEST_FORM)(Spoken(team_digests.submit_form))
    app.event("app_home_opened")(Spoken(home.home_opened))
    app.action(OPEN_WORKDAYS_FORM)(Spoken(workdays.open_form))
    app.view(WORKDAYS_FORM)(Spoken(workdays.submit_form))
    app.options(WORKDAYS_REGION)(Spoken(workdays.region_options))
    app.action(OPEN_CALENDAR_FORM)(Spoken(calendars.open_form))
    app.view(CALENDAR_FORM)(Spoken(calendars.submit_form))
    app.action(DISCONNECT_CALENDAR)(Spoken(calendars.disconnect_clicked))
    app.action(CONNECT_BUTTON)(Spoken(account.connect_clicked))
    app.action(DISCONNECT_BUTTON)(Spoken(account.disconnect))
    app.action(re.compile(f"^{REVOKE_FEED}-"))(Spoken(feeds.revoke_clicked))
    app.action(NOTIFY_BACKUP)(Spoken(replies.notify_backup))
    app.action(REMIND_ME)(Spoken(replies.remind_me))
    app.action(END_NOW)(Spoken(replies.end_from_nudge))
    app.action(KEEP_ON)(Spoken(replies.keep_on))
    app.action(CLOSE_CLOSURE)(Spoken(closures.close_clicked))
    app.action(CANCEL_CLOSURE)(Spoken(closures.cancel_clicked))
    app.action(END_CLOSURE)(Spoken(closures.end_clicked))
    app.action(OPT_OUT_CLOSURE)(Spoken(closures.opt_out_clicked))
    app.event("app_uninstalled")(installation_events.app_uninstalled)
    app.event("tokens_revoked")(installation_events.tokens_revoked)
    app.event("user_change")(installation_events.user_change)
