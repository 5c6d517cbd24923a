"""Calendars in and out at scale: one refresh pass over many people's feeds, and a team's feed.

Team feed: the team view bench's database (100,000 responders of 20,000 people, the group's
1,000 among them, over a year around now), with a published feed of that group. Slack is left
out (the members and their names are known, as the directory's caches know them): what is timed
is what ooo does itself for a calendar's read, through `FeedReader.read` (token, members, the
responder query, the events, the iCalendar body, its ETag, the read noted). Prints p50/p99/max
wall and CPU per database for: a first read (nothing drawn yet), a read again with nothing
changed (the body is reused), a read after one absence was edited (only that event is drawn
again), a calendar that already has it (304), and, as the baseline in the same run, the
responder query alone. Targets (p99, wall on an idle 2-core machine, and CPU of this process
on a shared one): first read under 2 s; read again, after one edit and 304 under 300 ms. The
body's size and events are printed too.

Refresh pass: `--people` people (1,000) of one workspace each connect a 50-event feed (sealed
URL, as `/ooo calendar` stores it; Google- and Outlook-shaped in turn, 10 absences each in the
90-day horizon) served by a loopback server with ETags. The app's own sweep (`RefreshSweep.run`:
claims by compare-and-set, 20 feeds a run on 4 threads) runs as the scheduler would until no
feed is due, three times per database: first (every feed read, its responders created), with
nothing changed (304), and with one event of every feed moved. Prints each pass's wall and CPU,
p50/p99/max wall and p50/p99 CPU per feed (its thread's), what the reads did, and this process's
resident memory (grown in the pass / peak), beside the baseline of parsing the same bodies alone.
Targets, well inside the 900 s refresh period, for wall on an idle 2-core machine and for CPU
on a shared one (the feed server runs in this same process): first pass and the one with moved
events under 120 s, the 304 pass under 30 s; p99 per feed under 1 s; peak memory under 200 MB.
Usage: python bench/calendars_bench.py [--people 1000] [--runs 50] [--postgres URL]
       [--responders 100000]
"""

import argparse
import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_sdk import WebClient
from sqlalchemy import Engine, update

from bench.calendar_feeds import EVENTS, FeedServer, publish_all, zone_of
from bench.refresh_measures import PeakMemory, Target, TimedSweep, figures, parsing_alone
from bench.team_bench import ACME, GROUP, NOW, databases, fill, row, timed
from bot.accounts.vault import Vault, generate_key
from bot.calendars.connected.refresh import Reader
from bot.calendars.published.feeds import PublishedFeeds, TeamTarget
from bot.calendars.published.reads import Conditions, FeedReader
from bot.config import calendar_hosts
from bot.core.published_events import feed_window
from bot.slack.directory import GUESS, Person
from storage import published_feed_queries
from storage.db import make_engine, migrate, session_scope
from storage.models import CalendarFeed, ResponderRow

OWNER = GROUP[0]
EVERY = timedelta(seconds=900)
FIRST_PASS, UNCHANGED, MOVED = Target(120, 1000), Target(30, 1000), Target(120, 1000)


class KnownPeople:
    """The directory as its caches stand after a first read: members and names known."""

    def roster(self, client: WebClient, *, team_id: str) -> frozenset[str]:
        """The group is the workspace."""
        return frozenset(GROUP)

    def members(self, client: WebClient, *, team_id: str, target_id: str) -> frozenset[str]:
        """Everyone is in the group."""
        return frozenset(GROUP)

    def roster_names(self, *, team_id: str) -> dict[str, str]:
        """Each person's name."""
        return {person: f"Person {person[1:]}" for person in GROUP}

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Person:
        """Anyone, as a guess."""
        return GUESS

    def display_names(
        self, client: WebClient, *, team_id: str, user_ids: set[str]
    ) -> dict[str, str]:
        """No backups to name."""
        return {}


def refresh_pass(args: argparse.Namespace) -> None:
    """Connect everyone's feed in each database, then time three passes of the app's sweep."""
    server, vault = FeedServer(), Vault(generate_key())
    reader = Reader(vault=vault, allow_hosts=calendar_hosts(server.host))
    urls = publish_all(server, args.people, NOW)
    print(f"| refresh pass: {args.people} feeds of {EVENTS} events, on {server.host} |")
    print(
        "| database, pass | total s | CPU s | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms "
        "| responders | RSS grown / peak MB | target |"
    )
    print("|---" * 11 + "|")
    print(parsing_alone(server.feeds, NOW))
    with databases(args.postgres) as found:
        for name, url in found:
            engine = make_engine(url)
            migrate(engine)
            connect_all(engine, vault, urls)
            print(timed_pass(f"{name}, first", engine, reader, NOW, FIRST_PASS))
            print(timed_pass(f"{name}, unchanged (304)", engine, reader, NOW + EVERY, UNCHANGED))
            publish_all(server, args.people, NOW, edition=1)
            print(timed_pass(f"{name}, one event moved", engine, reader, NOW + EVERY * 2, MOVED))
            publish_all(server, args.people, NOW)
            engine.dispose()
    server.close()


def connect_all(engine: Engine, vault: Vault, urls: list[str]) -> None:
    """One feed per person, stored as `/ooo calendar` stores it: URL sealed, due now."""
    with session_scope(engine) as session:
        for person, url in enumerate(urls):
            session.add(
                CalendarFeed(
                    team_id=ACME.team_id,
                    owner_id=f"U{person:06d}",
                    url=vault.seal(url),
                    hint="127.0.0.1/…",
                    tz=zone_of(person),
                    due_at=NOW,
                    created_at=NOW,
                )
            )


def timed_pass(label: str, engine: Engine, reader: Reader, now: datetime, target: Target) -> str:
    """Run the sweep as the scheduler would, until no feed is due at `now`; one table line."""
    sweep, memory = TimedSweep(reader), PeakMemory()
    began, began_cpu = time.perf_counter(), time.process_time()
    while sweep.run(engine, now):
        pass
    sweep.close()
    total = (time.perf_counter() - began, time.process_time() - began_cpu)
    grown, peak = memory.stop()
    met = target.met(total, sweep, peak)
    spent = (sweep.spent, sweep.cpu)
    return figures(label, total, spent, sweep.changed(), (grown, peak), met)


def team_feed(name: str, engine: Engine, runs: int) -> None:
    """Publish the group's feed, then time reading it as calendars do."""
    feeds = PublishedFeeds(engine, lambda: NOW, public_url="https://ooo.example.com", vault=None)
    link, _ = feeds.team(
        ACME, OWNER, TeamTarget("S0BIG", "@everyone", False), locale="en-US", renew=True
    )
    assert link.url is not None
    token = link.url.rsplit("/", 1)[1].removesuffix(".ics")

    def reader() -> FeedReader:
        """A reader that has drawn nothing yet."""
        return FeedReader(
            engine, lambda: NOW, KnownPeople(), lambda _w: WebClient(), host="ooo.example.com"
        )

    kept = reader()
    first = kept.read(token)
    etag = dict(first.headers)["ETag"]
    events = first.body.count(b"BEGIN:VEVENT")
    print(f"| {name}: feed of {events} events, {len(first.body) / 1e6:.2f} MB | | | | | |")
    print(row(f"{name}, first read", timed(lambda _e: reader().read(token), engine, runs)))
    print(
        row(f"{name}, read again unchanged", timed(lambda _e: kept.read(token), engine, runs * 4))
    )
    edits = edit_one(engine)
    after_edit = timed(lambda _e: (next(edits), kept.read(token)), engine, runs)
    print(row(f"{name}, read after one edit (edit included)", after_edit))
    has_it = Conditions(if_none_match=etag)
    print(row(f"{name}, 304", timed(lambda _e: kept.read(token, has_it), engine, runs * 4)))
    print(row(f"{name}, baseline: the query alone", timed(query_once, engine, runs * 4)))


def edit_one(engine: Engine) -> Iterator[None]:
    """Each step edits one absence of the group (a new revision), as people do between reads."""
    ended_after, starting_before = feed_window(NOW)
    with session_scope(engine) as session:
        shown = published_feed_queries.feed_absences(
            session,
            workspace=ACME,
            people=GROUP,
            ended_after=ended_after,
            starting_before=starting_before,
        )
    for step, absence in enumerate(shown * 2):
        with engine.begin() as connection:
            connection.execute(
                update(ResponderRow)
                .where(ResponderRow.id == absence.id)
                .values(
                    revision=ResponderRow.revision + 1, updated_at=NOW + timedelta(seconds=step)
                )
            )
        yield


def query_once(engine: Engine) -> int:
    """Only the responder query a team feed makes."""
    ended_after, starting_before = feed_window(NOW)
    with session_scope(engine) as session:
        found = published_feed_queries.feed_absences(
            session,
            workspace=ACME,
            people=GROUP,
            ended_after=ended_after,
            starting_before=starting_before,
        )
    return len(found)


def main() -> None:
    """Time the refresh pass, then fill each database and time the team feed; print tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--responders", type=int, default=100_000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    refresh_pass(args)
    print("| database, step | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |")
    print("|---|---|---|---|---|---|")
    with databases(args.postgres) as found:
        for name, url in found:
            engine = make_engine(url)
            migrate(engine)
            fill(engine, args.responders)
            team_feed(name, engine, args.runs)
            engine.dispose()


if __name__ == "__main__":
    main()
