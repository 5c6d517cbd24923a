"""The only composition root: Services from Settings, and Bolt for either mode around them."""

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.accounts.installs import bolt_app, client_for, connected_accounts
from bot.accounts.personal_data import departed_sweep
from bot.accounts.vault import Vault
from bot.calendars.connected import kinds as calendars
from bot.calendars.connected.refresh import Reader
from bot.calendars.connected.sweep import RefreshSweep, reader_from
from bot.calendars.published.feeds import PublishedFeeds
from bot.calendars.published.home_section import FeedsHome
from bot.calendars.published.reads import FeedReader
from bot.clock import Clock, system_clock
from bot.closures import kinds as closures
from bot.config import DatabaseSettings, Settings
from bot.core.dates import warm_up
from bot.core.holiday_regions import supported
from bot.home.followups import Followups
from bot.home.tabs import HomeTabs
from bot.listeners import register
from bot.outbox import post_once
from bot.outbox.delivery import OutboxServices
from bot.outbox.registry import Registry
from bot.outbox.worker import LEASE, EffectWorker
from bot.replies import back
from bot.replies import kinds as replies
from bot.replies.direct import DirectRecipients
from bot.replies.live_responders import LiveResponders
from bot.replies.retention import sweep as retention_sweep
from bot.responders import confirmations, transitions
from bot.responders import kinds as responders
from bot.scheduler import Scheduler, Sweep
from bot.services import Services
from bot.slack.directory import Directory
from bot.slack.redraws import Redraws
from bot.status import kinds as status
from bot.team import digest_posts
from bot.texts import date_examples
from storage.db import Changed, on_commit

logger = logging.getLogger(__name__)
# Web API calls happen inside Slack's 3-second window (users.info then views.open at worst).
SLACK_TIMEOUT = 1


def build_services(
    settings: Settings, engine: Engine, clock: Clock = system_clock, *, lease: timedelta = LEASE
) -> Services:
    """Build every service once; nothing is started (`Services.start` does, tests don't)."""
    accounts = connected_accounts(settings, engine, clock)
    directory = Directory(clock)
    reader = reader_from(settings)
    feeds = published_feeds(settings, engine, clock)
    homes = HomeTabs(
        engine, clock, accounts, directory, calendars=reader is not None, feeds=FeedsHome(feeds)
    )
    workspace_client = client_for(settings, engine, clock, delivery_client(settings))
    outbox = EffectWorker(
        engine,
        workspace_client,
        clock,
        registry=outbox_registry(),
        services=OutboxServices(
            homes=homes,
            accounts=accounts,
            directory=directory,
            default_locale=settings.ooo_default_locale,
        ),
        lease=lease,
    )
    scheduler = Scheduler(engine, clock, sweeps(settings, reader))
    nudge_after_commit(engine, outbox, scheduler)
    return Services(
        settings=settings,
        engine=engine,
        clock=clock,
        accounts=accounts,
        homes=homes,
        followups=Followups(engine, clock, homes, directory),
        directory=directory,
        redraws=Redraws(),
        live=LiveResponders(engine, clock),
        recipients=DirectRecipients(accounts),
        outbox=outbox,
        scheduler=scheduler,
        calendars=reader,
        feeds=feeds,
        feed_reader=FeedReader(engine, clock, directory, workspace_client, host=feeds.host),
    )


def published_feeds(settings: Settings, engine: Engine, clock: Clock) -> PublishedFeeds:
    """Feeds at OOO_PUBLIC_URL, their URLs sealed when OOO_ENCRYPTION_KEY is set."""
    key = settings.ooo_encryption_key
    vault = Vault(key) if key else None
    return PublishedFeeds(engine, clock, public_url=settings.ooo_public_url, vault=vault)


def outbox_registry() -> Registry:
    """Every effect kind's delivery, one table per capability."""
    return Registry(
        responders.DELIVERERS,
        confirmations.DELIVERERS,
        status.DELIVERERS,
        replies.DELIVERERS,
        back.DELIVERERS,
        digest_posts.DELIVERERS,
        post_once.DELIVERERS,
        calendars.DELIVERERS,
        closures.DELIVERERS,
    )


def sweeps(settings: DatabaseSettings, reader: Reader | None = None) -> tuple[Sweep, ...]:
    """Everything the scheduler runs, one line per capability (calendars read by `reader`, or
    as the settings say)."""
    retention = settings.ooo_retention_days
    return (
        transitions.SWEEP,
        digest_posts.SWEEP,
        retention_sweep(retention),
        departed_sweep(timedelta(days=retention)),
        RefreshSweep(reader or reader_from(settings)).sweep(),
    )


def create_app(services: Services) -> App:
    """Build the Bolt app for one workspace or for any number of them.

    In either mode listeners run before the answer: nothing is polled, and an event is
    acknowledged only once it is recorded.
    """
    settings, engine, clock = services.settings, services.engine, services.clock
    # A kind ooo can plan that nothing delivers would be retried, then fail, at run time.
    services.outbox.registry.check()
    client = WebClient(base_url=settings.slack_api_url, timeout=SLACK_TIMEOUT)
    app = bolt_app(settings, engine, clock, client)

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        """Hand every listener the services, by the parameter name `services`."""
        context["services"] = services
        next()

    app.use(inject)
    app.error(_log_unexpected)
    register(app)
    # The first dateparser call is slow; pay it now rather than inside someone's /ooo.
    warm_up(date_examples.by_locale())
    # Listing the holiday regions takes ~300 ms: off the request path, never before an ack().
    threading.Thread(target=supported, name="holiday-regions", daemon=True).start()
    return app


def nudge_after_commit(engine: Engine, outbox: EffectWorker, scheduler: Scheduler) -> None:
    """Wake the outbox when a transaction recorded effects, and the scheduler when one changed
    responders: at once, rather than at their next poll."""

    def nudge(changed: frozenset[Changed]) -> None:
        if Changed.EFFECTS in changed:
            outbox.nudge()
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
