"""Which translations the repository holds, so a test of one language runs once it is there."""

from typing import Any

import pytest
from _pytest.mark.structures import ParameterSet

from bot.texts.catalog import CATALOG_DIRS, DOMAIN, LOCALES, catalog_dir

# Every catalog's reader, as Slack names their locale, and US English (the source text).
SLACK_LOCALES = {
    "en_GB": "en-GB",
    "fr": "fr-FR",
    "de": "de-DE",
    "es": "es-ES",
    "es_419": "es-LA",
    "pt_BR": "pt-BR",
    "it": "it-IT",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "zh_CN": "zh-CN",
    "zh_TW": "zh-TW",
}
READERS = ["en-US", *(SLACK_LOCALES[d] for d in CATALOG_DIRS)]


def has_catalog(locale: str | None) -> bool:
    """Whether a reader of `locale` reads a catalog in the repository (US English always does)."""
    found = catalog_dir(locale)
    return found is None or (LOCALES / found / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()


def needs_catalog(locale: str) -> pytest.MarkDecorator:
    """Skip a test of a translation until that language's catalog is in the repository."""
    return pytest.mark.skipif(not has_catalog(locale), reason=f"no catalog for {locale} yet")


def translated(locale: str, *values: Any) -> ParameterSet:
    """A parameter set of one language's translation, run once its catalog is there."""
    return pytest.param(locale, *values, marks=needs_catalog(locale), id=locale)
