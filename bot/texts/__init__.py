"""Every sentence a person reads: gettext messages from one catalog, rendered for one reader.

Mark a sentence where it is written: `_("{name} is out until {day}", name=..., day=...)` renders
it now, `ngettext(singular, plural, count)` when it says a number, and `N_("...")` marks a module
constant that `_()` renders later, when it is read. Wrap the rendering in `with speaking(locale):`
to write for one reader; outside one, and for a locale without a catalog, the English source text
is what they read.

`make messages` re-extracts `messages.pot` (with `babel.cfg`); a test fails while it is stale.
Adding a language is one file: `pybabel init -i bot/texts/messages.pot -d bot/texts/locales
-l fr`, then translate `locales/fr/LC_MESSAGES/messages.po`; it is compiled when first read.
"""

from bot.texts.catalog import (
    N_,
    _,
    ngettext,
    reader_locale,
    speaking,
    speaks,
    supported_locales,
)

__all__ = ["N_", "_", "ngettext", "reader_locale", "speaking", "speaks", "supported_locales"]
