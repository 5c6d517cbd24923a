"""The domain core stays pure: the standard library, dateparser, text2num, calendars, holidays."""

import ast
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "bot" / "core"
ALLOWED = set(sys.stdlib_module_names) | {"dateparser", "text_to_num", "bot"}
ALLOWED |= {"icalendar", "recurring_ical_events", "dateutil", "holidays"}


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("bot.") and not node.module.startswith("bot.core"):
                roots.add(node.module)
    return roots


def test_it_keeps_slack_and_the_database_out_of_the_core() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert files, "the core has no modules"
    for path in files:
        outside = {root for root in _imported_roots(path) if root not in ALLOWED}
        assert not outside, f"{path.relative_to(CORE)} imports {sorted(outside)}"
