"""`/ooo team export` end to end: a team's absences as a CSV in the asker's DM, privately."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bot.app import build_services, create_app
from bot.config import Settings
from bot.core import exports
from bot.core.workspace import Workspace
from storage import setting_queries
from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.bot.exports.export_flows import (
    HEADER,
    away,
    by_person,
    export,
    file_message,
    sent_csv,
)
from tests.bot.team.team_flows import SECRET, on
from tests.conftest import NOW, SettlingDriver, served
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.fake_slack_checks import manifest_bot_scopes

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def alice_and_bob_away(engine: Engine) -> None:
    """Alice is on vacation Monday 30 Nov to Friday 4 Dec; Bob trains on 3 Dec, 9:00 to 13:00."""
    away(engine, "UALICE", on(30), on(5, 12))
    bob_start = datetime(2026, 12, 3, 9, tzinfo=NEW_YORK).astimezone(UTC)
    bob_end = datetime(2026, 12, 3, 13, tzinfo=NEW_YORK).astimezone(UTC)
    away(engine, "UBOB", bob_start, bob_end, leave_type="training", tz="America/New_York")


@pytest.mark.usefixtures("alice_and_bob_away")
@pytest.mark.parametrize(
    "words", ["<#C0GENERAL|general>", "#general", "<!subteam^S0ONCALL|@oncall>"]
)
def test_it_sends_the_asker_a_csv_of_a_channels_or_groups_absences(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    at_once, then = export(slack, fake, "UCAROL", words)
    assert at_once.startswith("Preparing the export of ")
    assert then.startswith("Sent to your DM")
    rows = sent_csv(fake, "UCAROL")
    assert rows[0] == HEADER
    assert by_person(rows) == {
        # Carol reads British English.
        "UALICE": ["Alice", "UALICE", "Holiday", "2026-11-30", "2026-12-04", "Europe/Paris", "5"],
        "UBOB": [
            "Bob",
            "UBOB",
            "Training",
            "2026-12-03T09:00",
            "2026-12-03T13:00",
            "America/New_York",
            "1",
        ],
    }
    assert fake.files_in("UALICE") == [] and fake.files_in("C0GENERAL") == []


@pytest.mark.usefixtures("alice_and_bob_away")
def test_it_says_which_period_it_took_when_none_was_given(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    export(slack, fake, "UBOB", "@oncall")
    comment = file_message(fake, "UBOB")["text"]
    assert "2 absences in @oncall from Sun, Nov 1, 2026 to Sun, Jan 31, 2027." in comment
    assert "this month and the next two" in comment
    [shared] = fake.files_in("UBOB")
    assert shared.filename == "absences-oncall-2026-11-01-2027-01-31.csv"


def test_it_exports_the_saved_team_over_the_dates_typed(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UBOB", on(1, 1).replace(year=2027), None)  # from 1 January on
    slack.command("UCAROL", "team set @oncall")
    export(slack, fake, "UCAROL", "from 2 December to 31 December")
    rows = by_person(sent_csv(fake, "UCAROL"))
    # Only Wednesday 2 to Friday 4 December are in the period.
    assert rows["UALICE"][-1] == "3"
    assert "UBOB" not in rows
    assert "this month and the next two" not in file_message(fake, "UCAROL")["text"]


def test_it_asks_for_a_team_when_none_is_saved(slack: SlackDriver, fake: FakeSlack) -> None:
    reply = slack.command("UCAROL", "team export")
    assert "haven't saved a team" in reply.json()["text"]
    assert fake.files_in("UCAROL") == []


def test_a_private_channel_is_only_exported_for_its_members(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UALICE", on(30), on(5, 12))
    _, then = export(slack, fake, "UCAROL", "<#C0SECRET|secret>")
    assert "private channel you're not in" in then
    assert fake.files_in("UCAROL") == []
    _, then = export(slack, fake, "UBOB", "<#C0SECRET|secret>")
    assert then.startswith("Sent to your DM")
    assert "UALICE" in by_person(sent_csv(fake, "UBOB"))


def test_a_hidden_reason_says_only_out_of_office(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(2, 12), leave_type="sick")
    away(engine, "UBOB", on(30), on(2, 12), hide_reason=True)
    away(engine, "UCAROL", on(30), on(2, 12), leave_type=None)  # saved before types
    fake.add_usergroup("S0ALL", "all", "Everyone", users=["UALICE", "UBOB", "UCAROL"])
    export(slack, fake, "UCAROL", "@all")
    types = {user: row[2] for user, row in by_person(sent_csv(fake, "UCAROL")).items()}
    assert types == {"UALICE": "Out of office", "UBOB": "Out of office", "UCAROL": "Out of office"}


def test_a_workspace_hiding_reasons_hides_every_type(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(2, 12), leave_type="business_trip")
    with session_scope(engine) as session:
        setting_queries.change_workspace_setting(
            session, Workspace("T0001"), by="UCAROL", now=NOW, hide_reasons=True
        )
    export(slack, fake, "UCAROL", "@oncall")
    assert by_person(sent_csv(fake, "UCAROL"))["UALICE"][2] == "Out of office"


def test_it_counts_only_the_working_days_of_someone_off_on_fridays(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UBOB", on(30), on(5, 12))
    with session_scope(engine) as session:
        setting_queries.change_person_setting(
            session, "T0001", "UBOB", now=NOW, week="mon,tue,wed,thu"
        )
    export(slack, fake, "UCAROL", "@oncall")
    rows = by_person(sent_csv(fake, "UCAROL"))
    assert (rows["UALICE"][-1], rows["UBOB"][-1]) == ("5", "4")


def test_it_never_sends_a_message_nor_deleted_or_shared_responders(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UBOB", on(30), on(5, 12), kind="group")
    gone = away(engine, "UBOB", on(7, 12), on(8, 12))
    with session_scope(engine) as session:
        begin_writing(session, "test")
        row = session.get(ResponderRow, gone.id)
        assert row is not None
        row.deleted_at = NOW
        session.add(row)
    export(slack, fake, "UCAROL", "@oncall")
    [shared] = fake.files_in("UCAROL")
    assert shared.content is not None and SECRET.encode() not in shared.content
    assert list(by_person(sent_csv(fake, "UCAROL"))) == ["UALICE"]


def test_names_that_look_like_formulas_are_neutralised(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UEVE", "eve", real_name='=HYPERLINK("http://evil.example","x")')
    fake.add_user("UMAL", "mal", real_name="@SUM(1+1)")
    fake.add_usergroup("S0ODD", "odd", "Odd names", users=["UEVE", "UMAL"])
    away(engine, "UEVE", on(30), on(1, 12))
    away(engine, "UMAL", on(30), on(1, 12))
    export(slack, fake, "UCAROL", "@odd")
    rows = by_person(sent_csv(fake, "UCAROL"))
    assert rows["UEVE"][0] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows["UMAL"][0] == "'@SUM(1+1)"


def test_too_many_people_is_refused_with_how_to_narrow_it(
    slack: SlackDriver, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "MAX_PEOPLE", 2)
    _, then = export(slack, fake, "UCAROL", "#general")
    assert "3 people" in then and "smaller channel or user group" in then
    assert fake.files_in("UCAROL") == []


def test_too_many_rows_is_refused_with_how_to_narrow_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "MAX_ROWS", 1)
    away(engine, "UALICE", on(30), on(1, 12))
    away(engine, "UBOB", on(30), on(1, 12))
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert "2 absences" in then and "shorter period or a smaller team" in then
    assert fake.files_in("UCAROL") == []


def test_dates_it_cannot_read_are_explained(slack: SlackDriver, fake: FakeSlack) -> None:
    _, then = export(slack, fake, "UCAROL", "@oncall when pigs fly")
    assert "could not read" in then
    assert fake.files_in("UCAROL") == []


def test_it_reads_dates_in_the_askers_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    fake.add_channel("C0EQUIPE", "equipe", members=["UALICE", "UDIDIER", "UBOT"])
    _, then = export(slack, fake, "UDIDIER", "#equipe du 1 au 3 décembre")
    assert then.startswith("Envoyé")
    rows = sent_csv(fake, "UDIDIER")
    assert rows[0][0] == "Nom"
    assert by_person(rows)["UALICE"][-1] == "3"


@pytest.mark.parametrize(
    ("method", "error", "said"),
    [
        ("files.getUploadURLExternal", "internal_error", "try again in a minute"),
        ("files.completeUploadExternal", "internal_error", "try again in a minute"),
        ("files.getUploadURLExternal", "missing_scope", "install me again"),
        ("files.getUploadURLExternal", "file_uploads_disabled", "doesn't allow me"),
        ("conversations.open", "ratelimited", "try again in a minute"),
    ],
)
def test_it_says_why_slack_did_not_take_the_file(
    slack: SlackDriver, fake: FakeSlack, method: str, error: str, said: str
) -> None:
    fake.fail_next(method, error)
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert said in then
    assert fake.files_in("UCAROL") == []


def test_an_install_without_files_write_is_told_to_install_again(
    engine: Engine, clock: FakeClock, app_settings: Settings
) -> None:
    with FakeSlack(bot_scopes=manifest_bot_scopes() - {"files:write"}) as without:
        without.add_user("UCAROL", "carol", tz="Europe/London", locale="en-GB")
        without.add_usergroup("S0ONCALL", "oncall", "On-call", users=["UCAROL"])
        settings = app_settings.model_copy(update={"slack_api_url": without.api_url})
        services = build_services(settings, engine, clock)
        try:
            with served(engine, create_app(services), services) as url:
                driver = SettlingDriver(f"{url}/slack/events", without, services.followups)
                _, then = export(driver, without, "UCAROL", "@oncall")
        finally:
            services.close()
        assert "install me again" in then
        assert [r.error for r in without.rejections] == ["missing_scope"]
