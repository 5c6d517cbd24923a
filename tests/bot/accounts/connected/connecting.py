"""Connecting Alice's account the way she would: the Home tab's link, Slack's page, back to ooo."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import Engine
from sqlmodel import select

from bot.blocks.account import CONNECT_BUTTON
from storage.db import session_scope
from storage.models import ConnectedAccount
from tests.bot.accounts.conftest import ALICE
from tests.conftest import SettlingDriver
from tests.support.driver import SlackDriver, find_element, with_ids
from tests.support.fake_slack import FakeSlack


def home_element(fake: FakeSlack, user: str, action_id: str) -> dict[str, Any]:
    """An element of the person's Home tab, by action id."""
    home = fake.home(user)
    assert home is not None, "no Home tab was published"
    return find_element(with_ids(home["blocks"]), action_id)[1]


def open_home(slack: SlackDriver, user: str = ALICE) -> None:
    """The person opens ooo's Home tab."""
    slack.event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"})


def connect_link(slack: SettlingDriver, fake: FakeSlack, user: str = ALICE) -> dict[str, str]:
    """Open the Home tab and read the query of its Connect my account link."""
    open_home(slack, user)
    url = home_element(fake, user, CONNECT_BUTTON)["url"]
    assert url.startswith("https://slack.com/oauth/v2/authorize?")
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def connect(
    slack: SettlingDriver, fake: FakeSlack, browser: httpx.Client, app_url: str, **query: str
) -> httpx.Response:
    """Click Connect my account, allow ooo on Slack's page, and follow Slack back to ooo."""
    asked = connect_link(slack, fake)
    code = fake.approve(ALICE, (), user_scopes=asked["user_scope"].split(","))
    back = browser.get(
        f"{app_url}/slack/oauth_redirect", params={"code": code, "state": asked["state"]} | query
    )
    slack.settle()
    return back


def accounts_stored(engine: Engine) -> list[ConnectedAccount]:
    """Every connected account."""
    with session_scope(engine) as session:
        return list(session.exec(select(ConnectedAccount)).all())
