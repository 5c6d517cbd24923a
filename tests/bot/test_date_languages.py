"""People whose Slack is in another language meet the date reader in it: previews and refusals.

Keiko's Slack is in Japanese (Tokyo), Didier's in French, Mei's in traditional Chinese (Taipei).
The clock stands at Friday 27 November 2026, 19:00 in Tokyo.
"""

import pytest

from tests.bot.flows import input_value, open_form, texts, type_dates
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture(autouse=True)
def _people(fake: FakeSlack) -> None:
    fake.add_user("UKEIKO", "keiko", tz="Asia/Tokyo", locale="ja-JP")
    fake.add_user("UMEI", "mei", tz="Asia/Taipei", locale="zh-TW")


def test_it_previews_typed_dates_in_japanese(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UKEIKO", "出張 12月7日〜12月9日")
    assert input_value(modal, "start_date") == "2026-12-07"
    assert input_value(modal, "end_date") == "2026-12-09"
    assert "12月7日(月) 00:00 → 12月9日(水)、12月10日(木)に復帰 · Asia/Tokyo" in texts(
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
    assert "lun. 7 déc. 00:00 → mer. 9 déc., retour jeu. 10 déc." in texts(
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
