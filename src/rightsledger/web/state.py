"""What the application keeps for its lifetime: the open casebook and per-process limits."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from rightsledger.store.casebook import Casebook
from rightsledger.web.ratelimit import SlidingWindow
from rightsledger.web.sessions import SessionPolicy


@dataclass
class WebState:
    book: Casebook
    sessions: SessionPolicy = field(default_factory=SessionPolicy)
    login_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(10, 60.0))
    # Secure cookies are right everywhere a browser accepts them, including http://127.0.0.1
    # and http://localhost; tests with a plain-HTTP test client turn them off.
    secure_cookies: bool = True
    # Results computed from the whole casebook (dashboard figures, estimates), keyed by what
    # they were computed from; see ``rightsledger.web.figures``.
    cache: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def lock_for(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())
