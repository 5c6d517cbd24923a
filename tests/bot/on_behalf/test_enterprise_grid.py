"""On Enterprise Grid, the organisation is the org: Ada may act for Gina of a sister workspace of
the same org, never for Oscar of another org, even when Slack shows him here."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.home.followups import Followups
from bot.outbox.worker import EffectWorker
from bot.scheduler import Scheduler
from tests.bot.flows import open_form, stored
from tests.bot.on_behalf.conftest import ADA
from tests.bot.on_behalf.steps import audit
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

ORG = "E0ORG"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """One workspace of the E0ORG org, with Gina from a sister workspace and Oscar from E0ELSE."""
    with FakeSlack(enterprise_id=ORG) as slack:
        slack.add_user("UBOB", "bob", tz="America/New_York")
        slack.add_user("UGINA", "gina", tz="Asia/Tokyo", home_team="T0SISTER", enterprise=ORG)
        slack.add_user("UOSCAR", "oscar", home_team="T0ELSE", enterprise="E0ELSE")
        yield slack
        slack.assert_no_rejections()


@pytest.fixture
def grid(
    app_url: str,
    fake: FakeSlack,
    followups: Followups,
    scheduler: Scheduler,
    effects: EffectWorker,
) -> SettlingDriver:
    """Slack's side, sending the org's id with each request as Grid does."""
    return SettlingDriver(
        f"{app_url}/slack/events",
        fake,
        followups,
        scheduler=scheduler,
        effects=effects,
        enterprise_id=ORG,
    )


def test_ada_sets_an_absence_for_gina_of_a_sister_workspace(
    grid: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    modal = open_form(grid, fake, ADA, "for <@UGINA> tomorrow")
    grid.submit(ADA, modal["id"])
    [absence] = stored(engine)
    assert (absence.owner_id, absence.set_by, absence.tz) == ("UGINA", ADA, "Asia/Tokyo")
    assert [e["subject_id"] for e in audit(engine)] == ["UGINA"]


def test_ada_may_not_act_for_oscar_of_another_org(
    grid: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    reply = grid.command(ADA, "for <@UOSCAR> tomorrow")
    assert "is from another organization" in reply.json()["text"]
    assert stored(engine) == [] and audit(engine) == []
