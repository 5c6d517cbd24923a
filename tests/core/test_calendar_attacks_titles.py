"""Attacks on reading absences by their titles: what people write, and events about absences."""

import pytest

from bot.core.calendar_absences import Absence
from tests.core.calendar_feeds import feed, read

# The absence titles people write, in the twelve languages, beyond those tried elsewhere.
AWAY = [
    *["Sick leave", "Maternity leave", "Paternity leave", "Bereavement leave", "Personal day"],
    *["OOO until Monday", "OOO (dentist)", "🌴 OOO", "Alice on PTO", "Half-day PTO"],
    *["Out of Office - Alice", "Holiday ✈️", "Jury duty", "Mental health day"],
    *["Congés payés", "Congé maternité", "Congé parental", "Absente", "Congé sans solde"],
    *["Urlaubstag", "Sonderurlaub", "Krankgeschrieben", "Mutterschutz", "Gleittag"],
    *["Vacaciones 🏝️", "Asuntos propios", "Permiso por paternidad"],
    *["Baja por enfermedad", "Férias 🏖️", "Ausente", "Folga compensatória"],
    *["Licença-maternidade", "Ferie 🌞", "Congedo parentale", "Assente"],
    *["Permesso retribuito", "有休", "年休", "夏季休暇", "育休", "産休", "病欠"],
    *["お休み", "半休", "午後休", "오후 반차", "연차 휴가", "출산휴가"],
    *["육아휴직", "휴무", "调休", "事假", "产假", "婚假", "年休假"],
    *["休假中", "喪假", "產假", "補休", "特休假"],
]
# Events about absences, and other events, that must not be read as the person being away.
NOT_AWAY = [
    *["PTO policy review", "Vacation planning", "OOO sync", "Holiday party", "WFH"],
    *["Review Bob's PTO request", "Vacation request deadline", "Back from vacation catch-up"],
    *["Out-of-office handover", "Sick leave policy training", "Parental leave benefits webinar"],
    *["Holiday card design", "Summer vacation photos"],
    *["Set up OOO auto-reply", "congés payés: réunion d'information"],
    *["Planning des congés", "Télétravail", "Urlaubsplanung", "Urlaubsanträge prüfen"],
    *["Homeoffice", "Planificación de vacaciones", "Teletrabajo"],
    *["Reunião: planejamento de férias", "Pianificazione ferie estive", "Smart working"],
    *["休暇申請の締め切り", "有給休暇の取得促進について説明会", "在宅勤務"],
    *["휴가 신청 마감", "연차 사용 계획 회의", "재택근무", "居家办公"],
    *["请假流程培训", "年假政策说明会"],
    *["請假系統說明會", "年假規定說明"],
]


def one_day(title: str, extra: str = "") -> bytes:
    """A feed with one all-day event on Thursday 10 December titled as given."""
    return feed(f"UID:t\nSUMMARY:{title}\nDTSTART;VALUE=DATE:20261210\n{extra}")


def titles(absences: list[Absence]) -> list[str]:
    """Each absence's title."""
    return [a.title for a in absences]


@pytest.mark.parametrize("title", AWAY)
def test_it_reads_absence_titles_people_write(title: str) -> None:
    assert titles(read(one_day(title))) == [title]


@pytest.mark.parametrize("title", NOT_AWAY)
def test_it_leaves_out_events_that_are_about_absences(title: str) -> None:
    assert read(one_day(title)) == []


@pytest.mark.parametrize(
    ("shown_as", "counted"),
    [
        # Outlook and Google show all-day events as free unless told otherwise.
        ("X-MICROSOFT-CDO-BUSYSTATUS:FREE", True),
        ("TRANSP:TRANSPARENT", True),
        ("X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE", True),
        ("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", False),
        ("STATUS:TENTATIVE", False),
        ("STATUS:CANCELLED\nX-MICROSOFT-CDO-BUSYSTATUS:OOF", False),
    ],
)
def test_it_reads_a_vacation_by_how_it_is_shown(shown_as: str, counted: bool) -> None:
    assert bool(read(one_day("Vacation", shown_as))) is counted
