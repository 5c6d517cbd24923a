"""Latency of `/ooo` and of saving the modal, over real HTTP with the fake Slack.

Prints p50/p99 for: a signed `/ooo` to its HTTP response, to the `views.open` call reaching Slack,
a view submission, and a no-op Bolt listener served the same way in the same run.
Usage: python bench/command_latency.py [--requests 500] [--database-url URL]
"""

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import Ack, App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.app import create_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.web import http_server, stop  # noqa: E402
from storage.db import make_engine, migrate  # noqa: E402
from tests.support.driver import SlackDriver  # noqa: E402
from tests.support.fake_slack import FakeSlack  # noqa: E402

SECRET = "bench-secret"


@contextmanager
def serving(app: App, engine_url: str) -> Iterator[str]:
    """Serve a Bolt app with ooo's own server and yield its Slack endpoint."""
    server = http_server(app, make_engine(engine_url), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    finally:
        stop(server)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p99 and max in milliseconds."""
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000, max(samples) * 1000


def timed(count: int, step: Callable[[int], float | None]) -> list[float]:
    """Run a step `count` times; a step returns its own measure or None to be timed whole."""
    samples = []
    for i in range(count):
        started = time.perf_counter()
        measured = step(i)
        samples.append(measured if measured is not None else time.perf_counter() - started)
    return samples


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    n = args.requests
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        engine = make_engine(url)
        migrate(engine)
        users = [f"U{i:05d}" for i in range(n)]
        for user in users:
            fake.add_user(user, user.lower(), tz="Europe/Paris")
        settings = Settings(
            slack_bot_token=fake.bot_token,
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            database_url=url,
        )
        ooo = create_app(settings, engine=engine)
        noop = App(
            client=WebClient(token=fake.bot_token, base_url=fake.api_url),
            signing_secret=SECRET,
            process_before_response=True,
        )

        def acknowledge(ack: Ack) -> None:
            ack()

        noop.command("/noop")(acknowledge)
        rows = []
        with serving(noop, url) as noop_url, SlackDriver(noop_url, SECRET, fake) as driver:
            timed(50, lambda i: driver.command(users[0], command="/noop") and None)
            rows.append(
                (
                    "no-op Bolt listener → response",
                    timed(n, lambda i: driver.command(users[i], command="/noop") and None),
                )
            )
        with serving(ooo, url) as ooo_url, SlackDriver(ooo_url, SECRET, fake) as driver:
            timed(50, lambda i: driver.command(users[0], "list") and None)
            opened: list[float] = []

            def command(i: int) -> None:
                started = time.monotonic()
                reply = driver.command(users[i], "from Monday to the 15th")
                assert reply.status == 200, reply.text
                call = next(c for c in reversed(fake.calls) if c.method == "views.open")
                assert call.args["trigger_id"] == reply.trigger_id
                opened.append(call.at - started)

            rows.append(("/ooo → HTTP response", timed(n, command)))
            rows.append(("/ooo → views.open reaches Slack", opened))

            def submit(i: int) -> None:
                view_id = fake.modal(users[i])["id"]
                reply = driver.submit(users[i], view_id)
                assert reply.status == 200 and not reply.text, reply.text

            rows.append(("view submission → response", timed(n, submit)))
    print(f"{n} requests each, one at a time; database {url.split(':')[0]}")
    print(f"{'measure':38} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, samples in rows:
        p50, p99, worst = percentiles(samples)
        print(f"{name:38} {p50:8.2f} {p99:8.2f} {worst:8.2f}")


if __name__ == "__main__":
    main()
