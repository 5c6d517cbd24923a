"""Leave types: the built-ins, a workspace's own, renaming and retiring, and hidden reasons."""

from collections.abc import Callable

import pytest

from bot.core.leave_types import (
    BUILTINS,
    HIDDEN_EMOJI,
    HIDDEN_KEY,
    MAX_LABEL,
    MAX_TYPES,
    Builtin,
    LeaveType,
    LeaveTypeError,
    TypeCode,
    add,
    choosable,
    find,
    reason_hidden,
    rename,
    retire,
    shown_emoji,
    shown_key,
)

# The built-ins as the catalogs word them, in English and in Spanish.
WORDED = {
    "vacation": {"Vacation", "Vacaciones"},
    "sick": {"Sick", "Baja por enfermedad"},
    "business_trip": {"Business trip"},
}


@pytest.mark.parametrize(
    ("key", "emoji", "hidden"),
    [
        (Builtin.VACATION, ":palm_tree:", False),
        (Builtin.SICK, ":face_with_thermometer:", True),
        (Builtin.PARENTAL, ":baby:", False),
        (Builtin.BUSINESS_TRIP, ":airplane:", False),
        (Builtin.TRAINING, ":books:", False),
        (Builtin.OTHER, ":calendar:", False),
        (Builtin.CLOSURE, ":office:", False),
    ],
)
def test_it_brings_each_built_in_type_with_its_emoji_and_privacy(
    key: Builtin, emoji: str, hidden: bool
) -> None:
    leave_type = find(BUILTINS, key)
    assert (leave_type.emoji, leave_type.hidden, leave_type.label) == (emoji, hidden, None)
    assert leave_type.builtin


def test_it_offers_every_active_type_but_closure_to_choose_from() -> None:
    assert [t.key for t in choosable(BUILTINS)] == [
        "vacation",
        "sick",
        "parental",
        "business_trip",
        "training",
        "other",
    ]


def test_it_renames_a_built_in_type_and_keeps_its_key() -> None:
    types = rename(BUILTINS, "vacation", "  Holiday  time ")
    assert find(types, "vacation").label == "Holiday time"
    assert find(types, "vacation").key == "vacation"
    assert rename(types, "vacation", "holiday TIME") != types  # its own label, other spelling


def test_it_adds_a_workspaces_own_types_under_keys_that_never_come_back() -> None:
    types = add(BUILTINS, "Volunteering", ":raised_hands:", worded=WORDED)
    types = add(types, "Jury duty", ":scales:", hidden=True)
    assert find(types, "custom_2") == LeaveType(
        "custom_2", ":scales:", hidden=True, label="Jury duty"
    )
    types = add(retire(types, "custom_2"), "Moving day", ":truck:")
    assert find(types, "custom_3").label == "Moving day"
    assert not find(types, "custom_1").builtin


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("vacation", TypeCode.DUPLICATE_LABEL),  # a built-in's label as worded
        ("VACACIONES", TypeCode.DUPLICATE_LABEL),  # ... in any language
        ("BUSINESS TRIP", TypeCode.DUPLICATE_LABEL),
        ("parental", TypeCode.DUPLICATE_LABEL),  # not worded: its key stands for it
        ("volunteering", TypeCode.DUPLICATE_LABEL),  # a workspace's own
        ("   ", TypeCode.NO_LABEL),
        ("\u00a0\u00a0", TypeCode.NO_LABEL),
        (":tada:", TypeCode.NO_LABEL),  # an emoji is no name
        (":tada: 🎉 👍🏽 ❤️", TypeCode.NO_LABEL),
        ("x" * (MAX_LABEL + 1), TypeCode.LABEL_TOO_LONG),
    ],
)
def test_it_refuses_a_label_that_is_empty_too_long_or_taken(label: str, code: TypeCode) -> None:
    types = add(BUILTINS, "Volunteering", ":raised_hands:")
    with pytest.raises(LeaveTypeError) as refused:
        add(types, label, ":sparkles:", worded=WORDED)
    assert refused.value.code is code
    with pytest.raises(LeaveTypeError) as refused_rename:
        rename(types, "training", label, worded=WORDED)
    assert refused_rename.value.code is code


@pytest.mark.parametrize("emoji", ["palm_tree", ":Palm Tree:", "🌴", "::", ":a:b"])
def test_it_refuses_an_emoji_that_is_not_a_slack_emoji_name(emoji: str) -> None:
    with pytest.raises(LeaveTypeError) as refused:
        add(BUILTINS, "Volunteering", emoji)
    assert (refused.value.code, refused.value.params) == (TypeCode.BAD_EMOJI, {"emoji": emoji})


def test_it_refuses_more_types_than_a_menu_should_hold() -> None:
    types = BUILTINS
    for n in range(MAX_TYPES - len(BUILTINS)):
        types = add(types, f"Type {n}", ":star:")
    with pytest.raises(LeaveTypeError) as refused:
        add(types, "One too many", ":star:")
    assert refused.value.code is TypeCode.TOO_MANY


def test_it_retires_a_type_but_keeps_it_for_the_absences_that_have_it() -> None:
    types = retire(BUILTINS, "training")
    assert find(types, "training").retired
    assert "training" not in [t.key for t in choosable(types)]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda types: rename(types, "closure", "Shutdown"), TypeCode.CLOSURE_FIXED),
        (lambda types: retire(types, "closure"), TypeCode.CLOSURE_FIXED),
        (lambda types: rename(types, "custom_9", "Nap"), TypeCode.UNKNOWN_TYPE),
        (lambda types: retire(types, "custom_9"), TypeCode.UNKNOWN_TYPE),
    ],
)
def test_it_refuses_to_change_closure_or_a_type_it_does_not_have(
    change: Callable[[tuple[LeaveType, ...]], object], code: TypeCode
) -> None:
    with pytest.raises(LeaveTypeError) as refused:
        change(BUILTINS)
    assert refused.value.code is code


def test_it_refuses_to_retire_the_last_type_a_person_could_choose() -> None:
    types = BUILTINS
    for leave_type in choosable(BUILTINS)[1:]:
        types = retire(types, leave_type.key)
    with pytest.raises(LeaveTypeError) as refused:
        retire(types, "vacation")
    assert refused.value.code is TypeCode.LAST_ACTIVE


@pytest.mark.parametrize(
    ("key", "chosen", "workspace_hides", "hidden"),
    [
        ("vacation", None, False, False),
        ("sick", None, False, True),  # sick leave is hidden by default
        ("vacation", None, True, True),  # the workspace hides every reason
        ("sick", False, False, False),  # Alice chose to say she is sick
        ("vacation", True, False, True),
        ("vacation", False, True, False),
    ],
)
def test_it_hides_the_reason_by_the_persons_choice_else_the_defaults(
    key: str, chosen: bool | None, workspace_hides: bool, hidden: bool
) -> None:
    leave_type = find(BUILTINS, key)
    assert reason_hidden(leave_type, chosen=chosen, workspace_hides=workspace_hides) is hidden


def test_it_shows_only_out_of_office_and_a_neutral_emoji_when_the_reason_is_hidden() -> None:
    sick = find(BUILTINS, "sick")
    assert (shown_key(sick, hidden=True), shown_emoji(sick, hidden=True)) == (
        HIDDEN_KEY,
        HIDDEN_EMOJI,
    )
    assert (shown_key(sick, hidden=False), shown_emoji(sick, hidden=False)) == (
        "sick",
        ":face_with_thermometer:",
    )
