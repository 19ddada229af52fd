"""Verify a rightsledger evidence package with nothing but Python's standard library.

Run from the package's top directory:  python3 data/verify_package.py
It checks that every original matches the SHA-256 in the provenance file and the BagIt manifest,
that every custody entry hashes to its recorded leaf, and that each leaf is included in the
signed tree head (RFC 6962 / RFC 9162 inclusion proofs). The head's Ed25519 signature is checked
with OpenSSL; see README.txt.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_proof(index: int, size: int, leaf: bytes, proof: list[bytes]) -> bytes | None:
    """RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or None if malformed."""
    if index >= size:
        return None
    fn, sn, result = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return None
        if fn % 2 == 1 or fn == sn:
            result = node_hash(sibling, result)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = node_hash(result, sibling)
        fn, sn = fn >> 1, sn >> 1
    return result if sn == 0 else None


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def main() -> int:
    top = Path(__file__).resolve().parent.parent
    data = top / "data"
    problems: list[str] = []
    manifest = {}
    for line in (top / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        manifest[name] = digest
    for name, digest in manifest.items():
        path = top / name
        if not path.is_file():
            problems.append(f"{name}: listed in the manifest but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{name}: does not match the manifest")
    provenance = json.loads((data / "provenance.json").read_text(encoding="utf-8"))
    for document in provenance["documents"]:
        original = top / document["package_path"]
        if hashlib.sha256(original.read_bytes()).hexdigest() != document["sha256"]:
            problems.append(f"{document['package_path']}: does not match its recorded SHA-256")
    head = json.loads((data / "tree-head.json").read_text(encoding="utf-8"))
    root, size = bytes.fromhex(head["root"]), head["size"]
    entries = 0
    for line in (data / "custody.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        entry = {
            key: item[key] for key in ("seq", "at", "actor", "action", "subject", "details", "prev")
        }
        leaf = leaf_hash(canonical(entry))
        if leaf.hex() != item["leaf"]:
            problems.append(f"custody entry {item['seq']}: its content does not hash to its leaf")
            continue
        proof = [bytes.fromhex(node) for node in item["inclusion_proof"]]
        if root_from_proof(item["seq"] - 1, size, leaf, proof) != root:
            problems.append(f"custody entry {item['seq']}: not included in the signed head")
        entries += 1
    for problem in problems:
        print("PROBLEM:", problem)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        return 1
    print(
        f"OK: {len(manifest)} files match the manifest; {len(provenance['documents'])} "
        f"originals match their SHA-256; {entries} custody entries are in the signed head "
        f"(size {size}, root {head['root']})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
