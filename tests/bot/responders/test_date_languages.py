"""People whose Slack is in another language meet the date reader in it: previews and refusals.

Keiko's Slack is in Japanese (Tokyo), Didier's in French, Mei's in traditional Chinese (Taipei),
Jonas's in German (Berlin). The clock stands at Friday 27 November 2026, 19:00 in Tokyo.
"""

from datetime import date

import pytest
from sqlalchemy import Engine

from storage.responder_rows import value_of
from tests.bot.flows import block_ids, input_value, open_form, stored, texts, type_dates
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def _people(fake: FakeSlack) -> None:
    fake.add_user("UKEIKO", "keiko", tz="Asia/Tokyo", locale="ja-JP")
    fake.add_user("UMEI", "mei", tz="Asia/Taipei", locale="zh-TW")
    fake.add_user("UJONAS", "jonas", tz="Europe/Berlin", locale="de-DE")


def test_it_previews_typed_dates_in_japanese(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UKEIKO", "出張 12月7日〜12月9日")
    assert input_value(modal, "start_date") == "2026-12-07"
    assert input_value(modal, "end_date") == "2026-12-09"
    shown = texts(modal["blocks"])
    assert all(day in shown for day in ("12月7日(月) 0:00 → 12月9日(水)", "12月10日(木)")), shown


def test_it_previews_typed_dates_in_japanese_words(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UKEIKO", "出張 12月7日〜12月9日")
    assert "12月7日(月) 0:00 → 12月9日(水)、12月10日(木)に復帰 · Asia/Tokyo" in texts(
        modal["blocks"]
    )


def test_it_warns_in_the_persons_language_when_typed_dates_are_unreadable(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UMEI")
    type_dates(slack, "UMEI", modal, "你好")
    shown = texts(fake.modal("UMEI")["blocks"])
    assert "無法把“你好”讀作日期。" in shown
    assert "試試“從12月20日到1月3日”或“週一回來”。" in shown


def test_it_previews_picked_dates_in_french(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    picked = {"start_date": "2026-12-07", "end_date": "2026-12-09"}
    slack.click("UDIDIER", action_id="end_date", view_id=modal["id"], inputs=picked)
    shown = texts(fake.modal("UDIDIER")["blocks"])
    assert all(day in shown for day in ("lun. 7 déc., 00:00 → mer. 9 déc.", "jeu. 10 déc.")), shown


def test_it_previews_picked_dates_in_french_words(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    picked = {"start_date": "2026-12-07", "end_date": "2026-12-09"}
    slack.click("UDIDIER", action_id="end_date", view_id=modal["id"], inputs=picked)
    assert "lun. 7 déc., 00:00 → mer. 9 déc., retour jeu. 10 déc." in texts(
        fake.modal("UDIDIER")["blocks"]
    )


def test_it_opens_the_form_saying_in_japanese_that_a_reason_is_not_dates(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UKEIKO", "休暇")
    assert input_value(modal, "when") == "休暇"
    assert "「休暇」には不在の理由はありますが、日付がありません。" in texts(modal["blocks"])


def test_it_refuses_a_save_in_the_persons_language(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UKEIKO")
    answer = slack.submit("UKEIKO", modal["id"], {"when": "昨日"})
    [error] = answer.json()["errors"].values()
    assert error.startswith("終わりが過去になっています")


def test_it_prefills_a_start_given_without_an_end_and_asks_for_the_end_in_german(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, "UJONAS", "Urlaub ab Montag")
    assert input_value(modal, "when") == "Urlaub ab Montag"
    assert input_value(modal, "start_date") == "2026-11-30"
    assert input_value(modal, "end_date") is None
    assert not input_value(modal, "permanent")
    assert "Urlaub ab Montag" in texts(modal["blocks"])


def test_it_asks_for_the_end_in_german(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UJONAS", "Urlaub ab Montag")
    reason = "„Urlaub ab Montag“ sagt, wann die Abwesenheit beginnt, aber nicht, wann sie endet."
    assert f"{reason} Wann endet sie? Wähle unten den letzten Tag." in texts(modal["blocks"])


def test_it_saves_nothing_from_a_start_without_an_end_until_an_end_is_picked(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(slack, fake, "UJONAS", "Urlaub ab Montag")
    answer = slack.submit("UJONAS", modal["id"], {}).json()
    assert answer["response_action"] == "errors"
    assert "letzten Tag" in answer["errors"][block_ids(modal)["end_date"]]
    assert stored(engine) == []
    slack.submit("UJONAS", modal["id"], {"end_date": "2026-12-04"})
    [responder] = [value_of(row) for row in stored(engine)]
    assert responder.window("Europe/Berlin").start.isoformat() == "2026-11-30T00:00:00+01:00"
    assert responder.window("Europe/Berlin").last_day == date(2026, 12, 4)


def test_it_prefills_a_start_time_typed_without_an_end(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    type_dates(slack, "UDIDIER", modal, "à partir de lundi 14h")
    updated = fake.modal("UDIDIER")
    assert (input_value(updated, "start_date"), input_value(updated, "start_time")) == (
        "2026-11-30",
        "14:00",
    )
    assert input_value(updated, "end_date") is None
    assert "à partir de lundi 14h" in texts(updated["blocks"])


def test_it_asks_for_the_end_in_french(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UDIDIER")
    type_dates(slack, "UDIDIER", modal, "à partir de lundi 14h")
    shown = texts(fake.modal("UDIDIER")["blocks"])
    assert "Quand finit-elle ? Choisissez le dernier jour ci-dessous." in shown
