"""Which language and numeric date order a Slack locale reads and writes dates in."""

from dataclasses import dataclass

from .lang import de, en, es, fr, it, ja, ko, pt, zh
from .words import Vocab, fold

VOCABS: dict[str, Vocab] = {
    v.code: v for v in (m.VOCAB for m in (en, fr, de, es, pt, it, ja, ko, zh))
}


@dataclass(frozen=True)
class Language:
    """A Slack locale's words and its numeric date order ("mdy", "dmy", "ymd")."""

    locale: str
    vocab: Vocab
    order: str


# Every language Slack's interface speaks, by the locale `users.info` reports.
LOCALES: dict[str, Language] = {
    loc.locale: loc
    for loc in (
        Language("en-US", en.VOCAB, "mdy"),
        Language("en-GB", en.VOCAB, "dmy"),
        Language("fr-FR", fr.VOCAB, "dmy"),
        Language("de-DE", de.VOCAB, "dmy"),
        Language("es-ES", es.VOCAB, "dmy"),
        Language("es-LA", es.VOCAB, "dmy"),
        Language("pt-BR", pt.VOCAB, "dmy"),
        Language("it-IT", it.VOCAB, "dmy"),
        Language("ja-JP", ja.VOCAB, "ymd"),
        Language("ko-KR", ko.VOCAB, "ymd"),
        Language("zh-CN", zh.VOCAB, "ymd"),
        Language("zh-TW", zh.VOCAB, "ymd"),
    )
}
_BY_FOLDED = {fold(tag): loc for tag, loc in LOCALES.items()}
# A locale Slack might add later reads as its language does; traditional Chinese by region.
_BY_LANGUAGE = {"zh-hk": "zh-TW", "zh-mo": "zh-TW", "zh-hant": "zh-TW", "en": "en-US"}


def language_of(locale: str | None) -> Language:
    """The language for a Slack locale ("pt-BR", "es_MX", "zh-HK"); US English when unknown."""
    tag = fold(locale or "en-US").replace("_", "-")
    if tag in _BY_FOLDED:
        return _BY_FOLDED[tag]
    if tag in _BY_LANGUAGE:
        return LOCALES[_BY_LANGUAGE[tag]]
    code = tag.split("-")[0]
    first = next((loc for loc in LOCALES.values() if loc.vocab.code == code), None)
    if first is None:
        return LOCALES["en-US"]
    # Another English or Spanish region writes day/month, as en-GB and es-LA do.
    return LOCALES.get({"en": "en-GB", "es": "es-LA"}.get(code, ""), first)


def languages_for(locale: str | None) -> list[str]:
    """The languages a locale's phrases are read in, in order: its own, then English."""
    code = language_of(locale).vocab.code
    return [code] if code == "en" else [code, "en"]
