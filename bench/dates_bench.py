"""Latency of reading date phrases: warm per-phrase percentiles, cold start, and the worst phrase.

Usage: python bench/dates_bench.py [--repeat 30]
Targets: p50 <= 3 ms, p99 <= 15 ms, no phrase over 200 ms.
"""

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.dates import DateError, parse_range, warm_up  # noqa: E402
from tests.core.dates_cases import CASES, GARBAGE, NOW  # noqa: E402

COLD = """
import json, time
from datetime import datetime
t0 = time.perf_counter()
from bot.core.dates import parse_range, warm_up
t1 = time.perf_counter()
if {warm}:
    warm_up()
t2 = time.perf_counter()
parse_range("du 3 au 7 décembre", now=datetime.fromisoformat("{now}"), tz="Europe/Paris",
            locale="fr-FR")
t3 = time.perf_counter()
parse_range("Dec 24, '26", now=datetime.fromisoformat("{now}"), tz="UTC", locale="en-US")
t4 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3]))
"""


def _time_one(text: str, now: datetime, tz: str, locale: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(DateError):
        parse_range(text, now=now, tz=tz, locale=locale)
    return time.perf_counter() - start


def _cold(warm: bool) -> list[float]:
    """Import, warm-up, first parse, then a phrase only dateparser reads, in a fresh process."""
    code = COLD.format(warm=warm, now=NOW)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [float(x) for x in json.loads(done.stdout)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat
    started = time.perf_counter()
    warm_up()
    warm_cost = time.perf_counter() - started
    phrases = [(c.text, datetime.fromisoformat(c.now), c.tz, c.locale) for c in CASES]
    garbage = [
        (g, datetime.fromisoformat(NOW), "UTC", loc) for g in GARBAGE for loc in ["en", "fr"]
    ]
    samples: list[float] = []
    worst: list[tuple[float, str]] = []
    for phrase in phrases + garbage:
        timings = [_time_one(*phrase) for _ in range(repeat)]
        samples += timings
        worst.append((max(timings), f"{phrase[3]}: {phrase[0][:40]!r}"))
    samples.sort()
    cold, warmed = _cold(warm=False), _cold(warm=True)
    rows = [
        ("phrases (table + garbage)", f"{len(phrases)} + {len(garbage)} x {repeat} runs"),
        ("p50 warm", _ms(statistics.median(samples))),
        ("p99 warm", _ms(samples[int(len(samples) * 0.99) - 1])),
        ("max warm", _ms(samples[-1])),
        ("worst phrase", f"{_ms(max(worst)[0])}  {max(worst)[1]}"),
        ("warm_up() in this process", _ms(warm_cost)),
        ("cold: import bot.core.dates", _ms(cold[0])),
        ("cold: first parse, no warm-up", _ms(cold[2])),
        ("cold: then a dateparser phrase", _ms(cold[3])),
        ("fresh process: warm_up()", _ms(warmed[1])),
        ("fresh process: first parse after", _ms(warmed[2])),
        ("fresh process: dateparser phrase", _ms(warmed[3])),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
