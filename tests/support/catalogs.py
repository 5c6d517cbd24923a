"""Every reader ooo writes for, as Slack names their locale: US English and each catalog's."""

from typing import Any

import pytest
from _pytest.mark.structures import ParameterSet

from bot.texts import supported_locales

READERS = list(supported_locales())


def translated(locale: str, *values: Any) -> ParameterSet:
    """A parameter set of one language's translation, named by its locale."""
    return pytest.param(locale, *values, id=locale)
