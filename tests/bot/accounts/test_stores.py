"""The installation store slack-sdk and Bolt see: found by workspace or org, deleted in parts."""

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import Engine

from bot.accounts.installations import SealedInstallations
from bot.accounts.vault import Vault
from tests.bot.accounts.conftest import KEY
from tests.support.clock import FakeClock

ORG = "E0001"


def installed(store: SealedInstallations, team_id: str | None, *, org_wide: bool = False) -> None:
    """Save an installation whose bot token names where it was made."""
    store.save(
        Installation(
            team_id=team_id,
            enterprise_id=ORG,
            user_id="UCAROL",
            bot_token=f"xoxb-{team_id or ORG}",
            bot_id="BBOT",
            bot_user_id="UBOT",
            user_token="xoxp-carol",
            is_enterprise_install=org_wide,
        )
    )


@pytest.fixture
def store(engine: Engine, clock: FakeClock) -> SealedInstallations:
    """Carol installed ooo in T0003 and org-wide in E0001."""
    sealed = SealedInstallations(engine, Vault(KEY), clock)
    installed(sealed, "T0003")
    installed(sealed, None, org_wide=True)
    return sealed


@pytest.mark.parametrize(
    ("team_id", "is_enterprise_install", "token"),
    [
        ("T0003", False, "xoxb-T0003"),
        ("T0004", False, "xoxb-E0001"),
        ("T0003", True, "xoxb-E0001"),
        (None, False, "xoxb-E0001"),
    ],
    ids=["own workspace", "org's for another workspace", "org-wide request", "no team"],
)
def test_it_finds_the_installation_serving_a_workspace(
    store: SealedInstallations, team_id: str | None, is_enterprise_install: bool, token: str
) -> None:
    bot = store.find_bot(
        enterprise_id=ORG, team_id=team_id, is_enterprise_install=is_enterprise_install
    )
    assert bot is not None and bot.bot_token == token


def test_it_finds_nothing_for_a_workspace_outside_any_installation(
    store: SealedInstallations,
) -> None:
    assert store.find_installation(enterprise_id=None, team_id="T0009") is None
    assert store.find_installation(enterprise_id=ORG, team_id="T0003", user_id="UBOB") is None


def test_it_forgets_only_an_installers_user_token_or_everything(
    store: SealedInstallations,
) -> None:
    store.delete_installation(enterprise_id=ORG, team_id="T0003", user_id="UCAROL")
    kept = store.find_installation(enterprise_id=ORG, team_id="T0003")
    assert kept is not None and (kept.bot_token, kept.user_token) == ("xoxb-T0003", None)

    store.delete_all(enterprise_id=ORG, team_id="T0003")
    fallback = store.find_bot(enterprise_id=ORG, team_id="T0003")
    assert fallback is not None and fallback.bot_token == "xoxb-E0001"
