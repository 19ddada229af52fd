"""The Splink model: comparisons, blocking rules, training and prediction on DuckDB or Spark.

Every comparison uses plain SQL both engines evaluate identically (equality and Levenshtein), so
a model trained once predicts the same probabilities on DuckDB and on Spark. Training always runs
on DuckDB in memory, on the driver, from the prepared keys; Spark only scores the blocked pairs.
"""

from __future__ import annotations

import copy
import json
import logging
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from rightsledger.errors import UserError
from rightsledger.link.aliases import alias_groups
from rightsledger.link.names import consonant_key, loose
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
        ("given_sorted", pa.string()),
        ("family_loose", pa.string()),
        ("family_cons", pa.string()),
        ("given_cons", pa.string()),
        ("given_known", pa.bool_()),
        ("place_cons", pa.string()),
        ("name_key", pa.string()),
        ("rare_name_key", pa.string()),
        ("rare_cons_key", pa.string()),
        ("rare_family_head", pa.string()),
        ("rare_family_tail", pa.string()),
        ("rare_given_cons", pa.string()),
        ("rare_given_head", pa.string()),
        ("rare_both_cons", pa.string()),
        ("rare_given_tail", pa.string()),
        ("given_initial", pa.string()),
        ("patronymic_skel", pa.string()),
        ("birth_lo", pa.int64()),
        ("birth_hi", pa.int64()),
        ("birth_day", pa.int64()),
        ("birth_swapped", pa.int64()),
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
    # Spellings no key joins (a typing error, French "ch" for ш, German "s" for з): one name
    # part must agree and the other share its consonants, its first letters or its ending.
    # Like bare names, these looser keys only join while few records share them.
    "l.given_key = r.given_key and l.family_cons = r.family_cons and l.by_lo = r.by_lo",
    "l.family_skel = r.family_skel and l.given_cons = r.given_cons and l.by_lo = r.by_lo",
    "l.rare_cons_key = r.rare_cons_key",
    "l.rare_family_head = r.rare_family_head",
    "l.rare_family_tail = r.rare_family_tail",
    "l.rare_given_cons = r.rare_given_cons",
    "l.rare_given_head = r.rare_given_head",
    # Both name parts spelled apart (Chamsat Dudkuumsaow, Хамзат Дудкумзаов): consonants agree.
    "l.rare_both_cons = r.rare_both_cons",
    # A slip early in a given name (Udman for Usman) leaves its ending.
    "l.rare_given_tail = r.rare_given_tail",
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


def _fuzzy(sql: str, label: str, *, tf: str, m: float) -> dict[str, Any]:
    """A spelling-variant level adjusted by the commoner of the two spellings, never upwards.

    "Mgomed" against "Magomed" says as little as two records spelled "Magomed": it is adjusted
    down like exact agreement on a common name. A rare name is not adjusted up, because a
    near miss on a rare name is also a near miss on its many look-alikes. The floor that keeps
    the adjustment at or below zero (the u of exact agreement) is set from the data at training.
    """
    level = _level(sql, label, tf=tf, m=m)
    level["tf_minimum_u_value"] = 0.0
    return level


def _null(*columns: str) -> dict[str, Any]:
    sql = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in columns)
    return {"sql_condition": sql, "label_for_charts": "missing", "is_null_level": True}


def one_slip(name: str) -> str:
    """One typing slip between two spellings: a letter dropped, added or changed, or two letters
    swapped (Magomde, Akhamdov). Plain Levenshtein counts a swap as two edits, and Spark has no
    Damerau distance, so a swap is recognised as the same letters at most two edits apart.
    """
    skel_l, skel_r = f"{name}_skel_l", f"{name}_skel_r"
    return (
        f"levenshtein({skel_l}, {skel_r}) <= 1 OR (levenshtein({skel_l}, {skel_r}) <= 2 "
        f"AND {name}_sorted_l = {name}_sorted_r)"
    )


ELSE = {"sql_condition": "ELSE", "label_for_charts": "different"}
NOT_BOTH_KNOWN = "NOT (given_known_l AND given_known_r)"

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
            # Two names the table knows as different are different even one letter apart:
            # brothers are called Adlan and Aslan, Islam and Ismail.
            _fuzzy(
                f"({one_slip('given')}) AND {NOT_BOTH_KNOWN}",
                "one edit apart",
                tf="given_skel",
                m=0.07,
            ),
            _fuzzy(
                f"given_ph_l = given_ph_r AND {NOT_BOTH_KNOWN}",
                "same sound key",
                tf="given_skel",
                m=0.02,
            ),
            _fuzzy(
                f"given_cons_l = given_cons_r AND {NOT_BOTH_KNOWN}",
                "same consonants",
                tf="given_skel",
                m=0.02,
            ),
            {**ELSE, "m_probability": 0.03},
        ],
    },
    {
        "output_column_name": "family_name",
        "comparison_levels": [
            _null("family_skel"),
            _level("family_skel_l = family_skel_r", "same spelling key", tf="family_skel", m=0.82),
            _fuzzy(
                one_slip("family"),
                "one edit apart",
                tf="family_skel",
                m=0.09,
            ),
            _fuzzy(
                "family_loose_l = family_loose_r",
                "same loose key (ж/ш/й merged)",
                tf="family_skel",
                m=0.03,
            ),
            _fuzzy("family_cons_l = family_cons_r", "same consonants", tf="family_skel", m=0.03),
            _fuzzy(
                "levenshtein(family_skel_l, family_skel_r) <= 2 OR family_ph_l = family_ph_r",
                "two edits apart or same sound key",
                tf="family_skel",
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
                "birth_swapped_l = birth_day_r",
                "same day with day and month swapped",
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
            # Grosnyj / Groznyy, Noschai-Jurt / Nozhay-Yurt: one place in two schemes.
            _level("place_cons_l = place_cons_r", "same place in another spelling"),
            ELSE,
        ],
    },
    {
        "output_column_name": "sex",
        "comparison_levels": [_null("sex"), _level("sex_l = sex_r", "same"), ELSE],
    },
)


def exact_agreement_rates(records: Sequence[Prepared]) -> dict[str, float]:
    """How often two random records agree exactly on each name key (the u of that agreement)."""
    from collections import Counter

    rates = {}
    for column in ("given_skel", "family_skel"):
        values = [getattr(r, column) for r in records if getattr(r, column)]
        counts = Counter(values).values()
        total = len(values)
        rates[column] = sum(c * c for c in counts) / (total * total) if total else 1.0
    return rates


def _with_floors(floors: Mapping[str, float]) -> list[dict[str, Any]]:
    comparisons = copy.deepcopy(list(COMPARISONS))
    for comparison in comparisons:
        for level in comparison["comparison_levels"]:
            if "tf_minimum_u_value" in level:
                level["tf_minimum_u_value"] = floors.get(level["tf_adjustment_column"], 0.0)
    return comparisons


def settings(
    link_type: str, prior: float, floors: Mapping[str, float] | None = None
) -> dict[str, Any]:
    return {
        "link_type": link_type,
        "unique_id_column_name": "unique_id",
        "source_dataset_column_name": "source_dataset",
        "probability_two_random_records_match": prior,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": rule} for rule in BLOCKING_RULES
        ],
        "comparisons": _with_floors(floors or {}),
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

    def joined(first: str | None, second: str | None) -> str | None:
        return f"{first}|{second}" if first and second else None

    def rare(keys: list[str | None]) -> list[str | None]:
        frequency = Counter(keys)
        return [key if key and frequency[key] <= RARE_NAME_RECORDS else None for key in keys]

    known = alias_groups()
    family_cons = [consonant_key(r.family_skel or "") or None for r in records]
    given_cons = [consonant_key(r.given_skel or "") or None for r in records]
    name_keys = [joined(r.family_skel, r.given_key) for r in records]
    capped = {
        "rare_name_key": rare(name_keys),
        "rare_cons_key": rare(
            [joined(r.given_key, c) for r, c in zip(records, family_cons, strict=True)]
        ),
        "rare_family_head": rare([joined(r.given_key, (r.family_skel or "")[:3]) for r in records]),
        "rare_family_tail": rare(
            [joined(r.given_key, (r.family_skel or "")[-4:]) for r in records]
        ),
        "rare_given_cons": rare(
            [joined(r.family_skel, c) for r, c in zip(records, given_cons, strict=True)]
        ),
        "rare_given_head": rare([joined(r.family_skel, (r.given_skel or "")[:2]) for r in records]),
        "rare_given_tail": rare(
            [joined(r.family_skel, (r.given_skel or "")[-3:]) for r in records]
        ),
        "rare_both_cons": rare(
            [joined(g, f) for g, f in zip(given_cons, family_cons, strict=True)]
        ),
    }
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for index, (record, name_key) in enumerate(zip(records, name_keys, strict=True)):
        row = record.as_row()
        birth_day = (
            record.birth_lo
            if record.birth_lo is not None and record.birth_lo == record.birth_hi
            else None
        )
        row["birth_day"] = birth_day
        row["birth_swapped"] = _swapped(birth_day)
        row["by_lo"] = year(record.birth_lo)
        row["by_hi"] = year(record.birth_hi)
        family = record.family_skel or ""
        row["family_sorted"] = "".join(sorted(family.replace(" ", ""))) or None
        row["given_sorted"] = "".join(sorted(record.given_skel or "")) or None
        row["family_loose"] = loose(family) or None
        row["given_initial"] = (record.given_skel or "")[:1] or None
        row["name_key"] = name_key
        row["family_cons"] = family_cons[index]
        row["given_cons"] = given_cons[index]
        row["place_cons"] = consonant_key(record.place_key or "") or None
        row["given_known"] = bool(record.given_skel) and record.given_skel in known
        for name, keys in capped.items():
            row[name] = keys[index]
        for name in SCHEMA.names:
            columns[name].append(row[name])
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def _swapped(ordinal: int | None) -> int | None:
    """The day written with day and month exchanged (3 December for 12 March), when it exists."""
    from datetime import date

    if ordinal is None:
        return None
    day = date.fromordinal(ordinal)
    if day.day > 12 or day.day == day.month:
        return None
    return date(day.year, day.day, day.month).toordinal()


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
        floors = exact_agreement_rates(records)
        linker = Linker(table, settings("dedupe_only", prior, floors), log_level=None)
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
