"""The fake Slack keeps Slack's pace: outages, rate limits with Retry-After, and the history
limits of apps distributed outside the Marketplace."""

from __future__ import annotations

import time
from urllib.error import URLError

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.conftest import ALICE, GENERAL
from tests.support.fake_slack import FakeSlack


def test_it_answers_every_call_after_slacks_pace(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.delay_every_call(0.2)
    began = time.monotonic()
    slack.auth_test()
    assert time.monotonic() - began >= 0.2


def test_an_outage_answers_503_then_ends(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.outage(60)
    with pytest.raises(SlackApiError) as refused:
        slack.chat_postMessage(channel=GENERAL, text="hi")
    assert refused.value.response.status_code == 503
    fake_slack.end_outage()
    assert slack.chat_postMessage(channel=GENERAL, text="hi")["ok"]


def test_an_unreachable_slack_never_answers(fake_slack: FakeSlack, slack: WebClient) -> None:
    fake_slack.outage(60, drop=True)
    with pytest.raises((URLError, ConnectionError)):
        slack.chat_postMessage(channel=GENERAL, text="hi")
    assert fake_slack.messages_to(GENERAL) == []


def test_it_posts_about_one_message_a_second_per_conversation(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    fake_slack.enforce_rate_limits()
    slack.chat_postMessage(channel=GENERAL, text="one")
    slack.chat_postMessage(channel=ALICE, text="elsewhere")
    with pytest.raises(SlackApiError) as limited:
        slack.chat_postMessage(channel=GENERAL, text="two")
    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "1"


def test_a_distributed_app_reads_history_once_a_minute_fifteen_messages_at_a_time(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    for n in range(20):
        fake_slack.post_as(ALICE, GENERAL, f"message {n}")
    fake_slack.distributed_outside_marketplace()
    page = slack.conversations_history(channel=GENERAL, limit=200)
    assert len(page["messages"]) == 15
    with pytest.raises(SlackApiError) as limited:
        slack.conversations_history(channel=GENERAL)
    assert limited.value.response.status_code == 429
    assert 55 <= int(limited.value.response.headers["Retry-After"]) <= 60


def test_replies_in_a_thread_are_read_in_the_thread_not_in_the_history(
    fake_slack: FakeSlack, slack: WebClient
) -> None:
    parent = fake_slack.post_as(ALICE, GENERAL, "lunch?")
    fake_slack.post_as(ALICE, GENERAL, "at noon", thread_ts=parent["ts"])
    history = slack.conversations_history(channel=GENERAL)["messages"]
    thread = slack.conversations_replies(channel=GENERAL, ts=parent["ts"])["messages"]
    assert [m["text"] for m in history] == ["lunch?"]
    assert [m["text"] for m in thread] == ["lunch?", "at noon"]
