"""Hidden reasons stay hidden from others however an admin names or adds types; the owner still
reads hers; team views mark holidays and count only the people who would work."""

import pytest
from sqlalchemy import Engine

from bot.blocks.working_days import OPEN_FORM, REGION
from tests.bot.flows import save, texts
from tests.bot.replies.replying import GENERAL, out
from tests.bot.team.team_flows import ask
from tests.conftest import SettlingDriver
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def _admin(slack: SlackDriver, fake: FakeSlack, *words: str) -> None:
    fake.add_user("UERIN", "erin", tz="Europe/Paris", locale="en-US", role="admin")
    for said in words:
        assert slack.command("UERIN", f"admin {said}").status == 200


def _reply_to_bob(slack: SlackDriver, fake: FakeSlack) -> str:
    slack.message("UBOB", GENERAL, "<@UALICE> can you review my PR?")
    [answer] = fake.ephemerals_seen("UBOB", GENERAL)
    return str(answer["text"]) + texts(answer["blocks"])


def test_a_renamed_sick_leave_stays_hidden(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _admin(slack, fake, "types rename sick Burnout recovery")
    out(engine, leave_type="sick")
    assert "Burnout" not in _reply_to_bob(slack, fake)


def test_a_type_added_hidden_stays_hidden(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _admin(slack, fake, "types add Medical appointment :hospital: hidden")
    out(engine, leave_type="custom_1")
    said = _reply_to_bob(slack, fake)
    assert "Medical" not in said and ":hospital:" not in said


def test_hide_on_hides_a_vacation_left_at_the_default(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    _admin(slack, fake, "hide on")
    save(slack, fake, "UALICE", "vacation from 30 November to 2 December")
    team = str(ask(slack, fake, "UBOB", "#support"))
    assert "Vacation" not in team and ":palm_tree:" not in team


def test_her_own_list_shows_her_hidden_sick_leave(slack: SlackDriver, fake: FakeSlack) -> None:
    save(slack, fake, "UDIDIER", "arrêt maladie du 30 novembre au 2 décembre")
    listed = texts(slack.command("UDIDIER", "list").json()["blocks"])
    assert "Arrêt maladie" in listed
    assert "Sick" not in listed


def test_coverage_counts_only_people_who_would_work(slack: SlackDriver, fake: FakeSlack) -> None:
    slack.command("UBOB", "region IT")
    save(slack, fake, "UALICE", "sick from 7 December to 9 December")
    team = str(ask(slack, fake, "UCAROL", "#support"))
    # Tuesday 8 December is a holiday in Italy: Alice is the only one who would have worked.
    assert "more than 50% of the team is away on Tue 8 Dec (1 of 1)" in team
    assert "on Mon 7 Dec" not in team
    assert "Sick" not in team and "thermometer" not in team


def _region_options(slack: SettlingDriver, fake: FakeSlack, locale: str, query: str) -> list[str]:
    fake.add_user("UXAVIER", "xavier", tz="Asia/Tokyo", locale=locale)
    slack.event({"type": "app_home_opened", "user": "UXAVIER", "channel": "D0X", "tab": "home"})
    home = fake.home("UXAVIER")
    assert home is not None
    slack.click("UXAVIER", action_id=OPEN_FORM, view_id=home["id"])
    modal = fake.modal("UXAVIER")
    assert modal is not None
    options = slack.suggest("UXAVIER", modal["id"], REGION, query=query).json()["options"]
    assert len(options) <= 100 and all(len(o["text"]["text"]) <= 75 for o in options)
    return [str(o["value"]) for o in options]


@pytest.mark.parametrize(
    ("locale", "query"),
    [
        ("ja-JP", "ドイツ"),
        ("ko-KR", "독일"),
        ("zh-CN", "德国"),
        ("zh-TW", "德國"),
        ("es-ES", "alem"),
    ],
)
def test_the_region_picker_finds_germany_in_her_language(
    slack: SettlingDriver, fake: FakeSlack, locale: str, query: str
) -> None:
    assert "DE-BY" in _region_options(slack, fake, locale, query)


@pytest.mark.parametrize("query", ["a", "", "é", "x" * 300, "<@UALICE>"])
def test_the_region_picker_keeps_within_slacks_limits(
    slack: SettlingDriver, fake: FakeSlack, query: str
) -> None:
    assert _region_options(slack, fake, "fr-FR", query)[:2] == ["default", "none"]


@pytest.mark.xfail(
    strict=True,
    reason="no Japanese names for German states: Babel has no CLDR subdivisions, `holidays` none",
)
def test_the_region_picker_finds_bavaria_in_japanese(
    slack: SettlingDriver, fake: FakeSlack
) -> None:
    assert "DE-BY" in _region_options(slack, fake, "ja-JP", "バイエルン")


@pytest.mark.parametrize(
    ("locale", "words", "shown"),
    [
        (
            "fr-FR",
            "arrêt maladie demain",
            ":face_with_thermometer: Arrêt maladie · masqué aux autres",
        ),
        ("ja-JP", "病欠 明日", ":face_with_thermometer: 病気休暇 · 他の人には非表示"),
        ("de-DE", "krank morgen", ":face_with_thermometer: Krankheit · für andere ausgeblendet"),
    ],
)
def test_her_dm_and_list_show_her_sick_leave_hidden_in_her_language(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str, shown: str
) -> None:
    fake.add_user("UXAVIER", "xavier", tz="Europe/Paris", locale=locale)
    save(slack, fake, "UXAVIER", words)
    dm = fake.last_dm("UXAVIER")
    assert dm is not None and shown in texts(dm["blocks"])
    assert shown in texts(slack.command("UXAVIER", "list").json()["blocks"])
