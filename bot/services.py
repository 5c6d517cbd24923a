"""Everything listeners and deliveries may use, built once by the composition root."""

from dataclasses import dataclass

from sqlalchemy import Engine

from bot.accounts.connected import ConnectedAccounts
from bot.calendars.connected.refresh import Reader
from bot.calendars.published.feeds import PublishedFeeds
from bot.calendars.published.reads import FeedReader
from bot.clock import Clock
from bot.config import Settings
from bot.home.followups import Followups
from bot.home.tabs import HomeTabs
from bot.outbox.worker import EffectWorker
from bot.replies.direct import DirectRecipients
from bot.replies.live_responders import LiveResponders
from bot.scheduler import Scheduler
from bot.slack.directory import Directory
from bot.slack.redraws import Redraws


@dataclass(frozen=True)
class Services:
    """The app's shared services; Bolt hands them to each listener as `services`."""

    settings: Settings
    engine: Engine
    clock: Clock
    # People's connected accounts (unavailable without the OAuth settings).
    accounts: ConnectedAccounts
    homes: HomeTabs
    # What a person sees after a change, sent after the answer.
    followups: Followups
    directory: Directory
    redraws: Redraws
    # The responders not yet ended, in memory, so message events skip the database.
    live: LiveResponders
    recipients: DirectRecipients
    outbox: EffectWorker
    scheduler: Scheduler
    # Published calendar feeds: made and revoked by people, read by their calendars.
    feeds: PublishedFeeds
    feed_reader: FeedReader
    # How people's calendar feeds are read; None without OOO_ENCRYPTION_KEY.
    calendars: Reader | None = None

    def start(self) -> None:
        """Start delivering the outbox and running the scheduler's sweeps."""
        self.outbox.start()
        self.scheduler.start()

    def close(self) -> None:
        """Stop the sweeps, then let queued follow-ups and deliveries finish."""
        self.scheduler.shutdown()
        self.followups.close()
        self.outbox.close()
