"""A delivery speaks to its reader: one person in their language, a channel's post in the
language of whoever set it up, or the workspace's default when ooo does not speak theirs."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from slack_sdk import WebClient

from bot.core.workspace import Workspace
from bot.outbox.delivery import Delivery, OutboxServices
from bot.texts import reader_locale

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
LOCALES = {"UALICE": "de-DE", "UBOB": "ru-RU", "UCAROL": "fr-CA"}


@dataclass(frozen=True)
class Known:
    """A person as the directory knows them."""

    locale: str


class Directory:
    """A directory that knows three people's languages."""

    def person(self, client: WebClient, *, team_id: str, user_id: str) -> Known:
        """What Slack says of one of them."""
        return Known(LOCALES[user_id])


def delivery(directory: Directory, default_locale: str = "ja-JP") -> Delivery:
    """An effect to deliver, in a workspace whose posts default to `default_locale`."""
    services = OutboxServices(
        homes=cast(Any, None),
        accounts=cast(Any, None),
        directory=cast(Any, directory),
        default_locale=default_locale,
    )
    return Delivery(
        id=1,
        key="k",
        kind="responder.announce",
        payload={},
        workspace=Workspace("T0001"),
        owner_id="UALICE",
        responder_id=1,
        attempts=1,
        created_at=NOW,
        now=NOW,
        maybe_sent=False,
        first_attempt_at=None,
        engine=cast(Any, None),
        services=services,
    )


@pytest.mark.parametrize(
    ("reader", "locale"), [("UALICE", "de-DE"), ("UBOB", "ru-RU"), (None, "ja-JP")]
)
def test_it_speaks_to_one_reader_in_their_language(reader: str | None, locale: str) -> None:
    with delivery(Directory()).speaking_to(WebClient(), reader):
        assert reader_locale() == locale
    assert reader_locale() is None


@pytest.mark.parametrize(
    ("setter", "locale"),
    [("UALICE", "de-DE"), ("UCAROL", "fr-CA"), ("UBOB", "ja-JP"), (None, "ja-JP")],
)
def test_it_speaks_a_post_many_read_in_its_setters_language_else_the_default(
    setter: str | None, locale: str
) -> None:
    with delivery(Directory()).speaking_to_many(WebClient(), setter):
        assert reader_locale() == locale
