"""Migrations: the alembic command line works on the app's database; batch migrations keep data."""

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlmodel import select

from bot.core.workspace import Workspace
from storage.db import MIGRATIONS, make_engine, migrate, migration_connection, session_scope
from storage.effects_queries import enqueue_effect
from storage.models import Effect
from tests.support.fake_slack_checks import REPO

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
# A parent with cascading children, then a batch migration of the parent (SQLite copies and
# drops it): the children must still be there afterwards.
THROWAWAY = {
    "9001_family.py": """
import sqlalchemy as sa
from alembic import op

revision, down_revision, branch_labels, depends_on = "9001", {head!r}, None, None


def upgrade() -> None:
    op.create_table("parent", sa.Column("id", sa.Integer, primary_key=True))
    op.create_table(
        "child",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("parent.id", ondelete="CASCADE")),
    )
    op.execute("INSERT INTO parent (id) VALUES (1)")
    op.execute("INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 1)")
""",
    "9002_rename.py": """
import sqlalchemy as sa
from alembic import op

revision, down_revision, branch_labels, depends_on = "9002", "9001", None, None


def upgrade() -> None:
    with op.batch_alter_table("parent", recreate="always") as batch:
        batch.add_column(sa.Column("name", sa.String(50), nullable=True))
""",
}


def alembic(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    """Run the alembic command line from the repository root, as the README says to."""
    return subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        check=False,
        cwd=REPO,
        env=os.environ | {"DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_keeps_cascading_children_through_a_batch_migration_of_their_parent(
    tmp_path: Path,
) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    config = Config()
    config.set_main_option("script_location", str(scripts))
    head = ScriptDirectory.from_config(config).get_current_head()
    for name, source in THROWAWAY.items():
        (scripts / "versions" / name).write_text(source.replace("{head!r}", repr(head)))
    engine = make_engine(f"sqlite:///{tmp_path / 'ooo.db'}")
    migrate(engine, script_location=scripts)
    with engine.connect() as connection:
        children = connection.execute(text("SELECT id FROM child ORDER BY id")).scalars().all()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert children == [1, 2]
    assert foreign_keys == 1, "foreign keys must be back on once the migration is done"


def test_it_migrates_an_empty_database_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ooo.db'}"
    upgraded = alembic("upgrade", "head", database_url=url)
    assert upgraded.returncode == 0, upgraded.stderr
    engine = make_engine(url)
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert version == ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_autogenerate_proposes_nothing_for_an_up_to_date_database(engine: Engine) -> None:
    checked = alembic("check", database_url=engine.url.render_as_string(hide_password=False))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No new upgrade operations detected" in checked.stdout + checked.stderr


def _migrate_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Move the schema to one revision, as `migrate` moves it to the newest."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with migration_connection(engine) as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def _kinds(engine: Engine) -> dict[str, str]:
    with session_scope(engine) as session:
        # Only the columns every revision has: later ones add others.
        return dict(session.exec(select(Effect.key, Effect.kind)).all())


def _record(engine: Engine, kinds: dict[str, str]) -> None:
    with session_scope(engine) as session:
        for key, kind in kinds.items():
            enqueue_effect(
                session, key=key, kind=kind, payload={}, workspace=Workspace("T0001"), now=NOW
            )


def test_it_renames_recorded_effect_kinds_and_back_keeping_their_keys_and_drops_queued_purges(
    engine: Engine,
) -> None:
    before = {
        "responder:1:on:dm:1": "lifecycle.on",
        "responder:1:on:status:1": "away.status_set",
        "responder:1:off:back:1": "reply_back",
        "reply_remind:1:UBOB:open": "reply_remind",
        "team-digest:1:2026-11-27": "team_digest",
        "reply_purge:2026-11-27": "reply_purge",
    }
    _migrate_to(engine, "0009", down=True)
    try:
        _record(engine, before)
        _migrate_to(engine, "head")
        assert _kinds(engine) == {
            "responder:1:on:dm:1": "responder.on",
            "responder:1:on:status:1": "status.set",
            "responder:1:off:back:1": "reply.back",
            "reply_remind:1:UBOB:open": "reply.remind",
            "team-digest:1:2026-11-27": "team_digest.post",
        }
        _record(engine, {"responder:1:saved:2": "responder.saved"})
        _migrate_to(engine, "0009", down=True)
        # A purge queued before is dropped for good: the scheduler sweeps it now.
        assert _kinds(engine) == {k: v for k, v in before.items() if v != "reply_purge"}
    finally:
        _migrate_to(engine, "head")
