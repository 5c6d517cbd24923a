"""What a type of absence is called in the reader's language: the catalog words the built-ins'
keys and "out of office"; a workspace's own types keep the label its admin typed."""

from bot.core.leave_types import HIDDEN_KEY, Builtin, LeaveType
from bot.texts import N_, _

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
