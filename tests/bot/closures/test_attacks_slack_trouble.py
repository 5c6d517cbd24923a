"""Attacks with Slack in trouble while closing: limits while paging, errors at Close."""

from sqlalchemy import Engine

from bot.blocks.closures import CLOSE, OPT_OUT
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows, states
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack


def test_a_rate_limit_partway_through_the_workspace_still_closes_for_everyone(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    for i in range(7):
        fake.add_user(f"UP{i}", f"p{i}", tz="Asia/Seoul", locale="ko-KR")
    fake.paginate(3)
    fake.rate_limit_next("users.list", retry_after=1, after=2)

    said = close(slack, fake, "UALICE", "everyone 24 Dec")

    assert said[0]["text"] == "Closing for 11 people (everyone)…"
    assert len(closure_rows(engine)) == 11
    assert all(state == "applied" for user, state in states(engine).items() if user != "UBOT")


def test_slack_failing_at_close_applies_nothing_and_close_can_be_clicked_again(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin")
    confirmation = ask_to_close(slack, fake, "UALICE", "everyone 24 Dec")
    fake.fail_next("users.list", "internal_error")

    first = slack.click("UALICE", action_id=CLOSE, message=confirmation)
    slack.settle()
    assert "try again" in fake.responses(first.response_url or "")[-1]["text"]
    assert closure_rows(engine) == []
    assert fake.messages_to("UBOB") == []

    slack.click("UALICE", action_id=CLOSE, message=confirmation)
    slack.settle()

    assert len(closure_rows(engine)) == 4
    assert len([m for m in fake.messages_to("UBOB") if OPT_OUT in str(m.get("blocks"))]) == 1
