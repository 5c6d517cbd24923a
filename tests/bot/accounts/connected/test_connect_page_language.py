"""The connect page speaks the language the browser prefers most among those ooo speaks."""

import pytest

from bot.accounts.connect_page import browser_locale


@pytest.mark.parametrize(
    ("accept_language", "chosen"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"),
        ("zh-TW,zh;q=0.9,en-US;q=0.8", "zh-TW"),
        ("ja;q=0.5, ko", "ko"),
        ("ru-RU, ru;q=0.9, de;q=0.4", "de"),
        ("es-419", "es-419"),
        ("en-US,en;q=0.9", "en-US"),
        ("pt-BR;q=abc, it", "it"),
        ("ru", None),
        ("", None),
        (None, None),
    ],
)
def test_it_picks_the_browsers_first_language_ooo_speaks(
    accept_language: str | None, chosen: str | None
) -> None:
    assert browser_locale(accept_language) == chosen
