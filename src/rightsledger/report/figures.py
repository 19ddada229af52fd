"""A figure: one value a report states, with the records it was computed from.

Every figure is produced by a plain function over the session, so the report, ``report verify``
and the tests call the same code. A figure's *inputs hash* is the SHA-256 of a canonical JSON of
the records it was computed from (external ids, their ``updated`` timestamps and the values
used): a record edited after the report changes the hash even when the value happens to stay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rightsledger.ledger import canonical
from rightsledger.model.base import Record


@dataclass(frozen=True)
class InputRow:
    """One record a figure used: its kind, ids, last change and the values taken from it."""

    kind: str
    record_id: int  # internal, for finding the record's citations; never hashed or shown
    external_id: str
    updated: str
    values: dict[str, Any] = field(default_factory=dict)

    def hashed(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.external_id,
            "updated": self.updated,
            "values": self.values,
        }


def row(kind: str, record: Record, /, **values: Any) -> InputRow:
    return InputRow(kind, record.id, record.external_id, stamp(record.updated_at), values)


def stamp(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive values for server defaults
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def inputs_hash(rows: Iterable[InputRow]) -> str:
    """SHA-256 of the rows as canonical JSON, in a fixed order (kind, external id, values)."""
    hashed = sorted((r.hashed() for r in rows), key=canonical)
    return hashlib.sha256(canonical({"inputs": hashed})).hexdigest()


@dataclass(frozen=True)
class Figure:
    """A figure's stable id, its JSON value and the rows it was computed from."""

    id: str
    value: Any
    inputs: tuple[InputRow, ...] = ()

    @property
    def inputs_sha256(self) -> str:
        return inputs_hash(self.inputs)

    def manifest_entry(self) -> dict[str, Any]:
        return {"id": self.id, "value": self.value, "inputs_sha256": self.inputs_sha256}


@dataclass
class FigureSet:
    """The figures of one report, in the order the report states them."""

    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure | None) -> Figure | None:
        if figure is not None:
            if any(f.id == figure.id for f in self.figures):
                raise ValueError(f"figure {figure.id} computed twice")
            self.figures.append(figure)
        return figure

    def get(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def starting(self, prefix: str) -> list[Figure]:
        return [f for f in self.figures if f.id.startswith(prefix)]

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)


def suppressed_counts(values: dict[str, Any], keys: Iterable[str], threshold: int) -> list[str]:
    """Blank the counts from 1 to threshold-1 in ``values``; returns the keys blanked."""
    hidden = []
    for key in keys:
        number = values.get(key)
        if isinstance(number, int) and 0 < number < threshold:
            values[key] = None
            hidden.append(key)
    return hidden
