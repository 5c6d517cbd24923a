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
