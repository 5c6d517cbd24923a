"""The type of absence a person names in their own words: "/ooo sick tomorrow", "Urlaub", "研修"."""

import re

from bot.core.leave_types import Builtin

# Words per type, in the languages the date reader knows; the more specific types come first,
# so "congé maternité" is parental leave before "congé" is a vacation. Words are separated
# by "|"; words that also mean something else ("of course", "en curso") are left out.
WORDS: tuple[tuple[Builtin, str], ...] = (
    (
        Builtin.PARENTAL,
        (
            "parental leave|maternity|paternity|congé parental|maternité|paternité|"
            "elternzeit|mutterschutz|maternidad|paternidad|maternidade|paternidade|"
            "licença parental|maternità|paternità|congedo parentale|permiso parental|"
            "licencia parental|育休|産休|育児休暇|육아휴직|출산휴가|产假|"
            "產假|陪产假|陪產假|育儿假|育嬰假"
        ),
    ),
    (
        Builtin.SICK,
        (
            "sick|ill|unwell|malade|maladie|krank|krankgeschrieben|krankmeldung|krankenstand|"
            "enfermo|enferma|enfermedad|baja médica|incapacidad|licencia médica|reposo médico|"
            "doente|atestado|licença médica|licença saúde|malato|malata|malattia|"
            "病気|病欠|体調不良|"
            "병가|病假|生病"
        ),
    ),
    (
        Builtin.BUSINESS_TRIP,
        (
            "business trip|work trip|conference|offsite|conférence|déplacement|"
            "voyage d'affaires|dienstreise|geschäftsreise|konferenz|viaje de negocios|"
            "viaje de trabajo|conferencia|congreso|viagem de negócios|viagem a trabalho|"
            "conferência|congresso|viagem corporativa|trasferta|viaggio di lavoro|conferenza|"
            "出張|カンファレンス|学会|출장|"
            "컨퍼런스|학회|出差"
        ),
    ),
    (
        Builtin.TRAINING,
        (
            "training|workshop|formation|schulung|fortbildung|weiterbildung|"
            "formación|capacitación|treinamento|capacitação|formação|formazione|"
            "研修|トレーニング|"
            "연수|교육|培训|培訓"
        ),
    ),
    (
        Builtin.VACATION,
        (
            "vacation|holiday|holidays|pto|vacay|hols|vacances|congé|congés|urlaub|ferien|"
            "vacaciones|férias|ferie|vacanza|vacanze|"
            "休暇|有給|夏休み|휴가|연차|休假|年假|度假"
        ),
    ),
)


def _pattern(alternatives: str) -> re.Pattern[str]:
    """Whole words for scripts with spaces; CJK words wherever they stand."""
    words = alternatives.split("|")
    spaced = "|".join(re.escape(w) for w in words if w.isascii() or not _cjk(w))
    joined = "|".join(re.escape(w) for w in words if not w.isascii() and _cjk(w))
    return re.compile(rf"(?<!\w)(?:{spaced})(?!\w)|{joined}")


def _cjk(word: str) -> bool:
    return any(ord(char) >= 0x2E80 for char in word)


PATTERNS = tuple((key, _pattern(words)) for key, words in WORDS)


def type_named(text: str) -> Builtin | None:
    """The built-in type the words name, or None when they name none."""
    folded = text.casefold()
    return next((key for key, pattern in PATTERNS if pattern.search(folded)), None)
