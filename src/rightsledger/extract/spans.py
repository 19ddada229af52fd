"""A set of character spans that answers "does this span overlap / lie inside one?" quickly.

Rules check each match against the spans other rules took; on a long document a linear scan
per match would make extraction quadratic, so spans are kept sorted by start and only those
that could reach the query (no longer than the longest span stored) are looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanIndex:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((end - start for start, end in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def _near(self, start: int, end: int) -> Iterable[tuple[int, int]]:
        low = bisect.bisect_left(self._spans, (start - self._longest, -1))
        high = bisect.bisect_left(self._spans, (end, -1))
        return self._spans[low:high]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._near(start, end))

    def covers(self, start: int, end: int) -> bool:
        """Whether one stored span contains the whole of ``start..end``."""
        return any(s <= start and end <= e for s, e in self._near(start, end + 1))
