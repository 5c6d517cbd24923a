"""What the refresh bench measures: each feed's read in a pass timed, what it did, memory grown,
whether the pass met its target, and the baseline of parsing alone; each as a table line."""

import re
import resource
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from bench.calendar_feeds import ABSENCES, zone_of
from bot.calendars.connected.refresh import Reader, refresh_feed
from bot.calendars.connected.sweep import RefreshSweep
from bot.core.calendar_absences import read_absences
from storage.models import CalendarFeed

STATM = Path("/proc/self/statm")


class TimedSweep(RefreshSweep):
    """The app's sweep (claims, batches, threads), each feed's read timed and what it did kept."""

    def __init__(self, reader: Reader) -> None:
        super().__init__(reader)
        self.spent: list[float] = []
        self.cpu: list[float] = []
        self.said: list[str] = []

    def _read(  # type: ignore[override]
        self, engine: Engine, reader: Reader, feed: CalendarFeed, now: datetime
    ) -> None:
        """Read one feed as the sweep does, timed; a failure is counted, as the sweep logs it."""
        began, began_cpu = time.perf_counter(), time.thread_time()
        try:
            said = refresh_feed(engine, reader, feed, now=now)
        except Exception as error:
            said = f"failed {error!r}"
        self.spent.append((time.perf_counter() - began) * 1000)
        # This thread's CPU: what the read costs, whatever else shares the machine.
        self.cpu.append((time.thread_time() - began_cpu) * 1000)
        self.said.append(said)

    def changed(self) -> str:
        """Responders created, moved and removed, and the reads that said something else."""
        counted = Counter[str]()
        for said in self.said:
            found = re.findall(r"(created|moved|removed) (\d+)", said)
            for what, number in found or [(said, "1")]:
                counted[what] += int(number)
        return ", ".join(f"{what} {n}" for what, n in counted.items())


class PeakMemory:
    """This process's resident memory at its peak, and how far it rose above where it stood;
    sampled 20 times a second (ru_maxrss cannot say a second database's: it only ever grows)."""

    def __init__(self) -> None:
        self._page = resource.getpagesize()
        self._start = self._peak = self._rss()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _rss(self) -> int:
        """Resident bytes now (0 where /proc is not there)."""
        return int(STATM.read_text().split()[1]) * self._page if STATM.exists() else 0

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            self._peak = max(self._peak, self._rss())

    def stop(self) -> tuple[float, float]:
        """Stop sampling; the rise and the peak, in MB."""
        self._done.set()
        self._thread.join()
        peak = max(self._peak, self._rss())
        return (peak - self._start) / 1e6, peak / 1e6


@dataclass(frozen=True)
class Target:
    """A pass's target: the whole pass, each feed's p99, and the whole process's peak memory."""

    total_s: float
    p99_ms: float
    memory_mb: float = 200.0

    def met(self, total: tuple[float, float], each: TimedSweep, peak: float) -> str:
        """Says the target, and whether wall time and CPU (wall, CPU of the pass) met it."""
        wanted = f"< {self.total_s:.0f} s, p99 < {self.p99_ms:.0f} ms, < {self.memory_mb:.0f} MB"
        said = []
        for kind, spent, per_feed in (("wall", total[0], each.spent), ("CPU", total[1], each.cpu)):
            ok = spent < self.total_s and p99(per_feed) < self.p99_ms and peak < self.memory_mb
            said.append(f"{kind} {'met' if ok else 'NOT met'}")
        return f"{wanted}: {', '.join(said)}"


def figures(
    label: str,
    total: tuple[float, float],
    spent: tuple[list[float], list[float]],
    changed: object,
    memory: tuple[float, float],
    met: str,
) -> str:
    """One line of the refresh table: the pass's wall and CPU, then per feed."""
    wall, cpu = spent
    return (
        f"| {label} | {total[0]:.1f} | {total[1]:.1f} | {statistics.median(wall):.0f} "
        f"| {p99(wall):.0f} | {max(wall):.0f} | {statistics.median(cpu):.0f} | {p99(cpu):.0f} "
        f"| {changed} | {memory[0]:.0f} / {memory[1]:.0f} | {met} |"
    )


def parsing_alone(feeds: dict[str, tuple[bytes, str]], now: datetime) -> str:
    """The baseline: reading the same bodies' absences, no network, no database."""
    wall: list[float] = []
    cpu: list[float] = []
    memory = PeakMemory()
    began, began_cpu = time.perf_counter(), time.process_time()
    for path, (body, _etag) in feeds.items():
        person = int(path.rsplit("/", 1)[1].removesuffix(".ics"))
        started, started_cpu = time.perf_counter(), time.process_time()
        found = read_absences(body, tz=zone_of(person), now=now, horizon_days=90, marked_only=False)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert len(found) == ABSENCES, (person, found)
    total = (time.perf_counter() - began, time.process_time() - began_cpu)
    found_all = len(wall) * ABSENCES
    return figures("baseline: parsing alone", total, (wall, cpu), found_all, memory.stop(), "")


def p99(spent: list[float]) -> float:
    """The 99th percentile of some milliseconds."""
    ordered = sorted(spent)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
