"""Reuse the connected-account fixtures (both modes) for the attacks on item 10 and 13."""

from tests.bot.accounts.conftest import background, browser, clock, fake  # noqa: F401
from tests.bot.accounts.connected.conftest import (  # noqa: F401
    accounts,
    app_settings,
    connect_alice,
    slack,
)
