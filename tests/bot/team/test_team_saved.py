"""My team: saving it, `/ooo team` alone, coverage warnings, Show more, and the Home tab."""

import json
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.bot.flows import texts
from tests.bot.team.team_flows import SECRET, ask, away, on
from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack


def open_home(slack: SlackDriver, fake: FakeSlack, user: str) -> dict[str, Any]:
    slack.event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"})
    home = fake.home(user)
    assert home is not None
    return home


def test_it_asks_to_save_a_team_before_showing_mine(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UCAROL", "")
    assert "haven't saved a team" in answer["text"]


def test_it_shows_the_saved_team_alone(slack: SlackDriver, fake: FakeSlack, engine: Engine) -> None:
    away(engine, "UALICE", on(26), on(3, 12))
    saved = ask(slack, fake, "UCAROL", "set <!subteam^S0ONCALL|@oncall>")
    assert "Your team is @oncall (2 people)" in saved["text"]
    answer = ask(slack, fake, "UCAROL", "")
    shown = texts(answer["blocks"])
    assert "My team · @oncall" in shown
    assert "<@UALICE> · back" in shown


def test_it_shows_the_saved_team_over_other_days(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(20, 12), on(22, 12))
    ask(slack, fake, "UCAROL", "set @oncall")
    assert "<@UALICE>" not in texts(ask(slack, fake, "UCAROL", "")["blocks"])
    assert "<@UALICE>" in texts(ask(slack, fake, "UCAROL", "30d")["blocks"])


def test_it_warns_when_more_than_the_set_share_is_away(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(2, 12))
    ask(slack, fake, "UCAROL", "set @oncall")
    assert "Coverage" not in texts(ask(slack, fake, "UCAROL", "")["blocks"])
    changed = ask(slack, fake, "UCAROL", "set coverage 40%")
    assert "40%" in changed["text"]
    shown = texts(ask(slack, fake, "UCAROL", "")["blocks"])
    short = "Mon 30 Nov (1 of 2), Tue 1 Dec (1 of 2)"
    assert f"more than 40% of the team is away on {short}." in shown


def test_it_saves_a_team_with_its_coverage_at_once(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(30), on(2, 12))
    saved = ask(slack, fake, "UCAROL", "set @oncall coverage 25%")
    assert "more than 25%" in saved["text"]
    assert ":warning: *Coverage:*" in texts(ask(slack, fake, "UCAROL", "")["blocks"])


def test_it_refuses_a_share_that_is_not_one(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = ask(slack, fake, "UCAROL", "set @oncall coverage lots")
    assert "not a share of the team" in answer["text"]
    assert "haven't saved" in ask(slack, fake, "UCAROL", "")["text"]


def test_it_refuses_to_save_a_private_channel_the_person_is_not_in(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOT"], is_private=True)
    answer = ask(slack, fake, "UCAROL", "set <#G0SECRET|secret>")
    assert "private channel you're not in" in answer["text"]
    assert "haven't saved" in ask(slack, fake, "UCAROL", "")["text"]


@pytest.mark.parametrize(
    ("team", "counted"),
    [
        ("<!subteam^S0BIG|@everyone>", "200 people · 160 in, 40 away"),
        ("<#C0BIG|everyone>", "201 people · 161 in, 40 away"),
    ],
)
def test_it_pages_a_200_member_team_with_show_more(
    slack: SlackDriver, fake: FakeSlack, engine: Engine, team: str, counted: str
) -> None:
    people = [f"U{n:04d}" for n in range(200)]
    for person in people:
        fake.add_user(person, person.lower())
    fake.add_usergroup("S0BIG", "everyone", "Everyone", users=people)
    fake.add_channel("C0BIG", "everyone", members=[*people, "UCAROL", "UBOT"])
    fake.paginate(50)
    for n, person in enumerate(people[:40]):
        away(engine, person, on(26), on(1 + n % 9, 12))
    seen: list[str] = []
    answer = ask(slack, fake, "UCAROL", team)
    assert counted in texts(answer["blocks"])
    pages = 1
    while True:
        seen += [p for p in people if f"{p}> · back" in texts(answer["blocks"])]
        button = next(
            (e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]), None
        )
        if button is None:
            break
        assert len(answer["blocks"]) <= 50
        reply = slack.click("UCAROL", action_id=button["action_id"], message=answer)
        responses = fake.responses(reply.response_url or "")
        assert responses[-1]["replace_original"] is True
        answer, pages = responses[-1], pages + 1
    assert pages == 3
    assert sorted(seen) == people[:40]


def test_it_refuses_show_more_to_someone_not_in_the_private_channel(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    fake.add_channel("G0SECRET", "secret", members=["UALICE", "UBOT"], is_private=True)
    away(engine, "UALICE", on(26), on(3, 12))
    state = {"t": "G0SECRET", "l": "#secret", "f": "2026-11-27", "d": 14, "z": "UTC", "c": 50}
    message = {
        "blocks": [
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "team_show_more",
                        "text": {"type": "plain_text", "text": "Show more"},
                        "value": json.dumps(state | {"page": 0}),
                    }
                ],
            }
        ]
    }
    reply = slack.click("UCAROL", action_id="team_show_more", message=message)
    answer = fake.responses(reply.response_url or "")[-1]
    assert "private channel you're not in" in answer["text"]


def test_it_shows_my_team_on_the_home_tab(
    slack: SlackDriver, fake: FakeSlack, engine: Engine
) -> None:
    away(engine, "UALICE", on(26), on(3, 12))
    away(engine, "UBOB", on(3, 12), on(5, 12))
    assert "My team" not in texts(open_home(slack, fake, "UCAROL")["blocks"])
    ask(slack, fake, "UCAROL", "set @oncall")
    shown = texts(fake.home("UCAROL")["blocks"])
    assert "My team · @oncall" in shown
    assert "<@UALICE> · back" in shown
    assert "<@UBOB> · from" in shown
    assert "🟥" in shown
    assert SECRET not in shown
    assert "My team · @oncall" in texts(open_home(slack, fake, "UCAROL")["blocks"])
