"""Every refusal the core can give as a code has a wording in the catalog."""

import pytest

from bot.core.problems import Code, Problem
from bot.texts import speaking
from bot.texts.problems import WORDINGS, word


@pytest.mark.parametrize("code", list(Code))
def test_it_words_every_code_the_core_can_give(code: Code) -> None:
    assert WORDINGS.get(code), f"{code} has no wording in the catalog"


@pytest.mark.parametrize(
    ("problem", "said"),
    [
        (
            Problem(Code.OVERLAPS, label="from Thu 10 Dec"),
            "These dates overlap your responder from Thu 10 Dec. Edit or delete that one first.",
        ),
        (Problem(Code.MESSAGE_TOO_LONG, limit=3000), "Keep the message under 3,000 characters."),
        (
            Problem(Code.NO_BACKUP),
            "Choose who to contact instead, or take {backup} out of the message.",
        ),
        (Problem(Code.UNREADABLE_DATES, reason="I can't read “soon”."), "I can't read “soon”."),
    ],
)
def test_it_fills_a_problems_parameters_into_its_wording(problem: Problem, said: str) -> None:
    with speaking("en-US"):
        assert word(problem) == said


def test_it_tells_problems_apart_by_code_and_parameters() -> None:
    alice = Problem(Code.OVERLAPS, label="Alice's week off")
    assert alice == Problem(Code.OVERLAPS, label="Alice's week off")
    assert alice != Problem(Code.OVERLAPS, label="Bob's week off")
    assert alice != Problem(Code.EXTENSION_OVERLAPS, label="Alice's week off")
