"""Acting as the owner while away: ooo's status in each of Slack's languages, how it is
recognised, and when a long snooze is renewed."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.status import (
    EMOJI,
    RENEW_EVERY,
    SNOOZE_MAX,
    STATUS_MAX,
    WORDINGS,
    Wording,
    looks_ours,
    renewal_at,
    snooze_until,
    status_text,
)

# Alice is back on Wednesday 16 December, at midnight in Paris.
BACK = datetime(2026, 12, 15, 23, 0, tzinfo=UTC)
PARIS = "Europe/Paris"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en-US", "Out of office · back Wed, Dec 16"),
        ("en-GB", "Out of office · back Wed 16 Dec"),
        ("fr-FR", "Hors du bureau · de retour le mer. 16 déc."),
        ("de-DE", "Nicht im Büro · zurück am Mi., 16. Dez."),
        ("es-ES", "Fuera de la oficina · vuelvo el mié 16 de dic"),
        ("es-LA", "Fuera de la oficina · regreso el mié 16 de dic"),
        ("pt-BR", "Fora do escritório · volto qua, 16 de dez"),
        ("it-IT", "Fuori ufficio · rientro mer 16 dic"),
        ("ja-JP", "不在 · 12月16日(水)に戻ります"),
        ("ko-KR", "부재중 · 12월 16일 (수) 복귀"),
        ("zh-CN", "不在办公室 · 12月16日周三回来"),
        ("zh-TW", "不在辦公室 · 12月16日週三回來"),
        # Spelled as Slack sometimes does, or a region it may add: read as the language does.
        ("pt_BR", "Fora do escritório · volto qua, 16 de dez"),
        ("es-MX", "Fuera de la oficina · regreso el mié 16 de dic"),
        ("zh-HK", "不在辦公室 · 12月16日週三回來"),
        ("nl-NL", "Out of office · back Wed, Dec 16"),
        (None, "Out of office · back Wed, Dec 16"),
    ],
)
def test_it_writes_the_return_day_in_her_language(locale: str | None, text: str) -> None:
    assert status_text(BACK, tz=PARIS, locale=locale) == text


def test_it_writes_the_return_day_in_her_zone() -> None:
    assert status_text(BACK, tz="America/New_York", locale="en-GB").endswith("back Tue 15 Dec")


@pytest.mark.parametrize("locale", sorted(WORDINGS))
def test_a_permanent_one_says_only_that_she_is_away(locale: str) -> None:
    assert status_text(None, tz=PARIS, locale=locale) == WORDINGS[locale].away


@pytest.mark.parametrize("locale", sorted(WORDINGS))
def test_every_return_day_fits_slacks_limit_and_reads_as_ours(locale: str) -> None:
    for day in range(366):
        text = status_text(BACK + timedelta(days=day), tz=PARIS, locale=locale)
        assert len(text) <= STATUS_MAX
        assert looks_ours(text, EMOJI), text


def test_a_wording_too_long_is_cut_at_slacks_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(WORDINGS, "en-US", Wording("Out of office", "back " + "x" * 200))
    text = status_text(BACK, tz=PARIS, locale="en-US")
    assert len(text) == STATUS_MAX and looks_ours(text, EMOJI)


@pytest.mark.parametrize(
    ("text", "emoji", "ours"),
    [
        ("Out of office", EMOJI, True),
        ("Hors du bureau · de retour le lun. 7 déc.", EMOJI, True),
        ("不在 · 12月7日(月)に戻ります", EMOJI, True),
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


START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ends_at", "now", "until"),
    [
        (START + timedelta(hours=6), START, START + timedelta(hours=6)),
        (START + timedelta(days=3), START, START + SNOOZE_MAX),
        (None, START + timedelta(days=40), START + timedelta(days=40) + SNOOZE_MAX),
    ],
)
def test_a_snooze_lasts_to_the_end_or_a_day(
    ends_at: datetime | None, now: datetime, until: datetime
) -> None:
    assert snooze_until(ends_at, now) == until


@pytest.mark.parametrize(
    ("ends_at", "now", "renewal"),
    [
        # Within a day of the end: the snooze lasts to it.
        (START + timedelta(hours=6), START, None),
        (START + timedelta(days=3), START + timedelta(days=2, hours=1), None),
        # Longer: renewed five minutes before the day runs out, then every 23 h 55 min.
        (START + timedelta(days=3), START, START + RENEW_EVERY),
        (START + timedelta(days=3), START + RENEW_EVERY, START + 2 * RENEW_EVERY),
        # Late, early or after an edit: still the same moments, counted from the start.
        (
            START + timedelta(days=3),
            START + RENEW_EVERY + timedelta(hours=2),
            START + 2 * RENEW_EVERY,
        ),
        (None, START + timedelta(hours=3), START + RENEW_EVERY),
        (None, START + 10 * RENEW_EVERY - timedelta(seconds=1), START + 10 * RENEW_EVERY),
    ],
)
def test_a_long_snooze_is_renewed_at_moments_counted_from_the_start(
    ends_at: datetime | None, now: datetime, renewal: datetime | None
) -> None:
    assert renewal_at(START, ends_at, now) == renewal


@pytest.mark.parametrize("hours", [0, 1, 23, 24, 25, 50, 100])
def test_each_snooze_outlasts_its_renewal(hours: int) -> None:
    now = START + timedelta(hours=hours, minutes=7)
    renewal = renewal_at(START, None, now)
    assert renewal is not None and now < renewal <= snooze_until(None, now) - timedelta(minutes=5)
