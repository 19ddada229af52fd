"""Capture histories: who was on which list, as counts per pattern, read and checked.

A table of ``t`` lists has ``2**t`` cells indexed by a bit mask: bit ``j`` is set when the person
is on list ``j``. Cell 0 (on no list) is the unknown every method estimates, so it is always 0 here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from rightsledger.errors import InputError, UserError

DEFAULT_COUNT_COLUMN = "count"
MAX_LISTS = 15


@dataclass(frozen=True, eq=False)
class CaptureHistories:
    """Counts of documented people per capture pattern over named lists."""

    lists: tuple[str, ...]
    cells: NDArray[np.int64]  # length 2**t; cells[0] is the unobserved cell, kept at 0

    @classmethod
    def from_patterns(
        cls, lists: Sequence[str], counts: Mapping[tuple[int, ...], int]
    ) -> CaptureHistories:
        t = len(lists)
        cells = np.zeros(2**t, dtype=np.int64)
        for pattern, count in counts.items():
            if len(pattern) != t:
                raise UserError(f"pattern {pattern} does not have {t} lists")
            cells[pattern_index(pattern)] += int(count)
        if cells[0]:
            raise UserError("the all-zero pattern is the unknown to estimate; it cannot be given")
        return cls(tuple(lists), cells)

    @property
    def t(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        return int(self.cells.sum())

    def patterns(self) -> NDArray[np.int8]:
        """The ``2**t - 1`` observed patterns as 0/1 rows, in cell order (cell 1 first)."""
        return pattern_matrix(self.t)[1:]

    def list_totals(self) -> dict[str, int]:
        matrix = pattern_matrix(self.t)
        return {name: int(self.cells @ matrix[:, j]) for j, name in enumerate(self.lists)}

    def overlapping(self) -> int:
        """People on two lists or more: without any, the unobserved cell is not identifiable."""
        sizes = pattern_matrix(self.t).sum(axis=1)
        return int(self.cells[sizes >= 2].sum())

    def require_identifiable(self, where: str = "") -> None:
        place = f"{where}: " if where else ""
        if self.observed == 0:
            raise UserError(
                f"{place}no one is documented on any list; there is nothing to estimate"
            )
        if self.overlapping() == 0:
            raise UserError(
                f"{place}no one is on more than one list: the lists never overlap, so the number "
                "never documented is not identifiable from these data"
            )

    def as_rows(self) -> list[dict[str, int]]:
        matrix = pattern_matrix(self.t)
        return [
            {**{name: int(matrix[cell, j]) for j, name in enumerate(self.lists)}, "count": int(c)}
            for cell, c in enumerate(self.cells)
            if cell
        ]


def pattern_index(pattern: Sequence[int]) -> int:
    return sum(1 << j for j, bit in enumerate(pattern) if bit)


def pattern_matrix(t: int) -> NDArray[np.int8]:
    """Row ``c`` holds the list memberships of cell ``c``."""
    cells = np.arange(2**t)
    return ((cells[:, None] >> np.arange(t)[None, :]) & 1).astype(np.int8)


@dataclass(frozen=True)
class CaptureTable:
    """A parsed file: the histories over all rows, and per stratum when a column was named."""

    source: str
    histories: CaptureHistories
    stratum_column: str | None = None
    strata: dict[str, CaptureHistories] | None = None


def parse_capture_csv(
    text: str | bytes,
    *,
    source: str = "input",
    lists: Sequence[str] | None = None,
    count_column: str | None = None,
    stratum_column: str | None = None,
) -> CaptureTable:
    """Read one 0/1 column per list and an optional count column (each row one person without it).

    Every problem is an ``InputError`` naming the file, line and column.
    """
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise InputError(
                "not valid UTF-8; save it as UTF-8", source=source, line=line
            ) from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise InputError("the file is empty", source=source)
    layout = _Layout.of(
        [cell.strip() for cell in header], source, lists, count_column, stratum_column
    )
    t = len(layout.lists)
    total = np.zeros(2**t, dtype=np.int64)
    by_stratum: dict[str, NDArray[np.int64]] = {}
    rows = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        cell, count, stratum = layout.read(row, reader.line_num)
        total[cell] += count
        if stratum is not None:
            by_stratum.setdefault(stratum, np.zeros(2**t, dtype=np.int64))[cell] += count
    if rows == 0:
        raise InputError("has a header but no rows", source=source)
    histories = CaptureHistories(layout.lists, total)
    strata = None
    if stratum_column is not None:
        strata = {key: CaptureHistories(layout.lists, cells) for key, cells in by_stratum.items()}
        for key, each in strata.items():
            if each.observed == 0:
                raise InputError(
                    f'stratum "{key}" has no one documented (all its counts are 0)',
                    source=source,
                    column=stratum_column,
                )
    return CaptureTable(source, histories, stratum_column, strata)


@dataclass(frozen=True)
class _Layout:
    """Where the lists, the count and the stratum sit in each row."""

    source: str
    width: int
    lists: tuple[str, ...]
    positions: tuple[int, ...]
    count_name: str
    count_at: int | None
    stratum_name: str | None
    stratum_at: int | None

    @classmethod
    def of(
        cls,
        header: list[str],
        source: str,
        lists: Sequence[str] | None,
        count_column: str | None,
        stratum_column: str | None,
    ) -> _Layout:
        _check_header(header, source)
        counting = count_column or DEFAULT_COUNT_COLUMN
        if counting not in header:
            if count_column is not None:
                raise _missing(count_column, header, source)
            counting = ""
        if stratum_column is not None and stratum_column not in header:
            raise _missing(stratum_column, header, source)
        if lists:
            chosen = [name.strip() for name in lists]
            for name in chosen:
                if name not in header:
                    raise _missing(name, header, source)
            if len(set(chosen)) != len(chosen):
                raise InputError("a list is named twice in --lists", source=source)
        else:
            chosen = [name for name in header if name not in (counting, stratum_column)]
        if len(chosen) < 2:
            raise InputError(
                f"needs at least two list columns, found {len(chosen)} "
                f"({', '.join(chosen) or 'none'})",
                source=source,
                line=1,
            )
        if len(chosen) > MAX_LISTS:
            raise InputError(f"too many lists ({len(chosen)}; at most {MAX_LISTS})", source=source)
        return cls(
            source=source,
            width=len(header),
            lists=tuple(chosen),
            positions=tuple(header.index(name) for name in chosen),
            count_name=counting,
            count_at=header.index(counting) if counting else None,
            stratum_name=stratum_column,
            stratum_at=header.index(stratum_column) if stratum_column is not None else None,
        )

    def read(self, row: list[str], line: int) -> tuple[int, int, str | None]:
        """(cell, count, stratum) of one data row."""
        if len(row) != self.width:
            raise InputError(
                f"has {len(row)} cells but the header has {self.width}",
                source=self.source,
                line=line,
            )
        cell = 0
        for j, at in enumerate(self.positions):
            value = row[at].strip()
            if value not in ("0", "1"):
                numeric = value.isascii() and value.isdigit()
                hint = " (is it the count column? use --count-column)" if numeric else ""
                raise InputError(
                    f'"{value}" is not 0 or 1{hint}',
                    source=self.source,
                    line=line,
                    column=self.lists[j],
                )
            if value == "1":
                cell |= 1 << j
        count = 1
        if self.count_at is not None:
            count = _count(row[self.count_at], self.source, line, self.count_name)
        if cell == 0:
            raise InputError(
                "the all-zero pattern (on no list) is the unknown to be estimated; remove this row",
                source=self.source,
                line=line,
            )
        stratum = None
        if self.stratum_at is not None:
            stratum = row[self.stratum_at].strip()
            if not stratum:
                raise InputError(
                    "the stratum is empty", source=self.source, line=line, column=self.stratum_name
                )
        return cell, count, stratum


def _check_header(header: list[str], source: str) -> None:
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name:
            raise InputError(f"column {number} has no name", source=source, line=1)
        if name in seen:
            raise InputError(f"column {name} appears twice", source=source, line=1)
        seen.add(name)


def _missing(name: str, header: list[str], source: str) -> InputError:
    return InputError(
        f"no column {name} (the columns are {', '.join(header)})", source=source, line=1
    )


def _count(text: str, source: str, line: int, column: str) -> int:
    value = text.strip()
    if not value:
        raise InputError("the count is empty", source=source, line=line, column=column)
    if value.startswith("-"):
        raise InputError(
            f'"{value}" is negative; counts are 0 or more', source=source, line=line, column=column
        )
    if not (value.isascii() and value.isdigit()):
        raise InputError(
            f'"{value}" is not a whole number of people', source=source, line=line, column=column
        )
    return int(value)
