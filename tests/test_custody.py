"""The custody log resists tampering: the database refuses it, and verify catches what gets by."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from rightsledger import merkle
from rightsledger.ledger import Entry, canonical, clean_text
from rightsledger.model import Document
from rightsledger.store.casebook import Casebook
from rightsledger.vault.blobs import BlobStore
from rightsledger.vault.intake import Provenance, ingest
from tests.documents import write
from tests.helpers import cli


@pytest.fixture
def filled(casebook: Casebook, tmp_path: Path) -> Casebook:
    files = [
        write(tmp_path / f"doc{i}.txt", f"SYNTHETIC document number {i}.\n" * 3) for i in range(4)
    ]
    ingest(casebook, files, provenance=Provenance(collected_by="researcher-7"))
    return casebook


def run_verify(
    casebook: Casebook, capsys: pytest.CaptureFixture[str], *extra: str | Path
) -> tuple[int, dict[str, object]]:
    code, out, _ = cli(capsys, "verify", "--format", "json", *extra, "--casebook", casebook.path)
    return code, json.loads(out)


def drop_guards(casebook: Casebook) -> None:
    """What an attacker with database access does first."""
    with casebook.engine.begin() as connection:
        if casebook.backend == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER custody_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER custody_log_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE custody_log DISABLE TRIGGER ALL")


def test_intact_casebook_verifies(filled: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_verify(filled, capsys)
    assert (code, report["ok"], report["documents"]) == (0, True, 4)
    assert report["problems"] == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE custody_log SET actor = 'someone-else' WHERE seq = 2",
        "DELETE FROM custody_log WHERE seq = 3",
    ],
)
def test_database_refuses_update_and_delete(filled: Casebook, statement: str) -> None:
    with pytest.raises(DatabaseError, match="append-only"), filled.engine.begin() as connection:
        connection.execute(text(statement))


def test_altered_entry_is_named(filled: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    drop_guards(filled)
    with filled.engine.begin() as connection:
        connection.execute(text("UPDATE custody_log SET actor = 'someone-else' WHERE seq = 3"))
    code, report = run_verify(filled, capsys)
    assert code == 1
    assert report["problems"][0] == "entry 3 was altered after it was written"


def test_altered_entry_with_recomputed_hash_is_named(
    filled: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    from rightsledger.ledger import Entry

    drop_guards(filled)
    with filled.engine.begin() as connection:
        row = connection.execute(text("SELECT * FROM custody_log WHERE seq = 2")).mappings().one()
        forged = Entry(**{**row, "actor": "someone-else", "leaf": ""})
        connection.execute(
            text("UPDATE custody_log SET actor = :a, leaf = :l WHERE seq = 2"),
            {"a": "someone-else", "l": forged.expected_leaf()},
        )
    code, report = run_verify(filled, capsys)
    assert code == 1
    assert report["problems"][0].startswith("entry 3 does not follow entry 2")
    assert any("no longer matches its signed head" in p for p in report["problems"])


def test_deleted_entry_is_named(filled: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    drop_guards(filled)
    with filled.engine.begin() as connection:
        connection.execute(text("DELETE FROM custody_log WHERE seq = 4"))
    code, report = run_verify(filled, capsys)
    assert code == 1
    assert report["problems"][0] == ("entry 4 is missing or out of order (found sequence 5)")


def test_reordered_entries_are_named(filled: Casebook, capsys: pytest.CaptureFixture[str]) -> None:
    drop_guards(filled)
    with filled.engine.begin() as connection:
        rows = connection.execute(
            text(
                "SELECT seq, at, actor, action, subject, details FROM custody_log "
                "WHERE seq IN (5, 6) ORDER BY seq"
            )
        ).all()
        for (seq, *_), (_, at, actor, action, subject, details) in zip(
            rows, reversed(rows), strict=True
        ):
            connection.execute(
                text(
                    "UPDATE custody_log SET at = :at, actor = :actor, action = :action, "
                    "subject = :subject, details = :details WHERE seq = :seq"
                ),
                {
                    "at": at,
                    "actor": actor,
                    "action": action,
                    "subject": subject,
                    "details": details,
                    "seq": seq,
                },
            )
    code, report = run_verify(filled, capsys)
    assert code == 1
    assert report["problems"][0] == "entry 5 was altered after it was written"


def test_a_full_rewrite_is_caught_by_an_external_head(
    filled: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone rewrites the whole log consistently and re-signs: only a kept head shows it."""
    from rightsledger.ledger import GENESIS, Entry

    head = tmp_path / "head.json"
    assert cli(capsys, "head", "export", head, "--casebook", filled.path)[0] == 0
    drop_guards(filled)
    with filled.engine.begin() as connection:
        rows = connection.execute(text("SELECT * FROM custody_log ORDER BY seq")).mappings().all()
        prev = GENESIS
        for row in rows:
            actor = "someone-else" if row["seq"] == 1 else row["actor"]
            entry = Entry(**{**row, "actor": actor, "prev": prev, "leaf": ""})
            leaf = entry.expected_leaf()
            connection.execute(
                text("UPDATE custody_log SET actor = :a, prev = :p, leaf = :l WHERE seq = :s"),
                {"a": actor, "p": prev, "l": leaf, "s": row["seq"]},
            )
            prev = leaf
        # ...and erases the heads the casebook kept, so nothing inside contradicts the rewrite.
        if filled.backend == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER tree_heads_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE tree_heads DISABLE TRIGGER ALL")
        connection.execute(text("DELETE FROM tree_heads"))
    code, report = run_verify(filled, capsys)
    assert code == 0  # nothing inside the casebook can tell
    code, report = run_verify(filled, capsys, "--head", head)
    assert code == 1
    assert any("no longer matches its signed head" in p for p in report["problems"])


def test_log_extends_an_older_head(
    filled: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = tmp_path / "head.json"
    cli(capsys, "head", "export", head, "--casebook", filled.path)
    ingest(
        filled, [write(tmp_path / "later.txt", "SYNTHETIC later document")], provenance=Provenance()
    )
    code, report = run_verify(filled, capsys, "--head", head)
    assert (code, report["problems"]) == (0, [])
    # A head signed by another key, or with a broken signature, is refused.
    forged = json.loads(head.read_text())
    forged["heads"][0]["root"] = "00" * 32
    head.write_text(json.dumps(forged))
    code, report = run_verify(filled, capsys, "--head", head)
    assert code == 1
    assert "signature of the custody_log head" in report["problems"][0]


@pytest.mark.parametrize("damage", ["change", "remove"])
@pytest.mark.parametrize("second_process", [False, True])
def test_changed_or_missing_blob_is_reported(
    filled: Casebook,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    second_process: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if second_process:  # hash small originals in a second process, as big vaults do
        monkeypatch.setattr("rightsledger.vault.verify.PROCESS_BATCH", 1)
    store = BlobStore(filled.blobs)
    # The last document's original: with a second process, it is in the half hashed there.
    with filled.reader() as session:
        sha = session.scalars(select(Document.sha256).order_by(Document.id.desc())).first()
    assert sha is not None
    victim = store.path_for(sha)
    if damage == "change":
        victim.chmod(0o644)
        victim.write_bytes(b"tampered")
    else:
        victim.unlink()
    assert store.path_for(sha) == victim
    code, report = run_verify(filled, capsys)
    assert code == 1
    expected = (
        f"its original changed (now sha256:{hashlib.sha256(b'tampered').hexdigest()[:16]}…)"
        if damage == "change"
        else "its original is missing from the vault"
    )
    assert any(expected in p and sha[:16] in p for p in report["problems"]), report["problems"]


def test_logged_text_cannot_forge_lines() -> None:
    assert clean_text("ok\nseq=99 action=disposed") == "ok\\u000aseq=99 action=disposed"
    assert clean_text("tab\there\x1b[31m") == "tab\\u0009here\\u001b[31m"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(
    seq=st.integers(min_value=1, max_value=2**40),
    at=st.text(),
    actor=st.text(),
    action=st.text(),
    subject=st.none() | st.text(),
    details=st.dictionaries(st.text(), json_values, max_size=4),
)
def test_verification_hashes_entries_exactly_as_they_were_written(
    seq: int, at: str, actor: str, action: str, subject: str | None, details: dict[str, object]
) -> None:
    # Entries are hashed from a canonical text built without re-parsing details; it must equal
    # the canonical JSON of the entry's fields (what earlier versions hashed), for any content.
    entry = Entry(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        details=canonical(details).decode(),
        prev="ab" * 32,
        leaf="",
    )
    assert entry.expected_leaf() == merkle.leaf_hash(canonical(entry.hashed_fields())).hex()


def test_details_rewritten_in_another_json_form_is_caught(
    filled: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    drop_guards(filled)
    with filled.engine.begin() as connection:
        details = connection.execute(text("SELECT details FROM custody_log WHERE seq = 2")).scalar()
        # The same object, written with spaces: a change of bytes, so a changed entry.
        spaced = json.dumps(json.loads(details), sort_keys=True)
        assert spaced != details
        connection.execute(text("UPDATE custody_log SET details = :d WHERE seq = 2"), {"d": spaced})
    code, report = run_verify(filled, capsys)
    assert code == 1
    assert "entry 2 was altered after it was written" in report["problems"][0]
