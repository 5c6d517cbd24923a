"""The registry of effect kinds: one table from each kind to the function that delivers it."""

from collections.abc import Iterable

from bot.config import ConfigError
from bot.core.effect_kinds import FORMER_NAMES, EffectKind
from bot.outbox.delivery import Deliver, Deliverers


class UnknownKind(Exception):
    """An effect whose kind this replica has no delivery for (a newer replica's, or a typo)."""


class MissingDeliveries(ConfigError):
    """Kinds ooo can plan that nothing delivers: refused at start-up, not retried at run time.

    A ConfigError, so `ooo run` says it and exits like for any setting that cannot run.
    """


class Registry:
    """Every delivery the workers may call, from the tables of the capabilities."""

    def __init__(self, *tables: Deliverers) -> None:
        self._deliverers: dict[EffectKind, Deliver] = {}
        for table in tables:
            twice = sorted(set(table) & set(self._deliverers))
            if twice:
                raise ValueError(f"effect kinds registered twice: {', '.join(twice)}")
            self._deliverers.update(table)

    def deliverer(self, kind: str) -> Deliver:
        """The delivery of a kind (or of its name before kinds were renamed), or UnknownKind."""
        try:
            return self._deliverers[FORMER_NAMES.get(kind) or EffectKind(kind)]
        except (KeyError, ValueError):
            raise UnknownKind(kind) from None

    def check(self, kinds: Iterable[str] = EffectKind) -> None:
        """Refuse to start when a kind ooo can plan has no delivery, naming each one."""
        missing = [str(k) for k in kinds if k not in self._deliverers]
        if missing:
            raise MissingDeliveries(
                f"no delivery registered for effect kinds: {', '.join(missing)}"
                " (add them to a capability's DELIVERERS and to the outbox registry)"
            )
