"""The routing table: every listener asks only for what Bolt gives, plus the app's services."""

import inspect
from collections.abc import Callable
from typing import Any

from slack_bolt.kwargs_injection.args import Args

from bot.listeners import register

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


def test_it_gives_every_listener_only_arguments_bolt_can_inject() -> None:
    asked = {
        f"{listener.__module__}.{listener.__name__}": set(inspect.signature(listener).parameters)
        for _, listener in wired()
    }
    unknown = {name: sorted(params - GIVEN) for name, params in asked.items() if params - GIVEN}
    assert unknown == {}


def test_it_recognises_an_argument_no_one_injects() -> None:
    def listener(ack: object, engine: object) -> None: ...

    assert set(inspect.signature(listener).parameters) - GIVEN == {"engine"}
