"""What others may read of an absence's type, what the form offers, and types named in words."""

import pytest

from bot.core.leave_types import BUILTINS, Builtin, hidden_for, offered, retire, visible_type
from bot.core.type_words import type_named

RETIRED = retire(BUILTINS, Builtin.TRAINING)


@pytest.mark.parametrize(
    ("key", "chosen", "workspace_hides", "visible"),
    [
        ("vacation", None, False, "vacation"),
        ("vacation", True, False, None),
        ("vacation", None, True, None),
        ("vacation", False, True, "vacation"),
        ("sick", None, False, None),
        ("sick", False, False, "sick"),
        (None, None, False, None),
        ("custom_9", None, False, None),
        ("training", None, False, "training"),
    ],
)
def test_it_shows_a_type_only_when_no_one_hides_it(
    key: str | None, chosen: bool | None, workspace_hides: bool, visible: str | None
) -> None:
    shown = visible_type(RETIRED, key, chosen=chosen, workspace_hides=workspace_hides)
    assert (shown and shown.key) == visible
    assert hidden_for(RETIRED, key, chosen=chosen, workspace_hides=workspace_hides) is (
        visible is None
    )


def test_it_offers_a_retired_type_only_to_the_absence_that_has_it() -> None:
    assert "training" not in [t.key for t in offered(RETIRED, None)]
    assert "training" not in [t.key for t in offered(RETIRED, "vacation")]
    assert [t.key for t in offered(RETIRED, "training")][-1] == "training"
    assert "closure" not in [t.key for t in offered(BUILTINS, None)]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("sick tomorrow", Builtin.SICK),
        ("off sick until Monday", Builtin.SICK),
        ("malade demain", Builtin.SICK),
        ("krank bis Freitag", Builtin.SICK),
        ("conférence lundi", Builtin.BUSINESS_TRIP),
        ("Dienstreise nächste Woche", Builtin.BUSINESS_TRIP),
        ("出張 来週", Builtin.BUSINESS_TRIP),
        ("Urlaub ab Montag", Builtin.VACATION),
        ("vacaciones en agosto", Builtin.VACATION),
        ("férias em janeiro", Builtin.VACATION),
        ("휴가 다음 주", Builtin.VACATION),
        ("年假 下周", Builtin.VACATION),
        ("congé maternité jusqu'en mars", Builtin.PARENTAL),
        ("Elternzeit ab Januar", Builtin.PARENTAL),
        ("研修 来週", Builtin.TRAINING),
        ("formazione lunedì", Builtin.TRAINING),
        ("from Monday to the 15th", None),
        ("still here", None),
        ("skill", None),
        ("of course, from Monday", None),
        ("en curso hasta el lunes", None),
        ("illusions on Friday", None),
    ],
)
def test_it_reads_the_type_a_person_names_in_their_words(words: str, key: Builtin | None) -> None:
    assert type_named(words) == key
