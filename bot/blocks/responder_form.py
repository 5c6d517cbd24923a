"""The responder modal's state: its ids, what it shows and remembers, and the reader of both."""

import json
from dataclasses import asdict, dataclass, replace
from datetime import date, time
from typing import Any

from bot.core.holiday_regions import RegionError, parse_region
from bot.core.problems import Problem
from bot.core.responder import Again, Field, Kind, Options, Target
from bot.core.working_days import DEFAULT_WEEK, Schedule, WeekError, format_week, parse_week
from bot.texts.problems import word

CALLBACK_ID = "responder_modal"
KIND, TARGET, WHEN = "kind", "target", "when"
START_DATE, START_TIME, END_DATE, END_TIME, PERMANENT = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "permanent",
)
PICKERS = (START_DATE, START_TIME, END_DATE, END_TIME, PERMANENT)
MESSAGE, HANDLING, FORWARD, EXTERNAL = "message", "handling", "forward_to", "external_message"
FORWARD_CHANNEL, DIGEST = "forward_channel", "digest"
BACKUP, AGAIN = "backup", "reply_again"
ANNOUNCE, NOTIFY, NOTIFY_SELF = "announce_in", "notify", "notify_self"
SET_STATUS, PAUSE = "set_status", "pause_notifications"
REPLY_AS_ME = "reply_as_me"
LEAVE_TYPE, HIDE = "leave_type", "hide_reason"
# Slack refuses a view whose private_metadata is longer.
METADATA_MAX = 3000
DEFAULT_WEEK_STORED = format_week(DEFAULT_WEEK)
BLOCK_OF_FIELD = {
    Field.TARGET: TARGET,
    Field.WHEN: WHEN,
    Field.START: START_DATE,
    Field.END: END_DATE,
    Field.MESSAGE: MESSAGE,
    Field.FORWARD: FORWARD,
    Field.EXTERNAL: EXTERNAL,
    Field.BACKUP: BACKUP,
    Field.ANNOUNCE: ANNOUNCE,
    Field.LEAVE_TYPE: LEAVE_TYPE,
}


@dataclass(frozen=True, kw_only=True)
class Form(Options):
    """What the modal currently shows: the values a person sees and edits."""

    kind: Kind = Kind.PERSONAL
    target_id: str | None = None
    target_label: str | None = None
    when: str = ""
    start_date: date | None = None
    start_time: time | None = None
    end_date: date | None = None
    end_time: time | None = None
    permanent: bool = False
    forward_person: str | None = None
    forward_channel: str | None = None
    external_message: str = ""

    @property
    def target_kind(self) -> Target | None:
        """Whether the target is a user group or a channel: options name them @group, #channel."""
        if self.kind is not Kind.SHARED or not self.target_id:
            return None
        return target_kind_of(self.target_label or "")

    @property
    def forward_to(self) -> str | None:
        """Where copies go: the person or the channel chosen (the submit check refuses both)."""
        return self.forward_person or self.forward_channel


def target_kind_of(label: str) -> Target:
    """The kind of a handle from the label ooo gave its option (`#` marks channels)."""
    return Target.CHANNEL if label.startswith("#") else Target.USERGROUP


@dataclass(frozen=True)
class Meta:
    """What the modal remembers between updates, in `private_metadata`."""

    tz: str
    locale: str
    responder_id: int | None = None
    version: int = 0
    applied: str = ""
    suggested: str = ""
    preview: str = ""
    origin: str | None = None
    # Slack could not say the person's zone, so `tz` is UTC: the modal says so.
    tz_guessed: bool = False
    # The person's connected account: connected, or the link that connects it (neither:
    # connecting is not set up).
    connected: bool = False
    connect_url: str = ""
    # Whom it is for when someone acts for them (bot/on_behalf/), and whether the person
    # filling it in may choose someone else.
    for_user: str | None = None
    may_act: bool = False
    # Why the last person chosen there could not be chosen, in words.
    behalf_note: str = ""
    # The type the absence had when the form opened: still offered to it once retired.
    kept_type: str = ""
    # The owner's working week and holiday region as stored ("" region: none), for the
    # return day the preview and the suggested message name.
    week: str = DEFAULT_WEEK_STORED
    region: str = ""

    @property
    def schedule(self) -> Schedule:
        """The owner's working days, read back; a stale value reads as the default week."""
        try:
            region = parse_region(self.region) if self.region else None
            return Schedule(parse_week(self.week), region)
        except (WeekError, RegionError):
            return Schedule()

    def dump(self) -> str:
        """Serialise for `private_metadata`, dropping what can be lost to fit Slack's limit.

        The preview is already drawn, a lost suggestion only stops the message following new
        dates, and lost applied words read as words to apply; the rest identifies the form.
        """
        kept = asdict(self)
        for expendable in (None, "preview", "suggested", "applied"):
            if expendable:
                kept[expendable] = ""
            raw = json.dumps(kept, separators=(",", ":"), ensure_ascii=False)
            if len(raw) <= METADATA_MAX:
                break
        return raw

    @classmethod
    def load(cls, raw: str) -> "Meta":
        """Read back what `dump` wrote."""
        return cls(**json.loads(raw))


def read_form(values: dict[str, dict[str, Any]]) -> Form:
    """Read a form back from a view's `state.values`."""
    state = {block_id.split(".")[0]: element for block_id, element in values.items()}

    def element(name: str) -> dict[str, Any]:
        return dict(state.get(name, {}).get(name) or {})

    def text(name: str) -> str:
        return str(element(name).get("value") or "")

    def chosen(name: str) -> set[str]:
        return {option["value"] for option in element(name).get("selected_options") or []}

    kind = (element(KIND).get("selected_option") or {}).get("value", Kind.PERSONAL.value)
    target = element(TARGET).get("selected_option") or {}
    return Form(
        kind=Kind(kind),
        target_id=target.get("value"),
        target_label=(target.get("text") or {}).get("text"),
        when=text(WHEN).strip(),
        start_date=_day(element(START_DATE).get("selected_date")),
        start_time=_clock(element(START_TIME).get("selected_time")),
        end_date=_day(element(END_DATE).get("selected_date")),
        end_time=_clock(element(END_TIME).get("selected_time")),
        permanent=PERMANENT in chosen(PERMANENT),
        message=text(MESSAGE),
        keep_digest=DIGEST in chosen(HANDLING),
        forward_person=element(FORWARD).get("selected_user"),
        forward_channel=element(FORWARD_CHANNEL).get("selected_conversation"),
        external_message=text(EXTERNAL).strip(),
        backup_id=element(BACKUP).get("selected_user"),
        again=Again((element(AGAIN).get("selected_option") or {}).get("value", Again.DAY.value)),
        announce_in=tuple(element(ANNOUNCE).get("selected_conversations") or ()),
        notify_self=NOTIFY_SELF in chosen(NOTIFY),
        set_status=SET_STATUS in chosen(NOTIFY),
        pause_notifications=PAUSE in chosen(NOTIFY),
        reply_as_me=REPLY_AS_ME in chosen(HANDLING),
        leave_type=(element(LEAVE_TYPE).get("selected_option") or {}).get("value"),
        hide_reason=HIDE in chosen(HIDE),
    )


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def _clock(raw: str | None) -> time | None:
    return time.fromisoformat(raw) if raw else None


def field_errors(errors: dict[Field, Problem], meta: Meta, form: Form) -> dict[str, str]:
    """Map domain errors to this modal's current block ids; a channel's error goes beside it."""
    blocks = dict(BLOCK_OF_FIELD)
    if form.forward_channel and not form.forward_person:
        blocks[Field.FORWARD] = FORWARD_CHANNEL
    return {f"{blocks[name]}.{meta.version}": word(problem) for name, problem in errors.items()}


def redrawn(before: Form, after: Form, meta: Meta) -> Meta:
    """Give inputs new block ids only when the app changed a value, so Slack shows it.

    Slack keeps what a person entered in a block whose id stays the same; a new id makes it
    show the initial value instead, and would also drop anything typed meanwhile.
    """
    return replace(meta, version=meta.version + 1) if after != before else meta
