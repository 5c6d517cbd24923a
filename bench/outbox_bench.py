"""The outbox at Slack's pace: effects delivered per second, and requests served meanwhile.

A fake Slack answers every call after 100 ms and enforces its rate limits (429 with
Retry-After per method and workspace; chat.postMessage one a second per conversation). 5,000
DMs queued across 50 workspaces are delivered by one ooo process, then by two replicas of it
on the same database, while message events keep arriving at the first from a process of their
own (sharing no interpreter lock with the fake Slack): prints effects/s, the 429s Slack
answered, and p50/p99 of the events' HTTP responses. In 5 workspaces, 20 DMs each go to one
busy person, whose conversation Slack limits to a post a second: those workspaces wait as
Slack asks while the others keep sending. Run it at another commit
(`git archive <commit> | tar -x -C DIR`, copy this file and tests/support/ there) for a
baseline.
Usage: python bench/outbox_bench.py [--effects 5000] [--workspaces 50] [--delay 0.1]
    [--limited 5] [--database-url postgresql://...]  (SQLite in a temporary file by default)
"""

import argparse
import multiprocessing
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as StopEvent
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import col, func, select

from bench.command_latency import SECRET, percentiles, serving
from bench.replies_bench import CHANNEL, events
from bot.core.effect_kinds import EffectKind
from bot.core.workspace import Workspace
from storage.db import make_engine, migrate, session_scope
from storage.effects_queries import NewEffect, enqueue_effects
from storage.models import Effect
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

PEOPLE = 2_000
SENDERS = [f"UIN{i:04d}" for i in range(20)]
# Each limited workspace's first DMs go to its one busy person (a conversation Slack limits to
# a post a second), so they take at least this many seconds whatever the workers do.
BUSY_DMS = 20


def busy(workspace: int) -> str:
    """The person a limited workspace DMs again and again."""
    return f"UBUSY{workspace:03d}"


def arrange(fake: FakeSlack, database_url: str) -> None:
    """People to DM, and a channel whose chatter mentions nobody absent."""
    for n in range(PEOPLE):
        fake.add_user(f"U{n:05d}", f"person{n}")
    for sender in [*SENDERS, *(busy(w) for w in range(50))]:
        fake.add_user(sender, sender.lower())
    fake.add_channel(CHANNEL, "bench", members=[*SENDERS, "UBOT"])
    engine = make_engine(database_url)
    migrate(engine)
    engine.dispose()


def recipient(n: int, workspaces: int, limited: int) -> str:
    """Who the n-th DM goes to: a busy person for a limited workspace's first ones."""
    workspace, turn = n % workspaces, n // workspaces
    return busy(workspace) if workspace < limited and turn < BUSY_DMS else f"U{n % PEOPLE:05d}"


def queue(database_url: str, count: int, workspaces: int, limited: int, round_: int) -> None:
    """A busy morning: `count` DMs, spread over the workspaces, all due now."""
    engine = make_engine(database_url)
    effects = [
        NewEffect(
            key=f"bench:{round_}:{n}",
            kind=EffectKind.MESSAGE_POST,
            payload={
                "channel": recipient(n, workspaces, limited),
                "text": f"You're out of office ({n})",
            },
            workspace=Workspace(f"T{n % workspaces:04d}"),
        )
        for n in range(count)
    ]
    with session_scope(engine) as session:
        enqueue_effects(session, effects=effects, now=datetime.now(UTC))
    engine.dispose()


def unsent(database_url: str) -> int:
    engine = make_engine(database_url)
    with session_scope(engine) as session:
        left = session.exec(
            select(func.count()).select_from(Effect).where(col(Effect.status) != "sent")
        ).one()
    engine.dispose()
    return int(left)


def chatter(url: str, round_: int, stop: StopEvent, out: Connection) -> None:
    """Child process: send message events (10 ms apart) until stopped; send back latencies."""
    driver = SlackDriver(url, SECRET, cast(FakeSlack, None))  # events need nothing of the fake
    make = events("a", [], SENDERS)
    samples: list[float] = []
    n = round_ * 1_000_000
    while not stop.is_set():
        began = time.perf_counter()
        reply = driver.event(make(n), event_id=f"Ev{n:09d}")
        assert reply.status == 200, reply.text
        samples.append(time.perf_counter() - began)
        n += 1
        time.sleep(0.01)
    driver.close()
    out.send(samples)


def limited_429s(fake: FakeSlack) -> tuple[int, int]:
    """The 429s Slack answered so far: to busy people, and to everyone else."""
    limited = [r for r in fake.rejections if r.error == "ratelimited"]
    to_busy = sum(str(r.args.get("channel", "")).startswith("UBUSY") for r in limited)
    return to_busy, len(limited) - to_busy


def deliver(
    fake: FakeSlack, urls: list[str], database_url: str, args: argparse.Namespace, round_: int
) -> tuple[float, tuple[int, int], list[float]]:
    """Queue the DMs, send events to the first replica until all are sent: effects/s, 429s
    (to busy people, to others), and the events' latencies."""
    spawn = multiprocessing.get_context("spawn")
    stop, (receive, send) = spawn.Event(), spawn.Pipe(duplex=False)
    talker = spawn.Process(target=chatter, args=(urls[0], round_, stop, send))
    talker.start()
    busy_before, others_before = limited_429s(fake)
    began = time.perf_counter()
    queue(database_url, args.effects, args.workspaces, args.limited, round_)
    while unsent(database_url):
        time.sleep(0.2)
    elapsed = time.perf_counter() - began
    stop.set()
    samples: list[float] = receive.recv()
    talker.join()
    busy_after, others_after = limited_429s(fake)
    limited = (busy_after - busy_before, others_after - others_before)
    return args.effects / elapsed, limited, samples


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--effects", type=int, default=5_000)
    parser.add_argument("--workspaces", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds per Slack call")
    parser.add_argument("--limited", type=int, default=5, help="workspaces with a busy person")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    rows: list[tuple[str, float, tuple[int, int], list[float]]] = []
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        arrange(fake, url)
        fake.delay_every_call(args.delay)
        fake.enforce_rate_limits()
        for round_, replicas in enumerate((1, 2), start=1):
            with ExitStack() as stack:
                urls = [stack.enter_context(serving("ooo", fake, url)) for _ in range(replicas)]
                name = "one process" if replicas == 1 else f"{replicas} replicas"
                rows.append((name, *deliver(fake, urls, url, args, round_)))
    print(
        f"{args.effects:,} DMs across {args.workspaces} workspaces, Slack answering after "
        f"{args.delay * 1000:.0f} ms, {url.split(':')[0]}"
    )
    print(
        f"{'case':14} {'effects/s':>10} {'429s busy/other':>16} {'events':>7} "
        f"{'p50 ms':>8} {'p99 ms':>8}"
    )
    for name, rate, (to_busy, others), samples in rows:
        p50, p99, _ = percentiles(samples)
        limited = f"{to_busy}/{others}"
        print(f"{name:14} {rate:10.1f} {limited:>16} {len(samples):7d} {p50:8.2f} {p99:8.2f}")
    twice = len(fake.calls_to("chat.postMessage")) - len(rows) * args.effects
    print(f"chat.postMessage calls beyond one per effect (429s included): {twice}")


if __name__ == "__main__":
    main()
