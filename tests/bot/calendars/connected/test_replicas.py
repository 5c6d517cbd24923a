"""Two replicas reading one feed at once create each of its responders once."""

import threading

import pytest
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from bot.calendars.connected.refresh import Reader, refresh_feed
from storage.db import make_engine
from tests.bot.calendars.conftest import FeedServer, connected
from tests.bot.calendars.connected.test_sync import HOLIDAY, TRIP, rows
from tests.conftest import NOW


@pytest.mark.postgres
def test_it_creates_each_occurrence_once_when_two_replicas_read_together(
    postgres_engine: Engine, reader: Reader, feed_server: FeedServer
) -> None:
    feed = connected(postgres_engine, feed_server.publish("/alice.ics", [HOLIDAY, TRIP]))
    url = postgres_engine.url.render_as_string(hide_password=False)
    replicas = [make_engine(url) for _ in range(2)]
    start, said = threading.Barrier(2), []

    def read(replica: Engine) -> None:
        start.wait()
        said.append(refresh_feed(replica, reader, feed, now=NOW))

    threads = [threading.Thread(target=read, args=(r,)) for r in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for replica in replicas:
        replica.dispose()
    try:
        made = sorted(r.event_uid or "" for r in rows(postgres_engine))
        assert made == sorted([HOLIDAY.uid, TRIP.uid])
        assert "created 2, moved 0, removed 0" in said and len(said) == 2
    finally:
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with postgres_engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
