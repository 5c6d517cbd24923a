"""Messages are rendered for one reader: their locale's catalog when it has one, else English;
Slack's locales map to the catalogs, and a compiled catalog is read unless its .po is newer."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from bot.core.dates import LOCALES as DATE_LOCALES
from bot.texts import N_, _, ngettext, speaking, speaks, supported_locales
from bot.texts import catalog as texts_catalog

AWAY = "{name} is out of office."
FRENCH = "{name} est absent(e)."


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A French catalog translating one message, as a translator's .po would."""
    translated = Catalog(locale="fr", domain="messages")
    translated.add(AWAY, FRENCH)
    # French has three plural forms: one, many (millions) and other.
    forms = ("{count} jour", "{count} de jours", "{count} jours")
    translated.add(("{count} day", "{count} days"), forms)
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as file:
        write_po(file, translated)
    monkeypatch.setattr(texts_catalog, "LOCALES", tmp_path)
    texts_catalog._translations.cache_clear()
    yield
    texts_catalog._translations.cache_clear()


def test_it_renders_english_when_no_reader_is_set() -> None:
    assert _(AWAY, name="Alice") == "Alice is out of office."


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("locale", ["fr-FR", "fr", "fr_CA"])
def test_it_renders_for_the_readers_language(locale: str) -> None:
    with speaking(locale):
        assert _(AWAY, name="Alice") == "Alice est absent(e)."


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("locale", ["de-DE", "ja-JP", "", None])
def test_it_falls_back_to_english_without_a_catalog(locale: str | None) -> None:
    with speaking(locale):
        assert _(AWAY, name="Alice") == "Alice is out of office."


@pytest.mark.usefixtures("french")
def test_it_falls_back_to_english_for_a_message_not_yet_translated() -> None:
    with speaking("fr-FR"):
        assert _("Back soon.") == "Back soon."


@pytest.mark.usefixtures("french")
def test_it_speaks_to_one_reader_only_inside_the_block() -> None:
    with speaking("fr-FR"):
        with speaking("en-GB"):
            assert _(AWAY, name="Bob") == "Bob is out of office."
        assert _(AWAY, name="Bob") == "Bob est absent(e)."
    assert _(AWAY, name="Bob") == "Bob is out of office."


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize(
    ("locale", "count", "said"),
    [(None, 1, "1 day"), (None, 3, "3 days"), ("fr-FR", 1, "1 jour"), ("fr-FR", 3, "3 jours")],
)
def test_it_says_a_number_in_the_readers_plural(locale: str | None, count: int, said: str) -> None:
    with speaking(locale):
        assert ngettext("{count} day", "{count} days", count) == said


@pytest.mark.usefixtures("french")
def test_it_renders_a_marked_constant_when_it_is_read_not_when_it_is_marked() -> None:
    marked = N_(AWAY)
    assert marked == AWAY
    with speaking("fr-FR"):
        assert _(marked, name="Carol") == "Carol est absent(e)."


def test_it_leaves_braces_alone_when_no_params_are_given() -> None:
    assert _("Take {backup} out of the message.") == "Take {backup} out of the message."


@pytest.mark.parametrize(
    ("locale", "folder"),
    [
        ("en-US", None),
        ("en-GB", "en_GB"),
        ("fr-FR", "fr"),
        ("de-DE", "de"),
        ("es-ES", "es"),
        ("es-LA", "es_419"),
        ("pt-BR", "pt_BR"),
        ("it-IT", "it"),
        ("ja-JP", "ja"),
        ("ko-KR", "ko"),
        ("zh-CN", "zh_CN"),
        ("zh-TW", "zh_TW"),
        # Not Slack's, or spelled otherwise: its language when ooo has it, else English.
        ("fr-CA", "fr"),
        ("fr", "fr"),
        ("de-AT", "de"),
        ("es-MX", "es"),
        ("es_419", "es_419"),
        ("zh_TW", "zh_TW"),
        ("pt-PT", None),
        ("en-AU", None),
        ("ru-RU", None),
        ("", None),
        (None, None),
    ],
)
def test_it_maps_each_slack_locale_to_its_catalog(locale: str | None, folder: str | None) -> None:
    assert texts_catalog.catalog_of(locale) == folder


def test_it_lists_the_twelve_locales_of_slacks_interface() -> None:
    spoken = supported_locales()
    assert len(spoken) == 12 and spoken[0] == "en-US"
    # The same twelve the date reader reads.
    assert set(spoken) == set(DATE_LOCALES)


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [("ja-JP", True), ("fr-CA", True), ("en-AU", True), ("ru-RU", False), ("pt-PT", False)],
)
def test_it_says_which_locales_it_speaks(locale: str, spoken: bool) -> None:
    assert speaks(locale) is spoken


def _compile(catalog: Catalog, target: Path) -> None:
    with target.open("wb") as file:
        write_mo(file, catalog)


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize(("newer", "said"), [("mo", "Alice est en congé."), ("po", FRENCH)])
def test_it_reads_the_newer_of_the_compiled_and_the_edited_catalog(
    tmp_path: Path, newer: str, said: str
) -> None:
    source = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    built = Catalog(locale="fr", domain="messages")
    built.add(AWAY, "{name} est en congé.")
    _compile(built, source.with_suffix(".mo"))
    older, later = (source, source.with_suffix(".mo"))[:: 1 if newer == "mo" else -1]
    os.utime(older, (1_000_000, 1_000_000))
    os.utime(later, (2_000_000, 2_000_000))
    with speaking("fr-FR"):
        assert _(AWAY, name="Alice") == said.format(name="Alice")


@pytest.mark.usefixtures("french")
def test_it_reads_a_compiled_catalog_alone_as_an_installed_package_has(tmp_path: Path) -> None:
    source = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    built = Catalog(locale="fr", domain="messages")
    built.add(AWAY, "{name} est en congé.")
    _compile(built, source.with_suffix(".mo"))
    source.unlink()
    with speaking("fr-FR"):
        assert _(AWAY, name="Alice") == "Alice est en congé."
