"""`/ooo admin …`: what a workspace's admins decide, one subcommand per setting."""

from dataclasses import replace

from bot.listeners import admin_group, closures, workdays
from bot.listeners.admin_types import hide_command, types_command
from bot.listeners.slash import Slash, Subcommand, route
from bot.texts import _


def admin_command(slash: Slash) -> None:
    """Route `/ooo admin <setting> …` to its subcommand, or say which there are."""
    routed = route(ADMIN_SUBCOMMANDS, slash.words)
    if routed is None:
        _usage(slash)
        return
    subcommand, words = routed
    subcommand.answer(replace(slash, words=words))


def _usage(slash: Slash) -> None:
    """The admin subcommands, for someone who typed none or another word."""
    slash.ack(
        text=_(
            "Admin settings: {commands}",
            commands=", ".join(f"`/ooo admin {s.names[0]}`" for s in ADMIN_SUBCOMMANDS),
        ),
        response_type="ephemeral",
    )


# Each setting's subcommand checks who asks itself: some are for admins and owners only,
# closing is also for the admin group. Longest name first wins.
ADMIN_SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(("close",), closures.close_command, takes_words=True),
    Subcommand(("closures",), closures.closures_command),
    Subcommand(("group",), admin_group.group_command, takes_words=True),
    Subcommand(("types",), types_command, takes_words=True),
    Subcommand(("hide",), hide_command, takes_words=True),
    Subcommand(("week",), workdays.admin_week, takes_words=True),
    Subcommand(("region",), workdays.admin_region, takes_words=True),
)
