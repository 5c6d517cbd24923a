"""Small views and messages: the saved confirmation, confirm-before-acting, not-found and help."""

import json
from datetime import datetime
from typing import Any

from bot.blocks.mrkdwn import cut, escape
from bot.blocks.responder_list import audience, handle_mention, own_type
from bot.blocks.when import describe_window
from bot.core.leave_types import Privacy
from bot.core.responder_value import Responder
from bot.core.team import SHOWN
from bot.texts import N_, _, date_examples, pgettext

EDIT_BUTTON, DELETE_BUTTON = "responder_edit", "responder_delete"
CONFIRM_CALLBACK = "responder_confirm"
# A section's text holds 3,000 characters; "*Message*" comes before the quote.
QUOTE_MAX = 2900
Block = dict[str, Any]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def saved_message(
    responder: Responder,
    *,
    back: datetime | None,
    updated: bool,
    by: str | None = None,
    privacy: Privacy = SHOWN,
) -> tuple[str, list[Block]]:
    """The DM that confirms what was saved (its type too, and whether others may read it),
    with Edit and Delete buttons; `by` is who saved it for its owner."""
    when = describe_window(responder.window(), responder.tz, back=back)
    if updated:
        text = _("{whose} is updated: {when}.", whose=_whose(responder), when=when)
    else:
        text = _("{whose} is set: {when}.", whose=_whose(responder), when=when)
    if by:
        text += " " + _by(by, updated=updated)
    buttons = [
        {
            "type": "button",
            "action_id": EDIT_BUTTON,
            "text": _plain(_("Edit")),
            "value": str(responder.id),
        },
        {
            "type": "button",
            "action_id": DELETE_BUTTON,
            "style": "danger",
            "text": _plain(_("Delete")),
            "value": str(responder.id),
        },
    ]
    kind = own_type(responder, privacy)
    blocks = [
        _section(f":white_check_mark: {text}"),
        *([_section(kind)] if kind else []),
        _section(_("*Message*") + f"\n{_quote(responder.message)}"),
        # Slack shows the times in the reader's zone; the dates typed were read in this one.
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": _("Dates read in {zone}.", zone=responder.tz)}],
        },
        {"type": "actions", "elements": buttons},
    ]
    return text, blocks


def ended_message(responder: Responder) -> tuple[str, list[Block]]:
    """The DM that confirms a responder was turned off."""
    text = _("{whose} is off. Welcome back!", whose=_whose(responder))
    return text, [_section(f":wave: {text}")]


def deleted_message(
    responder: Responder, *, back: datetime | None, by: str | None = None
) -> tuple[str, list[Block]]:
    """The DM that confirms a deletion; it also replaces the saved DM, whose buttons are dead.

    It names the dates as the saved DM did (`back`: the working day after them), so the two
    read alike. `by` is who deleted it for its owner."""
    when = describe_window(responder.window(), responder.tz, back=back)
    text = _("{whose} ({when}) is deleted.", whose=_whose(responder), when=when)
    if by:
        text += " " + _("{person} deleted it for you.", person=f"<@{by}>")
    return text, [
        _section(f":wastebasket: {text}"),
        _section(_("*Message*") + f"\n{_quote(responder.message)}"),
    ]


def superseded_message(responder: Responder) -> tuple[str, list[Block]]:
    """What an older saved DM becomes once a newer one confirms a change."""
    text = _(
        "{whose} was changed since: the newer confirmation below is current.",
        whose=_whose(responder),
    )
    return text, [_section(f":arrow_down: {text}")]


def _by(actor: str, *, updated: bool) -> str:
    """Who set or changed a person's responder for them."""
    if updated:
        return _("{person} changed it for you.", person=f"<@{actor}>")
    return _("{person} set it for you.", person=f"<@{actor}>")


def _whose(responder: Responder) -> str:
    mention = handle_mention(responder)
    if mention:
        return _("Your responder for {mention}", mention=mention)
    return _("Your out-of-office responder")


def _quote(text: str) -> str:
    """Quote a message, cut to fit a section, whose text Slack caps at 3,000 characters."""
    quoted = "\n".join(f"> {escape(line)}" for line in text.splitlines() or [""])
    return cut(quoted, QUOTE_MAX)


def confirm_modal(
    responder: Responder, *, back: datetime | None, verb: str, origin: str | None
) -> Block:
    """Ask before ending or deleting a responder; `origin` is a list to refresh afterwards."""
    when = describe_window(responder.window(), responder.tz, back=back)
    if verb == "end":
        title, submit = _("End responder?"), _("End now")
        body = _("End this responder now? ({who}, {when})", who=audience(responder), when=when)
    else:
        title, submit = _("Delete responder?"), _("Delete")
        body = _(
            "Delete this responder for good? ({who}, {when})", who=audience(responder), when=when
        )
    return {
        "type": "modal",
        "callback_id": CONFIRM_CALLBACK,
        "title": _plain(title),
        "submit": _plain(submit),
        "close": _plain(_("Cancel")),
        "private_metadata": json.dumps({"id": responder.id, "verb": verb, "origin": origin}),
        "blocks": [_section(body)],
    }


def read_confirmation(private_metadata: str) -> tuple[int, str, str | None]:
    """Read which responder and action a confirmation modal is about."""
    data = json.loads(private_metadata)
    return int(data["id"]), str(data["verb"]), data.get("origin")


def not_found_modal() -> Block:
    """Tell someone a responder is gone or not theirs, without saying which."""
    return {
        "type": "modal",
        "title": _plain(_("Not available")),
        "close": _plain(_("OK")),
        "blocks": [_section(_(NOT_YOURS))],
    }


NOT_YOURS = N_("That responder no longer exists, or it isn't yours.")
BUSY = N_("Another change to your responders is still being saved. Please try again in a moment.")


def busy_modal() -> Block:
    """Pushed over a form whose save could not wait: closing it goes back, nothing lost."""
    return {
        "type": "modal",
        "title": _plain(_("Please try again")),
        "close": _plain(pgettext("closes the help dialog", "Back")),
        "blocks": [_section(_(BUSY))],
    }


HELP = N_("""*ooo* sets your out-of-office responder.
• `/ooo` opens a form for a new responder.
• {examples}
  open it with those dates filled in, in your language and time zone.
• `/ooo list` shows your responders, to edit, end or delete them.
• `/ooo off` (or `back`, `stop`, `end`) ends the responder that is on now.
• `/ooo digest` sends you, in a DM, who mentioned you while you were away, with links.
• `/ooo team #design` or `/ooo team @design` shows who is out in a team; `/ooo team help` says more.
• `/ooo calendar https://…` connects your calendar's feed (its secret address in iCal format): \
its absences become responders. `/ooo calendar` shows it, `/ooo calendar only-ooo` counts only \
events marked out of office (`all` every absence), `/ooo calendar off` disconnects it.
• `/ooo feed` gives you a private address of your absences for Google, Outlook or Apple \
calendars; `/ooo feed new` changes it, `/ooo feed off` stops it.
• `/ooo help` shows this.
Your Home tab in the ooo app shows the same list.""")


HELP_FOR_OTHERS = N_(
    "• `/ooo for @bob from Monday to Friday` sets an absence for someone else, and "
    "`/ooo for @bob` lists theirs: for workspace admins and owners, and the admin group "
    "(`/ooo admin group`)."
)
WORKDAYS_HELP = N_("""*Working days and public holidays* set the day you're said to be back.
• `/ooo week mon-thu` (or `sun-thu`, `default`) sets the days you work.
• `/ooo region DE-BY` (or `none`, `default`) sets whose public holidays you have.
• Admins: `/ooo admin week mon-fri` and `/ooo admin region FR` set everyone else's.""")

ORGANISATION_HELP = N_("""*Teams and the workspace*
• `/ooo team export #design` sends you, in a DM, a spreadsheet (CSV) of a team's absences.
• `/ooo admin types` lists the types of absence (`rename`, `add`, `retire` change them); \
`/ooo admin hide on` hides every reason from others.
• `/ooo admin close everyone 24 Dec to 1 Jan Office closed` closes for everyone, a channel or \
a group; `/ooo admin closures` lists closures; a member leaves one with `/ooo closure optout`.""")


def help_blocks() -> list[Block]:
    """Explain every subcommand, with date examples in the reader's language."""
    examples = ", ".join(f"`{command}`" for command in date_examples.commands())
    return [
        _section(_(HELP, examples=examples)),
        _section(_(HELP_FOR_OTHERS)),
        _section(_(WORKDAYS_HELP)),
        _section(_(ORGANISATION_HELP)),
    ]
