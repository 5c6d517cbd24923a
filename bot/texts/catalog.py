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
# Slack's interface languages and the catalog each reads; en-US is the source text itself.
SLACK_LOCALES: dict[str, str | None] = {
    "en-US": None,
    "en-GB": "en_GB",
    "fr-FR": "fr",
    "de-DE": "de",
    "es-ES": "es",
    "es-LA": "es_419",
    "pt-BR": "pt_BR",
    "it-IT": "it",
    "ja-JP": "ja",
    "ko-KR": "ko",
    "zh-CN": "zh_CN",
    "zh-TW": "zh_TW",
}
CATALOGS = tuple(folder for folder in SLACK_LOCALES.values() if folder)
# English is the source text: a reader with no locale set reads the messages as written.
_reader_locale: ContextVar[str | None] = ContextVar("reader_locale", default=None)


def supported_locales() -> tuple[str, ...]:
    """The Slack locales ooo speaks, spelled as Slack spells them ("es-LA", "zh-TW")."""
    return tuple(SLACK_LOCALES)


def catalog_of(locale: str | None) -> str | None:
    """The catalog a Slack locale reads: its own, else its language's (fr-CA reads fr), else
    None for English."""
    if not locale:
        return None
    tag = locale.replace("_", "-")
    if tag in SLACK_LOCALES:
        return SLACK_LOCALES[tag]
    folder = tag.replace("-", "_")
    for candidate in (folder, folder.split("_")[0]):
        if candidate in CATALOGS:
            return candidate
    return None


def speaks(locale: str | None) -> bool:
    """Whether ooo speaks a locale: English, or a language it has a catalog for."""
    language = (locale or "").replace("_", "-").split("-")[0]
    return language == "en" or catalog_of(locale) is not None


def reader_locale() -> str | None:
    """The locale messages are rendered for now (None: the English source text)."""
    return _reader_locale.get()


@contextmanager
def speaking(locale: str | None) -> Iterator[None]:
    """Render every message inside the block for a reader of `locale` (Slack's "fr-FR" style)."""
    token = _reader_locale.set(locale)
    try:
        yield
    finally:
        _reader_locale.reset(token)


def cldr_locale() -> str:
    """The current reader's CLDR locale, for Babel's dates: "fr", "es_419", "en" for English."""
    return catalog_of(_reader_locale.get()) or "en"


def _(message: str, /, **params: object) -> str:
    """Mark and render a message; named `{placeholders}` are filled only when params are given."""
    text = _translations(catalog_of(_reader_locale.get())).gettext(message)
    return text.format(**params) if params else text


def ngettext(singular: str, plural: str, count: int, /, **params: object) -> str:
    """Mark and render a message that says a number, filling `{count}` and any named params."""
    text = _translations(catalog_of(_reader_locale.get())).ngettext(singular, plural, count)
    return text.format(count=count, **params)


def pgettext(context: str, message: str, /, **params: object) -> str:
    """Mark and render a short message whose meaning depends on where it stands ("On", "Back")."""
    text = _translations(catalog_of(_reader_locale.get())).pgettext(context, message)
    return text.format(**params) if params else text


def N_(message: str, /) -> str:  # noqa: N802 (gettext's own name for marking only)
    """Mark a message for the catalog without rendering it: `_()` renders it when it is read."""
    return message


@cache
def _translations(folder: str | None) -> NullTranslations:
    """One catalog, read once: English (the messages as written) when it has no file."""
    if folder is None:
        return NullTranslations()
    source = LOCALES / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    compiled = source.with_suffix(".mo")
    # A .po edited after the last build is what the translator meant: the newer file wins.
    if compiled.is_file() and (
        not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        with compiled.open("rb") as file:
            return Translations(file, domain=DOMAIN)
    if source.is_file():
        return _compiled(source, folder)
    return NullTranslations()


def _compiled(source: Path, locale: str) -> Translations:
    """Compile a translator's .po in memory, so a checkout reads it without a build."""
    with source.open("rb") as file:
        catalog = read_po(file, locale=locale, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
