"""The modal's options acting as Alice: shown once her account is connected, stored as ticked."""

from collections.abc import Callable

import httpx
from sqlalchemy import Engine

from bot.blocks.account import CONNECT_BUTTON
from tests.bot.accounts.conftest import ALICE
from tests.bot.accounts.connected.connecting import open_home
from tests.bot.flows import input_value, open_form, stored
from tests.conftest import SettlingDriver
from tests.support.driver import find_element
from tests.support.fake_slack import FakeSlack


def choices(modal: dict[str, object], action_id: str) -> list[str]:
    """The values of a checkbox group's options."""
    _, element = find_element(modal["blocks"], action_id)  # type: ignore[arg-type]
    return [option["value"] for option in element["options"]]


def test_before_connecting_the_modal_offers_the_link_instead_of_the_options(
    slack: SettlingDriver, fake: FakeSlack
) -> None:
    modal = open_form(slack, fake, ALICE, "until further notice")
    assert choices(modal, "notify") == ["notify_self"]
    assert choices(modal, "handling") == ["digest"]
    _, link = find_element(modal["blocks"], CONNECT_BUTTON)
    assert link["url"].startswith("https://slack.com/oauth/v2/authorize?")


def test_once_connected_she_chooses_status_snooze_and_answering_dms_as_herself(
    connect_alice: Callable[..., httpx.Response],
    slack: SettlingDriver,
    fake: FakeSlack,
    engine: Engine,
) -> None:
    connect_alice()
    modal = open_form(slack, fake, ALICE, "until further notice")
    assert choices(modal, "notify") == ["notify_self", "set_status", "pause_notifications"]
    assert choices(modal, "handling") == ["digest", "reply_as_me"]
    # Her status is set unless she says otherwise; the rest waits for her to ask.
    assert [o["value"] for o in input_value(modal, "notify")] == ["notify_self", "set_status"]
    ticked = {"notify": ["pause_notifications"], "handling": ["digest", "reply_as_me"]}
    slack.submit(ALICE, modal["id"], ticked)
    [responder] = stored(engine)
    assert (responder.set_status, responder.pause_notifications) == (False, True)
    assert (responder.reply_as_me, responder.keep_digest) == (True, True)


def test_the_home_tab_says_where_ooo_hears_her_before_and_after_connecting(
    connect_alice: Callable[..., httpx.Response], slack: SettlingDriver, fake: FakeSlack
) -> None:
    open_home(slack)
    before = str(fake.home(ALICE))
    assert "in the channels @ooo is in" in before and "direct message" in before
    connect_alice()
    open_home(slack)
    after = str(fake.home(ALICE))
    assert "answers your *direct messages*" in after and "channels @ooo is in" not in after


def test_a_group_or_channel_responder_never_acts_as_her(
    connect_alice: Callable[..., httpx.Response], slack: SettlingDriver, fake: FakeSlack
) -> None:
    connect_alice()
    modal = open_form(slack, fake, ALICE, "until further notice")
    slack.click(ALICE, action_id="kind", view_id=modal["id"], option="shared")
    shared = fake.modal(ALICE)
    assert shared is not None
    assert choices(shared, "notify") == ["notify_self"]
    assert choices(shared, "handling") == ["digest"]
