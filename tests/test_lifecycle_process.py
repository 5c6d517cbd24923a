"""Real `ooo run` processes in real time: transitions fire on time and exactly once through
downtime, kill -9, SIGTERM and replicas sharing one database."""

import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import col

from bot.core.effect_kinds import EffectKind
from bot.core.lifecycle import Move
from bot.responders.kinds import SKIPPED
from storage.db import session_scope
from storage.effects_queries import SENT
from storage.models import Effect, Transition
from tests.bot.responders.lifecycle_steps import add_responder
from tests.conftest import SIGNING_SECRET, postgres_database
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.support.forked_ooo import Forked, Forks
from tests.test_process import environment, free_port, wait_healthy

QUIET = {"LOG_LEVEL": "WARNING", "EFFECT_LEASE_SECONDS": "3"}
PEOPLE = ["UALICE", "UBOB", "UCAROL", "UDIDIER"]
DMS = [EffectKind.RESPONDER_ON, EffectKind.RESPONDER_OFF]


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def start(forks: Forks, fake: FakeSlack, url: str) -> tuple[Forked, str]:
    """`ooo run` on a free port, healthy."""
    port = free_port()
    process = forks.start(["run", "--host", "127.0.0.1"], environment(fake, url, port, **QUIET))
    address = f"http://127.0.0.1:{port}"
    wait_healthy(process, address)  # type: ignore[arg-type]
    return process, address


def stopped(process: Forked, how: int = signal.SIGTERM) -> None:
    """Signal a process and check it ended as that signal should end it, without a traceback."""
    process.send_signal(how)
    _, stderr = process.communicate(timeout=15)
    assert process.returncode == (0 if how == signal.SIGTERM else -how), stderr
    assert "Traceback" not in stderr, stderr


@contextmanager
def running(forks: Forks, fake: FakeSlack, *urls: str) -> Iterator[list[str]]:
    """`ooo run` on each URL, healthy, stopped with SIGTERM after."""
    started = [start(forks, fake, url) for url in urls]
    try:
        yield [address for _, address in started]
    finally:
        for process, _ in started:
            stopped(process)


def driver(fake: FakeSlack, address: str) -> SlackDriver:
    return SlackDriver(f"{address}/slack/events", SIGNING_SECRET, fake)


def nudge(fake: FakeSlack, address: str) -> None:
    """Make an app look at the database again, as any change through it does: here `/ooo off`
    from someone who has no responder (rows the test wrote directly it would see within a
    minute otherwise)."""
    if fake.user("UNOBODY") is None:
        fake.add_user("UNOBODY", "nobody")
    driver(fake, address).command("UNOBODY", "off")


def turn_on(fake: FakeSlack, address: str, people: list[str]) -> None:
    """Each person saves a responder on until further notice."""
    slack = driver(fake, address)
    for person in people:
        slack.command(person, "until further notice")
        slack.submit(person, fake.modal(person)["id"])  # type: ignore[index]


def turn_off(fake: FakeSlack, address: str, people: list[str]) -> None:
    slack = driver(fake, address)
    for person in people:
        slack.command(person, "off")


def effect_of(message: dict[str, object]) -> str | None:
    metadata = message.get("metadata") or {}
    return metadata.get("event_payload", {}).get("effect")  # type: ignore[union-attr]


def of_a_transition(key: str | None) -> bool:
    """Whether an effect key is a transition's (`responder:<id>:<move>:…`), not a confirmation's."""
    return key is not None and key.split(":")[2:3] in [[move.value] for move in Move]


def effects_posted(fake: FakeSlack) -> Counter[str]:
    """How many messages carry each effect key, over every conversation."""
    return Counter(key for m in fake.all_messages() if (key := effect_of(m)))


def posted(fake: FakeSlack) -> Counter[str]:
    """How many messages carry each transition's effect key, over every conversation."""
    return Counter({k: n for k, n in effects_posted(fake).items() if of_a_transition(k)})


def posts_sent(fake: FakeSlack) -> int:
    """How many posts of transitions' effects reached the fake, answered yet or not."""
    calls = fake.calls_to("chat.postMessage")
    return sum(1 for args in calls if of_a_transition(effect_of(args)))  # type: ignore[arg-type]


def settled_dms(engine: Engine) -> dict[str, str | None]:
    """The settled DMs of transitions, by key: what each recorded (`channel:ts`, or skipped)."""
    with session_scope(engine) as session:
        rows = session.scalars(
            select(Effect).where(col(Effect.kind).in_(DMS), col(Effect.status) == SENT)
        )
        return {e.key: e.result for e in rows if of_a_transition(e.key)}


def wait_until(check: Callable[[], object], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out after {timeout}s"
        time.sleep(0.02)


def reaches(count: Callable[[], int], target: int) -> None:
    """Wait until a count reaches a target."""
    wait_until(lambda: count() >= target, timeout=10)


def applied(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Transition)) or 0


def delivered_at(fake: FakeSlack, key: str) -> datetime:
    """When the fake received the post of an effect, as a wall-clock time."""
    offset = time.time() - time.monotonic()
    for call in fake.calls:
        effect = ((call.args.get("metadata") or {}).get("event_payload") or {}).get("effect")
        if call.method == "chat.postMessage" and effect == key:
            return datetime.fromtimestamp(call.at + offset, UTC)
    raise AssertionError(f"{key} was never posted")


def text_of(fake: FakeSlack, key: str) -> str:
    """The text of the message an effect posted."""
    [text] = [str(m["text"]) for m in fake.all_messages() if effect_of(m) == key]
    return text


def test_it_fires_on_time_and_catches_up_after_downtime(
    forks: Forks, fake: FakeSlack, engine: Engine
) -> None:
    now = datetime.now(UTC)
    # Alice's began while ooo was down; Bob's whole absence passed while it was down.
    alice = add_responder(
        engine,
        "UALICE",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=1),
        saved_at=now - timedelta(days=1),
    )
    bob = add_responder(
        engine,
        "UBOB",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(hours=1),
        saved_at=now - timedelta(days=3),
    )
    with running(forks, fake, url_of(engine)) as [address]:
        # Carol's starts a moment after it is written, while ooo runs.
        carol_starts = datetime.now(UTC) + timedelta(seconds=1.5)
        carol = add_responder(engine, "UCAROL", starts_at=carol_starts, ends_at=None, saved_at=now)
        nudge(fake, address)
        wait_until(lambda: posted(fake)[f"responder:{carol}:on:dm:0"], timeout=10)
    assert (delivered_at(fake, f"responder:{carol}:on:dm:0") - carol_starts).total_seconds() < 2
    # By key, not by position: run between 16:00 and 17:00 in Paris, Alice's reminder is due
    # at once too, and the workers deliver her two DMs side by side.
    assert "has been on since" in text_of(fake, f"responder:{alice}:on:dm:0")
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        "Your out-of-office responder is off. Welcome back!"
    ]
    counts = posted(fake)
    assert counts[f"responder:{alice}:on:dm:0"] == 1 and counts[f"responder:{bob}:off:dm:0"] == 1
    assert f"responder:{bob}:on:dm:0" not in counts
    assert max(counts.values()) == 1


# Each round turns everyone on or off, then kills ooo once that many posts of the round reached
# Slack: before any (transitions applied, nothing sent), or while posts are in flight.
KILL_ROUNDS = [("on", 1), ("off", 0), ("on", 3), ("off", 2), ("on", 4), ("off", 1)]


def test_kill_9_around_transitions_never_loses_or_doubles_an_effect(
    forks: Forks, fake: FakeSlack, engine: Engine
) -> None:
    # Each post lands at once but is answered late: a kill in between leaves it sent but
    # unrecorded, which only the history check can tell.
    fake.slow_down("chat.postMessage", 0.3)
    for words, posts in KILL_ROUNDS:
        process, address = start(forks, fake, url_of(engine))
        transitions, sent = applied(engine) + len(PEOPLE), posts_sent(fake) + posts
        (turn_on if words == "on" else turn_off)(fake, address, PEOPLE)
        reaches(partial(applied, engine), transitions)
        reaches(partial(posts_sent, fake), sent)
        stopped(process, signal.SIGKILL)
    with running(forks, fake, url_of(engine)):
        wait_until(lambda: len(settled_dms(engine)) == len(KILL_ROUNDS) * len(PEOPLE), 25)
        time.sleep(0.5)
    counts, dms = posted(fake), settled_dms(engine)
    assert set(counts.values()) == {1}
    # Every welcome back goes out. A "you're on" DM whose responder was turned off before it
    # reached Slack no longer makes sense and is skipped; one that reached Slack before a
    # kill is found in the history and recorded as sent, never skipped while it shows.
    assert {key for key, result in dms.items() if result != SKIPPED} == set(counts)
    assert {key.split(":")[2] for key, result in dms.items() if result == SKIPPED} <= {"on"}


def test_sigterm_while_effects_are_delivered_loses_and_doubles_none(
    forks: Forks, fake: FakeSlack, engine: Engine
) -> None:
    # Two dozen people's responders start as ooo boots: three times as many DMs as the workers
    # send at once, each answered late. SIGTERM lands with posts in flight and others claimed
    # but not begun.
    now = datetime.now(UTC)
    people = PEOPLE + [f"UPERSON{n}" for n in range(20)]
    for person in people[len(PEOPLE) :]:
        fake.add_user(person, person.lower())
    for person in people:
        add_responder(engine, person, starts_at=now, ends_at=None, saved_at=now)
    fake.slow_down("chat.postMessage", 0.6)
    process, _ = start(forks, fake, url_of(engine))
    wait_until(lambda: posts_sent(fake) >= 1, timeout=10)
    stopped(process, signal.SIGTERM)
    assert len(posted(fake)) < len(people), "everything was delivered before SIGTERM"
    with running(forks, fake, url_of(engine)):
        wait_until(lambda: len(posted(fake)) >= len(people), timeout=15)
        time.sleep(0.5)
    counts = posted(fake)
    assert sorted(key.split(":")[2] for key in counts) == ["on"] * len(people)
    assert set(counts.values()) == {1}
    with session_scope(engine) as session:
        statuses = Counter(session.scalars(select(Effect.status)))
    assert set(statuses) == {SENT}


def _replicas_apply_once(forks: Forks, fake: FakeSlack, engine: Engine, url: str) -> None:
    people = ["UALICE", "UBOB", "UCAROL"]
    with running(forks, fake, url, url) as addresses:
        now = datetime.now(UTC) + timedelta(seconds=1)
        ids = [
            add_responder(
                engine,
                person,
                starts_at=now + timedelta(seconds=0.2 * n),
                ends_at=None,
                saved_at=now,
            )
            for n, person in enumerate(people)
        ]
        for address in addresses:
            nudge(fake, address)
        expected = {f"responder:{i}:on:dm:0" for i in ids}
        wait_until(lambda: expected <= set(posted(fake)), timeout=20)
        time.sleep(0.5)
    counts = posted(fake)
    assert {key: counts[key] for key in expected} == dict.fromkeys(expected, 1)


# Replicas share a PostgreSQL database, or processes one SQLite file.
SHARED = [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]


@contextmanager
def shared_database(kind: str, folder: "os.PathLike[str]") -> Iterator[tuple[Engine, str]]:
    """A migrated database for several `ooo run` processes, and its URL."""
    from storage.db import make_engine, migrate

    with (
        postgres_database()
        if kind == "postgresql"
        else nullcontext(f"sqlite:///{folder}/shared.db") as url
    ):
        engine = make_engine(url)
        migrate(engine)
        try:
            yield engine, url
        finally:
            engine.dispose()


@pytest.mark.parametrize("database", SHARED)
def test_replicas_apply_each_transition_once(
    forks: Forks, fake: FakeSlack, tmp_path: "os.PathLike[str]", database: str
) -> None:
    with shared_database(database, tmp_path) as (engine, url):
        _replicas_apply_once(forks, fake, engine, url)
