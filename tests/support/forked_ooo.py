"""`ooo run` as real processes forked from one that imported ooo once, so each boots in a blink.

A parent (`python -m tests.support.forked_ooo`) imports the app and waits; each start forks it
into a process that runs `ooo run` as the command line would, with its own environment and
stderr. Killing, terminating and restarting them is what the tests exercise; paying Python's
start-up and ooo's imports (about a second of CPU) for each of dozens of restarts is not.
"""

import importlib
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]


class Forked:
    """One forked `ooo run`, answering what the tests ask of a `subprocess.Popen`."""

    def __init__(self, pid: int, log: Path, parent: "Forks") -> None:
        self.pid, self._log, self._parent = pid, log, parent
        self.returncode: int | None = None
        self.stderr: IO[str] = log.open()

    def poll(self) -> int | None:
        """The exit code, or None while it runs (-N when signal N ended it)."""
        return self.returncode

    def send_signal(self, number: int) -> None:
        """Signal it, unless it is gone already."""
        if self.returncode is None:
            os.kill(self.pid, number)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def communicate(self, timeout: float) -> tuple[str, str]:
        """Wait for it to end; return nothing for stdout and all it wrote on stderr."""
        self._parent.wait(self, timeout)
        return "", self._log.read_text()


class Forks:
    """The parent process, and the processes forked from it."""

    def __init__(self) -> None:
        self._parent = subprocess.Popen(
            [sys.executable, "-m", "tests.support.forked_ooo"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._changed = threading.Condition()
        self._started: list[int] = []
        self._ended: dict[int, int] = {}
        self._start_lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def start(self, argv: list[str], env: dict[str, str]) -> Forked:
        """Fork a process that runs `ooo <argv>` in `env`."""
        log = Path(tempfile.mkstemp(prefix="ooo-", suffix=".log")[1])
        request = json.dumps({"argv": argv, "env": env, "log": str(log)})
        assert self._parent.stdin is not None
        with self._start_lock, self._changed:
            self._parent.stdin.write(request + "\n")
            self._parent.stdin.flush()
            assert self._changed.wait_for(lambda: self._started, timeout=10), "no fork"
            return Forked(self._started.pop(0), log, self)

    def wait(self, process: Forked, timeout: float) -> None:
        """Wait until a forked process ended, and note how."""
        with self._changed:
            ended = self._changed.wait_for(lambda: process.pid in self._ended, timeout)
            assert ended, f"ooo (pid {process.pid}) still runs after {timeout}s"
            process.returncode = self._ended[process.pid]

    def close(self) -> None:
        """End the parent; it kills whatever it forked that still runs."""
        assert self._parent.stdin is not None
        self._parent.stdin.close()
        self._parent.wait(timeout=10)

    def _read(self) -> None:
        assert self._parent.stdout is not None
        for line in self._parent.stdout:
            what, pid, *code = line.split()
            with self._changed:
                if what == "started":
                    self._started.append(int(pid))
                else:
                    self._ended[int(pid)] = int(code[0])
                self._changed.notify_all()


def _serve() -> None:
    """The parent: import ooo, then fork on each request and report each child's end."""
    from bot.core.dates import warm_up
    from bot.texts import date_examples

    for module in ("bot.__main__", "bot.app", "bot.web"):  # what every child runs
        importlib.import_module(module)

    # dateparser's first parse, which each `ooo run` would pay again
    warm_up(date_examples.by_locale())

    selector = selectors.DefaultSelector()
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ)
    children: set[int] = set()
    pending = b""
    while True:
        for _ in selector.select(timeout=0.02):
            chunk = os.read(sys.stdin.fileno(), 65536)
            if not chunk:
                for pid in children:
                    os.kill(pid, signal.SIGKILL)
                return
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                pid = os.fork()
                if pid == 0:
                    _child(json.loads(line))
                children.add(pid)
                print("started", pid, flush=True)
        while children:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            children.discard(pid)
            print("ended", pid, os.waitstatus_to_exitcode(status), flush=True)


def _child(request: dict[str, Any]) -> None:
    """Become `ooo <argv>`: its own environment, stderr to its log, and exit with its code."""
    from bot.__main__ import main

    log = os.open(request["log"], os.O_WRONLY | os.O_TRUNC)
    quiet = os.open(os.devnull, os.O_RDWR)
    os.dup2(quiet, 0)
    os.dup2(quiet, 1)  # the parent's stdout carries its reports
    os.dup2(log, 2)
    os.environ.clear()
    os.environ.update(request["env"])
    code = 1
    try:
        code = main(request["argv"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    _serve()
