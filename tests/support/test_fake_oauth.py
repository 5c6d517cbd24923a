"""The fake's OAuth is as strict as Slack's: codes and refresh tokens work once, tokens stay
in their workspace, revoked or expired tokens stop working."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack

CLIENT = {"client_id": "1.2", "client_secret": "shh"}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 27, 10, tzinfo=UTC))


@pytest.fixture
def oauth(clock: FakeClock) -> Iterator[FakeSlack]:
    """A fake with the app registered (tokens rotating), Alice in T0001 and Bob in T0002."""
    with FakeSlack(now=clock) as fake:
        fake.register_app(CLIENT["client_id"], CLIENT["client_secret"], rotation=True)
        fake.add_user("UALICE", "alice")
        fake.add_workspace("T0002").add_user("UBOB", "bob")
        yield fake


def exchange(fake: FakeSlack, **args: str) -> dict[str, object]:
    answer = WebClient(base_url=fake.api_url).oauth_v2_access(**CLIENT, **args)  # type: ignore[arg-type]
    return dict(answer.data)  # type: ignore[arg-type]


def test_a_code_works_once(oauth: FakeSlack) -> None:
    code = oauth.approve("UALICE", ["users:read"])
    assert exchange(oauth, code=code)["team"] == {"id": "T0001", "name": "Team T0001"}
    oauth.allow("invalid_code")
    with pytest.raises(SlackApiError, match="invalid_code"):
        exchange(oauth, code=code)


def test_a_refresh_token_works_once_and_an_old_token_expires(
    oauth: FakeSlack, clock: FakeClock
) -> None:
    first = exchange(oauth, code=oauth.approve("UALICE", ["users:read"]))
    refreshed = exchange(
        oauth, grant_type="refresh_token", refresh_token=str(first["refresh_token"])
    )
    oauth.allow("invalid_refresh_token", "token_expired")
    with pytest.raises(SlackApiError, match="invalid_refresh_token"):
        exchange(oauth, grant_type="refresh_token", refresh_token=str(first["refresh_token"]))
    clock.advance(hours=12)
    with pytest.raises(SlackApiError, match="token_expired"):
        WebClient(base_url=oauth.api_url, token=str(first["access_token"])).auth_test()
    assert refreshed["access_token"] != first["access_token"]


def test_a_token_sees_only_its_own_workspace(oauth: FakeSlack) -> None:
    token = str(exchange(oauth, code=oauth.approve("UALICE", ["users:read"]))["access_token"])
    client = WebClient(base_url=oauth.api_url, token=token)
    oauth.allow("user_not_found")
    assert client.auth_test()["team_id"] == "T0001"
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="UBOB")


def test_wrong_app_credentials_are_refused(oauth: FakeSlack) -> None:
    oauth.allow("bad_client_secret")
    client = WebClient(base_url=oauth.api_url)
    with pytest.raises(SlackApiError, match="bad_client_secret"):
        client.oauth_v2_access(client_id="1.2", client_secret="guess", code="x")


def test_revoked_tokens_stop_working(oauth: FakeSlack) -> None:
    token = str(exchange(oauth, code=oauth.approve("UALICE", ["users:read"]))["access_token"])
    client = WebClient(base_url=oauth.api_url, token=token)
    assert client.auth_revoke()["revoked"] is True
    oauth.allow("invalid_auth")
    with pytest.raises(SlackApiError, match="invalid_auth"):
        client.auth_test()
    assert oauth.installed_tokens("T0001") == []
