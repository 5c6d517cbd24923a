"""The fake's direct messages between people: only its two members see them, as themselves."""

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

SCOPES = ("im:history", "im:read", "chat:write")


@pytest.fixture
def fake(clock: FakeClock) -> Iterator[FakeSlack]:
    """The fake Slack with Alice, Bob and Carol."""
    with FakeSlack(now=clock) as slack:
        for person in ("alice", "bob", "carol"):
            slack.add_user(f"U{person.upper()}", person)
        yield slack


def client(fake: FakeSlack, token: str) -> WebClient:
    return WebClient(token=token, base_url=fake.api_url, retry_handlers=[])


def test_a_dm_between_two_people_is_one_conversation_with_its_own_type(fake: FakeSlack) -> None:
    channel = fake.open_dm("UALICE", "UBOB")
    assert fake.open_dm("UBOB", "UALICE") == channel and channel.startswith("D")
    assert fake.post_as("UBOB", channel, "hi")["channel_type"] == "im"
    with pytest.raises(AssertionError):
        fake.post_as("UCAROL", channel, "let me in")


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("conversations.info", {}),
        ("chat.postMessage", {"text": "hello"}),
        ("chat.getPermalink", {"message_ts": "1.0"}),
        ("conversations.history", {}),
    ],
)
def test_ooo_s_bot_cannot_see_it(fake: FakeSlack, method: str, args: dict[str, str]) -> None:
    channel = fake.open_dm("UALICE", "UBOB")
    fake.allow("channel_not_found")
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client(fake, fake.bot_token).api_call(method, json={"channel": channel, **args})


def test_each_member_sees_the_other_and_posts_as_themself(fake: FakeSlack) -> None:
    channel = fake.open_dm("UALICE", "UBOB")
    alice = client(fake, fake.grant_user_token("UALICE", SCOPES))
    bob = client(fake, fake.grant_user_token("UBOB", SCOPES))
    assert alice.conversations_info(channel=channel)["channel"]["user"] == "UBOB"
    assert bob.conversations_info(channel=channel)["channel"]["user"] == "UALICE"
    posted = alice.chat_postMessage(channel=channel, text="back Monday")
    assert posted["message"]["user"] == "UALICE" and "bot_id" not in posted["message"]
    [seen] = bob.conversations_history(channel=channel)["messages"]
    assert seen["text"] == "back Monday"
    link = bob.chat_getPermalink(channel=channel, message_ts=posted["ts"])["permalink"]
    assert channel in link
    fake.allow("channel_not_found")
    carol = client(fake, fake.grant_user_token("UCAROL", SCOPES))
    with pytest.raises(SlackApiError, match="channel_not_found"):
        carol.conversations_info(channel=channel)
