"""Extraction quality and speed on the gold set (and, with --long, on a 10 MB document).

    uv run python benchmarks/extract.py [--gold tests/data/extract_gold/gold.jsonl] [--long]

Prints precision / recall / F1 per claim kind for the whole gold set and for each split, then
sentences per second over the gold documents (after a warm-up, so model loading is excluded).
Counts are scored with exact spans and exact low/best/high; count_overlap relaxes the span.
Actors, quotes and calls are scored on the documents annotated for them; actor_role,
quote_speaker and call_parties also check the role hint, the speaker and who calls on whom
(matching rules: rightsledger.extract.evaluate and tests/data/extract_gold/README.md).
--split keeps only the named splits; --misses prints every miss and extra claim.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from pathlib import Path

from rightsledger.extract import count_sentences, extract_text
from rightsledger.extract.evaluate import GoldDocument, load_gold, score

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests/data/extract_gold/gold.jsonl"


def report(title: str, documents: list[GoldDocument], misses: bool = False) -> None:
    scores = score(documents, [extract_text(d.text()) for d in documents])
    print(f"\n{title} ({len(documents)} documents)")
    print(f"{'kind':15} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn")
    for kind, s in scores.items():
        if s.true_positives + s.false_positives + s.false_negatives == 0:
            print(f"{kind:15}     –     –     –   (not annotated in these documents)")
            continue
        print(
            f"{kind:15} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} "
            f"{s.true_positives:4d}{s.false_positives:4d}{s.false_negatives:4d}"
        )
    if misses:
        for kind, s in scores.items():
            if kind not in ("count_overlap", "actor_role", "quote_speaker", "call_parties"):
                for miss in s.misses:
                    print(f"  {kind:8} {miss}")


def speed(documents: list[GoldDocument], rounds: int) -> None:
    texts = [d.text() for d in documents]
    for text in texts:  # warm-up: loads the gazetteer, the dictionary and the NER model
        extract_text(text)
    sentences = sum(count_sentences(t) for t in texts) * rounds
    characters = sum(len(t) for t in texts) * rounds
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            extract_text(text)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"\nspeed: {sentences} sentences, {characters:,} characters in {elapsed:.2f} s = "
        f"{sentences / elapsed:,.0f} sentences/s ({sentences / cpu:,.0f} per CPU second; "
        f"{os.getloadavg()[0]:.1f} load average)"
    )


def long_document(documents: list[GoldDocument], megabytes: float) -> None:
    for language in ("en", "ru"):
        base = "\n\n".join(d.text() for d in documents if d.language == language)
        text = (base + "\n\n") * int(megabytes * 1e6 / (len(base) + 2) + 1)
        started, cpu, workers = time.perf_counter(), time.process_time(), _workers_cpu()
        extraction = extract_text(text)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        workers = _workers_cpu() - workers
        print(
            f"long {language}: {len(text):,} characters, {len(extraction.claims):,} claims in "
            f"{elapsed:.1f} s ({cpu:.1f} s of CPU here, {workers:.1f} s in worker processes); "
            f"warnings: {extraction.warnings or 'none'}"
        )


def _workers_cpu() -> float:
    """CPU seconds of finished child processes (a long text is read in pieces by workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--long", action="store_true", help="also time a 10 MB document")
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--split", action="append", help="only these splits (repeatable)")
    parser.add_argument("--misses", action="store_true", help="print every miss and extra")
    args = parser.parse_args()
    documents = load_gold(args.gold)
    if args.split:
        documents = [d for d in documents if d.split in args.split]
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python "
        f"{platform.python_version()}"
    )
    report("all", documents)
    for split in sorted({d.split for d in documents}):
        report(f"split {split}", [d for d in documents if d.split == split], args.misses)
    speed(documents, args.rounds)
    if args.long:
        long_document(documents, args.megabytes)


if __name__ == "__main__":
    main()
