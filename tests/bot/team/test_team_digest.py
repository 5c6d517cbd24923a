"""Team digests: set one up, list and stop them; each posted once a day, whatever restarts."""

from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.team.team_flows import ask
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

LEADS = "<#C0LEADS|team-leads>"


def leads(fake: FakeSlack) -> None:
    """#team-leads, where Carol and the bot are."""
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOT"])


def test_it_sets_up_a_digest_on_working_days_in_the_setters_zone(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    leads(fake)
    answer = ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 <!subteam^S0ONCALL|@oncall>")
    assert "who in @oncall is out today and this week in <#C0LEADS>" in answer["text"]
    assert "every working day at 09:00 (Europe/London)" in answer["text"]
    # Friday 27 November, 10:00 in London: the first one is on Monday at 09:00 there.
    assert "<!date^1796029200^" in answer["text"]


def test_it_sets_up_a_weekly_digest_of_the_saved_team(slack: SlackDriver, fake: FakeSlack) -> None:
    leads(fake)
    ask(slack, fake, "UCAROL", "set @oncall")
    answer = ask(slack, fake, "UCAROL", f"digest {LEADS} 8:30 weekly on Mondays")
    assert "@oncall" in answer["text"]
    assert "every Monday at 08:30 (Europe/London)" in answer["text"]


def test_it_lists_and_stops_digests(slack: SlackDriver, fake: FakeSlack) -> None:
    leads(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    ask(slack, fake, "UCAROL", f"digest {LEADS} 17:00 <#C0GENERAL|general> weekly")
    listed = ask(slack, fake, "UCAROL", "digest list")
    assert "1. @oncall in <#C0LEADS>, every working day at 09:00" in listed["text"]
    assert "2. #general in <#C0LEADS>, every Monday at 17:00" in listed["text"]
    assert "no team digests" in ask(slack, fake, "UALICE", "digest list")["text"]
    stopped = ask(slack, fake, "UCAROL", "digest remove 1")
    assert "Stopped the digest of @oncall in <#C0LEADS>" in stopped["text"]
    assert "@oncall" not in ask(slack, fake, "UCAROL", "digest list")["text"]
    ask(slack, fake, "UCAROL", f"digest remove {LEADS}")
    assert "no team digests" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_changes_a_digest_set_up_again_rather_than_doubling_it(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    leads(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    ask(slack, fake, "UCAROL", f"digest {LEADS} 10:00 @oncall")
    listed = ask(slack, fake, "UCAROL", "digest list")["text"]
    assert "10:00" in listed
    assert "09:00" not in listed


def test_it_refuses_what_it_cannot_set_up(slack: SlackDriver, fake: FakeSlack) -> None:
    leads(fake)
    fake.add_channel("C0QUIET", "quiet", members=["UCAROL"])
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOT"], is_private=True)
    cases = {
        f"digest {LEADS} teatime @oncall": "not a time of day",
        f"digest {LEADS} 09:00": "Say which team",
        "digest <#C0QUIET|quiet> 09:00 @oncall": "Invite me to <#C0QUIET> first",
        f"digest {LEADS} 09:00 <#G0SECRET|secret>": "private channel you're not in",
        "digest @oncall 09:00": "Name the channel, then the time",
        "digest remove 3": "no digest number 3",
    }
    for words, problem in cases.items():
        assert problem in ask(slack, fake, "UCAROL", words)["text"], words
    assert "no team digests" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_keeps_digests_to_the_person_who_set_them_up(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    leads(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    assert "no digest number 1" in ask(slack, fake, "UBOB", "digest remove 1")["text"]
    assert "@oncall" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_sets_up_a_digest_from_the_home_tab(slack: SlackDriver, fake: FakeSlack) -> None:
    leads(fake)
    ask(slack, fake, "UCAROL", "set @oncall")
    home = fake.home("UCAROL")
    assert home is not None
    slack.click("UCAROL", action_id="team_digest_open", view_id=home["id"])
    form = fake.modal("UCAROL")
    assert form is not None and "@oncall" in texts(form["blocks"])
    inputs = {"digest_channel": "C0LEADS", "digest_at": "08:30", "digest_cadence": "mondays"}
    reply = slack.submit("UCAROL", form["id"], inputs)
    assert reply.status == 200 and not reply.text
    dm = fake.last_dm("UCAROL")
    assert dm is not None and "every Monday at 08:30 (Europe/London)" in dm["text"]
    assert "@oncall in <#C0LEADS>" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_points_at_a_channel_it_cannot_post_in(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_channel("C0QUIET", "quiet", members=["UCAROL"])
    ask(slack, fake, "UCAROL", "set @oncall")
    home = fake.home("UCAROL")
    assert home is not None
    slack.click("UCAROL", action_id="team_digest_open", view_id=home["id"])
    form = fake.modal("UCAROL")
    assert form is not None
    reply = slack.submit("UCAROL", form["id"], {"digest_channel": "C0QUIET"})
    assert reply.json()["errors"] == {
        "digest_channel": "Invite me to <#C0QUIET> first: `/invite @ooo` in that channel."
    }
    assert "no team digests" in ask(slack, fake, "UCAROL", "digest list")["text"]
