"""Why something a person asked for is refused: a code and its parameters, worded by the catalog."""

from enum import StrEnum


class Code(StrEnum):
    """Every refusal the core and its capabilities can give a person, one wording each."""

    NO_START = "no_start"
    NO_END = "no_end"
    END_BEFORE_START = "end_before_start"
    END_IN_PAST = "end_in_past"
    TOO_FAR = "too_far"
    NO_MESSAGE = "no_message"
    MESSAGE_TOO_LONG = "message_too_long"
    MESSAGE_WONT_FIT = "message_wont_fit"
    EXTERNAL_TOO_LONG = "external_too_long"
    NO_TARGET = "no_target"
    TARGET_UNKNOWN = "target_unknown"
    TARGET_UNCHECKED = "target_unchecked"
    TARGET_NOT_MEMBER = "target_not_member"
    TARGET_TAKEN = "target_taken"
    NO_FORWARD = "no_forward"
    OVERLAPS = "overlaps"
    TOO_MANY_CHANNELS = "too_many_channels"
    NO_BACKUP = "no_backup"
    ALREADY_ENDED = "already_ended"
    EXTENSION_OVERLAPS = "extension_overlaps"
    # The date reader words its refusals in its own per-language tables; this carries them.
    UNREADABLE_DATES = "unreadable_dates"
    FORWARD_BOTH = "forward_both"
    FORWARD_UNKNOWN = "forward_unknown"
    FORWARD_UNCHECKED = "forward_unchecked"
    FORWARD_DIRECT = "forward_direct"
    FORWARD_GROUP_DM = "forward_group_dm"
    FORWARD_ELSEWHERE = "forward_elsewhere"
    FORWARD_BOT = "forward_bot"
    FORWARD_DEACTIVATED = "forward_deactivated"
    FORWARD_EXTERNAL = "forward_external"
    FORWARD_NOT_MEMBER = "forward_not_member"
    FORWARD_PRIVATE = "forward_private"
    NOT_A_PERSON = "not_a_person"
    ANNOUNCE_ELSEWHERE = "announce_elsewhere"
    ANNOUNCE_NOT_MEMBER = "announce_not_member"
    TEAM_WINDOW_DAYS = "team_window_days"
    NOT_A_SHARE = "not_a_share"
    TYPE_NOT_OFFERED = "type_not_offered"
    NOT_A_TIME = "not_a_time"


class Refused(ValueError):
    """Something a person typed that cannot be read, with the problem the catalog words."""

    def __init__(self, problem: "Problem") -> None:
        super().__init__(repr(problem))
        self.problem = problem


class Problem:
    """One refusal: its code and the values its wording names, like the overlapped responder."""

    def __init__(self, code: Code, /, **params: str | int) -> None:
        self.code = code
        self.params = params

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Problem({self.code.name}{params})"
