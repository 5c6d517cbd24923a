"""A published feed names each absence's type, or only "out of office" when it is hidden."""

from sqlalchemy import Engine

from storage.db import begin_writing, session_scope
from storage.models import ResponderRow
from tests.bot.calendars.published.feed_steps import BOTH, answer_to, events, feed_path, read
from tests.bot.team.team_flows import away, on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def _typed(engine: Engine, row: ResponderRow, leave_type: str, hide: bool | None = None) -> None:
    with session_scope(engine) as session:
        begin_writing(session, "test")
        stored = session.get(ResponderRow, row.id)
        assert stored is not None
        stored.leave_type, stored.hide_reason = leave_type, hide


@BOTH
def test_a_team_feed_names_the_types_others_may_read_and_an_admins_new_name(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, app_url: str
) -> None:
    _typed(engine, away(engine, "UALICE", on(30), on(5, 12)), "vacation")
    _typed(engine, away(engine, "UBOB", on(30), on(5, 12)), "sick")
    _typed(engine, away(engine, "UCAROL", on(30), on(5, 12)), "training", hide=True)
    path = feed_path(answer_to(slack, fake, "UCAROL", "team feed <#C0GENERAL|general>"))
    summaries = sorted(e["summary"] for e in events(read(app_url, path).content))
    assert summaries == ["alice — Holiday", "bob — out of office", "carol — out of office"]
    fake.add_user("UERIN", "erin", role="owner")
    answer_to(slack, fake, "UERIN", "admin types rename vacation Time off")
    summaries = sorted(e["summary"] for e in events(read(app_url, path).content))
    assert summaries[0] == "alice — Time off"
