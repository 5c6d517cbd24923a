"""Real `ooo run` processes in real time, acting as people with their connected accounts: each
one's Slack status and snooze set while away and put back after, exactly once, through kill -9
and replicas sharing one database."""

import os
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from bot.accounts.connected import USER_SCOPES
from bot.accounts.vault import Vault
from bot.status.wording import looks_ours
from storage.account_queries import save_account
from storage.db import session_scope
from storage.effects_queries import FAILED, PENDING, SENDING
from storage.models import ConnectedAccount, Effect
from tests.bot.accounts.conftest import CLIENT_ID, CLIENT_SECRET, KEY, STATE_SECRET
from tests.support.fake_slack import FakeSlack
from tests.support.forked_ooo import Forks
from tests.test_lifecycle_process import (
    PEOPLE,
    SHARED,
    applied,
    driver,
    reaches,
    running,
    shared_database,
    start,
    stopped,
    url_of,
    wait_until,
)

# What ooo does as each person: the calls counted, and the boxes ticked in the modal.
AS_OWNER = ("users.profile.set", "dnd.setSnooze", "dnd.endSnooze")
WHILE_AWAY = {"notify": ["set_status", "pause_notifications"]}


@pytest.fixture(autouse=True)
def connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The `ooo run`s of these tests let people connect (`environment` passes ours on)."""
    for name, value in {
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_STATE_SECRET": STATE_SECRET,
        "OOO_ENCRYPTION_KEY": KEY,
    }.items():
        monkeypatch.setenv(name, value)


def own_status(person: str) -> tuple[str, str, int]:
    """The status a person set themselves before going away."""
    return f"{person[1:].title()} is writing the plan", ":memo:", 0


def connect(fake: FakeSlack, engine: Engine, people: list[str]) -> dict[str, str]:
    """Each person has set their own status and connected their account, sealed as ooo seals
    it; who holds each user token."""
    vault, holders = Vault(KEY), {}
    with session_scope(engine) as session:
        for person in people:
            fake.set_status_as(person, *own_status(person))
            token = fake.grant_user_token(person, USER_SCOPES)
            account = ConnectedAccount(
                team_id=fake.team_id,
                user_id=person,
                scopes=",".join(USER_SCOPES),
                token=vault.seal(token),
                connected_at=datetime.now(UTC),
            )
            save_account(session, account=account)
            holders[token] = person
    return holders


def go_away(fake: FakeSlack, address: str, people: list[str]) -> None:
    """Each person saves a responder on until further notice, setting their status and pausing
    their notifications."""
    slack = driver(fake, address)
    for person in people:
        slack.command(person, "until further notice")
        slack.submit(person, fake.modal(person)["id"], WHILE_AWAY)  # type: ignore[index]


def come_back(fake: FakeSlack, address: str, people: list[str]) -> None:
    slack = driver(fake, address)
    for person in people:
        slack.command(person, "off")


def as_owner(fake: FakeSlack) -> int:
    """How many calls acting as someone reached the fake, answered yet or not."""
    return sum(1 for call in fake.calls if call.method in AS_OWNER)


def oooish(status: tuple[str, str, int]) -> bool:
    """Whether a status is ooo's own."""
    text, emoji, _ = status
    return looks_ours(text, emoji)


def settled(engine: Engine) -> bool:
    """Nothing left to deliver now or soon (a snooze renewal a day away does not count)."""
    soon = datetime.now(UTC) + timedelta(minutes=5)
    under_way = col(Effect.status) == SENDING
    due = (col(Effect.status) == PENDING) & (col(Effect.next_attempt_at) < soon)
    with session_scope(engine) as session:
        return session.exec(select(Effect.id).where(under_way | due).limit(1)).first() is None


def failed(engine: Engine) -> list[str]:
    """The keys of effects that failed for good."""
    with session_scope(engine) as session:
        return list(session.exec(select(Effect.key).where(col(Effect.status) == FAILED)))


def is_away(fake: FakeSlack, person: str) -> bool:
    """Whether Slack shows a person away as ooo made them: its status, notifications paused."""
    return oooish(fake.status_of(person)) and fake.snooze_of(person) is not None


def is_back(fake: FakeSlack, person: str) -> bool:
    """Whether Slack shows a person as before they went away."""
    return fake.status_of(person) == own_status(person) and fake.snooze_of(person) is None


def statuses_set(fake: FakeSlack, holders: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Each person's statuses ooo set as them, in the order they reached Slack."""
    sets: dict[str, list[tuple[str, str]]] = {person: [] for person in holders.values()}
    for call in fake.calls:
        if call.method == "users.profile.set" and call.token in holders:
            profile = call.args["profile"]
            sets[holders[call.token]].append((profile["status_text"], profile["status_emoji"]))
    return sets


def calls_by(fake: FakeSlack, holders: dict[str, str], method: str) -> Counter[str]:
    """How many calls of a method reached Slack as each person."""
    return Counter(holders[c.token] for c in fake.calls if c.method == method and c.token)


def kill_round(forks: Forks, fake: FakeSlack, engine: Engine, words: str, calls: int) -> None:
    """Send everyone away or back, and kill ooo once that many calls acting as them reached
    Slack: carried out at once but answered late, so it dies with some done and unrecorded,
    others not begun, all claimed until their lease runs out."""
    for method in AS_OWNER:
        fake.slow_down(method, 0.3)
    process, address = start(forks, fake, url_of(engine))
    transitions, target = applied(engine) + len(PEOPLE), as_owner(fake) + calls
    (go_away if words == "away" else come_back)(fake, address, PEOPLE)
    reaches(partial(applied, engine), transitions)
    reaches(partial(as_owner, fake), target)
    stopped(process, signal.SIGKILL)
    for method in AS_OWNER:
        fake.slow_down(method, 0)


def test_kill_9_while_acting_as_people_sets_and_puts_back_each_status_once(
    forks: Forks, fake: FakeSlack, engine: Engine
) -> None:
    holders = connect(fake, engine, PEOPLE)
    # Back while their being away is still under way, then away while that is still put back.
    kill_round(forks, fake, engine, "away", 2)
    kill_round(forks, fake, engine, "back", 1)
    with running(forks, fake, url_of(engine)) as [address]:
        transitions = applied(engine) + len(PEOPLE)
        go_away(fake, address, PEOPLE)
        # Their statuses wait for the put-backs the kill left claimed: a lease, and a backoff.
        wait_until(lambda: applied(engine) == transitions and settled(engine), timeout=30)
        assert [p for p in PEOPLE if not is_away(fake, p)] == []
    kill_round(forks, fake, engine, "back", 2)
    with running(forks, fake, url_of(engine)):
        wait_until(partial(settled, engine), timeout=15)
    assert [p for p in PEOPLE if not is_back(fake, p)] == []
    # Putting back never wrote ooo's status as theirs, nor cleared theirs; ending a snooze
    # twice the fake would have refused.
    for person, sets in statuses_set(fake, holders).items():
        assert {s for s in sets if not oooish((*s, 0))} == {own_status(person)[:2]}, person
    assert not failed(engine)


# Away through one replica and back through the other, then the other way round.
REPLICA_ROUNDS = [("away", 0), ("back", 1), ("away", 1), ("back", 0)]


def landed(
    fake: FakeSlack, engine: Engine, people: list[str], transitions: int, words: str
) -> bool:
    """Whether that many transitions were applied and all they asked for reached Slack."""
    arrived = is_away if words == "away" else is_back
    done = applied(engine) == transitions and settled(engine)
    return done and all(arrived(fake, person) for person in people)


def _replicas_act_once(forks: Forks, fake: FakeSlack, engine: Engine, url: str) -> None:
    people = ["UALICE", "UBOB", "UCAROL"]
    holders = connect(fake, engine, people)
    # Each replica redraws Home tabs the other's publish made stale, and tries again.
    fake.allow("hash_conflict")
    with running(forks, fake, url, url) as addresses:
        for n, (words, replica) in enumerate(REPLICA_ROUNDS, start=1):
            (go_away if words == "away" else come_back)(fake, addresses[replica], people)
            wait_until(partial(landed, fake, engine, people, len(people) * n, words), 15)
        time.sleep(0.3)  # time for a doubled call to show
    for person, sets in statuses_set(fake, holders).items():
        ours = sets[0]
        assert oooish((*ours, 0)) and sets == [ours, own_status(person)[:2]] * 2, person
    assert calls_by(fake, holders, "dnd.setSnooze") == dict.fromkeys(people, 2)
    assert calls_by(fake, holders, "dnd.endSnooze") == dict.fromkeys(people, 2)


@pytest.mark.parametrize("database", SHARED)
def test_replicas_act_once_as_each_person(
    forks: Forks, fake: FakeSlack, tmp_path: "os.PathLike[str]", database: str
) -> None:
    with shared_database(database, tmp_path) as (engine, url):
        _replicas_act_once(forks, fake, engine, url)
