"""How common each compared value is among the *other* records: the model's term frequencies.

Splink's own tables count a value over all records, the record itself included, while the u of
exact agreement that training samples from random pairs leaves a record's pair with itself out.
For a common name the difference is nothing; for a rare one it is most of the count: a family
name written on two records is counted as carried by two in the data, when each of the two
records meets it only once among the others, and agreement on it is judged half as telling as
it is. Here a value's frequency is (count - 1) / (total - 1), the share of the other records
that carry it, given to Splink as a term-frequency lookup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

# A value seen once agrees with nobody exactly; spelling-variant levels still look its frequency
# up, so it gets the frequency of one record in half the data rather than zero.
UNSEEN_SHARE = 0.5


def tf_columns(model: dict[str, Any]) -> list[str]:
    """The columns the model's levels adjust by frequency, in first-seen order."""
    found: list[str] = []
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            column = level.get("tf_adjustment_column")
            if column and column not in found:
                found.append(str(column))
    return found


def other_record_frequencies(values: Iterable[str | None], column: str) -> pa.Table:
    """One row per value: the value and the share of the other records that carry it."""
    counts = Counter(v for v in values if v is not None)
    total = sum(counts.values())
    others = max(total - 1, 1)
    names = list(counts)
    shares = [max(counts[v] - 1, UNSEEN_SHARE) / others for v in names]
    return pa.table(
        {column: pa.array(names, pa.string()), f"tf_{column}": pa.array(shares, pa.float64())}
    )


def frequency_tables(table: pa.Table, columns: Sequence[str]) -> dict[str, pa.Table]:
    return {c: other_record_frequencies(table.column(c).to_pylist(), c) for c in columns}
