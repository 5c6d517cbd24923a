"""Attacks with what admins really type: dates in the 12 languages, messages, escapes, limits."""

import json
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.blocks.closures import CLOSE
from storage.db import session_scope
from storage.models import ClosureRow
from tests.bot.closures.closure_flows import ask_to_close, close, closure_rows
from tests.conftest import SettlingDriver
from tests.support.fake_slack import FakeSlack

CHRISTMAS_DAYS = (date(2026, 12, 24), date(2027, 1, 1))


def admin(fake: FakeSlack, locale: str = "en-US") -> None:
    fake.add_user("UALICE", "alice", tz="Europe/Paris", role="admin", locale=locale)


def stored(engine: Engine) -> list[ClosureRow]:
    with session_scope(engine) as session:
        return list(session.exec(select(ClosureRow)))


@pytest.mark.parametrize(
    ("locale", "typed", "asks"),
    [
        ("en-US", "Dec 24 to Jan 1", "Close for 4 people (everyone)"),
        ("en-GB", "24/12 to 01/01", "Close for 4 people (everyone)"),
        ("fr-FR", "du 24 décembre au 1er janvier", "Fermer pour 4 personnes (tout le monde)"),
        ("de-DE", "24.12.\u201301.01.", "Für 4 Personen schließen (alle)"),
        ("es-ES", "del 24 de diciembre al 1 de enero", "¿Cerrar para 4 personas (todos)"),
        ("es-LA", "del 24 de diciembre al 1 de enero", "¿Cerrar para 4 personas (todos)"),
        ("pt-BR", "de 24 de dezembro a 1 de janeiro", "Fechar para 4 pessoas (todos)"),
        ("it-IT", "dal 24 dicembre al 1 gennaio", "Chiudere per 4 persone (tutti)"),
        ("ja-JP", "12月24日から1月1日まで", "4 人(全員)を"),
        ("ko-KR", "12월 24일부터 1월 1일까지", "4명(전체)에게"),
        ("zh-CN", "12月24日到1月1日", "为 4 人\uff08所有人\uff09"),
        ("zh-TW", "12月24日到1月1日", "為 4 人\uff08所有人\uff09"),
    ],
)
def test_it_reads_christmas_typed_in_each_language_and_asks_in_it(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str, typed: str, asks: str
) -> None:
    admin(fake, locale)

    confirmation = ask_to_close(slack, fake, "UALICE", f"everyone {typed}")

    assert confirmation["text"].startswith(asks), confirmation["text"]
    [closure] = stored(engine)
    assert (closure.first_day, closure.last_day) == CHRISTMAS_DAYS
    assert closure_rows(engine) == []  # nothing before Close


@pytest.mark.parametrize(
    "words",
    [
        "yesterday",
        "1 Jan 2027 to 31 Dec 2027",
        "1 Jan to 24 Dec",
        "blah blah",
        "24 Dec " + "x" * 1001,
        "24 Dec " + "🎄" * 1001,
    ],
)
def test_a_refused_closure_stores_nothing_and_tells_no_one(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, words: str
) -> None:
    admin(fake)

    reply = slack.command("UALICE", f"admin close <#C0SUPPORT|support> {words}")

    assert reply.status == 200
    assert fake.responses(reply.response_url or "") == []
    assert stored(engine) == []
    assert fake.messages_to("UBOB") == []


@pytest.mark.parametrize(
    ("locale", "words", "refusal"),
    [
        ("fr-FR", "24 déc. " + "x" * 1001, "message"),
        ("de-DE", "24.12. " + "x" * 1001, "Nachricht"),
        ("ja-JP", "12月24日 " + "x" * 1001, "メッセージ"),
        ("fr-FR", "du 2 janvier au 30 juin", "92"),
        ("de-DE", "gestern", "Vergangenheit"),
    ],
)
def test_a_refusal_is_in_the_admins_language(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str, words: str, refusal: str
) -> None:
    admin(fake, locale)

    text = slack.command("UALICE", f"admin close everyone {words}").json()["text"]

    assert refusal in text
    assert "Keep the message" not in text and "A closure lasts" not in text
    assert stored(engine) == []


def keeps(words: str, message: str) -> tuple[str, str]:
    return words, message


@pytest.mark.parametrize(
    ("words", "message"),
    [
        keeps("24 Dec to 1 Jan Office closed :christmas_tree:", "Office closed :christmas_tree:"),
        keeps("24 Dec Office closed 🎄", "Office closed 🎄"),
        keeps("24 Dec Office closed, ask <@UBOB>", "Office closed, ask <@UBOB>"),
        keeps(
            "24 Dec to 1 Jan Closed for the holidays, ask Bob", "Closed for the holidays, ask Bob"
        ),
        keeps("24 Dec to 1 Jan closed", "closed"),
        keeps("5 Jan Inventory day", "Inventory day"),
        keeps("5 Jan Stock taking", "Stock taking"),
        keeps("5 Jan Team offsite in Lyon", "Team offsite in Lyon"),
        keeps("5 Jan Fermé pour inventaire", "Fermé pour inventaire"),
        keeps("24 Dec a &amp; b", "a &amp; b"),
        keeps("24 Dec to 1 Jan <!channel> closed, ask <@UBOB>", "<!channel> closed, ask <@UBOB>"),
    ],
)
def test_the_message_after_the_dates_is_kept_as_typed(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, words: str, message: str
) -> None:
    admin(fake)

    confirmation = ask_to_close(slack, fake, "UALICE", f"<#C0SUPPORT> {words}")

    [closure] = stored(engine)
    assert closure.message == message
    assert "No message." not in json.dumps(confirmation)


@pytest.mark.parametrize(
    ("locale", "words", "message"),
    [
        ("fr-FR", "du 24 décembre au 1er janvier Fermé pour inventaire", "Fermé pour inventaire"),
        ("de-DE", "24.12. bis 1.1. Betriebsferien, fragt Bob", "Betriebsferien, fragt Bob"),
        (
            "es-ES",
            "del 24 de diciembre al 1 de enero Cerrado por vacaciones",
            "Cerrado por vacaciones",
        ),
        ("ja-JP", "12月24日から1月1日まで 年末年始休業", "年末年始休業"),
        ("en-US", "Dec 24 to Jan 1 for the holidays", "for the holidays"),
    ],
)
def test_the_message_after_dates_in_each_language_is_kept_whole(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, locale: str, words: str, message: str
) -> None:
    admin(fake, locale)

    ask_to_close(slack, fake, "UALICE", f"everyone {words}")

    [closure] = stored(engine)
    assert (closure.first_day, closure.last_day, closure.message) == (*CHRISTMAS_DAYS, message)


def test_the_message_quoted_to_members_pings_no_one(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine
) -> None:
    admin(fake)
    words = "24 Dec Office closed <!channel> <!here> ask <!subteam^S0ONCALL|@oncall>"

    close(slack, fake, "UALICE", f"<#C0GENERAL> {words}")

    told = fake.last_dm("UBOB")
    assert told is not None and "Office closed" in json.dumps(told)
    for broadcast in ("<!channel>", "<!here>", "<!subteam^"):
        assert broadcast not in json.dumps(told)
    assert "@oncall" in json.dumps(told)


@pytest.mark.parametrize(
    ("typed", "closed"),
    [
        ("<#C0SUPPORT>", ["UALICE", "UBOB"]),
        ("<#C0SUPPORT|>", ["UALICE", "UBOB"]),
        ("<!subteam^S0ONCALL>", ["UALICE", "UBOB"]),
        ("<!subteam^S0ONCALL|@oncall>", ["UALICE", "UBOB"]),
        ("<!everyone>", ["UALICE", "UBOB", "UCAROL", "UDIDIER"]),
        ("<!here>", ["UALICE", "UBOB", "UCAROL"]),
        ("<!channel>", ["UALICE", "UBOB", "UCAROL"]),
        ("#support", ["UALICE", "UBOB"]),
        ("@oncall", ["UALICE", "UBOB"]),
    ],
)
def test_every_way_slack_sends_a_target_closes_the_same_people(
    slack: SettlingDriver, fake: FakeSlack, engine: Engine, typed: str, closed: list[str]
) -> None:
    admin(fake)

    confirmation = ask_to_close(slack, fake, "UALICE", f"{typed}\u00a024 Dec")
    slack.click("UALICE", action_id=CLOSE, message=confirmation)

    assert [r.owner_id for r in closure_rows(engine)] == closed
