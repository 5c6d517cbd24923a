"""The committed messages.pot holds exactly the messages the code marks, no more, no less."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

BOT = Path(__file__).resolve().parents[3] / "bot"
TEXTS = BOT / "texts"
MessageId = str | tuple[str, ...]


def extracted(folder: Path) -> set[MessageId]:
    """The message ids Babel finds in a folder, read the way `make messages` reads bot/."""
    with (TEXTS / "babel.cfg").open() as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found = extract_from_dir(str(folder), method_map, options_map)
    return {message for _, _, message, _, _ in found}


def committed() -> set[MessageId]:
    with (TEXTS / "messages.pot").open("rb") as template:
        return {message.id for message in read_po(template) if message.id}


def test_it_finds_a_newly_marked_message(tmp_path: Path) -> None:
    (tmp_path / "away.py").write_text(
        "from bot.texts import _, ngettext\n"
        '_("Alice is away.")\n'
        'ngettext("a day", "{count} days", 2)\n'
    )
    assert extracted(tmp_path) == {"Alice is away.", ("a day", "{count} days")}


def test_it_keeps_the_committed_template_current() -> None:
    in_code, in_template = extracted(BOT), committed()
    assert not in_code - in_template, "run `make messages`: the template lacks new messages"
    assert not in_template - in_code, "run `make messages`: the template keeps removed messages"
