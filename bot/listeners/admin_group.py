"""`/ooo admin group [@hr | off]`: show, name or clear the user group that may act for others."""

import re

from slack_sdk.errors import SlackApiError

from bot.listeners.slash import Slash
from bot.on_behalf.admin_group import Group, NotAdmin, choose_group, current_group, find_group
from bot.texts import _

# Slack sends a group as `<!subteam^S123|@hr>` or `<!subteam^S123>`; typed, it is `@hr`.
ESCAPED = re.compile(r"^<!subteam\^([A-Z0-9]+)(?:\|@?([^>]*))?>$")
TYPED = re.compile(r"^@?([a-z0-9._-]+)$", re.IGNORECASE)
OFF = frozenset({"off", "none", "remove", "clear"})


def group_command(slash: Slash) -> None:
    """Show the admin group, or name or clear it (admins and owners only)."""
    words = slash.words.strip()
    if not words:
        _show(slash)
        return
    group: Group | None = None
    if words.lower() not in OFF:
        try:
            group = _find(slash, words)
        except (SlackApiError, OSError):
            _say(slash, _("Slack could not say just now. Please try again in a moment."))
            return
        if group is None:
            _say(
                slash,
                _(
                    "I can't find the user group {group}. Name it with @, like "
                    "`/ooo admin group @hr`.",
                    group=f"`{words}`",
                ),
            )
            return
    try:
        choose_group(
            slash.client,
            slash.services.engine,
            workspace=slash.workspace,
            actor_id=slash.user_id,
            group=group,
            now=slash.services.clock(),
        )
    except NotAdmin:
        _say(slash, _("Only workspace admins and owners can choose the admin group."))
        return
    except (SlackApiError, OSError):
        _say(slash, _("Slack could not say just now. Please try again in a moment."))
        return
    if group is None:
        _say(slash, _("Done: there is no admin group now."))
        return
    _say(
        slash,
        _("Done: members of {group} may now set absences for others.", group=group.label),
    )


def _find(slash: Slash, words: str) -> Group | None:
    """The group the words name, as Slack knows it now; None for words naming none."""
    if found := ESCAPED.match(words):
        return find_group(slash.client, group_id=found.group(1), handle=found.group(2))
    if found := TYPED.match(words):
        return find_group(slash.client, group_id=None, handle=found.group(1))
    return None


def _show(slash: Slash) -> None:
    group = current_group(slash.services.engine, slash.workspace)
    if group is None:
        _say(
            slash,
            _(
                "There is no admin group: workspace admins and owners set absences for others. "
                "`/ooo admin group @hr` lets that group's members do it too."
            ),
        )
        return
    _say(
        slash,
        _(
            "Members of {group} may set absences for others, as workspace admins and owners "
            "may. `/ooo admin group off` stops that.",
            group=group.label,
        ),
    )


def _say(slash: Slash, text: str) -> None:
    slash.ack(text=text, response_type="ephemeral")
