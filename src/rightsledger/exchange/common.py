"""What every exchange format shares: one snapshot of the casebook, taken under the export rules.

The snapshot is read through ``store.io.exporter.records``, so pseudonyms, the published-only
filter and small-count suppression are exactly those of `rightsledger export`; the formats only
reshape it. References between records stay external ids (``person:p-001``); a reference to a
record that is not in the snapshot (unpublished, in a public export) is dropped by the formats,
never followed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.errors import UserError
from rightsledger.store.io.columns import SINGULAR
from rightsledger.store.io.exporter import ExportOptions, records
from rightsledger.store.io.kinds import KINDS
from rightsledger.values import FuzzyDate

# Identifying details that never leave the casebook through an exchange format, whoever asks:
# other systems have no envelope encryption to keep them in.
NEVER_EXPORTED = frozenset({"contact", "sensitive_notes"})
GROUP_FIGURES = ("group_low", "group_best", "group_high")
PLURAL = {singular: kind for kind, singular in SINGULAR.items()}


@dataclass
class Snapshot:
    """Every record of every kind, as the export rules let them out, in creation order."""

    casebook_id: str
    records: dict[str, list[dict[str, Any]]]
    # external ids (pseudonyms in a pseudonymised export) of groups whose size was suppressed
    suppressed: set[str] = field(default_factory=set)
    threshold: int = 5
    pseudonymised: bool = False
    _index: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {
            kind: {record["external_id"]: record for record in rows}
            for kind, rows in self.records.items()
        }

    @property
    def suppression_marker(self) -> str:
        """What stands in a file where a group size below the threshold was."""
        return f"<{self.threshold}"

    def get(self, kind: str, external_id: str | None) -> dict[str, Any] | None:
        if external_id is None:
            return None
        return self._index.get(kind, {}).get(external_id)

    def has(self, kind: str, external_id: str | None) -> bool:
        return self.get(kind, external_id) is not None

    def resolve(self, reference: str | None) -> tuple[str, str] | None:
        """``person:p-001`` as (kind, external id), when that record is in the snapshot."""
        if not reference:
            return None
        kind, external_id = split_reference(reference)
        return (kind, external_id) if self.has(kind, external_id) else None


def split_reference(reference: str) -> tuple[str, str]:
    """``person:p-001`` -> ("persons", "p-001"); exports always write the prefix."""
    prefix, _, external_id = reference.partition(":")
    return PLURAL[prefix], external_id


def collect(session: Session, options: ExportOptions, *, casebook_id: str) -> Snapshot:
    """Read every kind once under ``options`` (the same rules as `rightsledger export`)."""
    gathered: dict[str, list[dict[str, Any]]] = {}
    suppressed: set[str] = set()
    for name, kind in KINDS.items():
        rows = []
        before = options.suppressed
        for record in records(session, kind, options=options):
            # The exporter counts each record whose sizes it blanked; a rise marks this one.
            if options.suppressed > before:
                suppressed.add(record["external_id"])
                before = options.suppressed
            rows.append({k: v for k, v in record.items() if k not in NEVER_EXPORTED})
        gathered[name] = rows
    return Snapshot(
        casebook_id=casebook_id,
        records=gathered,
        suppressed=suppressed,
        threshold=options.threshold,
        pseudonymised=options.pseudonym_key is not None,
    )


def stable_id(casebook_id: str, kind: str, external_id: str) -> str:
    """The same record gets the same id in every export of the same casebook.

    Pseudonymised persons carry a per-export pseudonym as their external id, so their ids change
    with every export: that is the point of pseudonyms.
    """
    digest = hashlib.sha256(f"{casebook_id}\x1f{kind}\x1f{external_id}".encode()).hexdigest()
    return f"rl-{digest[:40]}"


def person_label(record: Mapping[str, Any]) -> str:
    """A person's name as this export may show it (a pseudonym when pseudonymised)."""
    if record.get("name"):
        return str(record["name"])
    parts = [record.get(key) for key in ("given_name", "patronymic", "family_name")]
    joined = " ".join(str(part) for part in parts if part)
    return joined or str(record["external_id"])


def term_code(vocabulary: str, slug: str | None) -> str:
    return vocab.load(vocabulary).get(slug).code if slug else ""


def term_label(vocabulary: str, slug: str | None, lang: str = "en") -> str:
    return vocab.load(vocabulary).label(slug, lang) if slug else ""


def date_sides(edtf: str | None) -> tuple[str | None, str | None]:
    """EDTF as (start, end) date prefixes (2017, 2017-04, 2017-04-03), qualifiers dropped.

    A single date gives the same prefix twice; an open side gives None.
    """
    if not edtf:
        return None, None
    sides = [side.strip().rstrip("~?%") for side in edtf.split("/")]
    cleaned = [side if side and side != ".." else None for side in sides]
    return (cleaned[0], cleaned[0]) if len(cleaned) == 1 else (cleaned[0], cleaned[1])


def date_bounds(edtf: str | None) -> tuple[str, str]:
    """EDTF as its earliest and latest ISO days ("" for an open side)."""
    if not edtf:
        return "", ""
    value = FuzzyDate.parse(edtf)
    earliest = value.earliest.isoformat() if value.earliest else ""
    latest = value.latest.isoformat() if value.latest else ""
    return earliest, latest


def group_size_text(snapshot: Snapshot, record: Mapping[str, Any]) -> str:
    """A group's size in words: "100-200 (more_than)", or the marker when suppressed."""
    if record["external_id"] in snapshot.suppressed:
        return f"{snapshot.suppression_marker} (suppressed in public outputs)"
    low, best, high = (record.get(key) for key in GROUP_FIGURES)
    figures = sorted({n for n in (low, best, high) if n is not None})
    if not figures:
        return ""
    text = str(figures[0]) if len(figures) == 1 else f"{figures[0]}-{figures[-1]}"
    if best is not None and len(figures) > 1:
        text += f", best {best}"
    qualifier = record.get("group_qualifier")
    return f"{text} ({qualifier})" if qualifier else text


# -- writing files that never exist half-written -------------------------------------------------

Writer = Callable[[TextIO], None]


def write_file(target: Path, writer: Writer) -> None:
    """Write beside ``target`` and rename, so that an error leaves no file at all."""
    if target.is_dir():
        raise UserError(f"{target} is a directory; give a file name")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"{parent} is not a directory")
    handle, temporary = tempfile.mkstemp(dir=parent, prefix=".export-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer(out)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_directory(target: Path, files: Mapping[str, Writer]) -> None:
    """Write every file into a fresh directory beside ``target``, then rename it into place.

    ``target`` must not exist or be an empty directory, so that nothing of the user's is replaced.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(f"{target} exists and is not an empty directory; give a new directory")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"{parent} is not a directory")
    temporary = Path(tempfile.mkdtemp(dir=parent, prefix=".export-"))
    try:
        for name, writer in files.items():
            with (temporary / name).open("w", encoding="utf-8", newline="") as out:
                writer(out)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def unique_titles(pairs: Iterator[tuple[str, str]]) -> dict[str, str]:
    """Titles by external id, with the external id added where two records share a title.

    Uwazi links by title, so a title must name one record.
    """
    chosen = list(pairs)
    counts: dict[str, int] = {}
    for _, title in chosen:
        counts[title] = counts.get(title, 0) + 1
    return {
        external_id: title if counts[title] == 1 else f"{title} ({external_id})"
        for external_id, title in chosen
    }
