"""`link`: find the same person across lists (a plain CSV in, clusters and a review file out)."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from rightsledger.cli.common import console
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
    file: Annotated[Path, typer.Argument(help="CSV of person records (UTF-8, header row).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write record_id,cluster_id,...")
    ],
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
) -> None:
    """Find the same person across lists: names across scripts, partial dates, ages, places.

    Input columns: record_id, source, and any of given_name, patronymic, family_name,
    full_name, birth_date (1991, 1991-03, 1991-03-12 or 12.03.1991), age (with event_date),
    sex, place, event_date.

    Writes OUTPUT (record_id,cluster_id,cluster_probability) and, for pairs in the review band,
    OUTPUT.review.csv with both records side by side and the evidence. See docs/linkage.md.
    """
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


def register(app: typer.Typer) -> None:
    app.command("link")(link)
