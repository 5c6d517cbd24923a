"""The build step: compile the translators' .po catalogs into the .mo files the package reads.

Runs wherever setuptools builds the package: `pip install -e .` (build_py then compiles in the
checkout, which the editable install reads), `pip install .` and `pip wheel .` (the .mo files
are then package data).
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

# setuptools runs this file from the project root.
LOCALES = Path("bot") / "texts" / "locales"


def compile_catalogs(locales: Path) -> list[Path]:
    """Write each catalog's .mo beside its .po, fuzzy entries left out as gettext does."""
    written = []
    for source in sorted(locales.glob("*/LC_MESSAGES/messages.po")):
        with source.open("rb") as file:
            catalog = read_po(file, locale=source.relative_to(locales).parts[0], domain="messages")
        compiled = source.with_suffix(".mo")
        with compiled.open("wb") as file:
            write_mo(file, catalog)
        written.append(compiled)
    return written


class BuildWithCatalogs(build_py):
    """build_py, compiling the catalogs first so the .mo files exist before data is copied."""

    def run(self) -> None:
        """Compile, then build as usual (an editable build copies nothing and stops there)."""
        compile_catalogs(LOCALES)
        super().run()


if __name__ == "__main__":
    setup(cmdclass={"build_py": BuildWithCatalogs})
