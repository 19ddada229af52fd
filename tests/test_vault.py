"""The evidence vault: intake, media types, text, search and evidence packages."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select

from rightsledger.model import Document
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody
from rightsledger.vault.blobs import BlobStore
from rightsledger.vault.intake import Provenance, ingest
from rightsledger.vault.text import DOCX
from tests.documents import docx_bomb, docx_bytes, pdf_bytes, png_with_exif, write
from tests.helpers import cli

ARTICLE_EN = (
    "SYNTHETIC. Police detained at least twelve men in the town last week. "
    "Witnesses said the detainees were tortured with electric shocks.\n"
)
ARTICLE_RU = (
    "СИНТЕТИЧЕСКИЙ ТЕКСТ. По словам свидетелей, задержанных подвергали пыткам электрическим "
    "током. Их держали в бывшем здании полиции, и никто не был наказан.\n"
)


def documents_of(casebook: Casebook) -> dict[str, Document]:
    with casebook.reader() as session:
        return {d.original_name or "": d for d in session.scalars(select(Document))}


def test_intake_keeps_original_bytes_under_their_hash(casebook: Casebook, tmp_path: Path) -> None:
    original = write(tmp_path / "article.txt", ARTICLE_EN)
    data = original.read_bytes()
    [result] = ingest(
        casebook,
        [original],
        provenance=Provenance(
            source_url="https://example.org/a",
            collected_by="researcher-7",
            collected_at="2017-04-02",
            method="saved from browser",
        ),
    )
    digest = hashlib.sha256(data).hexdigest()
    assert result.sha256 == digest
    blob = casebook.blobs / digest[:2] / digest[2:4] / digest
    assert blob.read_bytes() == data
    assert not os.access(blob, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)
    assert oct(blob.stat().st_mode & 0o777) == "0o444"
    document = documents_of(casebook)["article.txt"]
    assert (document.size, document.media_type, document.sensitivity) == (
        len(data),
        "text/plain",
        "restricted",
    )
    assert document.source_url == "https://example.org/a"
    assert document.collected_at == "2017-04-02"
    assert document.received_at.tzinfo is not None
    assert document.language == "en"
    assert document.text_status == "extracted"


def test_same_bytes_twice_make_one_document_and_two_custody_entries(
    casebook: Casebook, tmp_path: Path
) -> None:
    first = write(tmp_path / "a.txt", ARTICLE_EN)
    second = write(tmp_path / "copy-of-a.txt", ARTICLE_EN)
    results = ingest(casebook, [first, second], provenance=Provenance(collected_by="x"))
    assert results[0].new
    assert not results[1].new
    assert results[0].document_id == results[1].document_id
    with casebook.engine.connect() as connection:
        actions = [
            e.action
            for e in custody.CUSTODY.entries(connection, subject=f"sha256:{results[0].sha256}")
        ]
    assert actions == ["ingested", "text_extracted", "ingested"]


def test_media_types_come_from_content_not_names(casebook: Casebook, tmp_path: Path) -> None:
    files = [
        write(tmp_path / "report.txt", pdf_bytes(["SYNTHETIC report of detentions"])),
        write(
            tmp_path / "page.dat",
            "<!DOCTYPE html><html><head><title>T</title></head>"
            "<body><p>" + ARTICLE_EN * 3 + "</p></body></html>",
        ),
        write(tmp_path / "notes.pdf", ARTICLE_EN),
        write(tmp_path / "photo.bin", png_with_exif()),
        write(tmp_path / "statement.docx.bak", docx_bytes(["SYNTHETIC statement", "Second"])),
    ]
    ingest(casebook, files, provenance=Provenance())
    documents = documents_of(casebook)
    assert documents["page.dat"].text_status == "extracted"
    assert documents["page.dat"].title == "T"
    found = {name: d.media_type for name, d in documents.items()}
    assert found == {
        "report.txt": "application/pdf",
        "page.dat": "text/html",
        "notes.pdf": "text/plain",
        "photo.bin": "image/png",
        "statement.docx.bak": DOCX,
    }


def test_text_and_embedded_metadata_of_each_format(casebook: Casebook, tmp_path: Path) -> None:
    files = [
        write(
            tmp_path / "r.pdf",
            pdf_bytes(["Detentions in Argun", "SYNTHETIC"], title="Argun report"),
        ),
        write(tmp_path / "s.docx", docx_bytes(["SYNTHETIC statement", "No one was charged."])),
        write(tmp_path / "p.png", png_with_exif()),
        write(tmp_path / "legacy.txt", ARTICLE_RU.encode("cp1251")),
        write(tmp_path / "utf16.txt", ARTICLE_RU.encode("utf-16")),
    ]
    ingest(casebook, files, provenance=Provenance())
    found = documents_of(casebook)
    with casebook.reader() as session:
        texts = {d.original_name: (session.get_one(Document, d.id).text) for d in found.values()}
        pdf_text = texts["r.pdf"]
        assert pdf_text is not None
        assert "Detentions in Argun" in pdf_text.text
        assert "pypdf" in pdf_text.tool
        docx_text = texts["s.docx"]
        assert docx_text is not None
        assert "No one was charged." in docx_text.text
        for name in ("legacy.txt", "utf16.txt"):
            text = texts[name]
            assert text is not None
            assert "пыткам электрическим" in text.text
    assert json.loads(found["r.pdf"].embedded_metadata)["pdf:/Title"] == "Argun report"
    assert found["r.pdf"].title == "Argun report"
    assert json.loads(found["s.docx"].embedded_metadata)["docx:author"] == "Synthetic author"
    assert json.loads(found["p.png"].embedded_metadata)["exif:Make"] == "SyntheticCam"
    assert found["p.png"].text_status == "no_text"
    assert found["legacy.txt"].language == "ru"


def test_broken_and_hostile_files_are_stored_and_flagged(
    casebook: Casebook, tmp_path: Path
) -> None:
    whole = pdf_bytes(["SYNTHETIC"] * 40)
    files = [
        write(tmp_path / "truncated.pdf", whole[: len(whole) // 2]),
        write(tmp_path / "bomb.docx", docx_bomb()),
        write(tmp_path / "random.bin", os.urandom(4096)),
    ]
    results = ingest(casebook, files, provenance=Provenance())
    assert all(r.error is None and r.new for r in results)
    found = documents_of(casebook)
    assert found["truncated.pdf"].text_status == "failed"
    assert found["bomb.docx"].text_status == "failed"
    assert "decompression bomb" in (found["bomb.docx"].text_note or "")
    assert found["random.bin"].text_status == "unsupported"
    # Stored all the same, byte for byte.
    store = BlobStore(casebook.blobs)
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert store.path_for(digest).read_bytes() == path.read_bytes()


def test_bad_files_are_reported_and_the_batch_goes_on(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.txt", ARTICLE_EN)
    empty = write(tmp_path / "empty.txt", b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    outside = write(tmp_path / "secret.txt", "SYNTHETIC outside")
    (folder / "link.txt").symlink_to(outside)
    write(folder / "inside.txt", ARTICLE_RU)
    code, out, err = cli(
        capsys, "ingest", tmp_path / "missing.txt", empty, good, folder, "--casebook", casebook.path
    )
    assert code == 2
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in err
    assert f"error: {empty}: is empty (0 bytes); nothing was stored" in err
    assert "is a directory (use --recursive" in err
    assert "Traceback" not in err + out
    assert set(documents_of(casebook)) == {"good.txt"}
    code, _, err = cli(capsys, "ingest", "--recursive", folder, "--casebook", casebook.path)
    assert code == 2
    assert "is a symlink pointing outside" in err
    assert set(documents_of(casebook)) == {"good.txt", "inside.txt"}
    code, _, err = cli(
        capsys, "ingest", good, "--sensitivity", "secret", "--casebook", casebook.path
    )
    assert (code, err.strip()) == (
        2,
        'error: "secret" is not a sensitivity (one of public, restricted, confidential)',
    )


def test_large_files_stream_with_flat_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as out:
        for _ in range(64):
            out.write(os.urandom(1024 * 1024))
    store = BlobStore(tmp_path / "blobs")
    tracemalloc.start()
    with big.open("rb") as source:
        stored = store.store(source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert stored.size == 64 * 1024 * 1024
    assert peak < 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB for a 64 MiB file"
    assert store.digest(stored.sha256) == stored.sha256


def test_search_stems_english_and_russian(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest(
        casebook,
        [write(tmp_path / "en.txt", ARTICLE_EN), write(tmp_path / "ru.txt", ARTICLE_RU)],
        provenance=Provenance(),
    )
    ingest(
        casebook,
        [write(tmp_path / "secret.txt", "SYNTHETIC пытками confidential")],
        provenance=Provenance(sensitivity="confidential"),
    )
    code, out, _ = cli(capsys, "search", "пытки", "--format", "json", "--casebook", casebook.path)
    hits = json.loads(out)
    assert code == 0
    assert [hit["title"] for hit in hits] == ["ru.txt"]  # never the confidential document
    assert "[пыткам]" in hits[0]["snippet"]
    code, out, _ = cli(
        capsys, "search", "torture detainee", "--format", "json", "--casebook", casebook.path
    )
    assert [hit["title"] for hit in json.loads(out)] == ["en.txt"]
    code, out, _ = cli(
        capsys, "search", "тока", "--lang", "en", "--format", "json", "--casebook", casebook.path
    )
    assert json.loads(out) == []
    code, out, _ = cli(
        capsys, "search", '" OR 1=1 --', "--format", "json", "--casebook", casebook.path
    )
    assert code == 0


def test_evidence_package_verifies_without_rightsledger(
    casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        write(tmp_path / "en.txt", ARTICLE_EN),
        write(tmp_path / "r.pdf", pdf_bytes(["SYNTHETIC"])),
    ]
    results = ingest(casebook, files, provenance=Provenance(collected_by="researcher-7"))
    package = tmp_path / "package"
    code, _, err = cli(
        capsys,
        "export-evidence",
        str(results[0].document_id),
        (results[1].sha256 or "")[:12],
        "--output",
        package,
        "--casebook",
        casebook.path,
    )
    assert (code, err) == (0, "")
    assert (package / "bagit.txt").read_text().startswith("BagIt-Version: 1.0")
    checked = subprocess.run(
        ["sha256sum", "-c", "--quiet", "manifest-sha256.txt"],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    script = [sys.executable, "-I", "data/verify_package.py"]  # -I: no rightsledger on the path
    verified = subprocess.run(script, cwd=package, capture_output=True, text=True, check=False)
    assert verified.returncode == 0, verified.stdout
    assert "OK:" in verified.stdout
    provenance = json.loads((package / "data" / "provenance.json").read_text())
    assert [d["collected_by"] for d in provenance["documents"]] == ["researcher-7"] * 2
    # A third party detects a changed original and a changed custody entry.
    original = next((package / "data" / "originals").rglob("en.txt"))
    original.chmod(0o644)
    original.write_text("altered")
    custody_file = package / "data" / "custody.jsonl"
    custody_file.write_text(custody_file.read_text().replace("researcher-7", "someone-else"))
    failed = subprocess.run(script, cwd=package, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "en.txt: does not match" in failed.stdout
    assert "does not hash to its leaf" in failed.stdout
    # Exporting is itself a custody action.
    with casebook.engine.connect() as connection:
        actions = [
            e.action
            for e in custody.CUSTODY.entries(connection, subject=f"sha256:{results[0].sha256}")
        ]
    assert actions[-1] == "exported"
