"""What ooo does as an owner while they are away: the emoji and length of the status it sets
(the catalog words it), and when their snooze is renewed."""

from datetime import datetime, timedelta

EMOJI = ":palm_tree:"
STATUS_MAX = 100
# Slack's reference gives no maximum for dnd.setSnooze; a day is one its own menus offer, so a
# longer absence is snoozed a day at a time, renewed a little before each day runs out.
SNOOZE_MAX = timedelta(days=1)
RENEW_AHEAD = timedelta(minutes=5)
RENEW_EVERY = SNOOZE_MAX - RENEW_AHEAD


def snooze_until(ends_at: datetime | None, now: datetime) -> datetime:
    """How long a snooze set now lasts: to the end, or a day when the end is further off."""
    return now + SNOOZE_MAX if ends_at is None else min(ends_at, now + SNOOZE_MAX)


def renewal_at(starts_at: datetime, ends_at: datetime | None, now: datetime) -> datetime | None:
    """When the snooze set now is renewed, or None when it lasts to the end.

    Renewals fall every RENEW_EVERY counting from the start, whoever plans them: a renewal
    planned after an edit and one planned before it name the same moment, so the owner has one
    chain, and each snooze (a day long) outlasts the next renewal by RENEW_AHEAD.
    """
    if ends_at is not None and ends_at <= now + SNOOZE_MAX:
        return None
    return starts_at + ((now - starts_at) // RENEW_EVERY + 1) * RENEW_EVERY


def renewed_late(starts_at: datetime, now: datetime) -> bool:
    """Whether a renewal runs after the snooze it renews ran out (ooo was down meanwhile).

    Then a snooze found ended is no sign that the owner ended it: it lapsed.
    """
    due = starts_at + ((now - starts_at) // RENEW_EVERY) * RENEW_EVERY
    return now - due >= RENEW_AHEAD
