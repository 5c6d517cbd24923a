"""The one place where ooo is wired: settings, database, clock and Slack client."""

import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.core.dates import warm_up
from bot.directory import Directory
from bot.effects import lifecycle as lifecycle_effects
from bot.effects import messages as message_effects
from bot.effects.worker import EffectWorker
from bot.listeners import register
from bot.listeners.outbox import Outbox
from bot.scheduler import Scheduler

logger = logging.getLogger(__name__)
EFFECT_KINDS = (lifecycle_effects, message_effects)  # importing them registers their kinds
# Well inside the workers' lease, so a slow call is never taken over by another worker.
DELIVERY_TIMEOUT = 10


def create_app(
    settings: Settings,
    *,
    engine: Engine,
    clock: Clock = system_clock,
    outbox: Outbox | None = None,
    effects: EffectWorker | None = None,
    scheduler: Scheduler | None = None,
    socket_mode: bool = False,
) -> App:
    """Build the Bolt app; over HTTP listeners run before the response so nothing is polled."""
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=not socket_mode,
        process_before_response=not socket_mode,
        logger=logging.getLogger("slack_bolt"),
    )
    directory = Directory()
    outbox = outbox or Outbox(engine)
    # Not started here: `ooo run` starts them; tests drive them by hand.
    effects = effects or EffectWorker(engine, lambda _workspace: client, clock)
    scheduler = scheduler or Scheduler(engine, clock, on_applied=effects.nudge)

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        """Hand listeners what they need by parameter name."""
        context["clock"] = clock
        context["engine"] = engine
        context["directory"] = directory
        context["outbox"] = outbox
        # Listeners that record effects call `effects.nudge()` after committing.
        context["effects"] = effects
        # Listeners that change responders call `scheduler.nudge()` after committing.
        context["scheduler"] = scheduler
        next()

    app.use(inject)
    app.error(_log_unexpected)
    register(app)
    # The first dateparser call is slow; pay it now rather than inside someone's /ooo.
    warm_up()
    return app


def delivery_client(settings: Settings) -> WebClient:
    """The client the effect workers use: no retries of its own, the workers decide them."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[],
        timeout=DELIVERY_TIMEOUT,
    )


def _log_unexpected(error: Exception) -> None:
    """Log what no listener expected; Slack shows the person its generic failure."""
    logger.error("unexpected error in a listener", exc_info=error)
