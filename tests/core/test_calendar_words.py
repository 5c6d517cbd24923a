"""Which calendar titles say their person is away, in each language ooo reads, and which don't."""

import pytest

from bot.core.calendar_words import REASONS_AWAY, says_away
from bot.core.dates.languages import VOCABS
from bot.core.dates.words import fold

AWAY = [
    # English, as people and calendars write it.
    "Out of office",
    "OOO",
    "Alice OOO",
    "[OOO] Alice",
    "PTO",
    "PTO - Alice",
    "Alice's PTO",
    "Vacation",
    "Vacation 🌴",
    "Vacation - back on Monday",
    "On holiday",
    "Holidays",
    "Bank holiday",
    "Sick",
    "Out sick",
    "Sick day",
    "Day off",
    "Parental leave",
    "Annual leave",
    "Sabbatical",
    "VACATION",
    # French, German, Spanish, Portuguese, Italian.
    "Congés",
    "En congé",
    "CONGES",
    "RTT",
    "Absent du bureau",
    "Arrêt maladie",
    "Urlaub",
    "Im Urlaub 🏖",
    "Krank",
    "Abwesend",
    "Nicht im Büro",
    "Brückentag",
    "Elternzeit",
    "Vacaciones",
    "De vacaciones en Cádiz",
    "Fuera de la oficina",
    "Baja médica",
    "Día libre",
    "Férias",
    "De férias",
    "Folga",
    "Fora do escritório",
    "Licença médica",
    "Ferie",
    "In ferie",
    "Fuori ufficio",
    "Malattia",
    "In permesso",
    # Japanese, Korean, Chinese (simplified and traditional): words run together.
    "休暇",
    "夏休み",
    "有給休暇",
    "年末年始休暇",
    "不在",
    "終日不在",
    "휴가",
    "연차",
    "반차",
    "병가",
    "부재중",
    "休假",
    "年假",
    "请假",
    "病假",
    "請假",
    "特休",
    "不在办公室",
]

NOT_AWAY = [
    "PTO planning meeting",
    "Holiday party",
    "Holiday lunch with the team",
    "Vacation policy review",
    "Back from vacation",
    "Welcome back, Alice!",
    "Submit PTO request",
    "Approve Bob's PTO",
    "Handover before vacation",
    "Pre-vacation sync",
    "OOO coverage",
    "Sick leave policy",
    "Germany: Fasching [Not a public holiday]",
    "Team away day",
    "School holidays",
    "Kids off school (half term)",
    "Check in: Holiday Inn Express",
    "Leave for the airport",
    "Away from desk",
    "Standup",
    "1:1 Alice / Carol",
    "Out of the box thinking workshop",
    "Offsite",
    "Business trip",
    "Conference",
    "WFH",
    "Urlaubsplanung",
    "Urlaubsantrag stellen",
    "Besprechung Urlaub",
    "Réunion congés",
    "Retour de congés",
    "Solicitud de vacaciones",
    "Reunião de férias",
    "Riunione ferie",
    "休暇申請",
    "昼休み",
    "休日出勤",
    "会議",
    "휴가 신청",
    "휴일 근무",
    "회의",
    "年假申请",
    "会议",
    "出差",
    "",
]


@pytest.mark.parametrize("title", AWAY)
def test_it_reads_an_absence_in_a_title(title: str) -> None:
    assert says_away(title)


@pytest.mark.parametrize("title", NOT_AWAY)
def test_it_leaves_events_about_absences_and_other_events_alone(title: str) -> None:
    assert not says_away(title)


@pytest.mark.parametrize("code", sorted(REASONS_AWAY))
def test_it_reuses_only_reasons_the_date_reader_knows(code: str) -> None:
    chosen = {fold(word) for word in REASONS_AWAY[code].split("|")}
    assert chosen - set(VOCABS[code].reasons) == set()


def test_it_covers_every_language_the_date_reader_reads() -> None:
    assert set(REASONS_AWAY) == set(VOCABS)
