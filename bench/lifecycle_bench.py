"""Responders switching on at scale, and ooo booting on a large database.

(a) 10,000 responders all starting in the same minute: time until every transition is applied
    in the database, until every "on" DM reached the fake Slack (answering at once), and the
    send rate; the scheduler and the effect workers run here, as `ooo run` wires them.
(b) `ooo run` (its own process) on 100,000 stored responders, 1% of which fell due while it
    was down: time to the first /healthz 200, to a reconciled schedule (nothing left due), RSS.
(c) Firing accuracy: delay from each transition's time to its DM reaching the fake, p50/p99.
Usage: python -m bench.lifecycle_bench [--postgres URL] [--responders 10000] [--stored 100000]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from slack_sdk import WebClient
from sqlalchemy import Engine, func, insert, select

import bot.app  # noqa: F401  (registers the effect kinds)
from bot.clock import system_clock
from bot.effects.worker import EffectWorker
from bot.home_tab import HomeTabs
from bot.scheduler import Scheduler
from storage.db import make_engine, migrate, session_scope
from storage.models import Responder, Transition
from tests.support.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[1]
HEADER = (
    "| database | (a) applied | (a) all DMs | (a) DMs/s | (b) /healthz | (b) reconciled"
    " | (b) RSS | (c) p50 | (c) p99 |"
)


def fill(
    engine: Engine,
    count: int,
    starts: "list[datetime]",
    ends: "list[datetime | None]",
    applied: "list[str]",
    due: "list[datetime | None]",
) -> None:
    """Insert responders in bulk, one person each."""
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
            session.execute(insert(Responder), rows[chunk : chunk + 5000])


def fake_with_people(count: int) -> FakeSlack:
    fake = FakeSlack().__enter__()
    for n in range(count):
        fake.add_user(f"U{n:07d}", f"person{n}")
    return fake


def dm_times(fake: FakeSlack) -> list[float]:
    """Monotonic arrival times of the "on" DMs."""
    return sorted(
        c.at
        for c in fake.calls
        if c.method == "chat.postMessage"
        and ":on:dm:" in str((c.args.get("metadata") or {}).get("event_payload"))
    )


def wiring(engine: Engine, fake: FakeSlack) -> tuple[Scheduler, EffectWorker]:
    client = WebClient(token=fake.bot_token, base_url=fake.api_url, retry_handlers=[])
    homes = HomeTabs(engine, system_clock)
    worker = EffectWorker(engine, lambda _w: client, system_clock, services={"homes": homes})
    return Scheduler(engine, system_clock, on_applied=worker.nudge), worker


def burst(engine: Engine, count: int) -> dict[str, float]:
    """(a): every responder starts at the same instant, a few seconds from now."""
    fake = fake_with_people(count)
    start = datetime.now(UTC) + timedelta(seconds=3)
    fill(engine, count, [start] * count, [None] * count, [""] * count, [start] * count)
    scheduler, worker = wiring(engine, fake)
    worker.start()
    scheduler.start()
    offset = time.time() - time.monotonic()
    applied_at = None
    while True:
        with session_scope(engine) as session:
            done = session.scalar(select(func.count()).select_from(Transition)) or 0
        if done >= count and applied_at is None:
            applied_at = time.time()
        if applied_at and len(dm_times(fake)) >= count:
            break
        time.sleep(0.2)
    scheduler.shutdown()
    worker.close()
    times = dm_times(fake)
    fake.__exit__(None, None, None)
    return {
        "applied_s": applied_at - start.timestamp(),
        "dms_s": times[-1] + offset - start.timestamp(),
        "rate": count / max(times[-1] - times[0], 1e-6),
    }


def accuracy(engine: Engine, count: int) -> dict[str, float]:
    """(c): transitions every 50 ms, the delay from each one's time to its DM."""
    fake = fake_with_people(count)
    first = datetime.now(UTC) + timedelta(seconds=2)
    starts = [first + timedelta(milliseconds=50 * n) for n in range(count)]
    fill(engine, count, starts, [None] * count, [""] * count, starts)
    scheduler, worker = wiring(engine, fake)
    worker.start()
    scheduler.start()
    while len(dm_times(fake)) < count:
        time.sleep(0.2)
    scheduler.shutdown()
    worker.close()
    offset = time.time() - time.monotonic()
    arrivals = {
        str(c.args["channel"]): c.at + offset
        for c in fake.calls
        if c.method == "chat.postMessage"
        and ":on:dm:" in str((c.args.get("metadata") or {}).get("event_payload"))
    }
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
    port = 3900 + os.getpid() % 100
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": fake.bot_token,
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": url,
        "SLACK_APP_TOKEN": "",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    began = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--http", "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    healthy = reconciled = None
    while reconciled is None:
        if healthy is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    healthy = time.monotonic() - began
            except httpx.TransportError:
                pass
        with session_scope(engine) as session:
            due = select(func.count()).select_from(Responder).where(Responder.due_at <= now)  # type: ignore[arg-type,operator]
            left = session.scalar(due)
        if healthy is not None and left == 0:
            reconciled = time.monotonic() - began
        time.sleep(0.05)
    rss = (
        int(
            next(
                line
                for line in Path(f"/proc/{process.pid}/status").read_text().splitlines()
                if line.startswith("VmRSS")
            ).split()[1]
        )
        / 1024
    )
    process.terminate()
    process.wait(timeout=30)
    fake.__exit__(None, None, None)
    return {"healthz_s": healthy, "reconciled_s": reconciled, "rss_mb": rss}


def databases(postgres: str | None) -> "list[tuple[str, str]]":
    found = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.db")]
    if postgres:
        name = f"ooo_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        found.append(("PostgreSQL", postgres.rsplit("/", 1)[0] + f"/{name}"))
    return found


def fresh(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--responders", type=int, default=10_000)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--accuracy", type=int, default=200)
    args = parser.parse_args()
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|")
    for label, url in databases(args.postgres):
        a = burst(fresh(url), args.responders)
        b_url = url.replace("bench.db", "boot.db") if url.startswith("sqlite") else url + "_boot"
        if not url.startswith("sqlite"):
            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{b_url.rsplit("/", 1)[1]}"')
        b = boot(b_url, fresh(b_url), args.stored)
        c_url = url.replace("bench.db", "accuracy.db") if url.startswith("sqlite") else url + "_acc"
        if not url.startswith("sqlite"):
            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{c_url.rsplit("/", 1)[1]}"')
        c = accuracy(fresh(c_url), args.accuracy)
        cells = [
            f"{a['applied_s']:.1f} s",
            f"{a['dms_s']:.1f} s",
            f"{a['rate']:.0f}",
            f"{b['healthz_s']:.1f} s",
            f"{b['reconciled_s']:.1f} s",
            f"{b['rss_mb']:.0f} MB",
            f"{c['p50'] * 1000:.0f} ms",
            f"{c['p99'] * 1000:.0f} ms",
        ]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    print("Targets: (a) applied < 20 s; (b) < 5 s and < 300 MB; (c) p99 < 2 s.")


if __name__ == "__main__":
    main()
