"""Creating, opening, locating and upgrading casebooks on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from rightsledger.errors import CasebookError
from rightsledger.store import migrate
from rightsledger.store.casebook import CONFIG_NAME, Casebook, locate
from tests.helpers import cli


def test_init_makes_sqlite_casebook_with_safe_pragmas(tmp_path: Path) -> None:
    with Casebook.create(tmp_path / "cb") as casebook:
        assert (tmp_path / "cb" / "casebook.db").is_file()
        assert (tmp_path / "cb" / "blobs").is_dir()
        assert 'database = "sqlite"' in (tmp_path / "cb" / CONFIG_NAME).read_text()
        with casebook.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    raw = sqlite3.connect(tmp_path / "cb" / "casebook.db")
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert {
        "events",
        "persons",
        "person_names",
        "acts",
        "involvements",
        "proceedings",
        "proceeding_targets",
        "relationships",
        "information",
        "citations",
        "organizations",
        "alembic_version",
    } <= tables


def test_init_refuses_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "cb").mkdir()
    (tmp_path / "cb" / "notes.txt").write_text("mine")
    with pytest.raises(CasebookError, match="is not empty"):
        Casebook.create(tmp_path / "cb")
    assert not (tmp_path / "cb" / CONFIG_NAME).exists()


def test_open_refuses_a_directory_that_is_not_a_casebook(tmp_path: Path) -> None:
    with pytest.raises(CasebookError, match="not a casebook"):
        Casebook.open(tmp_path)


@pytest.mark.postgres
def test_init_on_postgres_creates_the_database(tmp_path: Path, postgres_url: str) -> None:
    with Casebook.create(tmp_path / "cb", database=postgres_url) as casebook:
        assert casebook.backend == "postgresql"
        assert not (tmp_path / "cb" / "casebook.db").exists()
        with casebook.engine.connect() as connection:
            assert "acts" in inspect(connection).get_table_names()
    with Casebook.open(tmp_path / "cb") as reopened:
        assert reopened.backend == "postgresql"


@pytest.mark.postgres
def test_init_refuses_a_postgres_database_that_holds_tables(
    tmp_path: Path, postgres_url: str
) -> None:
    Casebook.create(tmp_path / "first", database=postgres_url).close()
    with pytest.raises(CasebookError, match="already holds"):
        Casebook.create(tmp_path / "second", database=postgres_url)
    assert not (tmp_path / "second" / CONFIG_NAME).exists()


def test_unreachable_postgres_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(
        capsys, "init", tmp_path / "cb", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x"
    )
    assert code == 2
    assert err.startswith("error: cannot reach PostgreSQL at 127.0.0.1:1")
    assert "Traceback" not in err
    assert not (tmp_path / "cb" / CONFIG_NAME).exists()


def test_locate_prefers_option_then_environment_then_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RIGHTSLEDGER_CASEBOOK", raising=False)
    assert locate(None) == tmp_path
    monkeypatch.setenv("RIGHTSLEDGER_CASEBOOK", str(tmp_path / "env"))
    assert locate(None) == tmp_path / "env"
    assert locate(tmp_path / "opt") == tmp_path / "opt"


def test_commands_find_the_casebook_through_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Casebook.create(tmp_path / "cb").close()
    monkeypatch.setenv("RIGHTSLEDGER_CASEBOOK", str(tmp_path / "cb"))
    code, out, _ = cli(capsys, "list", "events", "--format", "json")
    assert (code, out.strip()) == (0, "[]")


def test_old_casebook_must_be_upgraded_then_works(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    # Take the schema back to before the first revision, as an old casebook would be.
    migrate.downgrade(casebook.engine, "base")
    with casebook.engine.connect() as connection:
        assert "events" not in inspect(connection).get_table_names()
    with pytest.raises(CasebookError, match="rightsledger upgrade"):
        Casebook.open(casebook.path)
    code, out, _ = cli(capsys, "upgrade", "--casebook", casebook.path)
    assert code == 0
    assert f"to {migrate.head_revision()}" in out
    with Casebook.open(casebook.path) as reopened, reopened.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM events")).scalar() == 0
    code, out, _ = cli(capsys, "upgrade", "--casebook", casebook.path)
    assert code == 0
    assert "already at the current schema" in out


def test_config_from_a_newer_rightsledger_is_refused(tmp_path: Path) -> None:
    Casebook.create(tmp_path / "cb").close()
    (tmp_path / "cb" / CONFIG_NAME).write_text('format = 99\ndatabase = "sqlite"\n')
    with pytest.raises(CasebookError, match="newer than this rightsledger"):
        Casebook.open(tmp_path / "cb")


def test_migrations_build_exactly_the_model_schema(casebook: Casebook) -> None:
    """A model change without its migration (or the reverse) fails here, on both databases."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rightsledger.model import Base

    with casebook.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)

    # Alembic's own table and the dialects' search tables are not part of the model.
    def dialect_only(difference: object) -> bool:
        if not isinstance(difference, tuple) or difference[0] not in {
            "remove_table",
            "remove_index",
        }:
            return False
        table = difference[1] if difference[0] == "remove_table" else difference[1].table
        return table.name == "alembic_version" or table.name.startswith("document_search")

    real = [difference for difference in differences if not dialect_only(difference)]
    assert real == [], "\n".join(map(repr, real))
