"""Fixtures shared by the tests: casebooks on SQLite and on the real PostgreSQL server.

PostgreSQL tests run against the server at 127.0.0.1:5432 (or $RIGHTSLEDGER_TEST_POSTGRES), each
in a throwaway database. Without a server they skip with the reason, unless
RIGHTSLEDGER_REQUIRE_POSTGRES=1 (set by CI), where a missing server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from rightsledger.store.casebook import Casebook
from tests.web_support import staffed_web  # noqa: F401 - the web tests' shared fixture

SERVER = os.environ.get(
    "RIGHTSLEDGER_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(autouse=True)
def _private_key_directory(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys made by tests go to a throwaway configuration directory, never the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    for name in (
        "RIGHTSLEDGER_KEY_FILE",
        "RIGHTSLEDGER_PASSPHRASE",
        "RIGHTSLEDGER_USER",
        "RIGHTSLEDGER_CASEBOOK",
    ):
        monkeypatch.delenv(name, raising=False)


@cache
def _postgres_problem() -> str | None:
    engine = create_engine(SERVER, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        return f"no PostgreSQL server answers at {SERVER}: {str(error).splitlines()[0]}"
    finally:
        engine.dispose()
    return None


def require_postgres() -> None:
    problem = _postgres_problem()
    if problem is None:
        return
    if os.environ.get("RIGHTSLEDGER_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"RIGHTSLEDGER_REQUIRE_POSTGRES=1 but {problem}")
    pytest.skip(problem)


def drop_database(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL naming a fresh database that does not exist yet; dropped afterwards."""
    require_postgres()
    url = make_url(SERVER).set(database=f"rl_test_{uuid.uuid4().hex[:16]}")
    rendered = url.render_as_string(hide_password=False)
    try:
        yield rendered
    finally:
        drop_database(rendered)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest) -> str | None:
    """The --db value for a new casebook on the backend under test (None = SQLite)."""
    if backend == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def make_casebook(tmp_path: Path, database: str | None, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Factory of new casebooks on the backend under test; each gets its own database."""
    opened: list[Casebook] = []
    urls: list[str] = []

    def make(name: str = "casebook") -> Casebook:
        db = database
        if db is not None and opened:
            # A second casebook in one test needs a second database.
            db = str(
                make_url(db)
                .set(database=f"rl_test_{uuid.uuid4().hex[:16]}")
                .render_as_string(hide_password=False)
            )
            urls.append(db)
        casebook = Casebook.create(tmp_path / name, database=db)
        opened.append(casebook)
        return casebook

    yield make
    for casebook in opened:
        casebook.close()
    for url in urls:
        drop_database(url)


@pytest.fixture
def casebook(make_casebook) -> Casebook:  # type: ignore[no-untyped-def]
    return make_casebook()  # type: ignore[no-any-return]
