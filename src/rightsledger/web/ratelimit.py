"""A sliding-window limit on sign-in attempts per client address, kept in memory.

It complements the per-account lock of ``protect.users`` (which stops guessing one account's
password) by slowing one address that tries many accounts. Each worker process keeps its own
window, so with N workers an address gets at most N times the limit: still small.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class SlidingWindow:
    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str, *, now: float | None = None) -> bool:
        """Count one attempt from ``key``; False when it is over the limit (not counted then)."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits[key]
            while hits and moment - hits[0] >= self.seconds:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(moment)
            if len(self._hits) > 10_000:  # forget idle addresses rather than grow without end
                for stale in [k for k, v in self._hits.items() if not v]:
                    del self._hits[stale]
            return True

    def retry_after(self, key: str, *, now: float | None = None) -> int:
        moment = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return 0
            return max(1, int(self.seconds - (moment - hits[0])) + 1)
