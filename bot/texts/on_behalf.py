"""The catalog's wording of why someone may not act for another person."""

from bot.core.on_behalf import Verdict
from bot.texts import N_, _

REFUSALS: dict[Verdict, str] = {
    Verdict.NOT_PERMITTED: N_(
        "Only workspace admins and owners, and members of the admin group, can set an absence "
        "for someone else."
    ),
    Verdict.UNKNOWN_PERSON: N_("Slack doesn't know that person. Name them with @, like @bob."),
    Verdict.OTHER_ORGANISATION: N_(
        "{person} is from another organization: ooo can only set absences for people of this one."
    ),
    Verdict.IS_BOT: N_("{person} is a bot or an app: absences are for people."),
    Verdict.DEACTIVATED: N_("{person}'s account is deactivated."),
}
NAME_ONE_PERSON = N_(
    "To set an absence for someone, type @ and pick one person from Slack's list, like "
    "`/ooo for @bob tomorrow`."
)
UNSURE = N_("Slack could not say who may act for others just now. Please try again in a moment.")


def refusal(verdict: Verdict | None, person: str) -> str:
    """Why acting for `person` (a user id) was refused; None: Slack could not say."""
    if verdict is None:
        return _(UNSURE)
    return _(REFUSALS[verdict], person=f"<@{person}>")
