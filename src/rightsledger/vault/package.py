"""Evidence packages: originals, provenance and custody with proofs, in the BagIt layout.

A third party verifies a package without rightsledger: `sha256sum -c manifest-sha256.txt`, the
bundled standard-library script for custody proofs, and OpenSSL for the head's signature.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from rightsledger import __version__, merkle
from rightsledger.errors import UserError
from rightsledger.ledger import utc_stamp
from rightsledger.model import Document
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody, reading
from rightsledger.vault.blobs import BlobStore

README = """\
Evidence package exported by rightsledger {version} on {date}

This directory is a BagIt bag (RFC 8493). It holds {count} original document(s), byte for byte
as they were received, with their provenance and their chain of custody.

  data/originals/<sha256>/<name>   the originals
  data/provenance.json             how and when each was collected and received, and the
                                   metadata embedded in it, as found
  data/custody.jsonl               every custody entry for these documents, each with an
                                   inclusion proof in the signed tree head
  data/tree-head.json              the signed head of the custody log (RFC 6962 Merkle tree)
  data/tree-head.payload, .sig     the exact signed bytes and the Ed25519 signature
  data/public-key.pem              the casebook's log-signing public key
  data/verify_package.py           a standard-library Python script that checks all of this

To verify, from this directory:

  1. sha256sum -c manifest-sha256.txt          (every file is as exported)
  2. python3 data/verify_package.py            (originals match their hashes; every custody
                                                entry is in the signed head)
  3. openssl pkeyutl -verify -pubin -inkey data/public-key.pem -rawin \\
       -in data/tree-head.payload -sigfile data/tree-head.sig
                                               (the head was signed by the casebook's key)

Compare data/tree-head.json with a head exported earlier and kept elsewhere (with
`rightsledger head export`): the same size and root, or a later head that the earlier one is
consistent with, shows that the custody log was not rewritten.
"""


@dataclass(frozen=True)
class PackageReport:
    directory: Path
    documents: int
    entries: int
    head_size: int


def export_package(casebook: Casebook, documents: list[Document], output: Path) -> PackageReport:
    if output.exists() and any(output.iterdir()):
        raise UserError(f"{output} is not empty; choose a new directory for the package")
    if not documents:
        raise UserError("name at least one document to export")
    store = BlobStore(casebook.blobs)
    data = output / "data"
    (data / "originals").mkdir(parents=True, exist_ok=True)
    with casebook.engine.begin() as connection:
        for document in documents:
            custody.record(
                connection, action="exported", item=document.item, details={"package": output.name}
            )
        head = next(h for h in custody.sign_heads(casebook, connection) if h.log == "custody_log")
        leaves = custody.CUSTODY.leaves(connection)[: head.size]
        entries = []
        for document in documents:
            for entry in custody.CUSTODY.entries(connection, subject=document.item):
                proof = merkle.inclusion_proof(entry.seq - 1, leaves)
                entries.append(
                    {**entry.as_json(), "inclusion_proof": [node.hex() for node in proof]}
                )
    provenance = []
    with casebook.engine.connect() as connection:
        protector = casebook.protector(connection)
        if any(d.encrypted for d in documents) and not protector.available:
            raise UserError("exporting a confidential document needs the casebook's key")
        for document in documents:
            shown = reading.fields(document, protector)
            name = Path(shown["original_name"] or "original").name or "original"
            relative = Path("data") / "originals" / document.sha256 / name
            (output / relative).parent.mkdir(parents=True, exist_ok=True)
            reading.copy_original(document, store, protector, output / relative)
            provenance.append(_provenance(shown, str(relative)))
    entries.sort(key=lambda item: item["seq"])
    _write(
        data / "provenance.json",
        json.dumps(
            {
                "exported_by": f"rightsledger {__version__}",
                "exported_at": utc_stamp(),
                "documents": provenance,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
    )
    _write(
        data / "custody.jsonl",
        "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries),
    )
    _write(data / "tree-head.json", json.dumps(head.as_json(), indent=2) + "\n")
    (data / "tree-head.payload").write_bytes(head.payload())
    (data / "tree-head.sig").write_bytes(bytes.fromhex(head.signature))
    public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(head.public_key))
    (data / "public-key.pem").write_bytes(
        public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    script = files("rightsledger.vault") / "standalone_verify.py"
    _write(data / "verify_package.py", script.read_text(encoding="utf-8"))
    _write_bag(output, len(documents))
    return PackageReport(
        directory=output, documents=len(documents), entries=len(entries), head_size=head.size
    )


def _provenance(shown: dict[str, Any], path: str) -> dict[str, Any]:
    keep = (
        "sha256",
        "size",
        "media_type",
        "original_name",
        "sensitivity",
        "received_at",
        "source_url",
        "collected_by",
        "collected_at",
        "method",
        "tool",
        "embedded_metadata",
        "title",
        "author",
        "published_date",
    )
    return {"package_path": path, **{key: shown[key] for key in keep}}


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _write_bag(output: Path, count: int) -> None:
    payload = sorted(p for p in (output / "data").rglob("*") if p.is_file())
    total = sum(p.stat().st_size for p in payload)
    _write(
        output / "manifest-sha256.txt",
        "".join(f"{_digest(p)}  {p.relative_to(output).as_posix()}\n" for p in payload),
    )
    _write(output / "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    _write(
        output / "bag-info.txt",
        f"Bagging-Date: {utc_stamp()[:10]}\nBag-Software-Agent: rightsledger {__version__}\n"
        f"Payload-Oxum: {total}.{len(payload)}\n"
        f"External-Description: {count} original document(s) with provenance and custody\n",
    )
    _write(
        output / "README.txt",
        README.format(version=__version__, date=utc_stamp()[:10], count=count),
    )
    tags = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "README.txt"]
    _write(
        output / "tagmanifest-sha256.txt",
        "".join(f"{_digest(output / name)}  {name}\n" for name in tags),
    )
