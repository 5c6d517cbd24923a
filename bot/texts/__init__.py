"""Every sentence a person reads: gettext messages from one catalog, rendered for one reader.

Mark a sentence where it is written: `_("{name} is out until {day}", name=..., day=...)` renders
it now, `ngettext(singular, plural, count)` when it says a number, and `N_("...")` marks a module
constant that `_()` renders later, when it is read. Wrap the rendering in `with speaking(locale):`
to write for one reader; outside one, and for a locale without a catalog, the English source text
is what they read. `reader_locale()` says whom the text is being written for (dates use it).

Who the reader is, decided in one place per path, never in a builder:
- a listener: whoever acted (`bot/listeners/readers.py` wraps each one in the routing table),
  and the follow-ups it queues inherit it;
- an effect: its owner by default (the outbox worker); a delivery read by someone else says so
  around its rendering, `with delivery.speaking_to(client, user_id):`, and a post many people
  read (a channel's) `with delivery.speaking_to_many(client, setter_id):`, which falls back to
  `OOO_DEFAULT_LOCALE`;
- the Home tab: its viewer (`HomeTabs.publish`); the connect page: the browser's language.
A new capability (calendars) follows the same rules: its listeners are wrapped by the table, its
effects speak to their owner unless their delivery says otherwise.

`make messages` re-extracts `messages.pot` (with `babel.cfg`) and updates every catalog in
`locales/<dir>/LC_MESSAGES/messages.po`; a test fails while the template is stale, and another
while any catalog leaves a message untranslated or fuzzy. Adding a language: README, Languages.
"""

from bot.texts.catalog import (
    N_,
    _,
    ngettext,
    pgettext,
    reader_locale,
    speaking,
    speaks,
    supported_locales,
)

__all__ = [
    "N_",
    "_",
    "ngettext",
    "pgettext",
    "reader_locale",
    "speaking",
    "speaks",
    "supported_locales",
]
