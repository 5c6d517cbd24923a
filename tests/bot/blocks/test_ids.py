"""Ids read back from buttons' values: what ooo wrote is read, anything else is refused."""

import json

import pytest

from bot.blocks.ids import reply_place, responder_id


@pytest.mark.parametrize(
    ("value", "read"),
    [("42", 42), (42, 42), ("", None), (None, None), ("²", None), ("-1", None), ("4 2", None)],
)
def test_it_reads_a_responder_id_written_as_plain_digits(value: object, read: int | None) -> None:
    assert responder_id(value) == read


def test_it_refuses_an_id_no_database_integer_holds() -> None:
    assert responder_id("2147483647") == 2147483647
    assert responder_id("2147483648") is None
    assert responder_id("9" * 23) is None


def test_it_reads_the_place_a_reply_button_carries() -> None:
    value = json.dumps({"r": 7, "c": "C0GENERAL", "t": "1700000000.000100"})
    assert reply_place(value) == {
        "responder_id": 7,
        "channel": "C0GENERAL",
        "ts": "1700000000.000100",
    }


@pytest.mark.parametrize(
    "value",
    ["not json", "[1]", '{"r": "x"}', '{"r": 1e30}', '{"r": 1, "c": 5}', '{"r": 1}', "", None],
)
def test_it_refuses_a_mangled_reply_button(value: object) -> None:
    assert reply_place(value) is None
