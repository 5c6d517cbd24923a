"""The /ooo subcommand table: names and aliases, longest first, the rest is dates."""

import pytest

from bot.listeners.commands import SUBCOMMANDS
from bot.listeners.slash import Subcommand, route


def answer_of(text: str) -> tuple[str, str] | None:
    """The routed subcommand's first name and the words left for it."""
    routed = route(SUBCOMMANDS, text)
    return (routed[0].names[0], routed[1]) if routed else None


@pytest.mark.parametrize(
    ("text", "routed"),
    [
        ("help", ("help", "")),
        ("?", ("help", "")),
        ("LIST", ("list", "")),
        ("back", ("off", "")),
        ("end", ("off", "")),
        ("team", ("team", "")),
        ("team #design 30d", ("team", "#design 30d")),
        ("Team set @design", ("team", "set @design")),
        ("digest", ("digest", "")),
        ("list tomorrow", None),
        ("teamwork tomorrow", None),
        ("end of next week", None),
        ("from Monday to the 15th", None),
    ],
)
def test_it_routes_each_subcommand_by_name_and_alias(text: str, routed: tuple[str, str]) -> None:
    assert answer_of(text) == routed


def test_it_prefers_the_longest_name() -> None:
    def short(_slash: object) -> None: ...

    def long(_slash: object) -> None: ...

    table = (Subcommand(("team",), short, True), Subcommand(("team digest",), long, True))
    routed = route(table, "team digest list")
    assert routed is not None and routed[0].answer is long and routed[1] == "list"
