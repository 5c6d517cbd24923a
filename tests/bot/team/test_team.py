"""`/ooo team` end to end: who in a channel or user group is out, over which days, for whom."""

import pytest
from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.team.team_flows import SECRET, ask, away, on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


@pytest.fixture
def alice_and_bob_away(engine: Engine) -> None:
    """Alice is out until Wednesday 2 December; Bob is out on 3 and 4 December."""
    away(engine, "UALICE", on(26), on(3, 12))
    away(engine, "UBOB", on(3, 12), on(5, 12))


@pytest.mark.usefixtures("alice_and_bob_away")
@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("<#C0GENERAL|general>", "#general"),
        ("<#C0GENERAL>", "#general"),
        ("#general", "#general"),
        ("<!subteam^S0ONCALL|@oncall>", "@oncall"),
        ("<!subteam^S0ONCALL>", "@oncall"),
        ("@oncall", "@oncall"),
    ],
)
def test_it_shows_who_is_out_now_and_next_in_a_channel_or_group(
    slack: SlackDriver, fake: FakeSlack, words: str, label: str
) -> None:
    answer = ask(slack, fake, "UCAROL", words)
    shown = texts(answer["blocks"])
    assert answer["response_type"] == "ephemeral"
    assert label in shown
    now_part, _, next_part = shown.partition("Out next")
    assert "*Out now*" in now_part
    assert "<@UALICE> · back <!date^" in now_part
    assert "<@UBOB> · from <!date^" in next_part
    assert "🟥" in shown


@pytest.mark.usefixtures("alice_and_bob_away")
def test_it_never_shows_the_message_of_a_responder(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UCAROL", "<#C0GENERAL|general>")
    assert SECRET not in str(answer)


@pytest.mark.usefixtures("alice_and_bob_away")
def test_it_counts_who_is_in_without_listing_them(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UCAROL", "<#C0GENERAL|general>")
    shown = texts(answer["blocks"])
    assert "3 people · 1 in, 2 away" in shown
    assert "<@UCAROL>" not in shown


def test_it_draws_one_square_a_day_with_weekends_lighter(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(1, 12, hour=12))
    answer = ask(slack, fake, "UCAROL", "<!subteam^S0ONCALL|@oncall>")
    row = next(line for line in texts(answer["blocks"]).splitlines() if line.endswith(" <@UALICE>"))
    # Friday 27 November to Thursday 10 December.
    assert row == "🟩⬜⬜🟥🟧🟩🟩🟩⬜⬜🟩🟩🟩🟩 <@UALICE>"


@pytest.mark.parametrize(("words", "days"), [("30d", 30), ("next month", 31), ("", 14)])
def test_it_shows_the_days_asked_for(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str, days: int
) -> None:
    away(engine, "UALICE", on(20), None)
    answer = ask(slack, fake, "UCAROL", f"@oncall {words}")
    row = next(line for line in texts(answer["blocks"]).splitlines() if line.endswith(" <@UALICE>"))
    assert len(row.split(" ")[0]) == days


def test_it_explains_days_it_cannot_read(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UCAROL", "@oncall when pigs fly")
    assert "when pigs fly" in answer["text"]
    assert "blocks" not in answer or not answer["blocks"]


def test_it_leaves_out_bots_deactivated_people_and_other_organizations(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_user("UROBOT", "deploybot", is_bot=True)
    fake.add_user("UGONE", "gone", deleted=True)
    fake.add_user("WGUEST", "guest", home_team="T0OTHER")
    fake.add_channel("C0SHARED", "shared", members=["UALICE", "UROBOT", "UGONE", "WGUEST", "UBOT"])
    away(engine, "UGONE", on(20), None)
    away(engine, "WGUEST", on(20), None, team_id="T0OTHER")
    away(engine, "UALICE", on(20), None)
    answer = ask(slack, fake, "UALICE", "<#C0SHARED|shared>")
    shown = texts(answer["blocks"])
    assert "1 person · 0 in, 1 away" in shown
    assert "UGONE" not in shown
    assert "WGUEST" not in shown


def test_it_shows_a_private_channel_to_its_members(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UBOB", on(20), None)
    answer = ask(slack, fake, "UALICE", "<#G0SECRET|secret>")
    assert "<@UBOB>" in texts(answer["blocks"])


def test_it_refuses_a_private_channel_to_someone_not_in_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOB", "UBOT"], is_private=True)
    away(engine, "UBOB", on(20), None)
    answer = ask(slack, fake, "UCAROL", "<#G0SECRET|secret>")
    assert "private channel you're not in" in answer["text"]
    assert "UBOB" not in str(answer)


def test_it_says_clearly_when_it_cannot_read_a_channel(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_channel("G0HIDDEN", "hidden", members=["UALICE"], is_private=True)
    fake.allow("channel_not_found")
    answer = ask(slack, fake, "UALICE", "<#G0HIDDEN|hidden>")
    assert "I can't see who is in <#G0HIDDEN>" in answer["text"]
    assert "/invite @ooo" in answer["text"]


def test_it_says_when_it_cannot_find_a_typed_name(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UALICE", "@nobody-here")
    assert "can't find a user group called @nobody-here" in answer["text"]


def test_it_explains_the_team_commands(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UALICE", "help")
    shown = texts(answer["blocks"])
    for example in ("/ooo team #design", "/ooo team set @design", "/ooo team digest #team-leads"):
        assert example in shown


def test_it_says_who_to_contact_instead(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(26), on(3, 12), backup="UCAROL")
    answer = ask(slack, fake, "UBOB", "@oncall")
    assert "<@UALICE> · back <!date^" in texts(answer["blocks"])
    assert "· contact <@UCAROL> instead" in texts(answer["blocks"])


@pytest.mark.parametrize("words", ["#general", "@oncall"])
def test_a_guest_from_another_organization_sees_no_team(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    fake.add_user("UGUEST", "guest", home_team="T0OTHER")
    answer = ask(slack, fake, "UGUEST", words)
    assert answer["text"] == "Only this workspace's members can see its teams."
    assert "UALICE" not in str(answer) and "alice" not in str(answer).lower()


def test_a_group_sent_without_its_handle_is_shown_by_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(5, 12))
    answer = ask(slack, fake, "UCAROL", "<!subteam^S0ONCALL>")
    assert "@oncall" in answer["text"] and "<!subteam" not in answer["text"]
