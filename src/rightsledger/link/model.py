"""The Splink model: comparisons, blocking rules, training and prediction on DuckDB or Spark.

Every comparison uses plain SQL both engines evaluate identically (equality and Levenshtein), so
a model trained once predicts the same probabilities on DuckDB and on Spark. Training always runs
on DuckDB in memory, on the driver, from the prepared keys; Spark only scores the blocked pairs.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from rightsledger.errors import UserError
from rightsledger.link.names import loose
from rightsledger.link.records import Prepared

Backend = Literal["duckdb", "spark"]

MODEL_FORMAT = "rightsledger-link-model/1"
U_SAMPLE_PAIRS = 2e6
SEED = 20170401

SCHEMA = pa.schema(
    [
        ("unique_id", pa.string()),
        ("source_dataset", pa.string()),
        ("given_key", pa.string()),
        ("given_skel", pa.string()),
        ("given_ph", pa.string()),
        ("family_skel", pa.string()),
        ("family_ph", pa.string()),
        ("family_sorted", pa.string()),
        ("family_loose", pa.string()),
        ("name_key", pa.string()),
        ("rare_name_key", pa.string()),
        ("given_initial", pa.string()),
        ("patronymic_skel", pa.string()),
        ("birth_lo", pa.int64()),
        ("birth_hi", pa.int64()),
        ("birth_day", pa.int64()),
        ("by_lo", pa.int64()),
        ("by_hi", pa.int64()),
        ("place_key", pa.string()),
        ("sex", pa.string()),
        ("name_only", pa.bool_()),
    ]
)

# Each rule is cheap on its own (several keys at once) and together they keep pairs whose names
# are spelled differently: if the family key differs, the given key and a date still meet.
BLOCKING_RULES = (
    "l.family_skel = r.family_skel and l.given_key = r.given_key and l.by_lo = r.by_lo",
    "l.family_skel = r.family_skel and l.given_key = r.given_key and l.by_hi = r.by_hi",
    "l.family_skel = r.family_skel and l.given_key = r.given_key "
    "and l.patronymic_skel = r.patronymic_skel",
    "l.family_skel = r.family_skel and l.given_key = r.given_key and l.place_key = r.place_key",
    # A record with nothing but a name meets its namesakes only while they are few: among
    # hundreds of "Magomed Magomadov" a bare name cannot pick one, and comparing it with all of
    # them is what makes linkage quadratic.
    "l.rare_name_key = r.rare_name_key",
    "l.family_skel = r.family_skel and l.given_initial = r.given_initial and l.by_lo = r.by_lo",
    "l.family_skel = r.family_skel and l.birth_day = r.birth_day",
    "l.given_key = r.given_key and l.birth_day = r.birth_day",
    "l.family_ph = r.family_ph and l.given_key = r.given_key and l.by_lo = r.by_lo",
    "l.given_key = r.given_key and l.family_sorted = r.family_sorted "
    "and l.family_skel <> r.family_skel",
    "l.family_skel = r.family_skel and l.patronymic_skel = r.patronymic_skel and l.by_lo = r.by_lo",
    "l.family_skel = r.given_skel and l.given_skel = r.family_skel",
    "l.family_loose = r.family_loose and l.given_key = r.given_key "
    "and l.family_skel <> r.family_skel",
)
RARE_NAME_RECORDS = 60

# EM runs on one tight block, where most pairs are matches. It learns how often a true match
# agrees on patronymic, birth date, place and sex. The name comparisons are excluded by that
# block; their m values are the project's priors below (how often one person's name is spelled
# beyond its key in another list), because EM on looser blocks converges on namesakes instead.
TRAINING_BLOCKS = (
    "l.family_skel = r.family_skel and l.given_key = r.given_key and l.by_lo = r.by_lo",
)
M_FLOOR = 0.002
U_FLOOR = 1e-5


def _level(sql: str, label: str, tf: str | None = None, m: float | None = None) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if m is not None:
        level["m_probability"] = m
    if tf:
        level["tf_adjustment_column"] = tf
        level["tf_adjustment_weight"] = 1.0
    return level


def _null(*columns: str) -> dict[str, Any]:
    sql = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in columns)
    return {"sql_condition": sql, "label_for_charts": "missing", "is_null_level": True}


ELSE = {"sql_condition": "ELSE", "label_for_charts": "different"}

SEPARATE_NAMES: tuple[dict[str, Any], ...] = (
    {
        "output_column_name": "given_name",
        "comparison_levels": [
            _null("given_skel"),
            _level("given_skel_l = given_skel_r", "same spelling key", tf="given_skel", m=0.8),
            _level(
                "given_key_l = given_key_r",
                "equivalent names (alias table)",
                tf="given_key",
                m=0.08,
            ),
            _level("levenshtein(given_skel_l, given_skel_r) <= 1", "one edit apart", m=0.07),
            _level("given_ph_l = given_ph_r", "same sound key", m=0.02),
            {**ELSE, "m_probability": 0.03},
        ],
    },
    {
        "output_column_name": "family_name",
        "comparison_levels": [
            _null("family_skel"),
            _level("family_skel_l = family_skel_r", "same spelling key", tf="family_skel", m=0.82),
            _level("levenshtein(family_skel_l, family_skel_r) <= 1", "one edit apart", m=0.09),
            _level("family_loose_l = family_loose_r", "same loose key (ж/ш/й merged)", m=0.03),
            _level(
                "levenshtein(family_skel_l, family_skel_r) <= 2 OR family_ph_l = family_ph_r",
                "two edits apart or same sound key",
                m=0.06,
            ),
            {**ELSE, "m_probability": 0.03},
        ],
    },
)

COMPARISONS: tuple[dict[str, Any], ...] = (
    *SEPARATE_NAMES,
    {
        "output_column_name": "patronymic",
        "comparison_levels": [
            _null("patronymic_skel"),
            _level("patronymic_skel_l = patronymic_skel_r", "same spelling key"),
            _level("levenshtein(patronymic_skel_l, patronymic_skel_r) <= 2", "close"),
            ELSE,
        ],
    },
    {
        "output_column_name": "birth_date",
        "comparison_levels": [
            _null("birth_lo"),
            _level(
                "birth_day_l = birth_day_r",
                "same day",
            ),
            _level(
                "birth_lo_l <= birth_hi_r AND birth_lo_r <= birth_hi_l "
                "AND birth_hi_l - birth_lo_l <= 31 AND birth_hi_r - birth_lo_r <= 31",
                "same month",
            ),
            _level(
                "birth_lo_l <= birth_hi_r AND birth_lo_r <= birth_hi_l "
                "AND birth_hi_l - birth_lo_l <= 366 AND birth_hi_r - birth_lo_r <= 366",
                "same year",
            ),
            _level(
                "birth_lo_l <= birth_hi_r AND birth_lo_r <= birth_hi_l",
                "overlapping ranges",
            ),
            _level(
                "birth_lo_l - birth_hi_r <= 400 AND birth_lo_r - birth_hi_l <= 400",
                "within about a year",
            ),
            ELSE,
        ],
    },
    {
        "output_column_name": "place",
        "comparison_levels": [
            _null("place_key"),
            _level("place_key_l = place_key_r", "same place", tf="place_key"),
            ELSE,
        ],
    },
    {
        "output_column_name": "sex",
        "comparison_levels": [_null("sex"), _level("sex_l = sex_r", "same"), ELSE],
    },
)


def settings(link_type: str, prior: float) -> dict[str, Any]:
    return {
        "link_type": link_type,
        "unique_id_column_name": "unique_id",
        "source_dataset_column_name": "source_dataset",
        "probability_two_random_records_match": prior,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": rule} for rule in BLOCKING_RULES
        ],
        "comparisons": list(COMPARISONS),
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": True,
        "additional_columns_to_retain": [],
        "em_convergence": 0.001,
        "max_iterations": 25,
    }


def arrow_table(records: Sequence[Prepared]) -> pa.Table:
    from datetime import date

    def year(ordinal: int | None) -> int | None:
        return None if ordinal is None else date.fromordinal(ordinal).year

    from collections import Counter

    name_keys = [
        f"{r.family_skel}|{r.given_key}" if r.family_skel and r.given_key else None for r in records
    ]
    frequency = Counter(name_keys)
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for record, name_key in zip(records, name_keys, strict=True):
        row = record.as_row()
        row["birth_day"] = (
            record.birth_lo
            if record.birth_lo is not None and record.birth_lo == record.birth_hi
            else None
        )
        row["by_lo"] = year(record.birth_lo)
        row["by_hi"] = year(record.birth_hi)
        family = record.family_skel or ""
        row["family_sorted"] = "".join(sorted(family.replace(" ", ""))) or None
        row["family_loose"] = loose(family) or None
        row["given_initial"] = (record.given_skel or "")[:1] or None
        row["name_key"] = name_key
        row["rare_name_key"] = (
            name_key if name_key and frequency[name_key] <= RARE_NAME_RECORDS else None
        )
        for name in SCHEMA.names:
            columns[name].append(row[name])
    return pa.Table.from_pydict(columns, schema=SCHEMA)


@contextmanager
def quiet_splink() -> Iterator[None]:
    """Splink logs progress at INFO; the library keeps its own output to the caller."""
    logger = logging.getLogger("splink")
    before = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)


@dataclass
class DuckSession:
    """An in-memory DuckDB connection; when allowed to spill, into a private directory."""

    spill_dir: tempfile.TemporaryDirectory[str] | None
    connection: Any

    @classmethod
    def open(cls, *, spill: bool, memory_limit: str | None = None) -> DuckSession:
        import duckdb

        connection = duckdb.connect(":memory:")
        directory = None
        if spill:
            directory = tempfile.TemporaryDirectory(prefix="rightsledger-link-")
            connection.execute(f"SET temp_directory = '{directory.name}'")
        else:
            # An in-memory database otherwise spills into ./.tmp: never write identities there.
            connection.execute("SET temp_directory = ''")
        if memory_limit:
            connection.execute(f"SET memory_limit = '{memory_limit}'")
        return cls(spill_dir=directory, connection=connection)

    def close(self) -> None:
        self.connection.close()
        if self.spill_dir is not None:
            self.spill_dir.cleanup()


def train(records: Sequence[Prepared], *, session: DuckSession) -> dict[str, Any]:
    """Unsupervised training (u by seeded random sampling, m by EM on tight blocks)."""
    from splink import DuckDBAPI, Linker

    prior = min(0.5, 1.0 / max(len(records), 2))
    with quiet_splink():
        db_api = DuckDBAPI(connection=session.connection)
        table = db_api.register(arrow_table(records), table_name="rl_training")
        linker = Linker(table, settings("dedupe_only", prior), log_level=None)
        linker.training.estimate_u_using_random_sampling(
            max_pairs=U_SAMPLE_PAIRS, seed=SEED, min_count_per_level=None, num_chunks=1
        )
        for rule in TRAINING_BLOCKS:
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, estimate_without_term_frequencies=True
                )
            except Exception as problem:
                logging.getLogger(__name__).debug("EM on %s skipped: %s", rule, problem)
        model: dict[str, Any] = smooth(linker.misc.save_model_to_json())
        linker.table_management.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]
        table.drop_table_from_database_and_remove_from_cache(force_non_splink_table=True)
    return model


def smooth(model: dict[str, Any]) -> dict[str, Any]:
    """Give every level a small m and u where training left none or zero.

    EM leaves levels it never saw without an m (or with m = 0), which would make a typo in a
    family name infinitely damning, or a different birth date count for nothing.
    """
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        for key, floor in (("m_probability", M_FLOOR), ("u_probability", U_FLOOR)):
            values = [max(float(lv.get(key) or 0.0), floor) for lv in levels]
            total = sum(values)
            for level, value in zip(levels, values, strict=True):
                level[key] = value / total
    return model


def save(model: dict[str, Any], path: Path) -> None:
    path.write_text(
        json.dumps({"format": MODEL_FORMAT, "splink": model}, indent=1), encoding="utf-8"
    )


def load(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such model file") from None
    except (OSError, ValueError) as problem:
        raise UserError(f"{path}: not a link model ({problem})") from None
    if not isinstance(document, dict) or document.get("format") != MODEL_FORMAT:
        raise UserError(f"{path}: not a model saved by `rightsledger link --save-model`")
    model: dict[str, Any] = document["splink"]
    return model
