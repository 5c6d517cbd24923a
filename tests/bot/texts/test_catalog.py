"""Messages are rendered for one reader: their locale's catalog when it has one, else English."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from bot.texts import N_, _, ngettext, speaking
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
