"""The routing table: every listener asks only for what Bolt gives, plus the app's services."""

import inspect
from collections.abc import Callable
from typing import Any

from slack_bolt.kwargs_injection.args import Args

from bot.listeners import register
from bot.listeners.readers import Spoken

# Bolt hands a listener any of its own arguments by name; ooo adds one context key.
GIVEN = set(inspect.signature(Args.__init__).parameters) - {"self", "kwargs"} | {"services"}


class Recorder:
    """Stands in for Bolt's App: keeps each listener `register` wires, by what it answers."""

    def __init__(self) -> None:
        self.listeners: list[tuple[str, Callable[..., Any]]] = []

    def __getattr__(self, kind: str) -> Callable[..., Callable[[Callable[..., Any]], None]]:
        def matcher(*_args: object, **_kwargs: object) -> Callable[[Callable[..., Any]], None]:
            return lambda listener: self.listeners.append((kind, listener))

        return matcher


def wired() -> list[tuple[str, Callable[..., Any]]]:
    recorder = Recorder()
    register(recorder)  # type: ignore[arg-type]
    return recorder.listeners


def test_it_wires_every_kind_of_request_ooo_answers() -> None:
    assert {kind for kind, _ in wired()} == {"event", "command", "action", "options", "view"}


def unwrapped(listener: Callable[..., Any]) -> Callable[..., Any]:
    """The listener itself, inside the wrapper that speaks the actor's language."""
    return listener.listener if isinstance(listener, Spoken) else listener


def test_it_gives_every_listener_only_arguments_bolt_can_inject() -> None:
    asked = {
        f"{inner.__module__}.{inner.__name__}": set(inspect.signature(inner).parameters)
        for inner in (unwrapped(listener) for _, listener in wired())
    }
    unknown = {name: sorted(params - GIVEN) for name, params in asked.items() if params - GIVEN}
    assert unknown == {}


def test_it_recognises_an_argument_no_one_injects() -> None:
    def listener(ack: object, engine: object) -> None: ...

    assert set(inspect.signature(listener).parameters) - GIVEN == {"engine"}


def test_it_speaks_the_actors_language_in_every_listener_a_person_reaches() -> None:
    silent = {
        f"{inner.__module__}.{inner.__name__}"
        for _, listener in wired()
        if not isinstance(listener, Spoken)
        for inner in [listener]
    }
    # Messages are answered later, for their reader; installation events answer nobody.
    assert silent == {
        "bot.listeners.messages.message_posted",
        "bot.listeners.installation_events.app_uninstalled",
        "bot.listeners.installation_events.tokens_revoked",
        "bot.listeners.installation_events.user_change",
    }
