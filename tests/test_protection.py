"""Identities stay protected: encrypted at rest, bound to their rows, rotatable, pseudonymised."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from rightsledger.model import Backup, PersonName
from rightsledger.protect.envelope import CannotDecrypt
from rightsledger.protect.keys import KDF_ITERATIONS, KDF_MEMORY_KIB, default_key_path
from rightsledger.store.casebook import Casebook
from rightsledger.vault.intake import Provenance, ingest
from tests.helpers import cli, import_demo, snapshot, write

CANARY_LATIN = "Zaurbek Kanareykin"
CANARY_CYRILLIC = "Заурбек Канарейкин"
CANARY_CONTACT = "+7-928-CANARY-55"
CANARY_NOTE = "CANARY-NOTE-lives-near-the-mosque"
CANARY_PHRASE = "CANARY-PHRASE-the-basement-on-Lenin-street"
CANARY_BIRTH = "1990-07-14"
CANARIES = [
    CANARY_LATIN,
    CANARY_CYRILLIC,
    CANARY_CONTACT,
    CANARY_NOTE,
    CANARY_PHRASE,
    "Kanareykin",
    "Канарейкин",
    "1990-07-14",
]


def fill_with_canaries(casebook: Casebook, tmp_path: Path) -> None:
    people = write(
        tmp_path / "persons.csv",
        "external_id,name,aliases,birth_date,contact,sensitive_notes,published\n"
        f"c-1,{CANARY_LATIN},{CANARY_CYRILLIC},{CANARY_BIRTH},{CANARY_CONTACT},"
        f"{CANARY_NOTE},false\n"
        f"c-2,Another Person,,1985,,,true\n",
    )
    assert cli_import(casebook, people) == 0
    confidential = write(
        tmp_path / "testimony.txt",
        f"SYNTHETIC testimony. {CANARY_PHRASE}. Said by {CANARY_LATIN}.\n",
    )
    [result] = ingest(casebook, [confidential], provenance=Provenance(sensitivity="confidential"))
    assert result.error is None
    assert result.note == "stored encrypted"


def cli_import(casebook: Casebook, path: Path) -> int:
    from rightsledger.cli.main import run

    return run(["import", "persons", str(path), "--casebook", str(casebook.path)])


def leaks(data: bytes) -> list[str]:
    found = []
    for canary in CANARIES:
        for encoding in ("utf-8", "utf-16-le"):
            if canary.encode(encoding) in data:
                found.append(f"{canary} ({encoding})")
    return found


def test_canaries_are_absent_from_everything_stored(casebook: Casebook, tmp_path: Path) -> None:
    fill_with_canaries(casebook, tmp_path)
    with casebook.reader() as session:  # the data are really there and readable with the key
        protector = casebook.protector(session.connection())
        values = [
            protector.decrypt(f"persons:{pid}", f"person_names.{part}", value)
            for pid, part, value in session.execute(
                select(PersonName.person_id, PersonName.part, PersonName.value)
            )
        ]
    assert CANARY_CYRILLIC in values
    stored = [p for p in casebook.path.rglob("*") if p.is_file()]
    for path in stored:
        assert leaks(path.read_bytes()) == [], f"{path.relative_to(casebook.path)} leaks"
    if casebook.backend == "sqlite":
        assert (casebook.path / "casebook.db-wal").exists() or True
    else:
        url = make_url(casebook.config.database)
        dump = subprocess.run(
            [
                "pg_dump",
                "-h",
                url.host or "127.0.0.1",
                "-p",
                str(url.port or 5432),
                "-U",
                url.username or "postgres",
                url.database or "",
            ],
            capture_output=True,
            check=True,
        ).stdout
        assert b"person_names" in dump
        assert leaks(dump) == []


def test_everything_reads_back_with_the_key(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_canaries(casebook, tmp_path)
    code, out, _ = cli(
        capsys, "show", "persons", "c-1", "--format", "json", "--casebook", casebook.path
    )
    record = json.loads(out)["record"]
    assert code == 0
    assert (
        record["name"],
        record["aliases"],
        record["birth_date"],
        record["contact"],
        record["sensitive_notes"],
    ) == (CANARY_LATIN, [CANARY_CYRILLIC], CANARY_BIRTH, CANARY_CONTACT, CANARY_NOTE)
    code, out, _ = cli(capsys, "documents", "show", "1", "--text", "--casebook", casebook.path)
    assert CANARY_PHRASE in out
    package = tmp_path / "package"
    assert (
        cli(capsys, "export-evidence", "1", "--output", package, "--casebook", casebook.path)[0]
        == 0
    )
    original = next((package / "data" / "originals").rglob("testimony.txt"))
    assert CANARY_PHRASE in original.read_text()
    assert cli(capsys, "verify", "--casebook", casebook.path)[0] == 0


def test_without_the_key_commands_work_and_show_pseudonyms(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_canaries(casebook, tmp_path)
    key = default_key_path(casebook.config.casebook_id)
    key.rename(tmp_path / "elsewhere.key")
    code, out, err = cli(capsys, "list", "persons", "--format", "json", "--casebook", casebook.path)
    assert code == 0
    assert leaks(out.encode()) == []
    assert "[protected P-" in out
    code, _, err = cli(capsys, "export", "persons", "--casebook", casebook.path)
    assert code == 2
    assert "needs the casebook's key" in err
    code, out, _ = cli(capsys, "export", "persons", "--pseudonymise", "--casebook", casebook.path)
    assert code == 0
    assert leaks(out.encode()) == []
    code, _, err = cli(
        capsys, "import", "persons", tmp_path / "persons.csv", "--casebook", casebook.path
    )
    assert code == 2
    assert "needs the casebook's key" in err
    assert cli(capsys, "verify", "--casebook", casebook.path)[0] == 0  # no key needed
    code, _, err = cli(capsys, "documents", "show", "1", "--text", "--casebook", casebook.path)
    assert CANARY_PHRASE not in err


def test_a_ciphertext_moved_to_another_row_fails(casebook: Casebook, tmp_path: Path) -> None:
    fill_with_canaries(casebook, tmp_path)
    with casebook.engine.begin() as connection:
        rows = connection.execute(
            text("SELECT id, person_id, value FROM person_names WHERE part = 'full' ORDER BY id")
        ).all()
        (first_id, _, first_value), (second_id, _, _) = rows[0], rows[1]
        connection.execute(
            text("UPDATE person_names SET value = :v WHERE id = :id"),
            {"v": first_value, "id": second_id},
        )
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        moved = session.get_one(PersonName, second_id)
        with pytest.raises(CannotDecrypt, match=r"another record|does not open"):
            protector.decrypt(f"persons:{moved.person_id}", "person_names.full", moved.value)
        # ...and into another field of the same record.
        original = session.get_one(PersonName, first_id)
        with pytest.raises(CannotDecrypt):
            protector.decrypt(f"persons:{original.person_id}", "persons.contact", original.value)


def test_rotation_keeps_everything_readable_and_retires_the_old_key(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_canaries(casebook, tmp_path)
    import_demo(casebook)
    before = snapshot(casebook)
    key = default_key_path(casebook.config.casebook_id)
    shutil.copyfile(key, tmp_path / "old.key")
    code, out, _ = cli(capsys, "key", "rotate", "--casebook", casebook.path)
    assert code == 0
    assert "data keys re-wrapped" in out
    reopened = Casebook.open(casebook.path)
    try:
        assert snapshot(reopened) == before
    finally:
        reopened.close()
    # The old key is refused, and it opens none of the stored data keys.
    from rightsledger.protect.keys import Keyring, read_key_file

    monkey_env = {"RIGHTSLEDGER_KEY_FILE": str(tmp_path / "old.key")}
    code, _, err = cli_with_env(capsys, monkey_env, "list", "persons", "--casebook", casebook.path)
    assert code == 2
    assert "is not this casebook's key" in err
    old_kek, old_id = read_key_file(tmp_path / "old.key")
    old = Keyring(old_kek, old_id)
    with casebook.engine.connect() as connection:
        wrapped = connection.execute(text("SELECT owner, kek_id, wrapped FROM data_keys")).all()
    assert wrapped
    for owner, kek_id, blob in wrapped:
        with pytest.raises(Exception):  # noqa: B017, PT011 - wrong key id or failed tag
            old.unwrap(owner, blob, kek_id if kek_id == old_id else old_id)


def cli_with_env(
    capsys: pytest.CaptureFixture[str], env: dict[str, str], *args: str | Path
) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        return cli(capsys, *args)


def test_pseudonymised_exports_hide_names_and_do_not_link(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    import_demo(casebook)
    outputs = [
        cli(
            capsys,
            "export",
            "persons",
            "--pseudonymise",
            "--format",
            "jsonl",
            "--casebook",
            casebook.path,
        )[1]
        for _ in range(2)
    ]
    first, second = ([json.loads(line) for line in out.splitlines()] for out in outputs)
    for row in first:
        assert row["given_name"] is None
        assert row["family_name"] is None
        assert row["aliases"] is None
        assert row["contact"] is None
    assert "Хасанов" not in outputs[0]
    assert "Kadyrov" not in outputs[0]
    individuals = [row for row in first if not row["is_group"]]
    assert all(row["external_id"].startswith("person-") for row in individuals)
    assert all(row["name"] == row["external_id"] for row in individuals)
    assert {r["external_id"] for r in first}.isdisjoint({r["external_id"] for r in second})
    # Stable inside one export: a proceeding's person targets use the same pseudonyms.
    _, out, _ = cli(
        capsys,
        "export",
        "proceedings",
        "--pseudonymise",
        "--format",
        "jsonl",
        "--casebook",
        casebook.path,
    )
    targets = [t for line in out.splitlines() for t in json.loads(line)["targets"] or []]
    assert any(t.startswith("person:person-") for t in targets)
    assert not any("per-kadyrov" in t for t in targets)


def test_public_export_keeps_published_records_and_suppresses_small_counts(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / "groups.csv",
        "external_id,name,is_group,counting_unit,group_low,group_best,group_high,published\n"
        "g-big,Men detained in Argun,true,individual,100,100,200,true\n"
        "g-small,Family of three,true,family,3,3,3,true\n"
        "g-hidden,Unpublished group,true,individual,40,40,,false\n",
    )
    assert (
        cli(capsys, "import", "persons", tmp_path / "groups.csv", "--casebook", casebook.path)[0]
        == 0
    )
    code, out, err = cli(
        capsys, "export", "persons", "--public", "--format", "jsonl", "--casebook", casebook.path
    )
    rows = {row["name"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0
    assert set(rows) == {"Men detained in Argun", "Family of three"}
    assert rows["Men detained in Argun"]["group_best"] == 100
    assert rows["Family of three"]["group_best"] is None
    assert "below 5 were suppressed in 1 records" in err


def test_passphrase_casebook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {"RIGHTSLEDGER_PASSPHRASE": "correct horse battery staple"}
    code, out, _ = cli_with_env(capsys, env, "init", tmp_path / "cb", "--passphrase")
    assert code == 0
    assert "no key file" in out
    config = (tmp_path / "cb" / "casebook.toml").read_text()
    assert f"memory_kib = {KDF_MEMORY_KIB}" in config
    assert f"iterations = {KDF_ITERATIONS}" in config
    assert KDF_MEMORY_KIB >= 19 * 1024
    assert KDF_ITERATIONS >= 2
    people = write(tmp_path / "p.csv", f"external_id,name\nc-1,{CANARY_LATIN}\n")
    assert cli_with_env(capsys, env, "import", "persons", people, "-C", tmp_path / "cb")[0] == 0
    code, out, _ = cli_with_env(
        capsys, env, "list", "persons", "--format", "json", "-C", tmp_path / "cb"
    )
    assert CANARY_LATIN in out
    code, _, err = cli_with_env(
        capsys,
        {"RIGHTSLEDGER_PASSPHRASE": "wrong passphrase!!"},
        "list",
        "persons",
        "-C",
        tmp_path / "cb",
    )
    assert (code, err.strip()) == (2, "error: wrong passphrase for this casebook")
    # No passphrase and no terminal: no hang, pseudonyms instead.
    code, out, _ = cli(capsys, "list", "persons", "--format", "json", "-C", tmp_path / "cb")
    assert code == 0
    assert CANARY_LATIN not in out


def test_blind_index_finds_a_name_without_decrypting(casebook: Casebook, tmp_path: Path) -> None:
    fill_with_canaries(casebook, tmp_path)
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        key = protector.blind_index("  zaurbek   KANAREYKIN ")
        found = session.scalars(
            select(PersonName.person_id).where(PersonName.blind_index == key)
        ).all()
    assert len(found) == 1


def test_lock_needs_a_backup_then_destroys_the_key(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_canaries(casebook, tmp_path)
    code, _, err = cli(capsys, "lock", "--yes", "--casebook", casebook.path)
    assert code == 2
    assert "no encrypted backup" in err
    with casebook.session() as session:
        session.add(
            Backup(
                file_name="b.age",
                sha256="0" * 64,
                size=1,
                recipients="age1x",
                created_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1),
            )
        )
    key = default_key_path(casebook.config.casebook_id)
    assert key.exists()
    code, out, _ = cli(capsys, "lock", "--yes", "--casebook", casebook.path)
    assert code == 0
    assert not key.exists()
    code, out, _ = cli(capsys, "list", "persons", "--format", "json", "--casebook", casebook.path)
    assert CANARY_LATIN not in out
