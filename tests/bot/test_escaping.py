"""What a person typed shows as typed wherever ooo writes mrkdwn, and never pings anyone."""

from typing import Any

import pytest

from tests.bot.flows import open_form, save, texts, type_dates
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

TYPED = "Tom & Jerry <!here> <!channel> -> ask <@UBOB>"
SHOWN = "Tom &amp; Jerry &lt;!here&gt; &lt;!channel&gt; -&gt; ask &lt;@UBOB&gt;"


def _dm(slack: SlackDriver, fake: FakeSlack) -> list[dict[str, Any]]:
    return fake.last_dm("UALICE")["blocks"]


def _list(slack: SlackDriver, fake: FakeSlack) -> list[dict[str, Any]]:
    return slack.command("UALICE", "list").json()["blocks"]


def _home(slack: SlackDriver, fake: FakeSlack) -> list[dict[str, Any]]:
    return fake.home("UALICE")["blocks"]


@pytest.mark.parametrize("surface", [_dm, _list, _home])
def test_it_shows_a_typed_message_as_typed(
    slack: SlackDriver, fake: FakeSlack, surface: Any
) -> None:
    save(slack, fake, "UALICE", "from Monday to the 15th", message=TYPED)
    shown = texts(surface(slack, fake))
    assert SHOWN in shown
    assert "<!here>" not in shown and "<!channel>" not in shown and "<@UBOB>" not in shown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("<!here> & <!channel>", "&lt;!here&gt; &amp; &lt;!channel&gt;"),
        # "<Monday>" is read as Monday; "every" still makes the phrase unreadable.
        ("every <Monday>", "every &lt;Monday&gt;"),
    ],
)
def test_it_quotes_unreadable_dates_as_typed_in_the_preview(
    slack: SlackDriver, fake: FakeSlack, typed: str, shown: str
) -> None:
    modal = open_form(slack, fake, "UALICE")
    type_dates(slack, "UALICE", modal, typed)
    preview = texts(fake.modal("UALICE")["blocks"])
    assert shown in preview and "<!here>" not in preview


def test_it_quotes_words_waiting_for_enter_as_typed(slack: SlackDriver, fake: FakeSlack) -> None:
    modal = open_form(slack, fake, "UALICE")
    typed = {"when": "<!here> soon", "end_date": "2026-12-09"}
    slack.click("UALICE", action_id="end_date", view_id=modal["id"], inputs=typed)
    assert "Press Enter to use “&lt;!here&gt; soon”" in texts(fake.modal("UALICE")["blocks"])
