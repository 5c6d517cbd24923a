"""Item 11 attacks: erasing the person who installed ooo (distributed mode)."""

from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from bot.accounts.personal_data import erase
from tests.bot.accounts.connected.test_direct_messages import away, people  # noqa: F401
from tests.bot.replies.replying import replies_to
from tests.conftest import SettlingDriver
from tests.support.clock import FakeClock
from tests.support.fake_slack import FakeSlack


def _rows_naming(engine: Engine, who: str) -> list[str]:
    found = []
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(text(f'SELECT * FROM "{table.name}"')):
                if who in str(tuple(row)):
                    found.append(table.name)
    return found


def test_adv_erasing_the_installer_keeps_the_workspace_served_and_forgets_them(
    people: FakeSlack,  # noqa: F811
    slack: SettlingDriver,
    engine: Engine,
    clock: FakeClock,
) -> None:
    # Alice installed ooo (distributed mode) or is just a person (one workspace); she is erased.
    erase(engine, team_id="T0001", user_id="UALICE")
    away(engine, clock, "UCAROL")
    slack.message("UBOB", "C0TEAM", "<@UCAROL> standup?")
    assert len(replies_to(people, "UBOB")) == 1, "ooo stopped serving the workspace"
    assert _rows_naming(engine, "UALICE") == []
