"""Message events through the HTTP endpoint: ooo against a no-op Bolt listener, same run.

(a) channel messages that mention no absent person, (b) mentions that trigger a reply (each a
new sender for one of many absent people, so every one is answered). Prints events/s and
p50/p99 to the HTTP response, and the app's resident memory before and after all the events.
Usage: python bench/replies_bench.py [--events 100000] [--measured 5000] [--clients 4]
    [--database-url postgresql://...]  (SQLite in a temporary file by default)
"""

import argparse
import itertools
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.command_latency import SECRET, percentiles, serving
from storage.db import make_engine, migrate, session_scope
from storage.models import ResponderRow
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

CHANNEL = "C0BENCH"
ABSENT, SENDERS = 300, 20
Event = dict[str, Any]


def arrange(fake: FakeSlack, database_url: str) -> tuple[list[str], list[str]]:
    """Absent people with responders on, senders, and one channel everyone (and ooo) is in."""
    absent = [f"UOUT{i:04d}" for i in range(ABSENT)]
    senders = [f"UIN{i:04d}" for i in range(SENDERS)]
    for user in absent + senders:
        fake.add_user(user, user.lower())
    fake.add_channel(CHANNEL, "bench", members=[*absent, *senders, "UBOT"])
    now = datetime.now(UTC)
    engine = make_engine(database_url)
    migrate(engine)
    with session_scope(engine) as session:
        for owner in absent:
            session.add(
                ResponderRow(
                    team_id="T0001",
                    owner_id=owner,
                    kind="personal",
                    starts_at=now - timedelta(days=1),
                    ends_at=now + timedelta(days=7),
                    tz="UTC",
                    message="Out this week.",
                    created_at=now,
                    updated_at=now,
                )
            )
    engine.dispose()
    return absent, senders


def events(kind: str, absent: list[str], senders: list[str]) -> Callable[[int], Event]:
    """The n-th event of a kind: (a) mentions nobody absent, (b) a first mention of someone out."""
    pairs = list(itertools.product(absent, senders))

    def event(n: int) -> Event:
        if kind == "a":
            text = f"<@{senders[(n + 1) % SENDERS]}> see #{n}" if n % 2 else f"status update {n}"
            user = senders[n % SENDERS]
        else:
            owner, user = pairs[n % len(pairs)]
            text = f"<@{owner}> question {n}"
        ts = f"{1_800_000_000 + n // 1_000_000}.{n % 1_000_000:06d}"
        return {"type": "message", "channel": CHANNEL, "user": user, "text": text, "ts": ts}

    return event


def run(
    url: str, fake: FakeSlack, make: Callable[[int], Event], count: int, *, clients: int, start: int
) -> tuple[float, list[float]]:
    """Send `count` events from `clients` concurrent senders; events/s and each latency."""
    drivers = [SlackDriver(url, SECRET, fake) for _ in range(clients)]

    def send(n: int) -> float:
        driver = drivers[n % clients]
        began = time.perf_counter()
        reply = driver.event(make(start + n), event_id=f"Ev{start + n:09d}")
        assert reply.status == 200, reply.text
        return time.perf_counter() - began

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        samples = list(pool.map(send, range(count)))
    elapsed = time.perf_counter() - began
    for driver in drivers:
        driver.close()
    return count / elapsed, samples


def rss_mb() -> float:
    """Resident memory of the app's process (the only child running), in MB."""
    [child] = multiprocessing.active_children()
    for line in Path(f"/proc/{child.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="total for the memory check")
    parser.add_argument("--measured", type=int, default=5_000, help="events per timed case")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    rows: list[tuple[str, float, list[float]]] = []
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        absent, senders = arrange(fake, url)
        quiet, mentions = events("a", absent, senders), events("b", absent, senders)
        options = {"clients": args.clients}
        with serving("noop", fake, url) as noop:
            run(noop, fake, quiet, 500, start=0, **options)
            rows.append(
                (
                    "no-op Bolt listener, (a) events",
                    *run(noop, fake, quiet, args.measured, start=1000, **options),
                )
            )
        with serving("ooo", fake, url) as ooo:
            run(ooo, fake, quiet, 500, start=0, **options)
            run(ooo, fake, mentions, 500, start=len(absent) * len(senders) - 500, **options)
            # Let the warm-up's replies go out, so they don't weigh on what is measured next.
            fake.wait_for(lambda: len(fake.calls_to("chat.postEphemeral")) >= 500, timeout=120)
            before = rss_mb()
            rows.append(
                (
                    "ooo (a) no absent person mentioned",
                    *run(ooo, fake, quiet, args.measured, start=10_000, **options),
                )
            )
            rows.append(
                (
                    "ooo (b) mention answered",
                    *run(ooo, fake, mentions, args.measured, start=0, **options),
                )
            )
            rest = max(args.events - 2 * args.measured, 0)
            run(ooo, fake, quiet, rest // 2, start=100_000, **options)
            halfway = rss_mb()
            run(ooo, fake, quiet, rest - rest // 2, start=100_000 + rest // 2, **options)
            fake.wait_for(
                lambda: len(fake.calls_to("chat.postEphemeral")) >= args.measured, timeout=120
            )
            after = rss_mb()
    noop_rate = rows[0][1]
    print(f"{args.clients} concurrent senders, app in its own process, {url.split(':')[0]}")
    print(f"{'case':38} {'events/s':>9} {'vs no-op':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for name, rate, samples in rows:
        p50, p99, _ = percentiles(samples)
        print(f"{name:38} {rate:9.0f} {rate / noop_rate:9.0%} {p50:8.2f} {p99:8.2f}")
    growth = (after - before) / before
    total = 2 * args.measured + max(args.events - 2 * args.measured, 0)
    print(
        f"ooo RSS: {before:.1f} MB after warming up, {halfway:.1f} MB halfway, {after:.1f} MB "
        f"after {total:,} events ({growth:+.1%}; second half {(after - halfway) / halfway:+.1%})"
    )
    print(f"replies delivered by the workers: {len(fake.calls_to('chat.postEphemeral'))}")


if __name__ == "__main__":
    main()
