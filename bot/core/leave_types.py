"""Kinds of absence (vacation, sick, ...): a workspace's built-in and own types, and privacy.

The core holds keys, never sentences: the catalog words a built-in type's label from its key,
and "out of office" from HIDDEN_KEY. A workspace's own types carry the label its admin typed.
"""

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum


class Builtin(StrEnum):
    """The types every workspace starts with; the values are stored and never change."""

    VACATION = "vacation"
    SICK = "sick"
    PARENTAL = "parental"
    BUSINESS_TRIP = "business_trip"
    TRAINING = "training"
    OTHER = "other"
    CLOSURE = "closure"


# What status, replies, announcements, team views and exports say of a hidden reason.
HIDDEN_KEY = "out_of_office"
# The status emoji of a hidden reason: neutral, so a thermometer never says what the text hides.
HIDDEN_EMOJI = ":calendar:"
MAX_LABEL = 40  # fits a select option (75) and a status text beside a return date (100)
MAX_TYPES = 30  # a select menu shows 100 options; a workspace needing more has a taxonomy
CUSTOM_PREFIX = "custom_"
EMOJI_CODE = re.compile(r":[a-z0-9_+'\-]{1,98}:")
EMOJI = re.compile(rf"^{EMOJI_CODE.pattern}$")
# What emoji are made of (symbols, skin tones, joiners, variation selectors) and spaces.
PICTURES = frozenset({"So", "Sk", "Mn", "Me", "Cf", "Zs"})


class TypeCode(StrEnum):
    """Why a change to a workspace's types is refused; the catalog words each one."""

    DUPLICATE_LABEL = "type_duplicate_label"
    UNKNOWN_TYPE = "type_unknown"
    LAST_ACTIVE = "type_last_active"
    CLOSURE_FIXED = "type_closure_fixed"
    NO_LABEL = "type_no_label"
    LABEL_TOO_LONG = "type_label_too_long"
    BAD_EMOJI = "type_bad_emoji"
    TOO_MANY = "type_too_many"


class LeaveTypeError(ValueError):
    """A refused change to the types, with its code and the values its wording names."""

    def __init__(self, code: TypeCode, /, **params: str | int) -> None:
        super().__init__(code.value, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class LeaveType:
    """One type of absence: a stable key, its status emoji, and whether its reason is hidden.

    `label` is None for a built-in the workspace has not renamed (the catalog words its key).
    """

    key: str
    emoji: str
    hidden: bool = False
    label: str | None = None
    retired: bool = False

    @property
    def builtin(self) -> bool:
        """Whether ooo brings this type (its key is a Builtin)."""
        return self.key in set(Builtin)


BUILTINS: tuple[LeaveType, ...] = (
    LeaveType(Builtin.VACATION, ":palm_tree:"),
    LeaveType(Builtin.SICK, ":face_with_thermometer:", hidden=True),
    LeaveType(Builtin.PARENTAL, ":baby:"),
    LeaveType(Builtin.BUSINESS_TRIP, ":airplane:"),
    LeaveType(Builtin.TRAINING, ":books:"),
    LeaveType(Builtin.OTHER, ":calendar:"),
    LeaveType(Builtin.CLOSURE, ":office:"),
)


def find(types: tuple[LeaveType, ...], key: str) -> LeaveType:
    """The type with this key, retired or not; LeaveTypeError UNKNOWN_TYPE when there is none."""
    for leave_type in types:
        if leave_type.key == key:
            return leave_type
    raise LeaveTypeError(TypeCode.UNKNOWN_TYPE, key=key)


def choosable(types: tuple[LeaveType, ...]) -> tuple[LeaveType, ...]:
    """The types a person picks from: active ones; a closure is only set by closing."""
    return tuple(t for t in types if not t.retired and t.key != Builtin.CLOSURE)


def reason_hidden(leave_type: LeaveType, *, chosen: bool | None, workspace_hides: bool) -> bool:
    """Whether an absence says only "out of office": the person's choice, else the defaults."""
    if chosen is not None:
        return chosen
    return workspace_hides or leave_type.hidden


def shown_key(leave_type: LeaveType, *, hidden: bool) -> str:
    """The key the catalog words for others to read: the type's, or HIDDEN_KEY."""
    return HIDDEN_KEY if hidden else leave_type.key


def shown_emoji(leave_type: LeaveType, *, hidden: bool) -> str:
    """The status emoji others see: the type's, or a neutral one when the reason is hidden."""
    return HIDDEN_EMOJI if hidden else leave_type.emoji


# Each type's names as the catalogs word them, by key: in every language, so a type cannot take
# a name that another type has for people reading another language.
Worded = Mapping[str, Collection[str]]


def rename(
    types: tuple[LeaveType, ...], key: str, label: str, *, worded: Worded | None = None
) -> tuple[LeaveType, ...]:
    """The types with one renamed; a closure keeps its name (everyone got it in one message).

    `worded` holds the types' names in every catalog, so a new label cannot repeat one of them.
    """
    target = find(types, key)
    if target.key == Builtin.CLOSURE:
        raise LeaveTypeError(TypeCode.CLOSURE_FIXED)
    label = _checked_label(label, types, worded or {}, besides=key)
    return tuple(replace(t, label=label) if t.key == key else t for t in types)


def add(
    types: tuple[LeaveType, ...],
    label: str,
    emoji: str,
    *,
    hidden: bool = False,
    worded: Worded | None = None,
) -> tuple[LeaveType, ...]:
    """The types with a workspace's own one added under a new stable key ("custom_3")."""
    if len(types) >= MAX_TYPES:
        raise LeaveTypeError(TypeCode.TOO_MANY, limit=MAX_TYPES)
    label = _checked_label(label, types, worded or {}, besides=None)
    if not EMOJI.match(emoji.strip()):
        raise LeaveTypeError(TypeCode.BAD_EMOJI, emoji=emoji)
    numbers = [int(t.key.removeprefix(CUSTOM_PREFIX)) for t in types if not t.builtin]
    key = f"{CUSTOM_PREFIX}{max(numbers, default=0) + 1}"
    return (*types, LeaveType(key, emoji.strip(), hidden=hidden, label=label))


def retire(types: tuple[LeaveType, ...], key: str) -> tuple[LeaveType, ...]:
    """The types with one retired: kept for the absences that have it, no longer offered."""
    target = find(types, key)
    if target.key == Builtin.CLOSURE:
        raise LeaveTypeError(TypeCode.CLOSURE_FIXED)
    if choosable(types) == (target,):
        raise LeaveTypeError(TypeCode.LAST_ACTIVE)
    return tuple(replace(t, retired=True) if t.key == key else t for t in types)


def _checked_label(
    label: str, types: tuple[LeaveType, ...], worded: Worded, *, besides: str | None
) -> str:
    """The label trimmed; refused when it names nothing, is too long, or is another type's."""
    label = " ".join(label.split())
    if len(label) > MAX_LABEL:
        raise LeaveTypeError(TypeCode.LABEL_TOO_LONG, limit=MAX_LABEL)
    if not _names_something(label):
        raise LeaveTypeError(TypeCode.NO_LABEL)
    for other in types:
        names = worded.get(other.key) or {other.label or other.key.replace("_", " ")}
        if other.key != besides and label.casefold() in {n.casefold() for n in names}:
            raise LeaveTypeError(TypeCode.DUPLICATE_LABEL, label=label)
    return label


def _names_something(label: str) -> bool:
    """Whether a label says more than emoji: ":tada:" or "🎉" alone is no name."""
    return any(unicodedata.category(c) not in PICTURES for c in EMOJI_CODE.sub("", label))


def type_of(types: tuple[LeaveType, ...], key: str | None) -> LeaveType | None:
    """An absence's type, retired or not; None before types, or for a key no longer kept."""
    return next((t for t in types if t.key == key), None)


def offered(types: tuple[LeaveType, ...], current: str | None) -> tuple[LeaveType, ...]:
    """What the form offers: the choosable types, and an absence's own even once retired."""
    kept = type_of(types, current)
    choices = choosable(types)
    return choices if kept is None or kept in choices else (*choices, kept)


def hidden_for(
    types: tuple[LeaveType, ...], key: str | None, *, chosen: bool | None, workspace_hides: bool
) -> bool:
    """Whether others read only "out of office" of an absence; one without a type says only that."""
    leave_type = type_of(types, key)
    if leave_type is None:
        return True
    return reason_hidden(leave_type, chosen=chosen, workspace_hides=workspace_hides)


def visible_type(
    types: tuple[LeaveType, ...], key: str | None, *, chosen: bool | None, workspace_hides: bool
) -> LeaveType | None:
    """The type others may read of an absence; None when they read only "out of office"."""
    if hidden_for(types, key, chosen=chosen, workspace_hides=workspace_hides):
        return None
    return type_of(types, key)


@dataclass(frozen=True)
class Privacy:
    """What decides what others read of absences: a workspace's types and its default."""

    types: tuple[LeaveType, ...] = BUILTINS
    hides: bool = False
