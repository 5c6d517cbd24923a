"""The Home tab's Working days section and its form: the region picker, saving, refusing."""

from typing import Any

from sqlalchemy import Engine

from bot.blocks.working_days import OPEN_FORM, REGION, WEEK
from bot.core.holiday_regions import Region
from bot.core.working_days import Schedule
from bot.core.workspace import Workspace
from bot.organisation.settings import schedule_of
from tests.bot.flows import texts
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

ACME = Workspace("T0001")


def home(slack: SettlingDriver, fake: FakeSlack, user_id: str = "UALICE") -> dict[str, Any]:
    slack.event({"type": "app_home_opened", "user": user_id, "channel": "D0HOME", "tab": "home"})
    view = fake.home(user_id)
    assert view is not None
    return view


def open_form(slack: SettlingDriver, fake: FakeSlack, user_id: str = "UALICE") -> dict[str, Any]:
    slack.click(user_id, action_id=OPEN_FORM, view_id=home(slack, fake, user_id)["id"])
    modal = fake.modal(user_id)
    assert modal is not None
    return modal


def test_it_shows_the_week_and_the_next_holidays_by_name(
    slack: SettlingDriver, fake: FakeSlack
) -> None:
    slack.command("UDIDIER", "region DE-BY")
    shown = texts(home(slack, fake, "UDIDIER")["blocks"])
    assert "lundi, mardi, mercredi, jeudi et vendredi" in shown
    assert "Allemagne (Bayern)" in shown
    # From Friday 27 November 2026, Bavaria's next two; `holidays` names Germany's in German
    # and English only, so a French reader gets English.
    assert "Christmas Day" in shown and "Second Day of Christmas" in shown
    assert shown.count("<!date^") >= 2


def test_it_saves_a_week_and_a_region_picked_from_the_list(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake)
    offered = slack.suggest("UALICE", modal["id"], REGION, query="bay").json()["options"]
    values = [option["value"] for option in offered]
    assert values[:2] == ["default", "none"] and "DE-BY" in values
    bavaria = next(option for option in offered if option["value"] == "DE-BY")
    reply = slack.submit("UALICE", modal["id"], {WEEK: ["6", "0", "1", "2", "3"], REGION: bavaria})
    assert reply.status == 200 and not reply.text
    assert schedule_of(engine, ACME, "UALICE") == Schedule(
        frozenset({6, 0, 1, 2, 3}), Region("DE", "BY")
    )
    assert "Germany (Bayern)" in texts(fake.home("UALICE")["blocks"])  # type: ignore[index]


def test_it_offers_regions_in_the_readers_language(slack: SettlingDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    offered = slack.suggest("UDIDIER", modal["id"], REGION, query="allem").json()["options"]
    assert [o["text"]["text"] for o in offered[2:4]] == [
        "Allemagne",
        "Allemagne (Baden-Württemberg) · DE-BW",
    ]


def test_it_names_an_overseas_department_as_its_reader_does_whatever_its_accents(
    slack: SettlingDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    offered = slack.suggest("UDIDIER", modal["id"], REGION, query="REUNION").json()["options"]
    shown = [o["text"]["text"] for o in offered[2:]]
    assert "France (La Réunion) · FR-974" in shown and "(RE)" not in " ".join(shown)


def test_it_refuses_a_week_without_a_working_day(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake)
    answer = slack.submit("UALICE", modal["id"], {WEEK: []}).json()
    assert answer == {
        "response_action": "errors",
        "errors": {WEEK: "Choose at least one day you work."},
    }
    assert schedule_of(engine, ACME, "UALICE") == Schedule()


def test_it_refuses_a_region_it_does_not_know(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake)
    answer = slack.submit("UALICE", modal["id"], {WEEK: ["0"], REGION: "ZZ-TOP"}).json()
    assert answer["errors"] == {
        REGION: "I don't know the country “ZZ-TOP”. Try a code like `DE`, `FR` or `US`."
    }
    assert schedule_of(engine, ACME, "UALICE") == Schedule()


def test_it_fills_the_form_with_the_persons_choices(slack: SettlingDriver, fake: FakeSlack) -> None:
    slack.command("UALICE", "week sun-thu")
    modal = open_form(slack, fake)
    blocks = {b["block_id"]: b["element"] for b in modal["blocks"] if b["type"] == "input"}
    assert [o["value"] for o in blocks[WEEK]["initial_options"]] == [
        "6",
        "0",
        "1",
        "2",
        "3",
    ]  # Sunday first in en-US
    assert blocks[REGION]["initial_option"]["value"] == "default"
