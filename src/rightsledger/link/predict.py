"""Scoring blocked pairs with a trained model on DuckDB (default) or Spark."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from rightsledger.link.frequencies import frequency_tables, tf_columns
from rightsledger.link.model import (
    Backend,
    DuckSession,
    arrow_table,
    quiet_splink,
)
from rightsledger.link.records import Prepared


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one comparison said about a pair: its level and match weight (log2 Bayes factor)."""

    comparison: str
    level: str
    weight: float


@dataclass
class Scored:
    """Pairs at or above the floor probability: ids, probabilities and, for some, evidence."""

    left: list[str]
    right: list[str]
    probability: list[float]
    evidence: dict[tuple[str, str], list[Evidence]] = field(default_factory=dict)


def _level_weights(model: dict[str, Any]) -> dict[str, list[tuple[str, float]]]:
    """Each comparison's levels with their match weights log2(m/u), to name a pair's level."""
    found: dict[str, list[tuple[str, float]]] = {}
    for comparison in model["comparisons"]:
        levels = []
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            if m and u:
                levels.append((str(level["label_for_charts"]), math.log2(m / u)))
        found[str(comparison["output_column_name"])] = levels
    return found


def _evidence_of(row: dict[str, Any], levels: dict[str, list[tuple[str, float]]]) -> list[Evidence]:
    found = []
    for name, named_levels in levels.items():
        weight = row.get(f"mw_{name}")
        if weight is None:
            continue
        weight = float(weight)
        label = "missing"
        if weight != 0.0 and named_levels:
            label = min(named_levels, key=lambda level: abs(level[1] - weight))[0]
        adjustment = row.get(f"mw_tf_adj_{name}")
        if adjustment:
            weight += float(adjustment)
            label += " (adjusted for how common the value is)"
        found.append(Evidence(name, label, round(weight, 2)))
    return found


def _score(
    linker: Any, model: dict[str, Any], floor: float, band: tuple[float, float] | None
) -> Scored:
    with quiet_splink():
        predictions = linker.inference.predict(threshold_match_probability=floor)
        # Table names come from Splink and the bounds are floats: nothing user-written is spliced.
        sql = (
            "select unique_id_l, unique_id_r, match_probability "  # noqa: S608 - Splink's table
            f"from {predictions.physical_name} order by unique_id_l, unique_id_r"
        )
        edges = linker.misc.query_sql(sql).as_pyarrow_table()
        scored = Scored(
            left=[str(v) for v in edges.column("unique_id_l").to_pylist()],
            right=[str(v) for v in edges.column("unique_id_r").to_pylist()],
            probability=[float(v) for v in edges.column("match_probability").to_pylist()],
        )
        if band is not None:
            low, high = band
            rows = linker.misc.query_sql(
                f"select * from {predictions.physical_name} "  # noqa: S608 - Splink's own table
                f"where match_probability >= {low!r} and match_probability <= {high!r}"
            ).as_record_list()
            levels = _level_weights(model)
            for row in rows:
                key = (str(row["unique_id_l"]), str(row["unique_id_r"]))
                scored.evidence[key] = _evidence_of(row, levels)
    return scored


def predict(
    records: Sequence[Prepared],
    model: dict[str, Any],
    *,
    floor: float,
    band: tuple[float, float] | None,
    backend: Backend = "duckdb",
    session: DuckSession | None = None,
    spark: Any = None,
) -> Scored:
    """Score every blocked pair with probability >= floor."""
    table = arrow_table(records)
    if backend == "spark":
        return _predict_spark(table, model, floor=floor, band=band, spark=spark)
    from splink import DuckDBAPI, Linker

    assert session is not None
    with quiet_splink():
        db_api = DuckDBAPI(connection=session.connection)
        registered = db_api.register(table, table_name="rl_records")
        linker = Linker(registered, dict(model), log_level=None)
        _register_frequencies(linker, db_api, table, model, lambda frame: frame)
        return _score(linker, model, floor, band)


def _register_frequencies(
    linker: Any, db_api: Any, table: pa.Table, model: dict[str, Any], to_frame: Any
) -> None:
    """Give Splink the project's term frequencies instead of its own counts (see frequencies)."""
    for column, frequencies in frequency_tables(table, tf_columns(model)).items():
        registered = db_api.register(to_frame(frequencies), table_name=f"rl_tf_{column}")
        linker.table_management.register_term_frequency_lookup(registered, column)


def _predict_spark(
    table: pa.Table,
    model: dict[str, Any],
    *,
    floor: float,
    band: tuple[float, float] | None,
    spark: Any,
) -> Scored:
    from splink import Linker, SparkAPI

    from rightsledger.link.spark import local_session

    session = spark or local_session()
    with quiet_splink():
        db_api = SparkAPI(spark_session=session, break_lineage_method="persist")  # type: ignore[no-untyped-call]
        frame = session.createDataFrame(table)
        registered = db_api.register(frame, table_name="rl_records")
        linker = Linker(registered, dict(model), log_level=None)
        _register_frequencies(linker, db_api, table, model, session.createDataFrame)
        return _score(linker, model, floor, band)
