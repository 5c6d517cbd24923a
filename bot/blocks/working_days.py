"""The Home tab's Working days section and the form that changes a person's week and region."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.blocks.mrkdwn import escape
from bot.blocks.when import day_token
from bot.core.holiday_regions import Region
from bot.texts import _
from bot.texts.dates import weekday
from bot.texts.working_days import region_words, week_order, week_words

OPEN_FORM = "workdays_open"
CALLBACK_ID = "workdays_form"
WEEK, REGION = "workdays_week", "workdays_region"
# The region picker's two choices that are not a region.
FOLLOW, NO_HOLIDAYS = "default", "none"
Block = dict[str, Any]


@dataclass(frozen=True)
class WorkdaysView:
    """What the section and the form show: the person's week and region, whether each is the
    workspace's, the workspace's region, and the next public holidays with their names."""

    week: frozenset[int]
    region: Region | None
    own_region: bool
    default_region: Region | None
    upcoming: Sequence[tuple[date, str]] = ()


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def workdays_section(view: WorkdaysView, *, tz: str) -> list[Block]:
    """The section: the week, the holidays' region and the next one or two, and Change."""
    lines = [
        _("*Working days* · {days}", days=week_words(view.week)),
        _("Public holidays: {region}", region=region_words(view.region)),
    ]
    lines += [
        _("• {holiday}, {day}", holiday=escape(name), day=day_token(day, tz))
        for day, name in view.upcoming
    ]
    button = {"type": "button", "action_id": OPEN_FORM, "text": _plain(_("Change"))}
    text = {"type": "mrkdwn", "text": "\n".join(lines)}
    return [{"type": "section", "text": text, "accessory": button}]


def region_option(value: str, label: str) -> Block:
    """One choice of the region picker (Slack cuts option texts at 75 characters)."""
    return {"text": _plain(label[:75]), "value": value}


def follow_option(default: Region | None) -> Block:
    """The choice to have the workspace's public holidays."""
    return region_option(FOLLOW, _("Use the workspace's ({region})", region=region_words(default)))


def none_option() -> Block:
    """The choice to have no public holidays."""
    return region_option(NO_HOLIDAYS, _("No public holidays"))


def workdays_form(view: WorkdaysView) -> dict[str, Any]:
    """The form: a checkbox per weekday, in the reader's week order, and the region picker."""
    days = [region_option(str(day), weekday(day)) for day in week_order()]
    checked = [option for option in days if int(option["value"]) in view.week]
    if not view.own_region:
        chosen = follow_option(view.default_region)
    elif view.region is None:
        chosen = none_option()
    else:
        chosen = region_option(str(view.region), region_words(view.region))
    week: Block = {"type": "checkboxes", "action_id": WEEK, "options": days}
    if checked:
        week["initial_options"] = checked
    picker = {
        "type": "external_select",
        "action_id": REGION,
        "min_query_length": 0,
        "placeholder": _plain(_("Type a country or region")),
        "initial_option": chosen,
    }
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain(_("Working days")[:24]),
        "submit": _plain(_("Save")[:24]),
        "close": _plain(_("Cancel")[:24]),
        "blocks": [
            {
                "type": "input",
                "block_id": WEEK,
                "label": _plain(_("Days you work")),
                "element": week,
                "optional": True,
            },
            {
                "type": "input",
                "block_id": REGION,
                "label": _plain(_("Public holidays")),
                "element": picker,
            },
        ],
    }


def read_form(values: dict[str, Any]) -> tuple[frozenset[int], str]:
    """The ticked weekdays and the chosen region's value ("default", "none" or "DE-BY")."""
    ticked = values.get(WEEK, {}).get(WEEK, {}).get("selected_options") or []
    week = frozenset(int(option["value"]) for option in ticked if option["value"].isdigit())
    chosen = values.get(REGION, {}).get(REGION, {}).get("selected_option") or {}
    return week, str(chosen.get("value") or "")
