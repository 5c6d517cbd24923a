"""Attacks on how `/ooo team export` sends its file: Slack failing midway, huge teams."""

import pytest
from sqlalchemy import Engine

from storage.db import session_scope
from storage.models import ResponderRow
from tests.bot.exports.export_flows import away, by_person, export, sent_csv
from tests.bot.team.team_flows import SECRET, on
from tests.conftest import NOW
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def alice_away(engine: Engine) -> None:
    """Alice is away Monday 30 November to Friday 4 December."""
    away(engine, "UALICE", on(30), on(5, 12))


@pytest.mark.usefixtures("alice_away")
@pytest.mark.parametrize("status", [500, 503, 413])
def test_the_upload_server_refusing_the_bytes_is_said_and_nothing_is_shared(
    slack: SlackDriver, fake: FakeSlack, status: int
) -> None:
    fake.fail_next_upload(status)
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert "try again in a minute" in then
    assert fake.files_in("UCAROL") == []
    assert fake.calls_to("files.completeUploadExternal") == []
    assert fake.messages_to("UCAROL") == []


@pytest.mark.usefixtures("alice_away")
def test_trying_again_after_a_failed_upload_sends_one_file(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.fail_next_upload(500)
    export(slack, fake, "UCAROL", "@oncall")
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert then.startswith("Sent to your DM")
    assert set(by_person(sent_csv(fake, "UCAROL"))) == {"UALICE"}


@pytest.mark.usefixtures("alice_away")
def test_a_failed_upload_is_said_in_the_askers_language(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.fail_next_upload(500)
    _, then = export(slack, fake, "UDIDIER", "@oncall")
    assert "try again" not in then and then
    assert fake.files_in("UDIDIER") == []


@pytest.mark.usefixtures("alice_away")
def test_slack_limiting_the_upload_url_is_waited_out_or_said(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.rate_limit_next("files.getUploadURLExternal", retry_after=1)
    _, then = export(slack, fake, "UCAROL", "@oncall")
    shared = fake.files_in("UCAROL")
    assert then.startswith("Sent to your DM") or "try again in a minute" in then
    assert len(shared) == (1 if then.startswith("Sent") else 0)


@pytest.mark.usefixtures("alice_away")
def test_completing_refused_after_the_bytes_went_up_leaves_nothing_in_the_dm(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.fail_next("files.completeUploadExternal", "internal_error")
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert "try again in a minute" in then
    assert fake.messages_to("UCAROL") == []


def test_a_channel_of_more_than_two_thousand_people_is_refused_with_how_to_narrow_it(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    people = [f"UP{n:05d}" for n in range(2001)]
    for person in people:
        fake.add_user(person, person.lower())
    fake.add_channel("C0ALLHANDS", "all-hands", members=[*people, "UBOT"])
    _, then = export(slack, fake, "UCAROL", "#all-hands")
    assert "2,001 people" in then and "smaller channel or user group" in then
    assert fake.files_in("UCAROL") == []


@pytest.mark.usefixtures("alice_away")
@pytest.mark.parametrize(
    "words",
    [
        "from 1 December 2026 to 1 December 2036",
        "for the next 100 years",
        "du 1er janvier 2026 au 31 décembre 9999",
    ],
)
def test_a_huge_period_is_exported_or_refused_clearly(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    reply = slack.command("UCAROL", f"team export @oncall {words}")
    assert reply.status == 200
    answers = fake.responses(reply.response_url or "")
    assert answers, "nothing said"
    if fake.files_in("UCAROL"):
        assert set(by_person(sent_csv(fake, "UCAROL"))) == {"UALICE"}
    else:
        assert "Try" in answers[-1]["text"] or "shorter period" in answers[-1]["text"]


@pytest.mark.usefixtures("alice_away")
def test_the_last_year_of_the_calendar_is_answered(slack: SlackDriver, fake: FakeSlack) -> None:
    reply = slack.command("UCAROL", "team export @oncall from 1 January 9999 to 31 December 9999")
    assert reply.status == 200
    assert fake.responses(reply.response_url or ""), "nothing said"


@pytest.mark.parametrize("method", ["conversations.members", "users.list"])
def test_slack_limiting_midway_through_the_team_never_sends_part_of_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, method: str
) -> None:
    for person in ["UALICE", "UBOB", "UCAROL"]:
        away(engine, person, on(30), on(5, 12))
    fake.paginate(1)
    fake.rate_limit_next(method, retry_after=30, after=1)
    _, then = export(slack, fake, "UDIDIER", "#general")
    if fake.files_in("UDIDIER"):
        assert set(by_person(sent_csv(fake, "UDIDIER"))) == {"UALICE", "UBOB", "UCAROL"}
    else:
        assert "minute" in then.lower(), then


def test_a_file_over_a_megabyte_still_reaches_the_dm(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    people = [f"UP{n:04d}" for n in range(1000)]
    for person in people:
        fake.add_user(person, f"{person.lower()} {'long-display-name-' * 3}")
    fake.add_usergroup("S0BIG", "big", "Big", users=people)
    rows = [
        ResponderRow(
            team_id="T0001",
            owner_id=person,
            kind="personal",
            starts_at=on(1 + week * 2, 12) if week < 15 else on(31, 12),
            ends_at=on(2 + week * 2, 12) if week < 15 else None,
            tz="Europe/Paris",
            message=SECRET,
            leave_type="vacation",
            created_at=NOW,
            updated_at=NOW,
        )
        for person in people
        for week in range(16)
    ]
    with session_scope(engine) as session:
        session.add_all(rows)
    _, then = export(slack, fake, "UCAROL", "@big next month")
    assert then.startswith("Sent to your DM"), then
    [shared] = fake.files_in("UCAROL")
    assert shared.content is not None and len(shared.content) > 1024 * 1024
    assert len(sent_csv(fake, "UCAROL")) == 1 + 16_000
