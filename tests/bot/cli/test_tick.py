"""`ooo tick` applies what is due at a given instant and prints it; running it twice is harmless."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.__main__ import main
from tests.bot.responders.lifecycle_steps import add_responder

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_it_applies_what_is_due_and_prints_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    alice = add_responder(
        engine,
        "UALICE",
        starts_at=START,
        ends_at=START + timedelta(days=2),
        saved_at=START - timedelta(days=1),
    )
    assert main(["tick", "--now", "2026-11-30T07:59:59Z"]) == 0
    assert capsys.readouterr().out.endswith("0 transitions applied at 2026-11-30T07:59:59+00:00\n")
    assert main(["tick", "--now", "2026-11-30T09:00:00+01:00"]) == 0
    printed = capsys.readouterr().out
    assert (
        f"responder {alice} (UALICE): on, due 2026-11-30T08:00:00+00:00, 2 effects queued"
        in printed
    )
    assert printed.endswith("1 transitions applied at 2026-11-30T08:00:00+00:00\n")
    assert main(["tick", "--now", "2026-11-30T08:00:00"]) == 0
    assert capsys.readouterr().out.startswith("0 transitions applied")


def test_it_refuses_an_unreadable_instant(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tick", "--now", "next tuesday"]) == 2
    assert "is not an ISO-8601 instant" in capsys.readouterr().err
