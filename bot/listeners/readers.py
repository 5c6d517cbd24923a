"""Each listener answers in the language of the person who acted: their Slack locale."""

import inspect
from collections.abc import Callable

from slack_bolt import Args

from bot.services import Services
from bot.texts import speaking

Listener = Callable[..., None]


class Spoken:
    """A listener wrapped so every message it renders speaks to whoever acted.

    The wrapper, not a middleware: Bolt may run a listener on another thread than its
    middleware, and a context variable set there would not reach it. It asks Bolt for `args`
    (everything a listener can take) and hands the listener the names it asks for.
    """

    def __init__(self, listener: Listener) -> None:
        self.listener = listener
        self._names = inspect.getfullargspec(listener).args
        self.__name__ = listener.__name__

    def __call__(self, args: Args) -> None:
        """Look the actor up (once for the whole request), then run the listener for them."""
        services: Services = args.context["services"]
        with services.directory.one_request(), speaking(actor_locale(args, services)):
            self.listener(**{name: _argument(args, name) for name in self._names})


def actor_locale(args: Args, services: Services) -> str | None:
    """The Slack locale of whoever sent the request, from the directory's cache (one
    users.info on a miss, which the listener's own lookup then reuses); None, for the
    English source text, when nobody did."""
    user_id = args.context.user_id
    if not user_id:
        return None
    team_id = args.context.team_id or ""
    return services.directory.person(args.client, team_id=team_id, user_id=user_id).locale


def _argument(args: Args, name: str) -> object:
    """One argument as Bolt would inject it: its own, else a context key (`services`)."""
    return getattr(args, name) if hasattr(args, name) else args.context.get(name)
