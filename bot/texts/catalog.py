"""Render catalog messages for one reader: the locale set by `speaking`, English otherwise."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

DOMAIN = "messages"
LOCALES = Path(__file__).parent / "locales"
# One catalog per language Slack's interface speaks; US English is the source text itself.
CATALOG_DIRS = ("en_GB", "fr", "de", "es", "es_419", "pt_BR", "it", "ja", "ko", "zh_CN", "zh_TW")
# Slack's Latin American Spanish is CLDR's es_419 ("es-LA" would be Spanish in Laos).
_SLACK_TAGS = {"es_LA": "es_419"}
# English is the source text: a reader with no locale set reads the messages as written.
_reader_locale: ContextVar[str | None] = ContextVar("reader_locale", default=None)


@contextmanager
def speaking(locale: str | None) -> Iterator[None]:
    """Render every message inside the block for a reader of `locale` (Slack's "fr-FR" style)."""
    token = _reader_locale.set(locale)
    try:
        yield
    finally:
        _reader_locale.reset(token)


def reader_locale() -> str:
    """The current reader's CLDR locale, for Babel's dates: "fr", "es_419", "en" for English."""
    return catalog_dir(_reader_locale.get()) or "en"


def catalog_dir(locale: str | None) -> str | None:
    """The catalog a Slack locale reads ("es-LA" is es_419, "fr-CA" is fr); None for English."""
    tag = (locale or "").replace("-", "_")
    tag = _SLACK_TAGS.get(tag, tag)
    return next((d for d in (tag, tag.split("_")[0]) if d in CATALOG_DIRS), None)


def _(message: str, /, **params: object) -> str:
    """Mark and render a message; named `{placeholders}` are filled only when params are given."""
    text = _translations(_reader_locale.get()).gettext(message)
    return text.format(**params) if params else text


def ngettext(singular: str, plural: str, count: int, /, **params: object) -> str:
    """Mark and render a message that says a number, filling `{count}` and any named params."""
    text = _translations(_reader_locale.get()).ngettext(singular, plural, count)
    return text.format(count=count, **params)


def N_(message: str, /) -> str:  # noqa: N802 (gettext's own name for marking only)
    """Mark a message for the catalog without rendering it: `_()` renders it when it is read."""
    return message


@cache
def _translations(locale: str | None) -> NullTranslations:
    """The catalog for a locale or its language ("pt-BR", then "pt"); English when none exists."""
    found = catalog_dir(locale)
    source = LOCALES / (found or "-") / "LC_MESSAGES" / f"{DOMAIN}.po"
    return _compiled(source, found) if found and source.is_file() else NullTranslations()


def _compiled(source: Path, locale: str) -> Translations:
    """Compile a translator's .po in memory, so adding that one file is all a locale needs."""
    with source.open("rb") as file:
        catalog = read_po(file, locale=locale, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
