"""The fake keeps each person's status and snooze, and only their own token may change them."""

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

SCOPES = ("users.profile:read", "users.profile:write", "dnd:read", "dnd:write")
STATUS = {"status_text": "Out of office", "status_emoji": ":palm_tree:", "status_expiration": 0}


@pytest.fixture
def fake(clock: FakeClock) -> Iterator[FakeSlack]:
    """The fake Slack on the test's clock, with Alice."""
    with FakeSlack(now=clock) as slack:
        slack.add_user("UALICE", "alice")
        yield slack


def client(fake: FakeSlack, token: str) -> WebClient:
    return WebClient(token=token, base_url=fake.api_url, retry_handlers=[])


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("users.profile.set", {"json": {"profile": STATUS}}),
        ("dnd.setSnooze", {"params": {"num_minutes": 60}}),
        ("dnd.endSnooze", {}),
    ],
)
def test_it_refuses_user_only_methods_called_with_the_bot_token(
    fake: FakeSlack, method: str, args: dict[str, object]
) -> None:
    fake.allow("not_allowed_token_type")
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        client(fake, fake.bot_token).api_call(method, **args)  # type: ignore[arg-type]


def test_it_keeps_a_persons_status_until_it_expires(fake: FakeSlack, clock: FakeClock) -> None:
    alice = client(fake, fake.grant_user_token("UALICE", SCOPES))
    expiration = int(clock().timestamp()) + 3600
    alice.users_profile_set(profile=STATUS | {"status_expiration": expiration})
    assert fake.status_of("UALICE") == ("Out of office", ":palm_tree:", expiration)
    clock.advance(hours=1)
    assert fake.status_of("UALICE") == ("", "", 0)
    assert alice.users_profile_get()["profile"]["status_text"] == ""


def test_it_snoozes_for_at_most_a_day_and_ends_a_snooze(fake: FakeSlack, clock: FakeClock) -> None:
    alice = client(fake, fake.grant_user_token("UALICE", SCOPES))
    fake.allow("too_long", "snooze_not_active")
    with pytest.raises(SlackApiError, match="too_long"):
        alice.dnd_setSnooze(num_minutes=24 * 60 + 1)
    alice.dnd_setSnooze(num_minutes=90)
    assert fake.snooze_of("UALICE") == int(clock().timestamp()) + 90 * 60
    assert alice.dnd_info()["snooze_enabled"] is True
    alice.dnd_endSnooze()
    assert fake.snooze_of("UALICE") is None and alice.dnd_info()["snooze_enabled"] is False
    with pytest.raises(SlackApiError, match="snooze_not_active"):
        alice.dnd_endSnooze()
