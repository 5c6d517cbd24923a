"""The build step compiles every catalog into the .mo files an installed package reads."""

import importlib.util
import shutil
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from babel.support import Translations

ROOT = Path(__file__).resolve().parents[1]


def build_step() -> ModuleType:
    """setup.py as a module: its functions, without running setup() itself."""
    spec = importlib.util.spec_from_file_location("ooo_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(folder: Path, locale: str, catalog: Catalog) -> Path:
    source = folder / locale / "LC_MESSAGES" / "messages.po"
    source.parent.mkdir(parents=True)
    with source.open("wb") as file:
        write_po(file, catalog)
    return source


def test_it_compiles_each_catalog_beside_its_source(tmp_path: Path) -> None:
    french = Catalog(locale="fr", domain="messages")
    french.add("{name} is out of office.", "{name} est absente.")
    french.add("Edit", "Modifier", flags=["fuzzy"])
    japanese = Catalog(locale="ja", domain="messages")
    japanese.add(("{count} day", "{count} days"), ("{count}日",))
    _write(tmp_path, "fr", french)
    _write(tmp_path, "ja", japanese)
    # A copy: the build writes next to the sources it is given, never into this checkout.
    locales = shutil.copytree(tmp_path, tmp_path.parent / "copy" / "locales")

    written = build_step().compile_catalogs(locales)

    assert [path.relative_to(locales).as_posix() for path in written] == [
        "fr/LC_MESSAGES/messages.mo",
        "ja/LC_MESSAGES/messages.mo",
    ]
    with written[0].open("rb") as file:
        fr = Translations(file, domain="messages")
    assert fr.gettext("{name} is out of office.") == "{name} est absente."
    assert fr.gettext("Edit") == "Edit", "a fuzzy translation is a translator's draft"
    with written[1].open("rb") as file:
        ja = Translations(file, domain="messages")
    assert ja.ngettext("{count} day", "{count} days", 3) == "{count}日"


def test_it_ships_what_it_compiles_as_package_data() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)
    shipped = project["tool"]["setuptools"]["package-data"]["bot"]
    compiled = build_step().LOCALES.relative_to("bot") / "fr/LC_MESSAGES/messages.mo"
    assert any(fnmatch(compiled.as_posix(), pattern) for pattern in shipped)
    assert "babel" in " ".join(project["build-system"]["requires"])
