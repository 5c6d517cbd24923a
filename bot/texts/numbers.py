"""Numbers as the current reader's locale writes them, from CLDR through Babel."""

from babel.numbers import format_decimal, format_percent

from bot.texts.catalog import cldr_locale


def percent(share: int) -> str:
    """A whole percentage, "40%" ("40 %" in French, "40 %" in German)."""
    return format_percent(share / 100, locale=cldr_locale())


def number(value: int) -> str:
    """A count as the reader's locale writes it: "2,000", "2 000", "2.000"."""
    return format_decimal(value, locale=cldr_locale())
