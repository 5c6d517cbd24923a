"""Types of absence as people type them in the form, and as admins rename and add them."""

from typing import Any

import pytest
from sqlalchemy import Engine

from bot.core.leave_types import BUILTINS
from bot.core.typed_text import unescaped
from bot.core.workspace import Workspace
from bot.organisation.settings import settings_of
from tests.bot.flows import input_value, open_form
from tests.bot.replies.replying import GENERAL, out
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

TEAM = Workspace("T0001")


def _chosen(slack: SlackDriver, fake: FakeSlack, locale: str, words: str) -> str:
    fake.add_user("UXAVIER", "xavier", tz="Europe/Berlin", locale=locale)
    option: dict[str, Any] = input_value(open_form(slack, fake, "UXAVIER", words), "leave_type")
    return str(option["value"])


@pytest.mark.parametrize(
    ("locale", "words", "key"),
    [
        ("en-US", "sick tomorrow", "sick"),
        ("en-GB", "off sick tomorrow", "sick"),
        ("fr-FR", "congé maladie demain", "sick"),
        ("fr-FR", "arrêt maladie demain", "sick"),
        ("de-DE", "Urlaub nächste Woche", "vacation"),
        ("de-DE", "krank morgen", "sick"),
        ("it-IT", "malattia domani", "sick"),
        ("pt-BR", "atestado médico amanhã", "sick"),
        ("ja-JP", "病欠 明日", "sick"),
        ("ja-JP", "出張 来週", "business_trip"),
        ("ko-KR", "병가 내일", "sick"),
        ("zh-CN", "病假 明天", "sick"),
        ("zh-TW", "病假 明天", "sick"),
        ("es-ES", "conferencia del 3 al 7", "business_trip"),
        ("de-DE", "Elternzeit ab Montag", "parental"),
        ("fr-FR", "formation lundi", "training"),
        ("ko-KR", "출장 다음 주", "business_trip"),
        ("it-IT", "trasferta la prossima settimana", "business_trip"),
    ],
)
def test_the_form_reads_the_type_from_her_words(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str, key: str
) -> None:
    assert _chosen(slack, fake, locale, words) == key


@pytest.mark.parametrize(
    ("locale", "words"),
    [("es-ES", "baja por enfermedad mañana"), ("es-LA", "incapacidad mañana")],
)
def test_spanish_sick_leave_is_read_as_sick(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    assert _chosen(slack, fake, locale, words) == "sick"


def test_sick_leave_from_words_is_hidden_by_default(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.add_user("UXAVIER", "xavier", tz="Asia/Tokyo", locale="ja-JP")
    modal = open_form(slack, fake, "UXAVIER", "病欠 明日")
    [ticked] = input_value(modal, "hide_reason")
    assert ticked["value"] == "hide_reason"
    assert "病気" not in input_value(modal, "message")


def _admin(fake: FakeSlack) -> str:
    fake.add_user("UERIN", "erin", tz="Europe/Paris", locale="en-US", role="admin")
    return "UERIN"


def _say(slack: SlackDriver, user: str, words: str) -> str:
    reply = slack.command(user, f"admin {words}")
    assert reply.status == 200, reply.text
    return str(reply.json()["text"])


@pytest.mark.parametrize("name", ["<!channel> party", "<!everyone>", "<!subteam^S0ONCALL|@oncall>"])
def test_a_type_renamed_to_a_ping_never_pings(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, name: str
) -> None:
    admin = _admin(fake)
    _say(slack, admin, f"types rename vacation {name}")
    out(engine, leave_type="vacation")
    slack.message("UBOB", GENERAL, "<@UALICE> can you review my PR?")
    for message in fake.ephemerals_seen("UBOB", GENERAL) + fake.all_messages():
        text = str(message.get("text", ""))
        assert "<!channel>" not in text and "<!everyone>" not in text
        assert "<!subteam^" not in text


@pytest.mark.parametrize(("key", "name"), [("sick", "Urlaub"), ("training", "Vacaciones")])
def test_a_type_cannot_take_another_types_name_in_another_language(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, key: str, name: str
) -> None:
    admin = _admin(fake)
    answer = _say(slack, admin, f"types rename {key} {name}")
    assert "Another type is already called" in answer
    assert settings_of(engine, TEAM).leave_types == BUILTINS


def test_a_name_of_200_characters_is_refused_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    assert "at most 40 characters" in _say(slack, admin, "types rename vacation " + "é" * 200)
    assert "at most 40 characters" in _say(slack, admin, "types add " + "🌴" * 200)
    assert settings_of(engine, TEAM).leave_types == BUILTINS


def test_forty_new_types_stop_clearly_and_still_open_a_form_slack_accepts(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    answers = [_say(slack, admin, f"types add Type {n} :tada:") for n in range(1, 41)]
    refused = [a for a in answers if not a.startswith("Added")]
    assert set(refused) <= {"A workspace has at most 30 types of absence."}
    assert len(settings_of(engine, TEAM).leave_types) <= 30
    _say(slack, admin, "types retire Type 3")
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    [select] = [
        b["element"]
        for b in modal["blocks"]
        if b.get("element", {}).get("action_id") == "leave_type"
    ]
    labels = [o["text"]["text"] for o in select["options"]]
    assert len(labels) <= 100 and ":tada: Type 20" in labels and ":tada: Type 3" not in labels
    assert all(len(label) <= 75 for label in labels)


def test_retiring_vacation_while_her_form_is_open_refuses_nothing_silently(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    _say(slack, admin, "types retire vacation")
    reply = slack.submit("UALICE", modal["id"], {"leave_type": "vacation"})
    assert reply.status == 200
    errors = reply.json().get("errors", {}) if reply.text else {}
    if not errors:
        # Accepted: the absence keeps the type it was given, visible to her.
        listed = str(slack.command("UALICE", "list").json())
        assert "Vacation" in listed


def _options(slack: SlackDriver, fake: FakeSlack, words: str = "tomorrow") -> list[str]:
    modal = open_form(slack, fake, "UALICE", words)
    [select] = [
        b["element"]
        for b in modal["blocks"]
        if b.get("element", {}).get("action_id") == "leave_type"
    ]
    return [str(o["text"]["text"]) for o in select["options"]]


@pytest.mark.parametrize(("typed", "read"), [("R&amp;R", "R&R"), ("&lt;b&gt;", "<b>")])
def test_a_name_with_an_ampersand_reads_as_typed(
    slack: SlackDriver, fake: FakeSlack, typed: str, read: str
) -> None:
    admin = _admin(fake)
    # The answer is mrkdwn: Slack shows its escapes as the characters typed.
    assert unescaped(_say(slack, admin, f"types rename vacation {typed}")) == (
        f"Renamed: people now read “{read}”."
    )
    assert f":palm_tree: {read}" in _options(slack, fake)


def test_a_type_cannot_be_renamed_to_an_emoji_alone(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    assert _say(slack, admin, "types rename vacation :tada:") == "Give the type a name."
    assert settings_of(engine, TEAM).leave_types == BUILTINS


def test_a_blank_new_name_asks_for_a_name(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin = _admin(fake)
    assert _say(slack, admin, "types rename vacation \u00a0\u00a0") == "Give the type a name."
    assert settings_of(engine, TEAM).leave_types == BUILTINS


@pytest.mark.parametrize("name", ["<@UBOB>", "<#C0GENERAL|general>", "<@UBOB|bob>"])
def test_a_type_named_after_a_person_never_pings_them(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, name: str
) -> None:
    admin = _admin(fake)
    assert _say(slack, admin, f"types add {name}").startswith("Added")
    out(engine, leave_type="custom_1")
    slack.message("UCAROL", GENERAL, "<@UALICE> ping?")
    for message in fake.ephemerals_seen("UCAROL", GENERAL):
        assert "<@UBOB" not in str(message) and "<#C0GENERAL" not in str(message)


def test_a_type_named_after_a_person_reads_as_text_in_the_form(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    admin = _admin(fake)
    _say(slack, admin, "types add <@UBOB>")
    assert not any("<@UBOB>" in label for label in _options(slack, fake))


def test_with_vacation_retired_the_form_prefills_a_type_people_can_choose(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    admin = _admin(fake)
    _say(slack, admin, "types retire vacation")
    modal = open_form(slack, fake, "UALICE", "tomorrow")
    prefilled = input_value(modal, "leave_type")
    assert prefilled is None or prefilled["value"] != "vacation"
    assert ":palm_tree: Vacation" not in _options(slack, fake)
