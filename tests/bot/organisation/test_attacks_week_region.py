"""`/ooo week` and `/ooo region` typed as people really type them, in their own languages."""

import pytest

from tests.support.driver import SlackDriver
from tests.support.fake_slack import FakeSlack

MON_TO_THU = {
    "en-US": "Monday, Tuesday, Wednesday, and Thursday.",
    "de-DE": "Montag, Dienstag, Mittwoch und Donnerstag.",
    "fr-FR": "lundi, mardi, mercredi et jeudi.",
    "ja-JP": "月曜日、火曜日、水曜日、木曜日。",
    "ko-KR": "월요일",
    "pt-BR": "segunda-feira",
    "it-IT": "lunedì, martedì, mercoledì e giovedì.",
    "es-ES": "lunes, martes, miércoles y jueves.",
    "zh-CN": "星期一、星期二、星期三和星期四。",
    "zh-TW": "星期一、星期二、星期三和星期四。",
}


def _say(slack: SlackDriver, fake: FakeSlack, locale: str, words: str) -> str:
    fake.add_user("UXAVIER", "xavier", tz="Europe/Berlin", locale=locale)
    reply = slack.command("UXAVIER", words)
    assert reply.status == 200, reply.text
    return str(reply.json()["text"])


def _week(slack: SlackDriver) -> str:
    return str(slack.command("UXAVIER", "week").json()["text"])


@pytest.mark.parametrize("locale", ["en-US", "de-DE", "fr-FR", "ja-JP"])
def test_mon_thu_sets_four_working_days_in_every_language(
    slack: SlackDriver, fake: FakeSlack, locale: str
) -> None:
    answer = _say(slack, fake, locale, "week mon-thu")
    assert answer.endswith(
        {
            "en-US": "Public holidays: no public holidays.",
            "de-DE": "Feiertage: keine Feiertage.",
            "fr-FR": "Jours fériés : aucun jour férié.",
            "ja-JP": "祝日: 祝日なし。",
        }[locale]
    )
    assert "Friday" not in answer and "Freitag" not in answer


@pytest.mark.parametrize("words", ["week Mon - Thu", "week mon\u00a0-\u00a0thu", "week mon -thu"])
def test_a_range_with_spaces_is_still_a_range(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    answer = _say(slack, fake, "en-US", words)
    assert "Monday, Tuesday, Wednesday, and Thursday." in answer


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "~", "\u301c", "\uff5e"])
def test_a_range_with_an_en_dash_is_a_range(slack: SlackDriver, fake: FakeSlack, dash: str) -> None:
    answer = _say(slack, fake, "en-US", f"week mon{dash}thu")
    assert "Monday, Tuesday, Wednesday, and Thursday." in answer


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("de-DE", "week Mo-Do"),
        ("fr-FR", "week lun-jeu"),
        ("ja-JP", "week 月-木"),
        ("ko-KR", "week 월-목"),
        ("pt-BR", "week seg-qui"),
        ("pt-BR", "week Segunda-feira - quinta-feira"),
        ("it-IT", "week lun-gio"),
        ("es-ES", "week lun-jue"),
        ("es-ES", "week LUNES-JUEVES"),
        ("fr-FR", "week Lundi\u2013Jeudi"),
        ("zh-CN", "week 周一-周四"),
        ("zh-TW", "week 週一-週四"),
    ],
)
def test_days_in_her_own_language_are_understood(
    slack: SlackDriver, fake: FakeSlack, locale: str, words: str
) -> None:
    answer = _say(slack, fake, locale, words)
    assert MON_TO_THU[locale] in answer


def test_full_width_days_are_understood(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = _say(slack, fake, "ja-JP", "week " + "".join(chr(ord(c) + 0xFEE0) for c in "mon-thu"))
    assert MON_TO_THU["ja-JP"] in answer


@pytest.mark.parametrize(
    ("locale", "hint"),
    [("de-DE", "Versuch `mo-fr` oder `so-do`."), ("ja-JP", "`月-金` や `日-木`")],
)
def test_a_refused_week_hints_at_days_in_her_language(
    slack: SlackDriver, fake: FakeSlack, locale: str, hint: str
) -> None:
    assert hint in _say(slack, fake, locale, "week someday")


@pytest.mark.parametrize("words", ["week none", "week nonsense", "week 周一至周四"])
def test_a_week_it_cannot_read_is_refused_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    _say(slack, fake, "en-US", "week sun-thu")
    answer = str(slack.command("UXAVIER", words).json()["text"])
    assert "Try `mon-fri` or `sun-thu`." in answer
    assert _week(slack).startswith("You work Sunday, Monday, Tuesday, Wednesday, and Thursday.")


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("region DE-BY", "Public holidays: Germany (Bayern)."),
        ("region de-by", "Public holidays: Germany (Bayern)."),
        ("region US-CA", "Public holidays: United States (California)."),
        ("region GB-SCT", "Public holidays: United Kingdom (Scotland)."),
        ("region AU-NSW", "Public holidays: Australia (New South Wales)."),
        ("region none", "Public holidays: no public holidays."),
        ("region default", "Public holidays: no public holidays."),
    ],
)
def test_a_region_code_is_read_in_any_case(
    slack: SlackDriver, fake: FakeSlack, words: str, said: str
) -> None:
    assert _say(slack, fake, "en-US", words).endswith(said)


@pytest.mark.parametrize("words", ["region XX", "region DE_BY", "region de by"])
def test_an_unknown_region_is_refused_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    _say(slack, fake, "en-US", "region DE-BY")
    answer = str(slack.command("UXAVIER", words).json()["text"])
    assert "Try a code like `DE`, `FR` or `US`." in answer
    assert _week(slack).endswith("Public holidays: Germany (Bayern).")


def test_reunion_is_named_not_coded(slack: SlackDriver, fake: FakeSlack) -> None:
    answer = _say(slack, fake, "fr-FR", "region FR-974")
    assert "(RE)" not in answer and "Réunion" in answer


def test_uk_is_named_in_her_language(slack: SlackDriver, fake: FakeSlack) -> None:
    assert _say(slack, fake, "fr-FR", "region UK").endswith("Jours fériés : Royaume-Uni.")


@pytest.mark.xfail(
    strict=True,
    reason="Babel ships no CLDR subdivision names; `holidays` names US states in English only",
)
def test_a_subdivision_is_named_in_her_language(slack: SlackDriver, fake: FakeSlack) -> None:
    assert _say(slack, fake, "fr-FR", "region US-CA").endswith("États-Unis (Californie).")


@pytest.mark.parametrize(
    ("locale", "name", "said"),
    [
        ("en-US", "Germany", "Germany."),
        ("fr-FR", "Allemagne", "Allemagne."),
        ("fr-FR", "germany", "Allemagne."),
        ("ja-JP", "ドイツ", "ドイツ。"),
        ("en-US", "Bayern", "Germany (Bayern)."),
    ],
)
def test_a_country_typed_by_its_name_is_found(
    slack: SlackDriver, fake: FakeSlack, locale: str, name: str, said: str
) -> None:
    assert _say(slack, fake, locale, f"region {name}").endswith(said)


def test_a_name_several_countries_share_is_answered_with_them_and_changes_nothing(
    slack: SlackDriver, fake: FakeSlack
) -> None:
    _say(slack, fake, "en-US", "region DE-BY")
    answer = str(slack.command("UXAVIER", "region united").json()["text"])
    assert answer == (
        "“united” could be United Arab Emirates, United Kingdom, or United States. "
        "Type one of these names, or a code like `DE`."
    )
    assert _week(slack).endswith("Public holidays: Germany (Bayern).")


def test_a_full_width_region_code_is_read(slack: SlackDriver, fake: FakeSlack) -> None:
    assert "Bayern" in _say(
        slack, fake, "ja-JP", "region " + "".join(chr(ord(c) + 0xFEE0) for c in "DE-BY")
    )


@pytest.mark.parametrize("words", ["admin week sun-thu", "admin region FR"])
def test_a_member_cannot_set_everyones_week_or_region(
    slack: SlackDriver, fake: FakeSlack, words: str
) -> None:
    answer = str(slack.command("UALICE", words).json()["text"])
    assert answer == "Only the workspace's admins and owners can change this."
    assert str(slack.command("UBOB", "week").json()["text"]) == (
        "You work Monday, Tuesday, Wednesday, Thursday, and Friday. "
        "Public holidays: no public holidays."
    )
