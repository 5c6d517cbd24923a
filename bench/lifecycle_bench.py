"""Responders switching on at scale, and ooo booting on a large database.

Every case runs `ooo run` in its own process against the fake Slack (answering at once) here.
(a) 10,000 responders all starting in the same instant: time until every transition is applied
    in the database, until every "on" DM reached the fake, and the send rate; meanwhile people
    save responders (`/ooo`, then the modal), and the slowest answer to a save is reported.
(b) 100,000 stored responders, 1% of which fell due while ooo was down: time to the first
    /healthz 200, to a reconciled schedule (nothing left due), and resident memory.
(c) Firing accuracy: delay from each transition's time to its DM reaching the fake, p50/p99.
Usage: python -m bench.lifecycle_bench [--postgres URL] [--responders 10000] [--stored 100000]
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import Engine, func, insert, select

from storage.db import make_engine, migrate, session_scope
from storage.models import ResponderRow, Transition
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[1]
SIGNING_SECRET = "bench-signing-secret"
HEADER = (
    "| database | (a) applied | (a) all DMs | (a) DMs/s | (a) slowest save | (b) /healthz"
    " | (b) reconciled | (b) RSS | (c) p50 | (c) p99 |"
)
# People who save a responder during the burst, one every SAVE_EVERY seconds.
SAVE_EVERY = 0.5


def fill(
    engine: Engine,
    count: int,
    starts: "list[datetime]",
    ends: "list[datetime | None]",
    applied: "list[str]",
    due: "list[datetime | None]",
) -> None:
    """Insert responders in bulk, one person each (U0000000, U0000001, …)."""
    created = datetime.now(UTC) - timedelta(days=30)
    rows: list[dict[str, Any]] = [
        {
            "team_id": "T0001",
            "enterprise_id": None,
            "owner_id": f"U{n:07d}",
            "kind": "personal",
            "target_id": None,
            "target_label": None,
            "starts_at": starts[n],
            "ends_at": ends[n],
            "tz": "Europe/Paris",
            "message": "I'm away.",
            "external_message": None,
            "keep_digest": False,
            "forward_to": None,
            "notify_self": True,
            "announce_in": "",
            "applied": applied[n],
            "revision": 0,
            "due_at": due[n],
            "deleted_at": None,
            "created_at": created,
            "updated_at": created,
        }
        for n in range(count)
    ]
    with session_scope(engine) as session:
        for chunk in range(0, count, 5000):
            session.execute(insert(ResponderRow), rows[chunk : chunk + 5000])


def fake_with_people(count: int) -> FakeSlack:
    fake = FakeSlack().__enter__()
    for n in range(count):
        fake.add_user(f"U{n:07d}", f"person{n}")
    return fake


def on_dms(fake: FakeSlack) -> dict[str, float]:
    """When each filled-in person's "on" DM reached the fake, as a wall-clock time."""
    offset = time.time() - time.monotonic()
    return {
        str(c.args["channel"]): c.at + offset
        for c in fake.calls
        if c.method == "chat.postMessage"
        and str(c.args.get("channel")).startswith("U0")
        and ":on:dm:" in str((c.args.get("metadata") or {}).get("event_payload"))
    }


def launch(fake: FakeSlack, url: str, log: Path) -> "tuple[subprocess.Popen[bytes], str]":
    """Start `ooo run` over HTTP in its own process, its stderr in `log`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": fake.bot_token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": url,
        "SLACK_APP_TOKEN": "",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--http", "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    return process, f"http://127.0.0.1:{port}"


def healthy(process: "subprocess.Popen[bytes]", address: str) -> bool:
    """Whether /healthz answers 200 (failing if ooo died)."""
    assert process.poll() is None, f"ooo exited with {process.returncode}"
    try:
        return httpx.get(f"{address}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def serving(fake: FakeSlack, url: str) -> Iterator[str]:
    """`ooo run`, healthy, then stopped with SIGTERM; its log is printed if it misbehaved."""
    log = Path(tempfile.mkdtemp()) / "ooo.log"
    process, address = launch(fake, url, log)
    try:
        while not healthy(process, address):
            time.sleep(0.05)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=60)
        errors = log.read_text()
        if process.returncode != 0 or "Traceback" in errors:
            print(errors[-3000:], file=sys.stderr)


def nudge(fake: FakeSlack, address: str) -> None:
    """Make ooo look at the database now, as any change through it does (`/ooo off` from
    someone who has no responder); rows the bench wrote directly it would see within a minute."""
    with SlackDriver(f"{address}/slack/events", SIGNING_SECRET, fake) as driver:
        assert driver.command("UNOBODY", "off").status == 200


def save_while(fake: FakeSlack, address: str, busy: threading.Event) -> list[float]:
    """While `busy`, one person after another saves a responder: `/ooo`, then the modal.

    Returns how long each save took to be answered (the slower of the two requests).
    """
    answers: list[float] = []
    with SlackDriver(f"{address}/slack/events", SIGNING_SECRET, fake) as driver:
        while busy.is_set():
            person = f"USAVE{len(answers):03d}"
            fake.add_user(person, person.lower())
            began = time.monotonic()
            assert driver.command(person, "until further notice").status == 200
            opened = time.monotonic()
            modal = fake.modal(person)
            assert modal is not None, f"{person} got no modal"
            assert driver.submit(person, modal["id"]).status == 200
            answers.append(max(opened - began, time.monotonic() - opened))
            time.sleep(SAVE_EVERY)
    return answers


def applied_count(engine: Engine, count: int) -> int:
    """How many of the first `count` responders have a transition applied."""
    with session_scope(engine) as session:
        query = select(func.count()).select_from(Transition)
        return session.scalar(query.where(Transition.responder_id <= count)) or 0  # type: ignore[arg-type,operator]


def burst(url: str, engine: Engine, count: int) -> dict[str, float]:
    """(a): every responder starts at the same instant, a few seconds from now."""
    fake = fake_with_people(count)
    with serving(fake, url) as address:
        start = datetime.now(UTC) + timedelta(seconds=3)
        fill(engine, count, [start] * count, [None] * count, [""] * count, [start] * count)
        nudge(fake, address)
        time.sleep(max(start.timestamp() - time.time(), 0))
        busy, saves = threading.Event(), []
        busy.set()
        saver = threading.Thread(target=lambda: saves.extend(save_while(fake, address, busy)))
        saver.start()
        while applied_count(engine, count) < count:
            time.sleep(0.1)
        applied_at = time.time()
        busy.clear()
        saver.join()
        while len(arrivals := on_dms(fake)) < count:
            time.sleep(0.5)
    fake.__exit__(None, None, None)
    times = sorted(arrivals.values())
    return {
        "applied_s": applied_at - start.timestamp(),
        "dms_s": times[-1] - start.timestamp(),
        "rate": count / max(times[-1] - times[0], 1e-6),
        "slowest_save_s": max(saves),
    }


def accuracy(url: str, engine: Engine, count: int) -> dict[str, float]:
    """(c): transitions every 50 ms, the delay from each one's time to its DM."""
    fake = fake_with_people(count)
    with serving(fake, url) as address:
        first = datetime.now(UTC) + timedelta(seconds=2)
        starts = [first + timedelta(milliseconds=50 * n) for n in range(count)]
        fill(engine, count, starts, [None] * count, [""] * count, starts)
        nudge(fake, address)
        while len(arrivals := on_dms(fake)) < count:
            time.sleep(0.2)
    fake.__exit__(None, None, None)
    delays = sorted(arrivals[f"U{n:07d}"] - starts[n].timestamp() for n in range(count))
    return {
        "p50": statistics.median(delays),
        "p99": delays[int(len(delays) * 0.99) - 1],
        "n": count,
    }


def boot(url: str, engine: Engine, stored: int) -> dict[str, float]:
    """(b): `ooo run` on `stored` responders, 1% of which fell due while it was down."""
    now = datetime.now(UTC)
    starts, ends, applied, due = [], [], [], []
    for n in range(stored):
        kind = n % 100
        if kind == 0:  # started while ooo was down
            starts.append(now - timedelta(hours=1))
            ends.append(now + timedelta(days=3))
            applied.append("")
            due.append(now - timedelta(hours=1))
        elif kind < 50:  # ended long ago, acted on
            starts.append(now - timedelta(days=40))
            ends.append(now - timedelta(days=35))
            applied.append("off")
            due.append(None)
        elif kind < 80:  # scheduled
            starts.append(now + timedelta(days=n % 60 + 1))
            ends.append(now + timedelta(days=n % 60 + 5))
            applied.append("")
            due.append(starts[-1])
        else:  # on, acted on
            starts.append(now - timedelta(days=1))
            ends.append(now + timedelta(days=n % 9 + 2))
            applied.append("on")
            due.append(ends[-1] - timedelta(hours=20))
    fill(engine, stored, starts, ends, applied, due)
    fake = fake_with_people(stored)
    log = Path(tempfile.mkdtemp()) / "ooo.log"
    began = time.monotonic()
    process, address = launch(fake, url, log)
    healthy_s = reconciled_s = None
    while reconciled_s is None:
        if healthy_s is None and healthy(process, address):
            healthy_s = time.monotonic() - began
        with session_scope(engine) as session:
            due_now = (
                select(func.count()).select_from(ResponderRow).where(ResponderRow.due_at <= now)
            )  # type: ignore[arg-type,operator]
            left = session.scalar(due_now)
        if healthy_s is not None and left == 0:
            reconciled_s = time.monotonic() - began
        time.sleep(0.05)
    status = Path(f"/proc/{process.pid}/status").read_text().splitlines()
    rss = int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024
    process.terminate()
    process.wait(timeout=60)
    fake.__exit__(None, None, None)
    return {"healthz_s": healthy_s, "reconciled_s": reconciled_s, "rss_mb": rss}


def database(postgres: str | None, label: str, name: str) -> str:
    """A fresh, migrated database of one kind for one case."""
    if label == "SQLite":
        url = f"sqlite:///{tempfile.mkdtemp()}/{name}.db"
    else:
        assert postgres is not None
        created = f"ooo_bench_{name}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{created}"')
        url = postgres.rsplit("/", 1)[0] + f"/{created}"
    migrate(make_engine(url))
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--responders", type=int, default=10_000)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--accuracy", type=int, default=200)
    parser.add_argument("--only", choices=["SQLite", "PostgreSQL"])
    args = parser.parse_args()
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|")
    labels = ["SQLite"] + (["PostgreSQL"] if args.postgres else [])
    for label in [x for x in labels if args.only in (None, x)]:
        url = database(args.postgres, label, "burst")
        a = burst(url, make_engine(url), args.responders)
        url = database(args.postgres, label, "boot")
        b = boot(url, make_engine(url), args.stored)
        url = database(args.postgres, label, "accuracy")
        c = accuracy(url, make_engine(url), args.accuracy)
        cells = [
            f"{a['applied_s']:.1f} s",
            f"{a['dms_s']:.1f} s",
            f"{a['rate']:.0f}",
            f"{a['slowest_save_s'] * 1000:.0f} ms",
            f"{b['healthz_s']:.1f} s",
            f"{b['reconciled_s']:.1f} s",
            f"{b['rss_mb']:.0f} MB",
            f"{c['p50'] * 1000:.0f} ms",
            f"{c['p99'] * 1000:.0f} ms",
        ]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Load average after the run: {load}")
    print("Targets: (a) applied < 20 s, saves < 3 s; (b) < 5 s and < 300 MB; (c) p99 < 2 s.")


if __name__ == "__main__":
    main()
