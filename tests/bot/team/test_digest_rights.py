"""Who may have a team's digest posted where: a private channel's only in it, only while its
owner is in it, and never someone else's digest taken over."""

from datetime import UTC, datetime

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from storage import team_queries
from storage.db import begin_writing, session_scope
from storage.models import TeamDigest
from tests.bot.team.team_flows import ask
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

LEADS = "<#C0LEADS|team-leads>"
SECRET = "<#G0SECRET|secret>"
# Monday 30 November 2026, 09:00 in London, where Carol sets digests up.
MONDAY_NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TUESDAY_NINE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _rooms(fake: FakeSlack) -> None:
    """#team-leads (Carol, Bob) and the private #secret (Carol, Alice), ooo in both."""
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOB", "UBOT"])
    fake.add_channel("G0SECRET", "secret", members=["UCAROL", "UALICE", "UBOT"], is_private=True)


def test_it_posts_a_private_channels_digest_only_in_that_channel(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _rooms(fake)
    refused = ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 {SECRET}")["text"]
    assert "can only be posted in it" in refused
    assert "no team digests" in ask(slack, fake, "UCAROL", "digest list")["text"]
    assert (
        "every working day" in ask(slack, fake, "UCAROL", f"digest {SECRET} 09:00 {SECRET}")["text"]
    )


def test_it_never_takes_over_someone_elses_digest(slack: SlackDriver, fake: FakeSlack) -> None:
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    refused = ask(slack, fake, "UBOB", f"digest {LEADS} 10:00 @oncall")["text"]
    assert "set up by <@UCAROL>" in refused
    assert "no team digests" in ask(slack, fake, "UBOB", "digest list")["text"]
    assert "09:00" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_stops_a_digest_whose_owner_left_the_private_channel_and_tells_them_once(
    slack: SlackDriver,
    fake: FakeSlack,
    engine: Engine,
    effects: EffectWorker,
    clock: FakeClock,
) -> None:
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"digest {SECRET} 09:00 {SECRET}")
    fake.leave("G0SECRET", "UCAROL")
    for morning in (MONDAY_NINE, TUESDAY_NINE):
        clock.set(morning)
        sweep_digests(engine, clock())
        effects.deliver_due()
        effects.deliver_due()
    assert fake.messages_to("G0SECRET") == []
    told = [m["text"] for m in fake.messages_to("UCAROL") if "stopped" in m["text"]]
    assert told == [
        "I stopped posting the digest of <#G0SECRET> in <#G0SECRET>: "
        "you're no longer in that private channel."
    ]
    assert "no team digests" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_it_stops_a_private_channels_digest_set_up_elsewhere_before_this_rule(
    fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    # Carol's digest of #secret in #team-leads, from before it was refused at set-up.
    _rooms(fake)
    digest = TeamDigest(
        team_id="T0001",
        owner_id="UCAROL",
        channel_id="C0LEADS",
        target_id="G0SECRET",
        target_label="#secret",
        at="09:00",
        tz="Europe/London",
        cadence="weekdays",
        next_post_at=MONDAY_NINE,
        created_at=MONDAY_NINE,
    )
    with session_scope(engine) as session:
        begin_writing(session, "test")
        team_queries.save_digest(session, digest=digest)
    clock.set(MONDAY_NINE)
    sweep_digests(engine, clock())
    effects.deliver_due()
    effects.deliver_due()
    assert fake.messages_to("C0LEADS") == []
    [told] = [m["text"] for m in fake.messages_to("UCAROL")]
    assert told.endswith("a private channel's absences are only posted in that channel.")
