"""One responder's effects one after another, the others side by side on a pool of senders."""

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from bot.outbox.delivery import Delivery


class Queues:
    """A queue per responder (or per effect when it has none) in each workspace: its "saved"
    DM before its "you're on" DM, in the order claimed, none waiting for another's slow one."""

    def __init__(
        self, pool: ThreadPoolExecutor, send: Callable[[Delivery], None], idle: Callable[[], None]
    ) -> None:
        self._pool, self._send, self._idle = pool, send, idle
        self._lock = threading.Lock()
        self._queues: dict[tuple[str, object], deque[Delivery]] = {}

    def put(self, delivery: Delivery) -> None:
        """Queue an effect behind its responder's, or start a sender on it."""
        of = delivery.responder_id if delivery.responder_id is not None else delivery.key
        key = (delivery.workspace.team_id, of)
        with self._lock:
            queue = self._queues.get(key)
            if queue is not None:
                queue.append(delivery)
                return
            self._queues[key] = deque([delivery])
        self._pool.submit(self._run, key)

    def _run(self, key: tuple[str, object]) -> None:
        """Send a queue's effects until it is empty, then say a sender is free."""
        while True:
            with self._lock:
                queue = self._queues[key]
                if not queue:
                    del self._queues[key]
                    break
                delivery = queue.popleft()
            self._send(delivery)
        self._idle()
