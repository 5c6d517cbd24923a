"""Real `ooo run` processes in real time: transitions fire on time and exactly once through
downtime, kill -9 and replicas sharing one database."""

import os
import signal
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from tests.bot.lifecycle_steps import add_responder
from tests.conftest import SIGNING_SECRET, postgres_database
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack
from tests.test_process import start, wait_healthy

QUIET = {"LOG_LEVEL": "WARNING", "EFFECT_LEASE_SECONDS": "3"}


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@contextmanager
def running(fake: FakeSlack, *urls: str) -> Iterator[list[str]]:
    """`ooo run` on each URL, healthy, stopped with SIGTERM (and checked to exit 0) after."""
    started = [start(fake, url, **QUIET) for url in urls]
    for process, address in started:
        wait_healthy(process, address)
    processes = [process for process, _ in started]
    try:
        yield [address for _, address in started]
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            _, stderr = process.communicate(timeout=15)
            assert process.returncode in (0, -signal.SIGKILL), stderr
            assert "Traceback" not in stderr, stderr


def nudge(fake: FakeSlack, address: str) -> None:
    """Make an app look at the database again, as any change through it does: here `/ooo off`
    from someone who has no responder (rows the test wrote directly it would see within a
    minute otherwise)."""
    SlackDriver(f"{address}/slack/events", SIGNING_SECRET, fake).command("UDIDIER", "off")


def posted(fake: FakeSlack) -> Counter[str]:
    """How many messages carry each effect key, over every conversation."""
    keys: Counter[str] = Counter()
    for message in fake.all_messages():
        effect = (message.get("metadata") or {}).get("event_payload", {}).get("effect")
        if effect:
            keys[str(effect)] += 1
    return keys


def wait_until(check: "object", timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out after {timeout}s"
        time.sleep(0.05)


def delivered_at(fake: FakeSlack, key: str) -> datetime:
    """When the fake received the post of an effect, as a wall-clock time."""
    offset = time.time() - time.monotonic()
    for call in fake.calls:
        effect = ((call.args.get("metadata") or {}).get("event_payload") or {}).get("effect")
        if call.method == "chat.postMessage" and effect == key:
            return datetime.fromtimestamp(call.at + offset, UTC)
    raise AssertionError(f"{key} was never posted")


def test_it_fires_on_time_and_catches_up_after_downtime(fake: FakeSlack, engine: Engine) -> None:
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
    with running(fake, url_of(engine)) as [address]:
        # Carol's starts two seconds after it is written, while ooo runs.
        carol_starts = datetime.now(UTC) + timedelta(seconds=2)
        carol = add_responder(engine, "UCAROL", starts_at=carol_starts, ends_at=None, saved_at=now)
        nudge(fake, address)
        wait_until(lambda: posted(fake)[f"responder:{carol}:on:dm:0"], timeout=10)
    assert (delivered_at(fake, f"responder:{carol}:on:dm:0") - carol_starts).total_seconds() < 2
    assert "has been on since" in fake.messages_to("UALICE")[0]["text"]
    assert [m["text"] for m in fake.messages_to("UBOB")] == [
        "Your out-of-office responder is off. Welcome back!"
    ]
    counts = posted(fake)
    assert counts[f"responder:{alice}:on:dm:0"] == 1 and counts[f"responder:{bob}:off:dm:0"] == 1
    assert f"responder:{bob}:on:dm:0" not in counts
    assert max(counts.values()) == 1


def test_kill_9_around_transitions_never_loses_or_doubles_an_effect(
    fake: FakeSlack, engine: Engine
) -> None:
    # Each post lands at once but is answered late: a kill in between leaves it sent but
    # unrecorded, which only the history check can tell.
    fake.slow_down("chat.postMessage", 0.3)
    people = ["UALICE", "UBOB", "UCAROL", "UDIDIER"]
    for words, pause in (("until further notice", 0.5), ("off", 0.2)):
        process, address = start(fake, url_of(engine), **QUIET)
        wait_healthy(process, address)
        driver = SlackDriver(f"{address}/slack/events", SIGNING_SECRET, fake)
        for person in people:
            driver.command(person, words)
            if words != "off":
                driver.submit(person, fake.modal(person)["id"])  # type: ignore[index]
        time.sleep(pause)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=10)
    with running(fake, url_of(engine)):
        wait_until(lambda: sum(posted(fake).values()) >= 2 * len(people), timeout=25)
        time.sleep(0.5)
    counts = posted(fake)
    assert sorted(key.split(":")[2] for key in counts) == ["off"] * 4 + ["on"] * 4
    assert set(counts.values()) == {1}


def _replicas_apply_once(fake: FakeSlack, engine: Engine, url: str) -> None:
    people = ["UALICE", "UBOB", "UCAROL"]
    with running(fake, url, url) as addresses:
        now = datetime.now(UTC) + timedelta(seconds=1.5)
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


@pytest.mark.postgres
def test_two_replicas_on_postgresql_apply_each_transition_once(fake: FakeSlack) -> None:
    from storage.db import make_engine, migrate

    with postgres_database() as url:
        engine = make_engine(url)
        migrate(engine)
        try:
            _replicas_apply_once(fake, engine, url)
        finally:
            engine.dispose()


def test_two_processes_on_one_sqlite_file_apply_each_transition_once(
    fake: FakeSlack, tmp_path: "os.PathLike[str]"
) -> None:
    from storage.db import make_engine, migrate

    url = f"sqlite:///{tmp_path}/shared.db"
    engine = make_engine(url)
    migrate(engine)
    _replicas_apply_once(fake, engine, url)
