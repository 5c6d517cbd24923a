"""What a type of absence is called in the reader's language: the catalog words the built-ins'
keys and "out of office"; a workspace's own types keep the label its admin typed."""

from bot.core.leave_types import HIDDEN_KEY, Builtin, LeaveType, LeaveTypeError, TypeCode
from bot.texts import N_, _, speaking
from bot.texts.catalog import CATALOGS

LABELS = {
    Builtin.VACATION: N_("Vacation"),
    Builtin.SICK: N_("Sick leave"),
    Builtin.PARENTAL: N_("Parental leave"),
    Builtin.BUSINESS_TRIP: N_("Business trip or conference"),
    Builtin.TRAINING: N_("Training"),
    Builtin.OTHER: N_("Other"),
    Builtin.CLOSURE: N_("Office closed"),
    HIDDEN_KEY: N_("Out of office"),
}


def type_label(leave_type: LeaveType) -> str:
    """The type's name as the reader reads it: the admin's label, else the catalog's word."""
    if leave_type.label:
        return leave_type.label
    return _(LABELS.get(leave_type.key, LABELS[HIDDEN_KEY]))


def shown_label(leave_type: LeaveType | None, *, hidden: bool) -> str:
    """What others read of an absence's type: its name, or "Out of office" when hidden or none."""
    if leave_type is None or hidden:
        return _(LABELS[HIDDEN_KEY])
    return type_label(leave_type)


def worded(types: tuple[LeaveType, ...]) -> dict[str, set[str]]:
    """Each type's names in every language, by key: what a new name may not repeat."""
    return {t.key: _names(t) for t in types}


def named_by(types: tuple[LeaveType, ...], name: str) -> LeaveType | None:
    """The type a name means: its key, or its label as any catalog words it."""
    wanted = " ".join(name.split()).casefold()
    for leave_type in types:
        if wanted in (leave_type.key.casefold(), *(n.casefold() for n in _names(leave_type))):
            return leave_type
    return None


def _names(leave_type: LeaveType) -> set[str]:
    """A type's label in English and in every catalog."""
    names = set()
    for locale in (None, *CATALOGS):
        with speaking(locale):
            names.add(type_label(leave_type))
    return names


REFUSALS = {
    TypeCode.DUPLICATE_LABEL: N_("Another type is already called “{label}”."),
    TypeCode.UNKNOWN_TYPE: N_("There is no type “{key}”. `/ooo admin types` lists them."),
    TypeCode.LAST_ACTIVE: N_("That is the last type people can choose: add another one first."),
    TypeCode.CLOSURE_FIXED: N_("Office closures keep their name and stay available."),
    TypeCode.NO_LABEL: N_("Give the type a name."),
    TypeCode.LABEL_TOO_LONG: N_("A type's name has at most {limit} characters."),
    TypeCode.BAD_EMOJI: N_("“{emoji}” is not an emoji code: write one like :palm_tree:."),
    TypeCode.TOO_MANY: N_("A workspace has at most {limit} types of absence."),
}


def type_refusal(error: LeaveTypeError) -> str:
    """Why a change to the types was refused, in the reader's language."""
    return _(REFUSALS[error.code], **error.params)
