"""Catalogs for end-to-end tests: the translators' own where they are, else a stand-in that
translates every message of the template recognisably, placeholders kept."""

import shutil
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.texts.catalog import DOMAIN, LOCALES

TEMPLATE = LOCALES.parent / "messages.pot"


def stand_in(folder: str) -> Catalog:
    """Every message as "<folder> <message>", in as many plural forms as the language has."""
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    catalog = Catalog(locale=folder, domain=DOMAIN)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            said = tuple(
                f"{folder} {singular if form == 0 else plural}"
                for form in range(catalog.num_plurals)
            )
            catalog.add(message.id, said, flags=message.flags)
        else:
            catalog.add(message.id, f"{folder} {message.id}", flags=message.flags)
    return catalog


def install(folders: tuple[str, ...], into: Path) -> Path:
    """A locales folder holding each catalog: a copy of the real one, else its stand-in."""
    for folder in folders:
        target = into / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
        target.parent.mkdir(parents=True)
        real = LOCALES / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
        if real.is_file():
            shutil.copyfile(real, target)
            continue
        with target.open("wb") as file:
            write_po(file, stand_in(folder))
    return into
