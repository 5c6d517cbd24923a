"""Item 2 attacks: a private channel's absences posted only in it, by its members."""

from sqlalchemy import Engine

from bot.outbox.worker import EffectWorker
from bot.team.digest_posts import sweep_digests
from tests.bot.team.team_flows import ask
from tests.support.clock import FakeClock
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.bot.team.test_digest_rights import MONDAY_NINE

LEADS = "<#C0LEADS|team-leads>"
SECRET = "<#G0SECRET|secret>"


def _rooms(fake: FakeSlack) -> None:
    fake.add_channel("C0LEADS", "team-leads", members=["UCAROL", "UBOB", "UBOT"])
    fake.add_channel("G0SECRET", "secret", members=["UCAROL", "UALICE", "UBOT"], is_private=True)


def _posted(fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock, where: str):
    clock.set(MONDAY_NINE)
    sweep_digests(engine, clock())
    effects.deliver_due()
    effects.deliver_due()
    return fake.messages_to(where)


def test_adv_saved_private_team_then_digest_elsewhere_without_naming_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    # Carol saves the private #secret as her team, then asks for "the digest" in #team-leads
    # without naming a team: the saved (private) team must not leak into #team-leads.
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"set {SECRET}")
    answer = ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00")
    print("ANSWER1", answer)
    assert _posted(fake, engine, effects, clock, "C0LEADS") == [], answer


def test_adv_a_non_member_cannot_have_a_private_channels_digest_posted_in_it(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    # Bob is not in #secret (ooo is): he must not be able to set its digest.
    _rooms(fake)
    answer = ask(slack, fake, "UBOB", f"digest {SECRET} 09:00 {SECRET}")["text"]
    assert "every working day" not in answer, answer
    assert _posted(fake, engine, effects, clock, "G0SECRET") == []


def test_adv_removing_by_number_removes_only_ones_own_digest(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    ask(slack, fake, "UBOB", "digest remove 1")
    assert "09:00" in ask(slack, fake, "UCAROL", "digest list")["text"]


def test_adv_team_view_of_a_private_channel_for_a_non_member(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _rooms(fake)
    answer = ask(slack, fake, "UBOB", f"{SECRET}")
    assert "UALICE" not in str(answer) and "UCAROL" not in str(answer), answer


def test_adv_saving_a_private_team_as_a_non_member(slack: SlackDriver, fake: FakeSlack) -> None:
    _rooms(fake)
    ask(slack, fake, "UBOB", f"set {SECRET}")
    print("SET", ask(slack, fake, "UBOB", "digest list"))
    answer = ask(slack, fake, "UBOB", "")
    print("ANSWER5", answer)
    assert "UALICE" not in str(answer) and "UCAROL" not in str(answer), answer


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "words",
    [
        "digest remove 99999999999999999999999",
        "digest remove -1",
        "digest remove 0",
        f"digest {LEADS} 25:00 @oncall",
        f"digest {LEADS} 09:00 @oncall weekly on Caturday",
        f"digest {LEADS} 9 @oncall",
        f"digest {LEADS} 09:00 <!subteam^S0NOSUCH|@ghost>",
        f"digest <#C0NOSUCH|nosuch> 09:00 @oncall",
        "set <!subteam^S0NOSUCH|@ghost>",
        "set @oncall coverage 1000%",
        "set @oncall coverage -5%",
    ],
)
def test_adv_garbage_team_commands_get_an_answer(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    _rooms(fake)
    fake.allow("channel_not_found", "no_such_subteam")
    answer = ask(slack, fake, "UCAROL", words)
    assert answer.get("text"), answer


def _home_digest(slack: SlackDriver, fake: FakeSlack, user: str, channel: str):
    home = fake.home(user)
    assert home is not None
    slack.click(user, action_id="team_digest_open", view_id=home["id"])
    form = fake.modal(user)
    assert form is not None
    return slack.submit(user, form["id"], {"digest_channel": channel, "digest_at": "09:00"})


def test_adv_home_tab_digest_of_a_saved_private_team_into_another_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"set {SECRET}")
    reply = _home_digest(slack, fake, "UCAROL", "C0LEADS")
    assert _posted(fake, engine, effects, clock, "C0LEADS") == [], reply.text


def test_adv_home_tab_digest_never_takes_over_someone_elses(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _rooms(fake)
    ask(slack, fake, "UCAROL", f"digest {LEADS} 09:00 @oncall")
    ask(slack, fake, "UBOB", "set @oncall")
    reply = _home_digest(slack, fake, "UBOB", "C0LEADS")
    assert "09:00" in ask(slack, fake, "UCAROL", "digest list")["text"], reply.text
    assert "no team digests" in ask(slack, fake, "UBOB", "digest list")["text"], reply.text


def test_adv_home_tab_digest_by_someone_who_left_the_private_team(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, effects: EffectWorker, clock: FakeClock
) -> None:
    # Alice saved #secret as her team while in it, then left #secret; the Home tab still has it.
    _rooms(fake)
    ask(slack, fake, "UALICE", f"set {SECRET}")
    fake.leave("G0SECRET", "UALICE")
    clock.advance(seconds=61)
    _home_digest(slack, fake, "UALICE", "G0SECRET")
    assert _posted(fake, engine, effects, clock, "G0SECRET") == []


def test_adv_two_people_set_a_digest_in_one_channel_at_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    import threading

    from sqlmodel import select

    from storage.db import session_scope
    from storage.models import TeamDigest

    _rooms(fake)
    go = threading.Barrier(2)

    def set_up(user: str) -> None:
        go.wait()
        slack.command(user, f"team digest {LEADS} 09:00 @oncall")

    threads = [threading.Thread(target=set_up, args=(u,)) for u in ("UCAROL", "UBOB")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with session_scope(engine) as session:
        owners = [d.owner_id for d in session.exec(select(TeamDigest))]
    assert len(owners) == 1, owners
