"""Ingest generated documents, then compare `verify` with `sha256sum` over the same blobs.

    uv run python benchmarks/vault.py [--documents 10000] [--big-files 8] [--big-mib 64]
        [--keep DIR]   # keep the small-document casebook in DIR and reuse it on the next run
        [--runs 3]     # timed runs of verify and sha256sum each; the fastest is printed

Prints documents/s for intake of mixed HTML, PDF and text; then the time to verify every blob
(and the whole verify, logs included) against `sha256sum` reading the same files in the same run,
with the throughput ratio. Goal: verify at >= 0.8x the throughput of sha256sum.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rightsledger.store.casebook import Casebook
from rightsledger.vault.intake import Provenance, ingest
from rightsledger.vault.verify import VerifyReport, check_blobs, verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # reuse the tests' PDF writer
from tests.documents import pdf_bytes

WORDS = (
    "detained tortured released witnesses police building town families complaint "
    "investigation refused court prosecutor statement reported"
).split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."


def generate(directory: Path, count: int, rng: random.Random) -> list[Path]:
    paths = []
    for i in range(count):
        body = " ".join(sentence(rng) for _ in range(rng.randint(5, 40)))
        kind = i % 3
        if kind == 0:
            path = directory / f"doc{i}.html"
            path.write_text(
                f"<!DOCTYPE html><html><head><title>Synthetic {i}</title></head>"
                f"<body><article><h1>Report {i}</h1><p>{body}</p></article></body>"
                "</html>",
                encoding="utf-8",
            )
        elif kind == 1:
            path = directory / f"doc{i}.pdf"
            path.write_bytes(pdf_bytes([f"SYNTHETIC {i}", body[:80], body[80:160]]))
        else:
            path = directory / f"doc{i}.txt"
            path.write_text(f"SYNTHETIC {i}\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def small_casebook(root: Path, count: int, rng: random.Random) -> Casebook:
    (root / "in").mkdir(parents=True, exist_ok=True)
    files = generate(root / "in", count, rng)
    casebook = Casebook.create(root / "casebook")
    start = time.perf_counter()
    results = ingest(casebook, files, provenance=Provenance(collected_by="bench"))
    seconds = time.perf_counter() - start
    assert all(r.error is None for r in results)
    print(
        f"ingest: {len(files):,} mixed documents (HTML, PDF, text) in {seconds:.1f} s = "
        f"{len(files) / seconds:,.0f} documents/s"
    )
    return casebook


def run_sha256sum(files: list[Path]) -> None:
    for offset in range(0, len(files), 2000):  # keep argument lists within limits
        subprocess.run(
            ["sha256sum", *map(str, files[offset : offset + 2000])],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of several runs: the machine is shared, and a neighbour slows single runs."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def compare(label: str, casebook: Casebook, files: list[Path], runs: int) -> None:
    total = sum(f.stat().st_size for f in files)
    report = verify(casebook, record=False)  # also warms the page cache for every run below
    assert report.ok, report.problems
    blob_seconds = best_of(runs, lambda: check_blobs(casebook, VerifyReport()))
    full_seconds = best_of(runs, lambda: verify(casebook, record=False))
    reference = best_of(runs, lambda: run_sha256sum(files))
    print(f"{label}: {len(files):,} files, {total / 2**20:,.1f} MiB (best of {runs} runs each)")
    print(f"  sha256sum            {reference:7.2f} s  {total / 2**20 / reference:8.1f} MiB/s")
    print(
        f"  verify (blobs)       {blob_seconds:7.2f} s  {total / 2**20 / blob_seconds:8.1f} MiB/s"
        f"  ratio {reference / blob_seconds:.2f}x sha256sum"
    )
    print(
        f"  verify (everything)  {full_seconds:7.2f} s  {total / 2**20 / full_seconds:8.1f} MiB/s"
        f"  ratio {reference / full_seconds:.2f}x sha256sum"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--big-files", type=int, default=8)
    parser.add_argument("--big-mib", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each; the best counts")
    parser.add_argument(
        "--keep", type=Path, help="keep the small-document casebook here; reuse it when present"
    )
    args = parser.parse_args()
    rng = random.Random(11)
    print(f"machine: {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        kept = args.keep is not None and (args.keep / "casebook").exists()
        with (
            Casebook.open(args.keep / "casebook")
            if kept
            else small_casebook(args.keep or root, args.documents, rng)
        ) as casebook:
            blobs = sorted(p for p in casebook.blobs.rglob("*") if p.is_file())
            compare("small documents", casebook, blobs, args.runs)
        if args.big_files == 0:
            return
        (root / "big").mkdir()
        big = []
        for i in range(args.big_files):
            path = root / "big" / f"video{i}.bin"
            with path.open("wb") as out:
                for _ in range(args.big_mib):
                    out.write(os.urandom(2**20))
            big.append(path)
        with Casebook.create(root / "casebook-big") as casebook:
            start = time.perf_counter()
            ingest(casebook, big, provenance=Provenance())
            seconds = time.perf_counter() - start
            size = args.big_files * args.big_mib
            print(
                f"ingest: {args.big_files} files of {args.big_mib} MiB in {seconds:.1f} s = "
                f"{size / seconds:,.0f} MiB/s"
            )
            blobs = sorted(p for p in casebook.blobs.rglob("*") if p.is_file())
            compare("large files", casebook, blobs, args.runs)


if __name__ == "__main__":
    main()
