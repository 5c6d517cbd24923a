"""The catalog's wording of every refusal the core gives as a code."""

from bot.core.problems import Code, Problem
from bot.texts.catalog import N_, _

WORDINGS: dict[Code, str] = {
    Code.NO_START: N_("Pick the first day you're away."),
    Code.NO_END: N_("Pick the last day you're away, or choose “Until I turn it off”."),
    Code.END_BEFORE_START: N_("The end must be after the start."),
    Code.END_IN_PAST: N_("That end is already in the past."),
    Code.TOO_FAR: N_("That is too far ahead: pick a day within the next {years} years."),
    Code.NO_MESSAGE: N_("Write the message people will get while you're away."),
    Code.TYPE_NOT_OFFERED: N_("This type of absence is no longer offered: choose another one."),
    Code.MESSAGE_TOO_LONG: N_("Keep the message under {limit:,} characters."),
    Code.EXTERNAL_TOO_LONG: N_("Keep this message under {limit:,} characters."),
    Code.MESSAGE_WONT_FIT: N_(
        "With its variables filled in and &, < and > written out for Slack, this message can "
        "take {size:,} characters, and Slack shows {limit:,}: shorten it."
    ),
    Code.NO_TARGET: N_("Choose the user group or channel this responder answers for."),
    Code.TARGET_UNKNOWN: N_(
        "Slack doesn't know that user group or public channel. Choose one from the list."
    ),
    Code.TARGET_UNCHECKED: N_("Slack could not say who is in it right now. Please try again."),
    Code.TARGET_NOT_MEMBER: N_(
        "Only members of {name} can set a responder for it. Join it first, or choose another."
    ),
    Code.TARGET_TAKEN: N_(
        "{name} already has a responder {label}, set by {owner}: one answers for it at a time. "
        "Ask them, or end theirs from `/ooo list`."
    ),
    Code.NO_FORWARD: N_(
        "A group or channel responder needs a person or channel to forward messages to."
    ),
    Code.OVERLAPS: N_("These dates overlap your responder {label}. Edit or delete that one first."),
    Code.TOO_MANY_CHANNELS: N_("Choose at most {limit} channels."),
    # {backup} is the variable a person types in their message, not a placeholder here.
    Code.NO_BACKUP: N_("Choose who to contact instead, or take {backup} out of the message."),
    Code.ALREADY_ENDED: N_("This responder has already ended."),
    Code.EXTENSION_OVERLAPS: N_("One more day would overlap your responder {label}."),
    Code.UNREADABLE_DATES: N_("{reason}"),
    Code.FORWARD_BOTH: N_("Choose a person or a channel, not both."),
    Code.FORWARD_UNKNOWN: N_("Slack doesn't know that person or channel. Choose another one."),
    Code.FORWARD_UNCHECKED: N_("Slack could not check this right now. Please try again."),
    Code.FORWARD_DIRECT: N_(
        "ooo can't post in someone else's direct messages. Choose the person instead."
    ),
    Code.FORWARD_GROUP_DM: N_("ooo can't post in a group DM. Choose one person, or a channel."),
    Code.FORWARD_ELSEWHERE: N_("That is not a person or a channel ooo knows."),
    Code.FORWARD_BOT: N_("That is a bot. Choose a person, or a channel."),
    Code.FORWARD_DEACTIVATED: N_("That account is deactivated. Choose someone else."),
    Code.FORWARD_EXTERNAL: N_(
        "That channel is shared with another organization. Choose an internal one."
    ),
    Code.FORWARD_NOT_MEMBER: N_(
        "ooo is not in #{name}. Type /invite @ooo there first, or choose another one."
    ),
    Code.FORWARD_PRIVATE: N_(
        "ooo copies messages only into public channels. Choose a public one, or a person."
    ),
    Code.NOT_A_PERSON: N_("That is not a person. Choose someone from the list."),
    Code.ANNOUNCE_ELSEWHERE: N_("ooo can announce only in channels. Choose another one."),
    Code.ANNOUNCE_NOT_MEMBER: N_(
        "You are not in #{name}. Choose a public channel, or a private one you are in."
    ),
    Code.TEAM_WINDOW_DAYS: N_("A team view covers 1 to {limit} days: try “14d” or “next month”."),
    Code.NOT_A_SHARE: N_("“{text}” is not a share of the team: try “40%”."),
    Code.NOT_A_TIME: N_("“{text}” is not a time of day: try “09:00”."),
}


def word(problem: Problem) -> str:
    """Say a refusal to the reader being spoken to."""
    return _(WORDINGS[problem.code], **problem.params)
