"""`link`: find the same person across lists (a plain CSV in, clusters and a review file out)."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from rightsledger.cli.common import CasebookOption, acting_name, console, open_casebook
from rightsledger.errors import InputError, UserError


class LinkBackend(StrEnum):
    DUCKDB = "duckdb"
    SPARK = "spark"


def _band(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    if text.strip().lower() == "none":
        return None
    try:
        low, high = (float(part) for part in text.split(","))
    except ValueError:
        raise UserError(
            f'--review-band must be LO,HI (for example 0.1,0.5), not "{text}"'
        ) from None
    return low, high


def _labels(path: Path) -> list[tuple[str, str, bool]]:
    """Labelled pairs: record_id_l, record_id_r, is_match (1/0, yes/no, true/false)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    reader = csv.DictReader(text.splitlines())
    needed = {"record_id_l", "record_id_r", "is_match"}
    if not needed <= set(reader.fieldnames or []):
        raise InputError(
            "needs the columns record_id_l, record_id_r, is_match", source=str(path), line=1
        )
    labels = []
    for row in reader:
        flag = (row["is_match"] or "").strip().lower()
        if flag not in {"1", "0", "yes", "no", "true", "false"}:
            raise InputError(
                f'"{flag}" is not 1/0, yes/no or true/false',
                source=str(path),
                line=reader.line_num,
                column="is_match",
            )
        labels.append(
            (row["record_id_l"].strip(), row["record_id_r"].strip(), flag in {"1", "yes", "true"})
        )
    return labels


def _write_atomically(target: Path, write: Callable[[TextIO], object]) -> None:
    if target.is_dir():
        raise UserError(f"{target} is a directory; give a file name")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".link-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def link(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="CSV of person records (UTF-8, header row); omit to link the "
            "casebook's person records."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write record_id,cluster_id,..."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(help="Match probability a link needs (default: from --labels, else 0.05)."),
    ] = None,
    review_band: Annotated[
        str | None,
        typer.Option(
            "--review-band",
            help="LO,HI: pairs scored in this range go to OUTPUT.review.csv (default 0.03,0.3; "
            "'none' for no review file).",
        ),
    ] = None,
    backend: Annotated[LinkBackend, typer.Option(help="Engine that scores pairs.")] = (
        LinkBackend.DUCKDB
    ),
    save_model: Annotated[
        Path | None, typer.Option("--save-model", help="Write the trained model here (JSON).")
    ] = None,
    model: Annotated[
        Path | None, typer.Option("--model", help="Use this trained model instead of training.")
    ] = None,
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels",
            help="CSV of labelled pairs (record_id_l,record_id_r,is_match): chooses the threshold "
            "and reports precision and recall on them.",
        ),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Find the same person across lists: names across scripts, partial dates, ages, places.

    Input columns: record_id, source, and any of given_name, patronymic, family_name,
    full_name, birth_date (1991, 1991-03, 1991-03-12 or 12.03.1991), age (with event_date),
    sex, place, event_date.

    Writes OUTPUT (record_id,cluster_id,cluster_probability) and, for pairs in the review band,
    OUTPUT.review.csv with both records side by side and the evidence. See docs/linkage.md.
    """
    if file is None:
        _link_casebook(casebook, threshold, review_band)
        return
    if output is None:
        raise UserError("give --output for the clusters file (or omit FILE to link the casebook)")
    from rightsledger.link import link_records
    from rightsledger.link import model as model_file
    from rightsledger.link.evaluate import labelled_scores
    from rightsledger.link.pipeline import DEFAULT_REVIEW_BAND
    from rightsledger.link.records import read_csv
    from rightsledger.link.review import write_clusters, write_review

    source = str(file)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=source) from None
    rows = read_csv(data, source=source)
    band = DEFAULT_REVIEW_BAND if review_band is None else _band(review_band)
    labelled = _labels(labels) if labels else None
    result = link_records(
        rows,
        threshold=threshold,
        review_band=band,
        backend=str(backend),  # type: ignore[arg-type]
        model=model_file.load(model) if model else None,
        labels=labelled,
        source=source,
    )
    _write_atomically(output, lambda out: write_clusters(result, out))
    if save_model:
        model_file.save(result.model, save_model)
    review_path = output.with_name(output.stem + ".review.csv")
    reviewed = 0
    if band is not None:

        def write(out: TextIO) -> None:
            nonlocal reviewed
            reviewed = write_review(result, rows, out)

        _write_atomically(review_path, write)
    people = len(set(result.clusters.cluster_ids))
    console.print(
        f"Linked {len(rows)} records into {people} clusters at threshold {result.threshold:g}; "
        f"wrote {output}"
        + (f" and {reviewed} pairs to review in {review_path}" if band else "")
        + "."
    )
    if labelled:
        console.print(f"On the labelled pairs: {labelled_scores(result.cluster_of(), labelled)}")


def _link_casebook(casebook: Path | None, threshold: float | None, review_band: str | None) -> None:
    from rightsledger.link.casebook import link_casebook
    from rightsledger.link.pipeline import DEFAULT_REVIEW_BAND

    band = DEFAULT_REVIEW_BAND if review_band is None else _band(review_band)
    with open_casebook(casebook, action="review", kind="links") as book:
        summary = link_casebook(
            book, threshold=threshold, review_band=band, actor=acting_name(book)
        )
    console.print(
        f"Linked {summary.records} named individuals into {summary.clusters} persons "
        f"({summary.merged} records now point at another record of the same person); "
        f"{summary.proposed} uncertain pairs to review with `rightsledger review-links`.",
        markup=False,
    )


def review_links(
    accept: Annotated[int | None, typer.Option(help="Accept this pair: the same person.")] = None,
    reject: Annotated[int | None, typer.Option(help="Reject this pair: different people.")] = (
        None
    ),
    skip: Annotated[int | None, typer.Option(help="Skip this pair for now.")] = None,
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    casebook: CasebookOption = None,
) -> None:
    """The uncertain pairs from `rightsledger link`, side by side with the evidence: decide."""
    from rightsledger.link.casebook import decide_pair
    from rightsledger.link.review_casebook import pending_pairs

    decisions = [
        (p, s)
        for p, s in ((accept, "accepted"), (reject, "rejected"), (skip, "skipped"))
        if p is not None
    ]
    with open_casebook(casebook, action="review", kind="links") as book:
        for pair_id, status in decisions:
            decide_pair(book, pair_id, status, actor=acting_name(book))
            console.print(f"Pair {pair_id} {status}.", markup=False)
        if decisions:
            return
        pairs = pending_pairs(book)
    if output == "json":
        sys.stdout.write(json.dumps(pairs, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for pair in pairs:
        console.print(f"pair {pair['id']}  probability {pair['probability']:.2f}", markup=False)
        for side in ("left", "right"):
            record = pair[side]
            console.print(
                f"  {record['external_id']}: {record['name']}  born "
                f"{record['birth_date'] or '?'}  source {record['source']}",
                markup=False,
            )
        console.print(
            "  for: "
            + ", ".join(pair["evidence_for"])
            + "   against: "
            + ", ".join(pair["evidence_against"]),
            markup=False,
        )
    console.print(
        f"{len(pairs)} pairs to review: --accept ID, --reject ID or --skip ID.", markup=False
    )


def register(app: typer.Typer) -> None:
    app.command("review-links")(review_links)
    app.command("link")(link)
