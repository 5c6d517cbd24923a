"""Every catalog of the fixed list translates every message of the template, keeping its
placeholders and saying its numbers in as many plural forms as the language has.

They fail until the translators' catalogs are there: that is what they are for.
"""

from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from bot.texts.catalog import CATALOGS, DOMAIN, LOCALES
from tests.bot.texts.test_template import TEXTS

MessageId = str | tuple[str, ...]


def translations(folder: str) -> Catalog:
    """A translator's catalog, as `pybabel compile` reads it."""
    source = LOCALES / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    assert source.is_file(), f"no catalog for {folder}: `pybabel init -l {folder}` (README)"
    with source.open("rb") as file:
        return read_po(file, locale=folder, domain=DOMAIN)


def template() -> set[tuple[MessageId, str | None]]:
    """Every message of the template with its context ("On" beside a digest's days)."""
    with (TEXTS / "messages.pot").open("rb") as file:
        return {(message.id, message.context) for message in read_po(file) if message.id}


def fields(text: str) -> set[str]:
    """The named placeholders a message fills: {name}, {count}."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def forms(message: Message) -> list[str]:
    """What a translator wrote: one string, or one per plural form."""
    string = message.string
    return list(string) if isinstance(string, tuple | list) else [string or ""]


def _ids(message_id: MessageId) -> list[str]:
    return list(message_id) if isinstance(message_id, tuple) else [message_id]


@pytest.mark.parametrize("folder", CATALOGS)
def test_it_translates_every_message(folder: str) -> None:
    catalog = translations(folder)
    missing = [
        message_id
        for message_id, context in template()
        if (found := catalog.get(message_id, context=context)) is None
        or found.fuzzy
        or not all(form.strip() for form in forms(found))
    ]
    assert not missing, f"{folder}: {len(missing)} untranslated or fuzzy, first {missing[:3]}"


@pytest.mark.parametrize("folder", CATALOGS)
def test_it_passes_babels_checkers(folder: str) -> None:
    """Babel's own checks: the plural forms' count, and %-style placeholders where flagged."""
    problems = [
        (message.id, [str(e) for e in errors]) for message, errors in translations(folder).check()
    ]
    assert not problems, f"{folder}: {problems[:3]}"


@pytest.mark.parametrize("folder", CATALOGS)
def test_it_keeps_every_placeholder_of_the_template(folder: str) -> None:
    """A form fills only the template's placeholders, and every one but the count (a language
    may say "one day" without the number)."""
    wrong = []
    for message in translations(folder):
        if not message.id or not message.string:
            continue
        wanted = set().union(*(fields(text) for text in _ids(message.id)))
        for form in forms(message):
            if not fields(form) <= wanted or not wanted - {"count"} <= fields(form):
                wrong.append((message.id, form))
    assert not wrong, f"{folder}: {wrong[:3]}"


@pytest.mark.parametrize("folder", CATALOGS)
def test_it_keeps_no_message_the_template_dropped(folder: str) -> None:
    """After `make messages`, `pybabel update` marks what the code no longer says obsolete."""
    kept = {(message.id, message.context) for message in translations(folder) if message.id}
    assert not kept - template(), f"{folder}: run pybabel update (README, Languages)"
