"""Encrypted backup and restore: round trips on SQLite, PostgreSQL and across them; failures
that leave nothing behind; no plaintext in the archive."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tarfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from rightsledger.errors import UserError
from rightsledger.model import Backup, Event
from rightsledger.protect import snapshot as logical
from rightsledger.protect.backup import backup, generate_identity
from rightsledger.protect.restore import restore
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table
from rightsledger.vault import custody
from rightsledger.vault.intake import Provenance, ingest
from rightsledger.vault.search import search
from rightsledger.vault.verify import verify
from tests.conftest import SERVER, drop_database, require_postgres
from tests.helpers import cli, import_demo, snapshot

CANARY = "CANARY-7Q"

# The child is created before its parent, so restoring in id order meets a forward reference.
EVENTS = f"""external_id,title,description,parent
ev-child-first,Episode recorded first [SYNTHETIC],A detention recorded before its campaign,
ev-parent-later,Campaign recorded later [SYNTHETIC],{CANARY} synthetic canary description,
"""
REPARENT = "external_id,parent\nev-child-first,ev-parent-later\n"


@dataclass(frozen=True)
class Custodian:
    identity: Path
    public: str


@pytest.fixture
def custodians(tmp_path: Path) -> tuple[Custodian, Custodian]:
    keys = tmp_path / "custodians"
    keys.mkdir()
    alice = Custodian(keys / "alice.key", generate_identity(keys / "alice.key"))
    bob = Custodian(keys / "bob.key", generate_identity(keys / "bob.key"))
    return alice, bob


def _import_csv(casebook: Casebook, kind: str, body: str) -> None:
    table = read_table(body.encode(), source=f"{kind}.csv", file_format=FileFormat.CSV)
    import_table(casebook, KINDS[kind], table)


def _fill(casebook: Casebook, files: Path) -> None:
    """Demo records, a forward self-reference, a canary, and a public and a confidential file."""
    import_demo(casebook)
    _import_csv(casebook, "events", EVENTS)
    _import_csv(casebook, "events", REPARENT)
    files.mkdir()
    (files / "report.txt").write_text(
        "SYNTHETIC. Witnesses said the men were detained and beaten in Argun.\n", encoding="utf-8"
    )
    (files / "testimony.txt").write_text(
        "SYNTHETIC. A confidential testimony about the zebrafish basement.\n", encoding="utf-8"
    )
    ingest(casebook, [files / "report.txt"], provenance=Provenance(collected_by="tester"))
    ingest(
        casebook,
        [files / "testimony.txt"],
        provenance=Provenance(sensitivity="confidential"),
    )


def _logs(casebook: Casebook) -> dict[str, list[dict[str, Any]]]:
    with casebook.engine.connect() as connection:
        return {
            name: [entry.as_json() for entry in ledger.entries(connection)]
            for name, ledger in custody.LOGS.items()
        }


def _blobs(casebook: Casebook) -> dict[str, bytes]:
    return {
        path.relative_to(casebook.blobs).as_posix(): path.read_bytes()
        for path in sorted(casebook.blobs.rglob("*"))
        if path.is_file()
    }


def _new_database_url() -> str:
    require_postgres()
    url = make_url(SERVER).set(database=f"rl_test_{uuid.uuid4().hex[:16]}")
    return url.render_as_string(hide_password=False)


def _database_exists(url: str) -> bool:
    name = make_url(url).database
    engine = create_engine(make_url(SERVER).set(database="postgres"))
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).scalar()
    finally:
        engine.dispose()
    return bool(found)


@pytest.fixture
def target_database() -> Iterator[Callable[[str], str | None]]:
    """Makes the --db of a restore target on a backend; its database is dropped afterwards."""
    made: list[str] = []

    def make(backend: str) -> str | None:
        if backend == "sqlite":
            return None
        url = _new_database_url()
        made.append(url)
        return url

    yield make
    for url in made:
        drop_database(url)


def _round_trip(
    source: Casebook,
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    target_db: str | None,
    identity: Path,
) -> None:
    _fill(source, tmp_path / "files")
    expected_records = snapshot(source)
    expected_logs = _logs(source)
    expected_blobs = _blobs(source)
    archive = tmp_path / "casebook.age"

    made = backup(source, archive, [c.public for c in custodians], actor="tester")

    # The backup is recorded after the snapshot: in the table and as the audit log's last entry.
    archive_bytes = archive.read_bytes()
    assert made.sha256 == hashlib.sha256(archive_bytes).hexdigest()
    assert made.size == len(archive_bytes)
    assert made.blobs == len(expected_blobs) == 2
    with source.reader() as session:
        recorded = session.scalars(select(Backup)).one()
    assert (recorded.sha256, recorded.size) == (made.sha256, made.size)
    assert recorded.recipients.splitlines() == [c.public for c in custodians]
    after = _logs(source)["audit_log"]
    assert after[:-1] == expected_logs["audit_log"]
    assert (after[-1]["action"], after[-1]["details"]["sha256"]) == ("backup", made.sha256)

    restored_path = tmp_path / "restored"
    result = restore(archive, identity_file=identity, into=restored_path, database=target_db)

    # Verify finds in the restored casebook exactly what it finds in the original: nothing.
    assert result.report.problems == verify(source, record=False).problems
    assert result.report.ok, result.report.problems
    assert result.tables["events"] == len(expected_records["events"].splitlines())
    with Casebook.open(restored_path) as restored:
        assert restored.backend == ("sqlite" if target_db is None else "postgresql")
        assert snapshot(restored) == expected_records
        assert _blobs(restored) == expected_blobs
        logs = _logs(restored)
        # The restore adds its own audit entry and verify its custody entry, after the originals.
        for name, entries in expected_logs.items():
            assert logs[name][: len(entries)] == entries
        assert logs["audit_log"][len(expected_logs["audit_log"])]["action"] == "restored"
        assert [e["action"] for e in logs["custody_log"][len(expected_logs["custody_log"]) :]] == [
            "verified"
        ]
        assert restored.signing_key_path.read_bytes() == source.signing_key_path.read_bytes()
        assert verify(restored, record=False).ok
        with restored.reader() as session:
            found = search(session, restored.dialect, "witness detained Argun")
            assert [hit.original_name for hit in found] == ["report.txt"]
            # Confidential text is not indexed, in the original or the restored casebook.
            assert search(session, restored.dialect, "zebrafish") == []
            child = session.scalars(select(Event).where(Event.external_id == "ev-child-first"))
            assert child.one().parent.external_id == "ev-parent-later"  # type: ignore[union-attr]
        # New rows get new ids after the restored ones (PostgreSQL sequences were reset).
        _import_csv(restored, "events", "external_id,title\nev-after-restore,After [SYNTHETIC]\n")
        extra = tmp_path / "after.txt"
        extra.write_text("SYNTHETIC. Added after the restore.\n", encoding="utf-8")
        assert ingest(restored, [extra], provenance=Provenance())[0].error is None
        assert verify(restored, record=False).ok


def test_round_trip_on_each_backend(
    make_casebook: Callable[[str], Casebook],
    backend: str,
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    target_database: Callable[[str], str | None],
) -> None:
    _alice, bob = custodians
    _round_trip(
        make_casebook("source"), tmp_path, custodians, target_database(backend), bob.identity
    )


@pytest.mark.postgres
def test_round_trip_from_sqlite_into_postgresql(
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    target_database: Callable[[str], str | None],
) -> None:
    alice, _bob = custodians
    target = target_database("postgresql")
    with Casebook.create(tmp_path / "source") as source:
        _round_trip(source, tmp_path, custodians, target, alice.identity)


def test_restore_with_either_custodian_and_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, custodians: tuple[Custodian, Custodian]
) -> None:
    alice, bob = custodians
    with Casebook.create(tmp_path / "source") as source:
        import_demo(source)
        expected = snapshot(source)
    kept_head = tmp_path / "head-before-backup.json"
    assert cli(capsys, "head", "export", kept_head, "-C", tmp_path / "source")[0] == 0
    with Casebook.create(tmp_path / "other"):
        pass
    foreign_head = tmp_path / "head-of-another-casebook.json"
    assert cli(capsys, "head", "export", foreign_head, "-C", tmp_path / "other")[0] == 0
    archive = tmp_path / "b.age"
    code, out, err = cli(
        capsys, "backup", "-C", tmp_path / "source", "--to", archive,
        "--recipient", alice.public, "--recipient", bob.public,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "encrypted to 2 recipients" in out
    for custodian in custodians:
        into = tmp_path / f"restored-{custodian.identity.stem}"
        code, out, err = cli(
            capsys, "restore", archive, "-i", custodian.identity, "--into", into,
            "--head", kept_head,
        )  # fmt: skip
        assert (code, err) == (0, ""), out
        assert "Verify OK" in out
        with Casebook.open(into) as restored:
            assert snapshot(restored) == expected
    # Restored, but its logs do not extend a head signed elsewhere: listed, and exit code 1.
    into = tmp_path / "restored-foreign-head"
    code, out, _err = cli(
        capsys, "restore", archive, "-i", alice.identity, "--into", into, "--head", foreign_head
    )
    assert code == 1
    assert "was signed by another key" in out
    assert "Verify FAILED" in out
    assert (into / "casebook.toml").is_file()


@pytest.fixture
def small_backup(tmp_path: Path, custodians: tuple[Custodian, Custodian]) -> Path:
    alice, bob = custodians
    with Casebook.create(tmp_path / "source") as source:
        _fill(source, tmp_path / "files")
        archive = tmp_path / "small.age"
        backup(source, archive, [alice.public, bob.public])
    return archive


def test_archive_holds_no_plaintext(small_backup: Path, tmp_path: Path) -> None:
    database = (tmp_path / "source" / "casebook.db").read_bytes()
    wal = tmp_path / "source" / "casebook.db-wal"
    plain = database + (wal.read_bytes() if wal.exists() else b"")
    assert CANARY.encode() in plain  # the canary is there to be found...
    archive = small_backup.read_bytes()
    assert archive.startswith(b"age-encryption.org/v1\n")
    assert CANARY.encode() not in archive  # ...and the archive does not give it away
    assert b"Witnesses said" not in archive
    assert b"BEGIN PRIVATE KEY" not in archive
    # No plaintext file was left beside the archive while it was written.
    assert sorted(p.name for p in small_backup.parent.iterdir() if p.is_file()) == ["small.age"]


def test_wrong_identity_fails_cleanly(
    capsys: pytest.CaptureFixture[str], small_backup: Path, tmp_path: Path
) -> None:
    stranger = tmp_path / "stranger.key"
    generate_identity(stranger)
    into = tmp_path / "restored"
    code, _out, err = cli(capsys, "restore", small_backup, "-i", stranger, "--into", into)
    assert code == 2
    assert err.startswith("error: ")
    assert "cannot open this backup" in err
    assert len(err.strip().splitlines()) == 1
    assert not into.exists()


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: _flip(data, len(data) // 2), "damaged or truncated"),
        (lambda data: _flip(data, len(data) - 5), "damaged or truncated"),
        (lambda data: data[: len(data) - 300], "damaged or truncated"),
        (lambda data: data[: len(data) // 3], "damaged or truncated"),
        (lambda data: b"not an archive at all\n" * 10, "not an age-encrypted backup"),
    ],
    ids=["flipped-middle", "flipped-end", "truncated-end", "truncated-third", "garbage"],
)
def test_damaged_archive_fails_cleanly(
    capsys: pytest.CaptureFixture[str],
    small_backup: Path,
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    damage: Callable[[bytes], bytes],
    message: str,
) -> None:
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(damage(small_backup.read_bytes()))
    into = tmp_path / "restored"
    code, _out, err = cli(capsys, "restore", damaged, "-i", custodians[0].identity, "--into", into)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not into.exists()


@pytest.mark.postgres
def test_damaged_archive_drops_the_database_it_made(
    small_backup: Path,
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    target_database: Callable[[str], str | None],
) -> None:
    url = target_database("postgresql")
    assert url is not None
    damaged = tmp_path / "damaged.age"
    data = small_backup.read_bytes()
    damaged.write_bytes(_flip(data, len(data) - 5))  # damage found only at the very end
    with pytest.raises(UserError, match="damaged or truncated"):
        restore(damaged, identity_file=custodians[0].identity, into=tmp_path / "r", database=url)
    assert not _database_exists(url)
    assert not (tmp_path / "r").exists()


def test_manifest_mismatch_fails_cleanly(
    small_backup: Path, tmp_path: Path, custodians: tuple[Custodian, Custodian]
) -> None:
    """A re-encrypted archive whose rows were edited fails its manifest; nothing is written."""
    alice, _bob = custodians
    identity = pyrage.x25519.Identity.from_str(alice.identity.read_text().splitlines()[-1])
    plain = pyrage.decrypt(small_backup.read_bytes(), [identity])
    edited = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(plain), mode="r") as original,
        tarfile.open(fileobj=edited, mode="w", format=tarfile.PAX_FORMAT) as copy,
    ):
        for member in original.getmembers():
            data = original.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("tables/events/"):
                data = data.replace(b"Campaign recorded later", b"Campaign recorded LATER")
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    forged = tmp_path / "forged.age"
    forged.write_bytes(pyrage.encrypt(edited.getvalue(), [identity.to_public()]))
    into = tmp_path / "restored"
    with pytest.raises(UserError, match=r"fails its manifest \(tables/events/000001.jsonl"):
        restore(forged, identity_file=alice.identity, into=into)
    assert not into.exists()


def test_restore_refuses_a_non_empty_target(
    capsys: pytest.CaptureFixture[str], small_backup: Path, tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
) -> None:  # fmt: skip
    into = tmp_path / "occupied"
    into.mkdir()
    (into / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _out, err = cli(
        capsys, "restore", small_backup, "-i", custodians[0].identity, "--into", into
    )
    assert code == 2
    assert "is not empty" in err
    assert [p.name for p in into.iterdir()] == ["notes.txt"]
    # The restored casebook itself is not a target either.
    code, _out, err = cli(
        capsys, "restore", small_backup, "-i", custodians[0].identity, "--into", tmp_path / "source"
    )
    assert code == 2
    assert "is not empty" in err


@pytest.mark.postgres
def test_restore_refuses_a_database_in_use(
    small_backup: Path,
    tmp_path: Path,
    custodians: tuple[Custodian, Custodian],
    postgres_url: str,
) -> None:
    with Casebook.create(tmp_path / "in-use", database=postgres_url) as in_use:
        import_demo(in_use)
        before = snapshot(in_use)
    with pytest.raises(UserError, match="already holds"):
        restore(
            small_backup,
            identity_file=custodians[0].identity,
            into=tmp_path / "new",
            database=postgres_url,
        )
    assert not (tmp_path / "new").exists()
    with Casebook.open(tmp_path / "in-use") as in_use:
        assert snapshot(in_use) == before


def test_keys_and_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, custodians: tuple[Custodian, Custodian]
) -> None:
    key = tmp_path / "custodian.key"
    code, out, err = cli(capsys, "backup-key", "generate", "--out", key)
    assert code == 0
    assert out.strip().startswith("age1")
    assert key.stat().st_mode & 0o777 == 0o600
    assert f"# public key: {out.strip()}" in key.read_text()
    code, _out, err = cli(capsys, "backup-key", "generate", "--out", key)
    assert code == 2
    assert "never overwritten" in err

    with Casebook.create(tmp_path / "source"):
        pass
    code, _out, err = cli(
        capsys, "backup", "-C", tmp_path / "source", "--to", tmp_path / "b.age", "-r", "age1nope"
    )
    assert code == 2
    assert '"age1nope" is not an age public key' in err
    assert not (tmp_path / "b.age").exists()
    existing = tmp_path / "exists.age"
    existing.write_bytes(b"x")
    code, _out, err = cli(
        capsys, "backup", "-C", tmp_path / "source", "--to", existing, "-r", custodians[0].public
    )
    assert code == 2
    assert "already exists" in err
    assert existing.read_bytes() == b"x"


@given(
    moment=st.datetimes(
        min_value=dt.datetime(1900, 1, 1), timezones=st.sampled_from([dt.UTC, None])
    ),
    day=st.dates(),
    plain=st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), st.text()),
)
def test_typed_values_survive_json(moment: dt.datetime, day: dt.date, plain: object) -> None:
    def through_json(value: object, kind: str) -> object:
        return logical.decode(json.loads(json.dumps(logical.encode(value, kind))), kind)

    # A naive instant is SQLite's CURRENT_TIMESTAMP: UTC.
    assert through_json(moment, logical.DATETIME) == moment.replace(tzinfo=dt.UTC)
    assert through_json(day, logical.DATE) == day
    assert through_json(plain, logical.PLAIN) == plain
