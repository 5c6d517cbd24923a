"""Latency of reading date phrases in every language, the cost of warming up, and start-up.

Per language: p50/p99/max over the test table's phrases and garbage after warm-up, and the
worst phrase. Then the cold costs in a fresh process, and how long the app takes from launch to
its first `/healthz` 200 with the dates warmed up, next to a Bolt app that warms nothing.
Usage: python bench/dates_bench.py [--repeat 20] [--starts 3]
Targets: p50 <= 3 ms, p99 <= 15 ms, no phrase over 200 ms, warm-up adds <= 2 s to start-up.
"""

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from command_latency import serving  # noqa: E402

from bot.core.dates import LOCALES, DateError, parse_range, warm_up  # noqa: E402
from storage.db import make_engine, migrate  # noqa: E402
from tests.core.date_case import NOW  # noqa: E402
from tests.core.dates_cases import CASES, GARBAGE  # noqa: E402
from tests.support.fake_slack import FakeSlack  # noqa: E402

COLD = """
import json, time
from datetime import datetime
t0 = time.perf_counter()
from bot.core.dates import parse_range, warm_up
t1 = time.perf_counter()
if {warm}:
    warm_up()
t2 = time.perf_counter()
parse_range("12月10日から12月15日まで", now=datetime.fromisoformat("{now}"), tz="Asia/Tokyo",
            locale="ja-JP")
t3 = time.perf_counter()
parse_range("quarta, 24 de dezembro", now=datetime.fromisoformat("{now}"), tz="UTC",
            locale="pt-BR")
t4 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3]))
"""

Phrase = tuple[str, datetime, str, str]


def _time_one(text: str, now: datetime, tz: str, locale: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds for one phrase; on a shared machine they can differ a lot."""
    start, cpu = time.perf_counter(), time.thread_time()
    with contextlib.suppress(DateError):
        parse_range(text, now=now, tz=tz, locale=locale)
    return time.perf_counter() - start, time.thread_time() - cpu


def _language(locale: str) -> str:
    return locale if locale.startswith("zh") else locale[:2]


def _phrases() -> dict[str, list[Phrase]]:
    """The table's phrases and every garbage input, by language."""
    found: dict[str, list[Phrase]] = defaultdict(list)
    for c in CASES:
        found[_language(c.locale)].append((c.text, datetime.fromisoformat(c.now), c.tz, c.locale))
    for locale in LOCALES:
        for garbage in GARBAGE:
            found[_language(locale)].append((garbage, datetime.fromisoformat(NOW), "UTC", locale))
    return found


def _cold(warm: bool) -> list[float]:
    """Import, warm-up, a first phrase, then one dateparser reads, in a fresh process."""
    code = COLD.format(warm=warm, now=NOW)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [float(x) for x in json.loads(done.stdout)]


def _first_healthz(kind: str, starts: int) -> float:
    """Median seconds from launching an app process to its first `/healthz` 200."""
    samples = []
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = f"sqlite:///{tmp}/bench.db"
        migrate(make_engine(url))
        for _ in range(starts):
            started = time.perf_counter()
            with serving(kind, fake, url):
                samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f}"


def main() -> None:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    warm_up()
    warm_cost = time.perf_counter() - started
    everything: list[float] = []
    cpu_worst = 0.0
    print(
        f"{'language':9} {'phrases':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'max cpu':>8}"
        "  slowest phrase (wall clock)"
    )
    for language, phrases in _phrases().items():
        samples: list[float] = []
        cpu: list[float] = []
        worst: list[tuple[float, str]] = []
        for phrase in phrases:
            timings = [_time_one(*phrase) for _ in range(args.repeat)]
            samples += [wall for wall, _ in timings]
            cpu += [used for _, used in timings]
            worst.append((max(wall for wall, _ in timings), repr(phrase[0][:32])))
        everything += samples
        cpu_worst = max(cpu_worst, *cpu)
        cuts = statistics.quantiles(samples, n=100, method="inclusive")
        slowest = max(worst)
        print(
            f"{language:9} {len(phrases):8} {_ms(cuts[49])} {_ms(cuts[98])} {_ms(slowest[0])}"
            f" {_ms(max(cpu))}  {slowest[1]}"
        )
    cuts = statistics.quantiles(everything, n=100, method="inclusive")
    print(
        f"{'all':9} {'':8} {_ms(cuts[49])} {_ms(cuts[98])} {_ms(max(everything))} {_ms(cpu_worst)}"
    )
    cold, warmed = _cold(warm=False), _cold(warm=True)
    ooo, noop = _first_healthz("ooo", args.starts), _first_healthz("noop", args.starts)
    rows = [
        ("runs per phrase", f"{args.repeat}"),
        ("warm_up() in this process", _ms(warm_cost)),
        ("cold: import bot.core.dates", _ms(cold[0])),
        ("cold: first phrase, no warm-up", _ms(cold[2])),
        ("cold: then a dateparser phrase", _ms(cold[3])),
        ("fresh process: warm_up()", _ms(warmed[1])),
        ("fresh process: first phrase after", _ms(warmed[2])),
        ("fresh process: dateparser phrase", _ms(warmed[3])),
        ("launch → first /healthz 200, ooo", _ms(ooo)),
        ("launch → first /healthz 200, no-op Bolt", _ms(noop)),
    ]
    print()
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value} {'ms' if value != f'{args.repeat}' else ''}")


if __name__ == "__main__":
    main()
