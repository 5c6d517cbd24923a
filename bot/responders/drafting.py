"""Between the modal and the core: prefill a form, apply typed dates, and read a checked draft."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.blocks.account import AccountView
from bot.blocks.mrkdwn import escape
from bot.blocks.replies import filled_size
from bot.blocks.responder_form import Form, Meta
from bot.blocks.responder_modal import Block, build_modal
from bot.core.dates import DateError, DateRange, parse_range
from bot.core.leave_types import Builtin, choosable, hidden_for, offered
from bot.core.problems import Code, Problem
from bot.core.responder import (
    YEARS_AHEAD,
    Booked,
    Draft,
    Field,
    Invalid,
    Kind,
    check_draft,
    too_far,
    window_from_pickers,
)
from bot.core.responder_value import Responder
from bot.core.type_words import type_named
from bot.core.working_days import DEFAULT_SCHEDULE, Schedule, format_week
from bot.organisation.settings import Settings
from bot.texts import N_, _, speaking
from bot.texts.date_refusals import ask_end, refusal
from bot.texts.previews import describe_range
from bot.texts.problems import word
from bot.texts.suggestions import suggested_message

ENDED = N_(":information_source: This responder has ended. Choose new dates to turn it on again.")
END_BEFORE_START = N_("The last day is before the first day: pick a later last day.")


def blank_form(
    *,
    tz: str,
    locale: str,
    now: datetime,
    settings: Settings,
    guessed: bool = False,
    named: str | None = None,
    schedule: Schedule = DEFAULT_SCHEDULE,
) -> tuple[Form, Meta]:
    """A new responder starting today, with no end yet, of the type `named` (else a vacation)
    when the workspace offers it, its reason hidden as the defaults say; `schedule` says the
    owner's return."""
    keys = [t.key for t in choosable(settings.leave_types)]
    wanted = [key for key in (named, Builtin.VACATION) if key in keys]
    leave_type = next(iter(wanted or keys), None)
    hidden = _hidden_default(leave_type, settings)
    with speaking(locale):
        message = suggested_message(None, leave_type, hidden=hidden)
    form = Form(
        start_date=now.astimezone(ZoneInfo(tz)).date(),
        message=message,
        leave_type=leave_type,
        hide_reason=hidden,
    )
    meta = Meta(tz=tz, locale=locale, suggested=message, tz_guessed=guessed)
    return form, with_schedule(meta, schedule)


def with_schedule(meta: Meta, schedule: Schedule) -> Meta:
    """The form remembering the owner's working days, for the return day it names."""
    region = "" if schedule.region is None else str(schedule.region)
    return replace(meta, week=format_week(schedule.week), region=region)


def form_from_text(
    text: str,
    *,
    tz: str,
    locale: str,
    now: datetime,
    settings: Settings,
    guessed: bool = False,
    schedule: Schedule = DEFAULT_SCHEDULE,
) -> tuple[Form, Meta]:
    """A new responder prefilled from `/ooo <text>` (its dates, and its type when the words say
    it: "sick tomorrow"), or showing why those dates can't be read."""
    named = type_named(text)
    form, meta = blank_form(
        tz=tz,
        locale=locale,
        now=now,
        settings=settings,
        guessed=guessed,
        named=named,
        schedule=schedule,
    )
    return apply_when(replace(form, when=text), meta, now=now)


def modal_of(form: Form, meta: Meta, settings: Settings) -> Block:
    """The modal for a form, offering the workspace's types (and the absence's own, retired)."""
    return build_modal(form, meta, offered(settings.leave_types, meta.kept_type or None))


def _hidden_default(leave_type: str | None, settings: Settings) -> bool:
    """Whether a type's reason is hidden before its owner says: sick leave's is, say."""
    return hidden_for(
        settings.leave_types, leave_type, chosen=None, workspace_hides=settings.hide_reasons
    )


def apply_type(
    form: Form, meta: Meta, *, now: datetime, settings: Settings, chose_type: bool
) -> tuple[Form, Meta]:
    """A type chosen brings its privacy default; either choice re-suggests the message, unless
    the person wrote their own."""
    if chose_type:
        form = replace(form, hide_reason=_hidden_default(form.leave_type, settings))
    try:
        window: DateRange | None = _picked(form, meta, now=now)
    except Invalid:
        window = None
    return _suggest_message(form, meta, window)


def form_from_responder(
    responder: Responder,
    *,
    tz: str,
    locale: str,
    now: datetime,
    settings: Settings,
    guessed: bool = False,
    schedule: Schedule = DEFAULT_SCHEDULE,
) -> tuple[Form, Meta]:
    """An existing responder, ready to edit in the person's zone `tz` once Slack knows it.

    A responder saved while Slack could not say the zone was read in UTC; editing it later,
    with the zone known, shows and reads its dates in the person's real zone. An ended one
    asks for new dates.
    """
    zone = responder.tz if guessed else tz
    forward = responder.forward_to
    person = forward if forward and forward[:1] in ("U", "W") else None
    form = Form(
        kind=Kind(responder.kind),
        target_id=responder.target_id,
        target_label=responder.target_label,
        message=responder.message,
        keep_digest=responder.keep_digest,
        forward_person=person,
        forward_channel=None if person else responder.forward_to,
        external_message=responder.external_message or "",
        backup_id=responder.backup_id,
        again=responder.again,
        notify_self=responder.notify_self,
        set_status=responder.set_status,
        pause_notifications=responder.pause_notifications,
        reply_as_me=responder.reply_as_me,
        announce_in=responder.announce_in,
        leave_type=responder.leave_type,
        hide_reason=hidden_for(
            settings.leave_types,
            responder.leave_type,
            chosen=responder.hide_reason,
            workspace_hides=settings.hide_reasons,
        ),
    )
    window = responder.window(zone)
    meta = Meta(
        tz=zone,
        locale=locale,
        responder_id=responder.id,
        tz_guessed=guessed,
        kept_type=responder.leave_type or "",
    )
    meta = with_schedule(meta, schedule)
    if window.end is not None and window.end <= now:
        today = now.astimezone(ZoneInfo(zone)).date()
        return replace(form, start_date=today), replace(meta, preview=_(ENDED))
    form = replace(form, **_pickers(window, now=None))
    return form, replace(meta, preview=describe_range(window, zone, locale))


def with_account(form: Form, meta: Meta, account: AccountView, *, new: bool) -> tuple[Form, Meta]:
    """Show the person's account in the form; a new responder sets their status if it can."""
    meta = replace(meta, connected=account.connected, connect_url=account.connect_url or "")
    return (replace(form, set_status=account.connected) if new else form), meta


def apply_when(form: Form, meta: Meta, *, now: datetime) -> tuple[Form, Meta]:
    """Read the typed dates into the pickers and preview, or show why they can't be read."""
    if not form.when:
        return form, replace(meta, applied="", preview="")
    try:
        window = _typed(form.when, meta, now=now)
    except DateError as error:
        if error.start is not None:
            return _started(form, replace(meta, applied=form.when), error, error.start, now)
        with speaking(meta.locale):
            return form, replace(meta, preview=_warning(refusal(error)))
    except Invalid as far:
        return form, replace(meta, preview=_warning(word(far.errors[Field.WHEN])))
    return _with_window(form, replace(meta, applied=form.when), window, now)


def _started(
    form: Form, meta: Meta, error: DateError, start: datetime, now: datetime
) -> tuple[Form, Meta]:
    """A start typed without an end ("from Monday"): prefill it, and ask for the end."""
    pickers = _pickers(DateRange(start, None), now=now) | {"permanent": False}
    with speaking(meta.locale):
        ask = ask_end(error)
    return replace(form, **pickers), replace(meta, preview=_warning(ask))


def apply_pickers(form: Form, meta: Meta, *, now: datetime) -> tuple[Form, Meta]:
    """Preview picked dates; words that were applied no longer describe them and are cleared."""
    if form.when and form.when != meta.applied:
        # Words typed without Enter still win when the form is saved: say so, keep them.
        words = escape(form.when)
        hint = _(
            "Press Enter to use “{words}”, or clear it to use the dates picked below.", words=words
        )
        return form, replace(meta, preview=hint)
    form, meta = replace(form, when=""), replace(meta, applied="", preview="")
    try:
        window = _picked(form, meta, now=now)
    except Invalid as invalid:
        # A day missing is for the submit to say; one too far ahead is said at once.
        far = [p for p in invalid.errors.values() if p.code is Code.TOO_FAR]
        return form, replace(meta, preview=_warning(word(far[0]))) if far else meta
    return _previewed(form, meta, window)


def _typed(words: str, meta: Meta, *, now: datetime) -> DateRange:
    """The window typed words give; Invalid (on When) for a day too far ahead to compute with."""
    try:
        window = parse_range(words, now=now, tz=meta.tz, locale=meta.locale)
    except OverflowError:  # the reader steps past year 9999
        raise Invalid({Field.WHEN: Problem(Code.TOO_FAR, years=YEARS_AHEAD)}) from None
    if too_far(now, start=window.start.date(), end=window.end and window.end.date()):
        raise Invalid({Field.WHEN: Problem(Code.TOO_FAR, years=YEARS_AHEAD)})
    return window


def _warning(text: str) -> str:
    """A preview line saying why the dates can't be used; it may quote what was typed."""
    return f":warning: {escape(text)}"


def _picked(form: Form, meta: Meta, *, now: datetime) -> DateRange:
    """The window the date and time pickers show, or Invalid naming what is missing."""
    return window_from_pickers(
        start_day=form.start_date,
        start_time=form.start_time,
        end_day=form.end_date,
        end_time=form.end_time,
        permanent=form.permanent,
        tz=meta.tz,
        now=now,
    )


def _with_window(form: Form, meta: Meta, window: DateRange, now: datetime) -> tuple[Form, Meta]:
    """Fill the pickers and preview from a window, and the message if it is still ours."""
    return _previewed(replace(form, **_pickers(window, now=now)), meta, window)


def _previewed(form: Form, meta: Meta, window: DateRange) -> tuple[Form, Meta]:
    """Preview a window, or flag an end before its start, which no message may name."""
    if window.end is not None and window.end <= window.start:
        return form, replace(meta, preview=_warning(_(END_BEFORE_START)))
    preview = describe_range(window, meta.tz, meta.locale, meta.schedule)
    return _suggest_message(form, replace(meta, preview=preview), window)


def _suggest_message(form: Form, meta: Meta, window: DateRange | None) -> tuple[Form, Meta]:
    """Name the type and the return day in the message, unless the person wrote their own."""
    if form.message.strip() in ("", meta.suggested.strip()):
        with speaking(meta.locale):
            suggested = _suggested(form, window, meta)
        form, meta = replace(form, message=suggested), replace(meta, suggested=suggested)
    return form, meta


def _suggested(form: Form, window: DateRange | None, meta: Meta) -> str:
    """The message a form's type and dates suggest, back on the owner's next working day; a
    group's or channel's has no type."""
    personal = form.kind is Kind.PERSONAL
    leave_type = form.leave_type if personal else None
    hidden = bool(form.hide_reason) or not personal
    return suggested_message(window, leave_type, hidden=hidden, tz=meta.tz, schedule=meta.schedule)


def _pickers(window: DateRange, *, now: datetime | None) -> dict[str, Any]:
    """Picker values for a window: an end at midnight shows as the day before, inclusive.

    A start of "now" leaves the time empty, which the pickers read back as now; a saved
    responder (no `now`) shows the time it was given.
    """
    starts_now = now is not None and window.start <= now
    start_time = None if starts_now or window.start.time() == time(0) else window.start.time()
    fields: dict[str, Any] = {
        "start_date": window.start.date(),
        "start_time": start_time,
        "permanent": window.end is None,
        "end_date": None,
        "end_time": None,
    }
    if window.end is not None:
        midnight = window.end.time() == time(0)
        fields["end_date"] = (
            window.end.date() - timedelta(days=1) if midnight else window.end.date()
        )
        fields["end_time"] = None if midnight else window.end.time()
    return fields


def read_draft(
    form: Form, meta: Meta, *, now: datetime, booked: list[Booked], settings: Settings
) -> Draft:
    """Turn a submitted form into a checked draft, or raise Invalid pointing at the fields."""
    keys = [t.key for t in offered(settings.leave_types, meta.kept_type or None)]
    if form.kind is Kind.PERSONAL and form.leave_type not in (None, *keys):
        # Retired while the form was open: choosing it now would start a new absence with it.
        raise Invalid({Field.LEAVE_TYPE: Problem(Code.TYPE_NOT_OFFERED)})
    typed = bool(form.when) and form.when != meta.applied
    if typed:
        try:
            window = _typed(form.when, meta, now=now)
        except DateError as error:
            with speaking(meta.locale):
                reason = refusal(error)
            raise Invalid({Field.WHEN: Problem(Code.UNREADABLE_DATES, reason=reason)}) from None
    else:
        window = _picked(form, meta, now=now)
    personal = form.kind is Kind.PERSONAL
    message = form.message.strip()
    if not message and personal:
        with speaking(meta.locale):
            message = _suggested(form, window, meta)
    draft = Draft(
        kind=form.kind,
        target_id=form.target_id if form.kind is Kind.SHARED else None,
        window=window,
        message=message,
        external_message=form.external_message or None,
        keep_digest=form.keep_digest,
        forward_to=form.forward_to,
        backup_id=form.backup_id,
        again=form.again,
        target_kind=form.target_kind,
        notify_self=form.notify_self,
        # Acting as the owner is for their own absence only.
        set_status=form.set_status and personal,
        pause_notifications=form.pause_notifications and personal,
        reply_as_me=form.reply_as_me and personal,
        announce_in=form.announce_in,
        leave_type=form.leave_type if personal else None,
        hide_reason=form.hide_reason if personal else None,
    )
    try:
        editing = meta.responder_id is not None
        check_draft(draft, now=now, booked=booked, editing=editing, shown_size=filled_size)
    except Invalid as invalid:
        if not typed:
            raise
        dates = {Field.START, Field.END}
        moved = {Field.WHEN if f in dates else f: text for f, text in invalid.errors.items()}
        raise Invalid(moved) from None
    return draft
