"""Attacks on the catalogs as readers meet them: every finished translation renders (no
placeholder the code does not fill, none left showing), numbers take the plural form CLDR gives
their language (1, 2, 5, 21 and 0), and the catalogs' plural rules are CLDR's."""

from gettext import c2py
from string import Formatter

import pytest
from babel.messages.catalog import Message
from babel.messages.plurals import get_plural

from bot.texts import _, ngettext, speaking
from bot.texts.catalog import CATALOGS
from tests.bot.texts.test_translations import translations

SLACK = {
    "en_GB": "en-GB",
    "fr": "fr-FR",
    "de": "de-DE",
    "es": "es-ES",
    "es_419": "es-LA",
    "pt_BR": "pt-BR",
    "it": "it-IT",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "zh_CN": "zh-CN",
    "zh_TW": "zh-TW",
}


def fields(text: str) -> set[str]:
    """The named placeholders of a text."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def finished(folder: str) -> list[Message]:
    """The entries a translator finished: not fuzzy, every form written."""
    done = []
    for message in translations(folder):
        forms = message.string if isinstance(message.string, tuple | list) else [message.string]
        if message.id and not message.fuzzy and all(f and f.strip() for f in forms):
            done.append(message)
    return done


def test_every_catalog_is_attacked() -> None:
    assert sorted(SLACK) == sorted(CATALOGS)


@pytest.mark.parametrize("folder", CATALOGS)
def test_the_catalogs_plural_rule_is_cldrs(folder: str) -> None:
    catalog = translations(folder)
    cldr = get_plural(folder)
    assert catalog.num_plurals == cldr.num_plurals
    assert catalog.plural_expr.replace(" ", "") == cldr.plural_expr.replace(" ", "")


@pytest.mark.parametrize("folder", CATALOGS)
def test_every_finished_translation_renders_with_what_the_code_fills(folder: str) -> None:
    broken = {}
    for message in finished(folder):
        ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
        # A number fills every placeholder: "{limit:,}" formats only numbers.
        params: dict[str, object] = {name: 3000 for text in ids for name in fields(text)}
        if isinstance(message.id, tuple | list):
            params.pop("count", None)
        with speaking(SLACK[folder]):
            try:
                if isinstance(message.id, tuple | list):
                    shown = [ngettext(ids[0], ids[1], n, **params) for n in (1, 2, 5)]
                else:
                    shown = [_(ids[0], **params)]
            except (KeyError, IndexError, ValueError) as error:
                broken[ids[0]] = repr(error)
                continue
        if any("{" in text and "{" not in ids[0] for text in shown):
            broken[ids[0]] = shown[0]
    assert not broken, f"{folder}: {len(broken)}: {list(broken.items())[:3]}"


@pytest.mark.parametrize("folder", CATALOGS)
def test_a_number_takes_the_form_cldr_gives_it(folder: str) -> None:
    rule = c2py(translations(folder).plural_expr)
    wrong = []
    for message in finished(folder):
        if not isinstance(message.id, tuple | list) or "{count}" not in message.id[0]:
            continue
        if fields(message.id[0]) != {"count"}:
            continue
        for count in (0, 1, 2, 5, 21):
            with speaking(SLACK[folder]):
                shown = ngettext(message.id[0], message.id[1], count)
            wanted = message.string[rule(count)].format(count=count)
            if shown != wanted:
                wrong.append((message.id[0], count, shown, wanted))
    assert not wrong, f"{folder}: {wrong[:3]}"


@pytest.mark.parametrize("folder", ["fr", "de", "es", "pt_BR", "it"])
def test_one_and_two_read_differently_in_languages_with_a_plural(folder: str) -> None:
    same = []
    for message in finished(folder):
        # Only where English itself says one and two differently ("1 day", "2 days"): "1 de
        # plus" and "2 de plus" are both right in French, as "1 more" and "2 more" are here.
        singular, plural = message.id if isinstance(message.id, tuple | list) else (None, None)
        if singular is None or singular == plural:
            continue
        if fields(singular) == {"count"}:
            with speaking(SLACK[folder]):
                one, two = (ngettext(message.id[0], message.id[1], n) for n in (1, 2))
            if one.replace("1", "") == two.replace("2", ""):
                same.append(one)
    assert not same, f"{folder}: {same[:3]}"


# What ooo shows as a modal's title, submit or close label: Slack refuses more than 24.
MODAL_LABELS = [
    "New responder",
    "Edit responder",
    "Save",
    "Cancel",
    "Connect a calendar",
    "Connect",
    "Team digest",
    "Post it",
    "End responder?",
    "End now",
    "Delete responder?",
    "Delete",
    "Not available",
    "Please try again",
]


@pytest.mark.parametrize("locale", ["en-US", *SLACK.values()])
def test_every_modal_title_and_label_fits_slacks_24_characters(locale: str) -> None:
    with speaking(locale):
        long = {label: _(label) for label in MODAL_LABELS if len(_(label)) > 24}
    assert not long, f"{locale}: {long}"
