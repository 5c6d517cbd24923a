"""Nothing in the project reads or names a path outside its root: a fresh clone stands alone."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.support.fake_slack_checks import REPO

# Third-party data copied as-is, prose, and this file's own bad examples are not read as code.
NOT_SCANNED = re.compile(r"^tests/data/|\.md$|^tests/test_standalone\.py$")
ESCAPES = {
    "a step up": re.compile(r"\.\.[/\\]|[\"']\.\.[\"']"),
    "the root's parent": re.compile(r"\b\w*(?:REPO|ROOT)\w*\.parent\b"),
    "a path of this machine": re.compile(r"(?<![\w.])(?:/work|/home|/root|/Users|/tmp|~)/"),
}
CLIMB = re.compile(r"__file__\)(?:\.resolve\(\))?((?:\.parent\b)+)|\.parents\[(\d+)\]")
# Lines that name such a path on purpose, with why.
ALLOWED = {
    ("tests/core/test_dates_api.py", '"../../etc/passwd"'): "a hostile zone name the core refuses",
}


def tracked_files() -> list[str]:
    """The repository's tracked files (what a clone gets), relative to its root."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return [name for name in listed.stdout.split("\0") if name and not NOT_SCANNED.search(name)]


def escapes(name: str, line: str) -> list[str]:
    """What in this line of the file `name` reaches outside the repository root."""
    found = [what for what, pattern in ESCAPES.items() if pattern.search(line)]
    depth = name.count("/")  # how many folders the file sits below the root
    for parents, index in CLIMB.findall(line):
        climbed = parents.count(".parent") - 1 if parents else int(index)
        if climbed > depth:
            found.append(f"climbs {climbed} folders from a file {depth} below the root")
    allowed = any(name == where and text in line for where, text in ALLOWED)
    return [] if allowed else found


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("tests/support/fake_slack_checks.py", 'API_REF = REPO.parent / "ref" / "api-ref"'),
        ("tests/test_manifest.py", 'SCHEMA = Path(__file__).resolve().parents[2] / "ref"'),
        ("tests/test_manifest.py", "SCHEMA = Path(__file__).parent.parent.parent / 'ref'"),
        ("bench/dates_bench.py", 'CASES = ROOT / ".." / "ref" / "cases.json"'),
        ("Makefile", "\tcp ../ref/slack-api-ref tests/data"),
        (".ci/run", "cd /home/alice/ooo && make test"),
        ("pyproject.toml", 'cache-dir = "~/.cache/ooo"'),
    ],
)
def test_it_catches_a_path_outside_the_root(name: str, line: str) -> None:
    assert escapes(name, line)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("tests/support/fake_slack_checks.py", "REPO = Path(__file__).resolve().parents[2]"),
        ("tests/test_manifest.py", "ROOT = Path(__file__).parent.parent"),
        ("storage/db.py", 'MIGRATIONS = Path(__file__).parent / "migrations"'),
        (".ci/run", 'cd "$(dirname "$0")/.."'),
        ("tests/test_manifest.py", 'ids=lambda p: p.parent.name + "/" + p.name'),
    ],
)
def test_it_lets_paths_inside_the_root_through(name: str, line: str) -> None:
    assert escapes(name, line) == []


def test_the_scan_sees_the_code_tests_and_build_files() -> None:
    expected = {"Makefile", ".ci/run", "pyproject.toml", "bot/app.py", "tests/test_manifest.py"}
    assert expected <= set(tracked_files())


def test_no_tracked_file_reads_or_names_a_path_outside_the_repository() -> None:
    outside = {
        f"{name}:{number}: {what}": line.strip()
        for name in tracked_files()
        for number, line in enumerate((REPO / name).read_text(errors="replace").splitlines(), 1)
        for what in escapes(name, line)
    }
    assert outside == {}
