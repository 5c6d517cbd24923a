"""Every kind of effect ooo can plan, named once as `area.verb`; start-up checks each has a
delivery."""

from enum import StrEnum


class EffectKind(StrEnum):
    """What an effect does; the value is stored with it."""

    HOME_REFRESH = "home.refresh"
    RESPONDER_SAVED = "responder.saved"
    RESPONDER_DELETED = "responder.deleted"
    RESPONDER_ON = "responder.on"
    RESPONDER_REMIND = "responder.remind"
    RESPONDER_OFF = "responder.off"
    RESPONDER_ANNOUNCE = "responder.announce"
    STATUS_SET = "status.set"
    STATUS_REFRESH = "status.refresh"
    STATUS_RESTORE = "status.restore"
    SNOOZE_START = "snooze.start"
    SNOOZE_RENEW = "snooze.renew"
    SNOOZE_END = "snooze.end"
    REPLY_PRIVATE = "reply.private"
    REPLY_FORWARD = "reply.forward"
    REPLY_BACKUP = "reply.backup"
    REPLY_NUDGE = "reply.nudge"
    REPLY_BACK = "reply.back"
    REPLY_REMIND = "reply.remind"
    REPLY_DIGEST = "reply.digest"
    TEAM_DIGEST_POST = "team_digest.post"
    MESSAGE_POST = "message.post"
    CALENDAR_FAILING = "calendar.failing"
    CLOSURE_APPLY = "closure.apply"
    CLOSURE_TOLD = "closure.told"
    CLOSURE_DONE = "closure.done"


# The kinds' names before they were named `area.verb` (migration 0010 renames stored rows):
# during a rolling upgrade, replicas of the previous release still record these, and the new
# ones deliver them rather than lose them. Drop once no replica of that release runs.
FORMER_NAMES: dict[str, EffectKind] = {
    "home": EffectKind.HOME_REFRESH,
    "lifecycle.on": EffectKind.RESPONDER_ON,
    "lifecycle.remind": EffectKind.RESPONDER_REMIND,
    "lifecycle.off": EffectKind.RESPONDER_OFF,
    "lifecycle.announce": EffectKind.RESPONDER_ANNOUNCE,
    "away.status_set": EffectKind.STATUS_SET,
    "away.status_refresh": EffectKind.STATUS_REFRESH,
    "away.status_restore": EffectKind.STATUS_RESTORE,
    "away.snooze": EffectKind.SNOOZE_START,
    "away.snooze_renew": EffectKind.SNOOZE_RENEW,
    "away.snooze_end": EffectKind.SNOOZE_END,
    "reply": EffectKind.REPLY_PRIVATE,
    "reply_forward": EffectKind.REPLY_FORWARD,
    "reply_backup": EffectKind.REPLY_BACKUP,
    "reply_nudge": EffectKind.REPLY_NUDGE,
    "reply_back": EffectKind.REPLY_BACK,
    "reply_remind": EffectKind.REPLY_REMIND,
    "reply_digest": EffectKind.REPLY_DIGEST,
    "team_digest": EffectKind.TEAM_DIGEST_POST,
    "message": EffectKind.MESSAGE_POST,
}
