"""`/ooo team export`: a team's absences as a CSV in the asker's DM, under the team view's rules."""

import logging
import re

from slack_sdk.errors import SlackApiError, SlackClientError

from bot.blocks.mrkdwn import escape
from bot.core.dates import DateError
from bot.core.exports import (
    MAX_PEOPLE,
    MAX_ROWS,
    MAX_YEARS,
    ExportTooLarge,
    Period,
    PeriodRefused,
    check_people,
    period_from_text,
)
from bot.exports.delivery import send_privately
from bot.exports.table import Export, export_of
from bot.team.answers import Asking
from bot.team.command import Target, shortened
from bot.team.members import Team
from bot.texts import _, ngettext, speaking
from bot.texts.date_refusals import refusal
from bot.texts.dates import day
from bot.texts.numbers import number

logger = logging.getLogger(__name__)
# What a workspace's own settings refuse: trying again would not help.
FORBIDDEN = frozenset(
    {"file_uploads_disabled", "file_uploads_except_images_disabled", "file_type_not_allowed"}
)
UNSAFE = re.compile(r"[^\w-]+")
# A team Slack sent without its name: `<!subteam^S…>`, `<#C…>`.
RAW = re.compile(r"^<[!#](?:subteam\^)?([A-Z0-9]+)[^>]*>$")


def export_team(asking: Asking, *, target: Target, words: str) -> None:
    """Read the period, the team as the asker may see it, its absences; send the CSV to the
    asker's DM and say so, or say why not (nothing is sent then)."""
    person = asking.directory.person(
        asking.client, team_id=asking.workspace.team_id, user_id=asking.user_id
    )
    with speaking(person.locale):
        try:
            period = period_from_text(words, now=asking.now, tz=person.tz, locale=person.locale)
        except DateError as error:
            asking.reply(refusal(error))
            return
        except PeriodRefused as error:
            asking.reply(refused_period(error))
            return
        team = asking.seen_team(target)
        if team is None:
            return
        export = _made(asking, team, period)
        if export is not None and _sent(asking, team, period, export, defaulted=not words.strip()):
            asking.reply(_("Sent to your DM: the absences of {team}.", team=shown(team.label)))


def _made(asking: Asking, team: Team, period: Period) -> Export | None:
    """The team's CSV, or None once the asker was told it is too large and how to narrow it."""
    names = asking.directory.roster_names(team_id=asking.workspace.team_id, full=True)
    try:
        check_people(len(team.people))
        return export_of(
            asking.engine, asking.workspace, people=team.people, period=period, names=names
        )
    except ExportTooLarge as error:
        asking.reply(too_large(error))
        return None


def _sent(asking: Asking, team: Team, period: Period, export: Export, *, defaulted: bool) -> bool:
    """Upload the CSV into the asker's DM; False once they were told Slack did not take it."""
    try:
        send_privately(
            asking.client,
            user_id=asking.user_id,
            data=export.data,
            filename=filename(team.label, period),
            title=_("Absences · {team}", team=shown(team.label)),
            comment=summary(shown(team.label), period, export.rows, defaulted=defaulted),
        )
    except (SlackApiError, SlackClientError, OSError) as error:
        logger.warning("could not send %s the export of %s: %s", asking.user_id, team.id, error)
        asking.reply(refused_upload(error))
        return False
    return True


def refused_upload(error: Exception) -> str:
    """Why Slack did not take the file: ooo lacks the scope, the workspace forbids it, or a
    failure worth trying again."""
    code = error.response.get("error") if isinstance(error, SlackApiError) else None
    if code == "missing_scope":  # installed before exports asked for files:write
        return _(
            "I'm not allowed to upload files in this workspace yet: ask whoever installed me "
            "to install me again."
        )
    if code in FORBIDDEN:
        return _("This workspace doesn't allow me to upload the file, so I can't send it.")
    return _("Slack didn't take the file just now: try again in a minute.")


def preparing(label: str) -> str:
    """The answer given at once, while the export is made."""
    return _("Preparing the export of {team}…", team=shown(label))


def shown(label: str) -> str:
    """A team's name as answers and the file's title show it: one Slack sent without its name
    as `@S…` or `#C…`, never a mention that would notify anyone; never longer than Slack's."""
    if raw := RAW.match(label):
        label = ("@" if raw[1].startswith("S") else "#") + raw[1]
    return escape(shortened(label))


def refused_period(error: PeriodRefused) -> str:
    """Why no export covers the period asked for."""
    if error.key == "too_long":
        return _(
            "An export covers at most {count} years: try a shorter period.",
            count=number(MAX_YEARS),
        )
    return _("Those dates are beyond the calendar: try a period between the years 1 and 9998.")


def summary(label: str, period: Period, rows: int, *, defaulted: bool) -> str:
    """The sentence beside the file: what it lists, over which days."""
    first, last = day(period.first), day(period.last)
    said = ngettext(
        "{count} absence in {team} from {first} to {last}.",
        "{count} absences in {team} from {first} to {last}.",
        rows,
        team=label,
        first=first,
        last=last,
    )
    if defaulted:
        said += " " + _(
            "That is this month and the next two: add dates for another period, "
            "as in `/ooo team export {team} next month`.",
            team=label,
        )
    return said


def too_large(error: ExportTooLarge) -> str:
    """Why an export is refused, and how to narrow it."""
    if error.rows == 0:
        return _(
            "That team has {count} people, and an export holds at most {limit}: export a "
            "smaller channel or user group.",
            count=number(error.people),
            limit=number(MAX_PEOPLE),
        )
    return _(
        "That export would list {count} absences, and one holds at most {limit}: pick a "
        "shorter period or a smaller team.",
        count=number(error.rows),
        limit=number(MAX_ROWS),
    )


def filename(label: str, period: Period) -> str:
    """`absences-design-2026-11-01-2027-01-31.csv`: letters, digits and dashes only."""
    slug = UNSAFE.sub("-", shortened(label).lstrip("#@")).strip("-") or "team"
    return f"absences-{slug}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
