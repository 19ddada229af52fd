"""Import 100,000 acts (with their events and persons) from CSV; print records per second.

    uv run python benchmarks/import.py [--acts N] [--postgres URL] [--no-postgres]

Generates synthetic CSV files, imports events, persons and acts into a new SQLite casebook and a
new PostgreSQL casebook, and prints the throughput of each step. Goal: >= 2,000 acts/s on SQLite.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table

ACT_TYPES = [
    "arbitrary_detention",
    "torture",
    "killing",
    "ill_treatment",
    "abduction",
    "threats_intimidation",
    "forced_displacement",
    "enforced_disappearance",
]
PLACES = ["Argun", "Grozny", "Gudermes", "Shali", "Urus-Martan", "Kurchaloy"]
GIVEN = ["Магомед", "Ислам", "Рустам", "Ахмед", "Aslan", "Zelimkhan", "Ibragim", "Yusup"]
FAMILY = ["Хасанов", "Дудаев", "Алиев", "Magomadov", "Umarov", "Abdulaev", "Ismailov"]


def generate(directory: Path, acts: int, seed: int = 7) -> dict[str, Path]:
    rng = random.Random(seed)
    events = max(1, acts // 20)
    persons = max(1, acts // 2)
    paths = {kind: directory / f"{kind}.csv" for kind in ("events", "persons", "acts")}
    with paths["events"].open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["external_id", "title", "date", "place", "description"])
        for i in range(events):
            year = rng.randint(2000, 2024)
            writer.writerow(
                [
                    f"ev-{i}",
                    f"Synthetic event {i}",
                    f"{year}-{rng.randint(1, 12):02d}",
                    rng.choice(PLACES),
                    "SYNTHETIC benchmark record",
                ]
            )
    with paths["persons"].open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["external_id", "given_name", "family_name", "sex", "birth_date"])
        for i in range(persons):
            writer.writerow(
                [
                    f"p-{i}",
                    rng.choice(GIVEN),
                    rng.choice(FAMILY),
                    "male",
                    str(rng.randint(1950, 2005)),
                ]
            )
    with paths["acts"].open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["external_id", "event", "victim", "act_type", "date", "place"])
        for i in range(acts):
            year = rng.randint(2000, 2024)
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [
                    f"a-{i}",
                    f"ev-{rng.randrange(events)}",
                    f"p-{rng.randrange(persons)}",
                    rng.choice(ACT_TYPES),
                    day,
                    rng.choice(PLACES),
                ]
            )
    return paths


def run(casebook: Casebook, paths: dict[str, Path], label: str) -> None:
    for kind in ("events", "persons", "acts"):
        start = time.perf_counter()
        table = read_table(
            paths[kind].read_bytes(), source=paths[kind].name, file_format=FileFormat.CSV
        )
        report = import_table(casebook, KINDS[kind], table)
        seconds = time.perf_counter() - start
        print(
            f"{label:<11} {kind:<8} {report.created:>8,} records in {seconds:6.2f} s "
            f"= {report.created / seconds:>9,.0f} records/s"
        )
    # Re-import the acts unchanged: every row becomes an update in place.
    start = time.perf_counter()
    table = read_table(paths["acts"].read_bytes(), source="acts.csv", file_format=FileFormat.CSV)
    report = import_table(casebook, KINDS["acts"], table)
    seconds = time.perf_counter() - start
    print(
        f"{label:<11} {'acts (update)':<8} {report.updated:>8,} records in {seconds:6.2f} s "
        f"= {report.updated / seconds:>9,.0f} records/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--acts", type=int, default=100_000)
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "RIGHTSLEDGER_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; acts: {args.acts:,}")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = generate(directory, args.acts)
        with Casebook.create(directory / "sqlite") as casebook:
            run(casebook, paths, "SQLite")
        if not args.no_postgres:
            url = make_url(args.postgres).set(database=f"rl_bench_{uuid.uuid4().hex[:10]}")
            rendered = url.render_as_string(hide_password=False)
            try:
                with Casebook.create(directory / "pg", database=rendered) as casebook:
                    run(casebook, paths, "PostgreSQL")
            finally:
                admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
                with admin.connect() as connection:
                    connection.execute(
                        text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
                    )
                admin.dispose()


if __name__ == "__main__":
    main()
