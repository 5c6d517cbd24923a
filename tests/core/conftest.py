"""Fixtures for the core's tests."""

import os
import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def server_zone() -> Iterator[None]:
    """Let a test change the server's TZ; put it back afterwards."""
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()
