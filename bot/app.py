"""The one place where ooo is wired: settings, database, clock and Slack client."""

import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.installs import bolt_app, client_for, connected_accounts
from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.core.dates import warm_up
from bot.listeners import register
from bot.outbox.deliveries import outbox_registry
from bot.outbox.delivery import OutboxServices
from bot.outbox.worker import EffectWorker
from bot.replies.direct import DirectRecipients
from bot.replies.live_responders import LiveResponders
from bot.responders.followups import Followups
from bot.scheduler import Scheduler
from bot.slack.directory import Directory
from bot.slack.redraws import Redraws
from storage.db import Changed, on_commit

logger = logging.getLogger(__name__)
# Web API calls happen inside Slack's 3-second window (users.info then views.open at worst).
SLACK_TIMEOUT = 1


def create_app(
    settings: Settings,
    *,
    engine: Engine,
    clock: Clock = system_clock,
    followups: Followups | None = None,
    effects: EffectWorker | None = None,
    scheduler: Scheduler | None = None,
) -> App:
    """Build the Bolt app for one workspace or for any number of them.

    Over HTTP, listeners run before the response so nothing is polled.
    """
    client = WebClient(base_url=settings.slack_api_url, timeout=SLACK_TIMEOUT)
    app = bolt_app(settings, engine, clock, client)
    directory = Directory(clock)
    followups = followups or Followups(
        engine, clock, accounts=connected_accounts(settings, engine, clock)
    )
    redraws = Redraws()
    # Not started here: `ooo run` starts them; tests drive them by hand.
    effects = effects or EffectWorker(
        engine,
        client_for(settings, engine, clock, delivery_client(settings)),
        clock,
        registry=outbox_registry(),
        services=OutboxServices(homes=followups.homes, accounts=followups.accounts),
    )
    # A kind ooo can plan that nothing delivers would be retried, then fail, at run time.
    effects.registry.check()
    scheduler = scheduler or Scheduler(engine, clock)
    nudge_after_commit(engine, effects, scheduler)
    away = LiveResponders(engine, clock)
    recipients = DirectRecipients(followups.accounts)

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        """Hand listeners what they need by parameter name."""
        context["clock"] = clock
        context["engine"] = engine
        context["directory"] = directory
        context["followups"] = followups
        context["redraws"] = redraws
        context["away"] = away
        context["settings"] = settings
        context["accounts"] = followups.accounts
        context["recipients"] = recipients
        next()

    app.use(inject)
    app.error(_log_unexpected)
    register(app)
    # The first dateparser call is slow; pay it now rather than inside someone's /ooo.
    warm_up()
    return app


def nudge_after_commit(engine: Engine, effects: EffectWorker, scheduler: Scheduler) -> None:
    """Wake the outbox when a transaction recorded effects, and the scheduler when one changed
    responders: at once, rather than at their next poll."""

    def nudge(changed: frozenset[Changed]) -> None:
        if Changed.EFFECTS in changed:
            effects.nudge()
        if Changed.RESPONDERS in changed:
            scheduler.nudge()

    on_commit(engine, nudge)


def delivery_client(settings: Settings) -> WebClient:
    """The client the effect workers use: no retries of its own, the workers decide them."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[],
        # Well inside the workers' lease, so a slow call is never taken over by another worker.
        timeout=max(1, settings.effect_lease_seconds // 3),
    )


def _log_unexpected(error: Exception) -> None:
    """Log what no listener expected; Slack shows the person its generic failure."""
    logger.error("unexpected error in a listener", exc_info=error)
