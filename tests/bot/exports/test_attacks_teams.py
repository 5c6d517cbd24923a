"""Attacks on `/ooo team export`'s team: every way Slack escapes one, and who may export what."""

import pytest
from sqlalchemy import Engine

from tests.bot.exports.export_flows import away, by_person, export, file_message, sent_csv
from tests.bot.team.team_flows import on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def alice_away(engine: Engine) -> None:
    """Alice is away Monday 30 November to Friday 4 December."""
    away(engine, "UALICE", on(30), on(5, 12))


@pytest.mark.usefixtures("alice_away")
@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("<#C0SUPPORT|support>", "#support"),
        ("<#C0SUPPORT|>", "#support"),
        ("<#C0SUPPORT>", "#support"),
        ("#support", "#support"),
        ("<!subteam^S0ONCALL|@oncall>", "@oncall"),
        ("@oncall", "@oncall"),
        ("\u00a0@oncall\u00a0", "@oncall"),
    ],
)
def test_every_way_slack_sends_a_team_exports_it(
    slack: SlackDriver, fake: FakeSlack, words: str, label: str
) -> None:
    _, then = export(slack, fake, "UCAROL", words)
    assert then == f"Sent to your DM: the absences of {label}."
    assert set(by_person(sent_csv(fake, "UCAROL"))) == {"UALICE"}


@pytest.mark.usefixtures("alice_away")
def test_a_group_sent_without_its_label_is_named_by_its_handle(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _, then = export(slack, fake, "UDIDIER", "<!subteam^S0ONCALL>")
    message = file_message(fake, "UDIDIER")
    [shared] = fake.files_in("UDIDIER")
    assert fake.notified_in(message["channel"]) <= {"UDIDIER"}
    assert "<!subteam" not in message["text"] + shared.title + then
    assert shared.filename == "absences-oncall-2026-11-01-2027-01-31.csv"


@pytest.mark.usefixtures("alice_away")
def test_the_dm_never_pings_the_team(slack: SlackDriver, fake: FakeSlack) -> None:
    export(slack, fake, "UCAROL", "<!subteam^S0ONCALL|@oncall>")
    export(slack, fake, "UCAROL", "<#C0GENERAL|general> next month")
    assert fake.notified_in(file_message(fake, "UCAROL")["channel"]) <= {"UCAROL"}


@pytest.mark.parametrize(
    "words",
    ["<@UALICE|alice>", "<@UALICE>", "<!everyone>", "<!here>", "\uff03support", "\uff20oncall"],
)
def test_something_named_that_is_no_team_is_not_taken_for_nothing(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    reply = slack.command("UCAROL", f"team export {words}")
    answers = [reply.json()["text"]] + [a["text"] for a in fake.responses(reply.response_url or "")]
    assert not any("haven't saved a team" in answer for answer in answers), answers


@pytest.mark.parametrize("words", ["<@UALICE|alice>", "<!everyone>", "<!channel>"])
def test_something_named_that_is_no_team_exports_nothing_nor_pings(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    reply = slack.command("UCAROL", f"team export {words}")
    assert reply.status == 200
    assert fake.files_in("UCAROL") == []
    assert fake.all_messages() == []


def test_a_channel_that_does_not_exist_is_said_so(slack: SlackDriver, fake: FakeSlack) -> None:
    _, then = export(slack, fake, "UCAROL", "#nosuch")
    assert "can't find a public channel called #nosuch" in then
    assert fake.files_in("UCAROL") == []


def test_a_public_channel_ooo_is_not_in_is_exported(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0OUTSIDE", "outside", members=["UALICE", "UCAROL"])
    away(engine, "UALICE", on(30), on(5, 12))
    _, then = export(slack, fake, "UCAROL", "<#C0OUTSIDE|outside>")
    assert then == "Sent to your DM: the absences of #outside."
    assert set(by_person(sent_csv(fake, "UCAROL"))) == {"UALICE"}


def test_a_private_channel_ooo_is_not_in_is_refused_clearly(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0HIDDEN", "hidden", members=["UALICE", "UCAROL"], is_private=True)
    fake.allow("channel_not_found")  # Slack hides a private channel from whoever is not in it
    away(engine, "UALICE", on(30), on(5, 12))
    _, then = export(slack, fake, "UCAROL", "<#C0HIDDEN|hidden>")
    assert fake.files_in("UCAROL") == []
    assert "private channel I'm not in" in then and "/invite @ooo" in then


def test_someone_who_left_a_private_channel_can_no_longer_export_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("C0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UALICE", on(30), on(5, 12))
    export(slack, fake, "UBOB", "<#C0SECRET|secret>")
    fake.leave("C0SECRET", "UBOB")
    _, then = export(slack, fake, "UBOB", "<#C0SECRET|secret> next month")
    assert "private channel you're not in" in then
    assert len(fake.files_in("UBOB")) == 1


def test_an_empty_group_is_said_to_have_no_one(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_usergroup("S0EMPTY", "empty", "Nobody", users=[])
    export(slack, fake, "UCAROL", "@empty")
    assert sent_csv(fake, "UCAROL")[1:] == []
    assert file_message(fake, "UCAROL")["text"].startswith("0 absences in @empty")


def test_a_team_without_absences_gets_a_header_and_says_zero(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _, then = export(slack, fake, "UCAROL", "@oncall")
    assert then.startswith("Sent to your DM")
    assert sent_csv(fake, "UCAROL")[1:] == []
    assert file_message(fake, "UCAROL")["text"].startswith("0 absences in @oncall")


def test_bots_deactivated_people_and_guests_from_elsewhere_are_left_out(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UROBOT", "robot", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    fake.add_channel(
        "C0MIXED", "mixed", members=["UALICE", "UROBOT", "UGONE", "UGUEST", "UBOT", "UCAROL"]
    )
    for person in ["UALICE", "UROBOT", "UGONE", "UGUEST"]:
        away(engine, person, on(30), on(5, 12))
    export(slack, fake, "UCAROL", "#mixed")
    assert set(by_person(sent_csv(fake, "UCAROL"))) == {"UALICE"}


def test_absences_of_people_outside_the_team_are_left_out(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    away(engine, "UCAROL", on(30), on(5, 12))
    away(engine, "UERIN", on(30), on(5, 12), team_id="T0002")
    export(slack, fake, "UDIDIER", "@oncall")
    assert set(by_person(sent_csv(fake, "UDIDIER"))) == {"UALICE"}


def test_two_quick_exports_each_send_one_whole_file(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    first = slack.command("UCAROL", "team export @oncall")
    second = slack.command("UCAROL", "team export @oncall")
    assert (first.status, second.status) == (200, 200)
    files = fake.files_in("UCAROL")
    assert len(files) == 2
    assert files[0].content == files[1].content
    assert len(fake.calls_to("files.completeUploadExternal")) == 2


@pytest.mark.usefixtures("alice_away")
def test_exporting_another_team_or_failing_to_changes_no_saved_team(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    reply = slack.command("UCAROL", "team export #general")
    assert reply.status == 200
    assert "haven't saved a team" in slack.command("UCAROL", "team export").json()["text"]
    slack.command("UCAROL", "team set @oncall")
    for words in ["#nosuch", "@nosuch", "#general when pigs fly", "#general"]:
        slack.command("UCAROL", f"team export {words}")
    before = len(fake.files_in("UCAROL"))
    _, then = export(slack, fake, "UCAROL", "")
    assert then == "Sent to your DM: the absences of @oncall."
    assert len(fake.files_in("UCAROL")) == before + 1


LOCALES = ["fr-FR", "de-DE", "es-ES", "es-LA", "pt-BR", "it-IT", "ja-JP", "ko-KR", "zh-CN", "zh-TW"]


@pytest.mark.parametrize("locale", LOCALES)
def test_refusals_are_in_the_askers_language(
    slack: SlackDriver, fake: FakeSlack, locale: str
) -> None:
    fake.add_user("UREADER", "reader", locale=locale)
    fake.add_channel("C0SECRET", "secret", members=["UALICE", "UBOT"], is_private=True)
    answers = [export(slack, fake, "UREADER", words) for words in ["#nosuch", "<#C0SECRET|secret>"]]
    for at_once, then in answers:
        assert "Preparing" not in at_once
        assert "can't" not in then and "I " not in then, then
    assert fake.files_in("UREADER") == []


@pytest.mark.parametrize(
    "words",
    [
        "#" + "a" * 5000,
        "@" + "\u00fc" * 5000,
        "<#C0SUPPORT|" + "s" * 5000 + ">",
    ],
)
def test_a_huge_team_name_is_answered_within_slacks_limits(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    reply = slack.command("UCAROL", f"team export {words}")
    assert reply.status == 200
    answers = [reply.json()["text"]] + [a["text"] for a in fake.responses(reply.response_url or "")]
    assert all(len(answer) <= 3000 for answer in answers), [len(a) for a in answers]
