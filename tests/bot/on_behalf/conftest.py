"""The people of the on-behalf tests: Ada the admin, Owen and Priya the owners, Helen of @hr."""

import pytest

from tests.support.fake_slack import FakeSlack

ADA, OWEN, PRIYA, HELEN = "UADA", "UOWEN", "UPRIYA", "UHELEN"
HR_GROUP = "S0HR"


@pytest.fixture(autouse=True)
def organisation(fake: FakeSlack) -> None:
    """Ada administers the workspace, Owen and Priya own it, Helen is in @hr (no admin yet)."""
    fake.add_user(ADA, "ada", tz="Europe/Paris", role="admin")
    fake.add_user(OWEN, "owen", tz="Europe/Paris", role="owner")
    fake.add_user(PRIYA, "priya", tz="Europe/Paris", role="primary_owner")
    fake.add_user(HELEN, "helen", tz="Europe/Paris")
    fake.add_usergroup(HR_GROUP, "hr", "People team", users=[HELEN])
