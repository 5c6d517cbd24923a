"""A sentence a person reads that bypasses the catalog fails here, module by module."""

from pathlib import Path

import pytest

from tests.bot.texts.prose import bare_sentences, unmarked_fields

BOT = Path(__file__).resolve().parents[3] / "bot"
# Whole folders and modules nobody but an operator reads, or tables a later change moves.
NOT_FOR_PEOPLE = {
    "cli": "operators' command output, in English",
    "__main__.py": "operators' command output, in English",
    "config.py": "operators' configuration errors, in English",
    "web.py": "HTTP status lines",
    "slack/handshake.py": "start-up configuration errors for the operator",
    "accounts/keys.py": "key rotation errors for the operator",
    "accounts/revocation.py": "its bare literal only fills a log line",
    "core/policy.py": "why a message is answered or not: logged and counted, never shown",
    "replies/back.py": "outcomes the outbox logs for operators",
    "replies/kinds.py": "outcomes the outbox logs for operators",
    "core/dates/lang": "the words the date reader reads, in each language; it writes none",
    "core/calendar_words.py": "words read in calendar titles, in every language, never shown",
    "core/report_periods.py": "period words an export reads, in each language; it writes none",
}
MODULES = sorted(path.relative_to(BOT).as_posix() for path in BOT.rglob("*.py"))


def _exempt(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}/") for name in NOT_FOR_PEOPLE)


@pytest.mark.parametrize("module", [m for m in MODULES if not _exempt(m)])
def test_it_marks_every_sentence_for_the_catalog(module: str) -> None:
    source = (BOT / module).read_text()
    bare = bare_sentences(source) + unmarked_fields(source)
    assert not bare, f"wrap these in _() or N_() from bot.texts: {bare}"


@pytest.mark.parametrize("name", list(NOT_FOR_PEOPLE))
def test_it_exempts_only_what_exists(name: str) -> None:
    assert (BOT / name).exists(), f"{name} is gone: drop it from the exemptions"


@pytest.mark.parametrize(
    "source",
    [
        'ack(text="Your responder is off.")',
        'title = f"Your responder for {mention} is on."',
        'HINT = "Type your dates in your own words."',
        '_("{channel} is archived.", channel=target.mention or "that channel")',
        'raise Refusal("Pick a channel or a user group, not a direct message.")',
    ],
)
def test_it_finds_a_sentence_that_bypasses_the_catalog(source: str) -> None:
    assert bare_sentences(source)


@pytest.mark.parametrize(
    "source",
    [
        'ack(text=_("Your responder is off."))',
        'HINT = N_("Type your dates in your own words.")',
        'said = ngettext("{count} person", "{count} people", size)',
        'def f() -> None:\n    """Say what this does in words."""',
        'logger.warning("could not check where to forward: %s", error)',
        'raise ValueError("now must be timezone-aware")',
        'raise ValueError(f"effect kind {name!r} is registered twice")',
        'assert row is not None, "due means refreshable"',
        'block = {"type": "plain_text", "action_id": "responder_edit"}',
    ],
)
def test_it_leaves_messages_docstrings_logs_and_ids_alone(source: str) -> None:
    assert not bare_sentences(source)


@pytest.mark.parametrize(
    "source",
    [
        '{"type": "button", "text": {"type": "plain_text", "text": "Edit"}}',
        'ack(text="Done")',
        'respond(f"{count} more")',
        'client.chat_postMessage(channel=user, text=f"Bonjour {name}")',
        '_section(f"*Message*\\n{quoted}")',
    ],
)
def test_it_finds_a_word_slack_shows_unmarked(source: str) -> None:
    assert unmarked_fields(source)


@pytest.mark.parametrize(
    "source",
    [
        '{"type": "plain_text", "text": _("Edit")}',
        '_section(f":palm_tree: {text}")',
        '{"type": "mrkdwn", "text": f"*{title}*\\n> {quoted}"}',
        'ack(text=ngettext("{count} more", "{count} more", n))',
        '{"type": "plain_text", "text": ":wave:", "emoji": True}',
        "client.views_publish(user_id=user, view=view)",
    ],
)
def test_it_leaves_emoji_mrkdwn_and_messages_alone(source: str) -> None:
    assert not unmarked_fields(source)
