"""ooo's status in each of Slack's languages (its days from CLDR), and how it is recognised."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.leave_types import BUILTINS, add, rename
from bot.core.status import EMOJI, STATUS_MAX
from bot.status.wording import looks_ours, status_text
from tests.support.catalogs import READERS, translated

# Alice is back on Wednesday 16 December, at midnight in Paris.
BACK = datetime(2026, 12, 15, 23, 0, tzinfo=UTC)
PARIS = "Europe/Paris"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en-US", "Out of office · back Wed, Dec 16"),
        translated("en-GB", "Out of office · back Wed 16 Dec"),
        translated("fr-FR", "Hors du bureau · de retour le mer. 16 déc."),
        translated("de-DE", "Nicht im Büro · zurück am Mi., 16. Dez."),
        translated("es-ES", "Fuera de la oficina · vuelvo el mié, 16 dic"),
        translated("es-LA", "Fuera de la oficina · regreso el mié, 16 dic"),
        translated("pt-BR", "Fora do escritório · volto qua., 16 de dez."),
        translated("it-IT", "Fuori ufficio · rientro mer 16 dic"),
        translated("ja-JP", "不在 · 12月16日(水)に戻ります"),
        translated("ko-KR", "부재중 · 12월 16일 (수) 복귀"),
        translated("zh-CN", "不在办公室 · 12月16日周三回来"),
        translated("zh-TW", "不在辦公室 · 12月16日週三回來"),
        # Spelled as Slack sometimes does, or a region it may add: read as the language does.
        translated("pt_BR", "Fora do escritório · volto qua., 16 de dez."),
        translated("es-MX", "Fuera de la oficina · vuelvo el mié, 16 dic"),
        ("nl-NL", "Out of office · back Wed, Dec 16"),
        (None, "Out of office · back Wed, Dec 16"),
    ],
)
def test_it_writes_the_return_day_in_her_language(locale: str | None, text: str) -> None:
    assert status_text(BACK, tz=PARIS, locale=locale) == text


@pytest.mark.parametrize(
    ("locale", "day"),
    [
        ("en-US", "Wed, Dec 16"),
        ("en-GB", "Wed 16 Dec"),
        ("de-DE", "Mi., 16. Dez."),
        ("pt-BR", "qua., 16 de dez."),
        ("ja-JP", "12月16日(水)"),
        ("zh-TW", "12月16日週三"),
    ],
)
def test_it_writes_the_return_day_as_her_locale_does(locale: str, day: str) -> None:
    assert day in status_text(BACK, tz=PARIS, locale=locale)


def test_it_writes_the_return_day_in_her_zone() -> None:
    assert status_text(BACK, tz="America/New_York", locale="en-US").endswith("back Tue, Dec 15")


@pytest.mark.parametrize("locale", READERS)
def test_a_permanent_one_says_only_that_she_is_away(locale: str) -> None:
    text = status_text(None, tz=PARIS, locale=locale)
    assert " · " not in text and looks_ours(text, EMOJI)


@pytest.mark.parametrize("locale", READERS)
def test_every_return_day_fits_slacks_limit_and_reads_as_ours(locale: str) -> None:
    for day in range(0, 366, 3):
        text = status_text(BACK + timedelta(days=day), tz=PARIS, locale=locale)
        assert len(text) <= STATUS_MAX
        assert looks_ours(text, EMOJI), text


@pytest.mark.parametrize(
    ("text", "emoji", "ours"),
    [
        ("Out of office", EMOJI, True),
        pytest.param("Hors du bureau · de retour le lun. 7 déc.", EMOJI, True),
        pytest.param("不在 · 12月7日(月)に戻ります", EMOJI, True),
        # Hers: another emoji, or words that only begin like ooo's.
        ("Out of office · back Wed, Dec 16", ":airplane:", False),
        ("Out of office party", EMOJI, False),
        ("不在中", EMOJI, False),
        ("", EMOJI, False),
        ("", "", False),
    ],
)
def test_it_knows_its_own_status_in_any_language(text: str, emoji: str, ours: bool) -> None:
    assert looks_ours(text, emoji) is ours


def test_it_knows_the_statuses_of_every_type_even_renamed_since() -> None:
    types = rename(BUILTINS, "vacation", "Time off")
    assert looks_ours("Time off · back Mon, Jan 4", ":palm_tree:", types)
    assert looks_ours("Urlaub · back Mon, Jan 4", ":palm_tree:", types)
    assert looks_ours("病気休暇", ":face_with_thermometer:", types)
    assert looks_ours("Out of office · back Mon, Jan 4", ":calendar:", types)
    assert not looks_ours("Time off · back Mon, Jan 4", ":airplane:", types)
    assert not looks_ours("Out of office", ":scales:", add(types, "Jury duty", ":scales:"))
