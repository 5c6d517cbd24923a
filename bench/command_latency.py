"""Latency of `/ooo` and of saving the modal, over real HTTP with the fake Slack.

The app runs in its own process, as in production; the fake Slack and the signing driver run
here. Prints p50/p99/max for a signed `/ooo` to its HTTP response, to the `views.open` call
reaching Slack (for people seen for the first time, then for one whose `users.info` is cached),
a view submission, and a no-op Bolt listener served the same way in the same run.
Usage: python bench/command_latency.py [--requests 500] [--database-url URL]
"""

import argparse
import multiprocessing
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app import create_app, delivery_client
from bot.clock import system_clock
from bot.config import Settings
from bot.outbox.deliveries import outbox_registry
from bot.outbox.delivery import OutboxServices
from bot.outbox.worker import EffectWorker
from bot.responders.followups import Followups
from bot.web import http_server
from storage.db import make_engine, migrate
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

SECRET = "bench-secret"


def _serve(kind: str, port: int, api_url: str, token: str, database_url: str) -> None:
    """Child process: serve ooo, or a Bolt app whose only listener acknowledges.

    "noop" is configured like ooo (listeners run before the response); "noop-default" keeps
    Bolt's default, where the request thread polls for `ack()` from a listener thread.
    """
    engine = make_engine(database_url)
    if kind == "ooo":
        settings = Settings(
            slack_bot_token=token,
            slack_signing_secret=SECRET,
            slack_api_url=api_url,
            database_url=database_url,
        )
        client = delivery_client(settings)
        followups = Followups(engine, system_clock)
        effects = EffectWorker(
            engine,
            lambda _workspace: client,
            system_clock,
            registry=outbox_registry(),
            services=OutboxServices(homes=followups.homes, accounts=followups.accounts),
        )
        app = create_app(settings, engine=engine, followups=followups, effects=effects)
        effects.start()  # as `ooo run` does: effects go out from workers, as in production
    else:
        app = App(
            client=WebClient(token=token, base_url=api_url),
            signing_secret=SECRET,
            process_before_response=kind == "noop",
        )

        def acknowledge(ack: Ack) -> None:
            ack()

        app.command("/noop")(acknowledge)
        app.event("message")(acknowledge)
    http_server(engine, app, host="127.0.0.1", port=port).run()


@contextmanager
def serving(kind: str, fake: FakeSlack, database_url: str) -> Iterator[str]:
    """Run an app in a child process and yield its Slack endpoint once it is healthy."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = (kind, port, fake.api_url, fake.bot_token, database_url)
    child = multiprocessing.get_context("spawn").Process(target=_serve, args=args, daemon=True)
    child.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            assert time.monotonic() < deadline and child.is_alive(), f"{kind} did not start"
            time.sleep(0.1)
    try:
        yield f"{base}/slack/events"
    finally:
        child.terminate()
        child.join()


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p99 and max in milliseconds."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000, max(samples) * 1000


def timed(count: int, step: Callable[[int], object]) -> list[float]:
    """Time a step `count` times."""
    samples = []
    for i in range(count):
        started = time.perf_counter()
        step(i)
        samples.append(time.perf_counter() - started)
    return samples


def measure(fake: FakeSlack, url: str, users: list[str]) -> list[tuple[str, list[float]]]:
    """Run every measure, warming each server up first."""
    n, rows = len(users), []
    for kind, name in (("noop", "as ooo runs it"), ("noop-default", "Bolt's default")):
        with serving(kind, fake, url) as noop_url, SlackDriver(noop_url, SECRET, fake) as driver:
            timed(50, lambda i: driver.command(users[0], command="/noop"))
            samples = timed(n, lambda i: driver.command(users[i], command="/noop"))
            rows.append((f"no-op listener, {name}", samples))
    with serving("ooo", fake, url) as ooo_url, SlackDriver(ooo_url, SECRET, fake) as driver:
        timed(50, lambda i: driver.command(users[0], "list"))
        opened: list[float] = []

        def command(i: int, user: str | None = None) -> None:
            sent = time.monotonic()
            reply = driver.command(user or users[i], "from Monday to the 15th")
            assert reply.status == 200, reply.text
            call = next(c for c in reversed(fake.calls) if c.method == "views.open")
            assert call.args["trigger_id"] == reply.trigger_id
            opened.append(call.at - sent)

        def submit(i: int) -> None:
            modal = fake.modal(users[i])
            assert modal is not None
            reply = driver.submit(users[i], modal["id"])
            assert reply.status == 200 and not reply.text, reply.text

        rows.append(("/ooo → HTTP response", timed(n, command)))
        rows.append(("/ooo → views.open reaches Slack", opened))
        opened = []
        timed(n, lambda i: command(i, users[0]))
        rows.append(("  same, users.info cached", opened))
        rows.append(("view submission → response", timed(n, submit)))
        # Let the last follow-ups (DM, Home tab) land before the app is stopped.
        fake.wait_for(lambda: fake.home(users[-1]) and fake.last_dm(users[-1]), timeout=10)
    return rows


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        migrate(make_engine(url))
        users = [f"U{i:05d}" for i in range(args.requests)]
        for user in users:
            fake.add_user(user, user.lower(), tz="Europe/Paris")
        rows = measure(fake, url, users)
    print(
        f"{args.requests} requests each, one at a time, app in its own process; {url.split(':')[0]}"
    )
    print(f"{'measure':34} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, samples in rows:
        p50, p99, worst = percentiles(samples)
        print(f"{name:34} {p50:8.2f} {p99:8.2f} {worst:8.2f}")


if __name__ == "__main__":
    main()
