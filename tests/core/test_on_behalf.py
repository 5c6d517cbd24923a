"""Acting for someone else: who is permitted, for whom, and the first reason it is refused."""

import pytest

from bot.core.on_behalf import Actor, Person, Verdict, may_act_for, may_act_for_others
from bot.core.workspace import Workspace

ACME = Workspace("T0ACME")
ACME_GRID = Workspace("T0ACME", enterprise_id="E0ACME")
# Carol is a workspace admin; Dan an owner; Erin in the admin group (@hr); Alice none of those.
CAROL = Actor("UCAROL", "T0ACME", is_admin=True)
DAN = Actor("UDAN", "T0ACME", is_owner=True)
ERIN = Actor("UERIN", "T0ACME", in_admin_group=True)
ALICE = Actor("UALICE", "T0ACME")
BOB = Person("UBOB", "T0ACME")


@pytest.mark.parametrize("actor", [CAROL, DAN, ERIN], ids=["admin", "owner", "admin group"])
def test_it_lets_admins_owners_and_the_admin_group_act_for_bob(actor: Actor) -> None:
    assert may_act_for(actor, BOB, ACME) is Verdict.ALLOWED


@pytest.mark.parametrize(
    ("actor", "person", "workspace", "verdict"),
    [
        (ALICE, BOB, ACME, Verdict.NOT_PERMITTED),
        (ALICE, Person("UALICE", "T0ACME"), ACME, Verdict.SELF),
        (CAROL, Person("UCAROL", "T0ACME"), ACME, Verdict.SELF),
        # An admin of another workspace, in a shared channel, is no admin here.
        (Actor("UZED", "T0OTHER", is_admin=True), BOB, ACME, Verdict.NOT_PERMITTED),
        (CAROL, Person("UNOBODY", found=False), ACME, Verdict.UNKNOWN_PERSON),
        (ALICE, Person("UNOBODY", found=False), ACME, Verdict.NOT_PERMITTED),
        (CAROL, Person("UFRANK", "T0OTHER"), ACME, Verdict.OTHER_ORGANISATION),
        (CAROL, Person("UFRANK", "T0OTHER", "E0OTHER"), ACME_GRID, Verdict.OTHER_ORGANISATION),
        (ALICE, Person("UFRANK", "T0OTHER"), ACME, Verdict.NOT_PERMITTED),
        (CAROL, Person("UBOT", "T0ACME", is_bot=True), ACME, Verdict.IS_BOT),
        (CAROL, Person("UGONE", "T0ACME", deleted=True), ACME, Verdict.DEACTIVATED),
        (ALICE, Person("UGONE", "T0ACME", deleted=True), ACME, Verdict.NOT_PERMITTED),
        # Slack keeps a deactivated account's roles and its place in the admin group.
        (Actor("UEX", "T0ACME", is_admin=True, deleted=True), BOB, ACME, Verdict.NOT_PERMITTED),
        (Actor("UEX", "T0ACME", is_owner=True, deleted=True), BOB, ACME, Verdict.NOT_PERMITTED),
        (
            Actor("UEX", "T0ACME", in_admin_group=True, deleted=True),
            BOB,
            ACME,
            Verdict.NOT_PERMITTED,
        ),
    ],
)
def test_it_refuses_with_the_first_reason_that_applies(
    actor: Actor, person: Person, workspace: Workspace, verdict: Verdict
) -> None:
    assert may_act_for(actor, person, workspace) is verdict


def test_it_counts_another_workspace_of_the_same_grid_org_as_the_same_organisation() -> None:
    gina = Person("UGINA", "T0SALES", "E0ACME")
    hal = Actor("UHAL", "T0SALES", "E0ACME", is_admin=True)
    assert may_act_for(CAROL, gina, ACME_GRID) is Verdict.ALLOWED
    assert may_act_for(hal, BOB, ACME_GRID) is Verdict.ALLOWED
    assert may_act_for(CAROL, gina, ACME) is Verdict.OTHER_ORGANISATION


@pytest.mark.parametrize(
    ("actor", "workspace", "permitted"),
    [
        (CAROL, ACME, True),
        (ERIN, ACME, True),
        (ALICE, ACME, False),
        (Actor("UEX", "T0ACME", is_admin=True, deleted=True), ACME, False),
        (Actor("UZED", "T0OTHER", is_admin=True), ACME, False),
        (Actor("UHAL", "T0SALES", "E0ACME", is_admin=True), ACME_GRID, True),
    ],
)
def test_it_offers_acting_for_others_only_to_active_admins_of_this_organisation(
    actor: Actor, workspace: Workspace, permitted: bool
) -> None:
    assert may_act_for_others(actor, workspace) is permitted
