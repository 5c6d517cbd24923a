"""An effect that failed for good is shown to its owner: their Home tab is redrawn, in bursts."""

from datetime import UTC, datetime

from sqlmodel import Session

from bot.core.effect_kinds import EffectKind
from bot.outbox.delivery import Delivery
from storage import effects_queries as outbox

# The key keeps the kind's name from before kinds were named `area.verb`, so no failure is
# shown twice.
SHOW_FAILURE, SHOW_FAILURE_KEY = EffectKind.HOME_REFRESH, "home"
# An owner's first failure within this long redraws their Home tab at once, and the others
# share one redraw at its end: a burst of failed replies redraws it twice, not once each.
SHOW_FAILURES_EVERY = 60


def show_failure(session: Session, delivery: Delivery, *, now: datetime) -> None:
    """Queue a Home tab refresh for the owner of an effect that failed for good: the first of
    the minute at once, the rest together at its end."""
    if not delivery.owner_id or delivery.kind == SHOW_FAILURE:
        return
    stamp = int(now.timestamp()) // SHOW_FAILURES_EVERY * SHOW_FAILURES_EVERY
    end = datetime.fromtimestamp(stamp + SHOW_FAILURES_EVERY, UTC)
    key = f"{SHOW_FAILURE_KEY}:failures:{delivery.workspace.team_id}:{delivery.owner_id}:{stamp}"
    for suffix, due in (("", now), (":end", end)):
        if outbox.enqueue_effect(
            session,
            key=key + suffix,
            kind=SHOW_FAILURE,
            payload={},
            workspace=delivery.workspace,
            now=now,
            owner_id=delivery.owner_id,
            not_before=due,
        ):
            return
