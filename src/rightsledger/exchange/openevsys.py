"""HURIDOCS Events Standard Formats as CSV: one file per format, for OpenEvSys users.

Each file is one ESF format (events, persons, organizations, acts, involvements, information,
interventions, biographic relationships) with ESF field names; record numbers are the casebook's
external ids, and every coded field carries its HURIDOCS micro-thesaurus code and, beside it in
``<field>_label``, the English label. ``read_directory`` parses such a directory back into the
facts it holds, so that a round trip can be checked.

Dates are given three ways: ``initial_date`` and ``final_date`` (ISO days, the bounds that
OpenEvSys stores) and ``*_date_edtf`` (the date as the source stated it, which the reader uses).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from rightsledger import vocab
from rightsledger.errors import InputError
from rightsledger.exchange.common import (
    Snapshot,
    date_bounds,
    split_reference,
    term_code,
    term_label,
)
from rightsledger.store.io.columns import SINGULAR

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Field:
    """One fact of a record and the ESF column(s) that carry it."""

    column: str
    key: str  # the record's field (as in `rightsledger export`)
    vocabulary: str | None = None
    kind: str = "text"  # text, coded, date, flag, yes_no, reference, prefixed, list, figure

    @property
    def columns(self) -> tuple[str, ...]:
        if self.kind == "coded":
            return (self.column, f"{self.column}_label")
        if self.kind == "date":
            return ("initial_date", "final_date", self.column)
        if self.kind == "prefixed":
            return (f"{self.column}_entity", f"{self.column}_record_number")
        return (self.column,)


@dataclass(frozen=True)
class Format:
    file: str
    kind: str
    fields: tuple[Field, ...]

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(column for item in self.fields for column in item.columns) + (
            ("public_note",) if self.kind == "persons" else ()
        )


def _record_number(name: str) -> Field:
    return Field(f"{name}_record_number", "external_id")


CONFIDENTIALITY = Field("confidentiality", "published", kind="yes_no")
PLACE = (
    Field("geographical_term", "place"),
    Field("geographical_term_id", "place_id"),
    Field("local_geographical_area", "place_admin"),
)

FORMATS: tuple[Format, ...] = (
    Format(
        "events.csv",
        "events",
        (
            _record_number("event"),
            Field("event_title", "title"),
            Field("event_date_edtf", "date", kind="date"),
            *PLACE,
            Field("event_description", "description"),
            Field("violation_status", "violation_status", "violation_status", "coded"),
            Field("parent_event_record_number", "parent", kind="reference"),
            Field("type_of_chain_of_events", "chain_type", "chain_of_events_types", "coded"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "persons.csv",
        "persons",
        (
            _record_number("person"),
            Field("person_name", "name"),
            Field("given_name", "given_name"),
            Field("patronymic", "patronymic"),
            Field("family_name", "family_name"),
            Field("other_names", "aliases", kind="list"),
            Field("sex", "sex", "sex", "coded"),
            Field("date_of_birth_edtf", "birth_date", kind="date"),
            Field("deceased", "deceased", kind="flag"),
            Field("group", "is_group", kind="flag"),
            Field("counting_unit", "counting_unit", "counting_units", "coded"),
            Field("number_of_persons_low", "group_low", kind="figure"),
            Field("number_of_persons_best", "group_best", kind="figure"),
            Field("number_of_persons_high", "group_high", kind="figure"),
            Field("number_qualifier", "group_qualifier"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "organizations.csv",
        "organizations",
        (
            _record_number("organization"),
            Field("organization_name", "name"),
            Field("type_of_perpetrator", "type", "perpetrator_types", "coded"),
            Field("parent_organization_record_number", "parent", kind="reference"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "acts.csv",
        "acts",
        (
            _record_number("act"),
            Field("event_record_number", "event", kind="reference"),
            Field("victim_record_number", "victim", kind="reference"),
            Field("type_of_act", "act_type", "act_types", "coded"),
            Field("act_date_edtf", "date", kind="date"),
            *PLACE,
            Field("status_at_end_of_act", "status", "act_status", "coded"),
            Field("act_description", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "involvements.csv",
        "involvements",
        (
            _record_number("involvement"),
            Field("act_record_number", "act", kind="reference"),
            Field("perpetrator", "perpetrator", kind="prefixed"),
            Field("degree_of_involvement", "degree", "involvement_degrees", "coded"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "information.csv",
        "information",
        (
            _record_number("information"),
            Field("title", "title"),
            Field("event_record_number", "event", kind="reference"),
            Field("source", "source", kind="prefixed"),
            Field("connection_to_information", "connection", "information_connections", "coded"),
            Field("type_of_source_material", "source_type", "source_material_types", "coded"),
            Field("reliability_of_information", "reliability", "reliability", "coded"),
            Field("date_of_source_material_edtf", "date", kind="date"),
            Field("url", "url"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "interventions.csv",
        "proceedings",
        (
            _record_number("intervention"),
            Field("type_of_intervention", "type", "proceeding_types", "coded"),
            Field("intervention_date_edtf", "date", kind="date"),
            Field("intervening_party", "body"),
            Field("response", "outcome"),
            Field("targets", "targets", kind="list"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
    Format(
        "relationships.csv",
        "relationships",
        (
            _record_number("relationship"),
            Field("type_of_relationship", "type", "relationship_types", "coded"),
            Field("subject", "subject", kind="prefixed"),
            Field("object", "object", kind="prefixed"),
            Field("relationship_date_edtf", "date", kind="date"),
            Field("remarks", "description"),
            CONFIDENTIALITY,
        ),
    ),
)


# -- writing -----------------------------------------------------------------------------------


def _reference_kept(snapshot: Snapshot, item: Field, kind: str, value: Any) -> Any:
    """Drop references to records this export leaves out, so every record number resolves."""
    if value is None:
        return None
    if item.kind == "reference":
        target = {
            "parent": kind,
            "event": "events",
            "victim": "persons",
            "act": "acts",
        }[item.key]
        return value if snapshot.has(target, value) else None
    if item.kind == "prefixed":
        return value if snapshot.resolve(value) else None
    if item.key == "targets":
        kept = [reference for reference in value if snapshot.resolve(reference)]
        return kept or None
    return value


def _cells(  # noqa: PLR0911 - one return per kind of field
    snapshot: Snapshot, item: Field, record: Mapping[str, Any], kind: str
) -> list[str]:
    value = _reference_kept(snapshot, item, kind, record.get(item.key))
    if item.kind == "coded":
        assert item.vocabulary is not None
        return [term_code(item.vocabulary, value), term_label(item.vocabulary, value)]
    if item.kind == "date":
        earliest, latest = date_bounds(value)
        return [earliest, latest, value or ""]
    if item.kind == "prefixed":
        if value is None:
            return ["", ""]
        target_kind, external_id = split_reference(value)
        return [SINGULAR[target_kind], external_id]
    if item.kind == "figure":
        if record["external_id"] in snapshot.suppressed:
            return [snapshot.suppression_marker]
        return ["" if value is None else str(value)]
    if item.kind == "list":
        return [LIST_SEPARATOR.join(value or [])]
    if item.kind == "flag":
        return ["" if value is None else ("y" if value else "n")]
    if item.kind == "yes_no":
        # ESF "confidentiality": y for records kept out of public outputs.
        return ["n" if value else "y"]
    return ["" if value is None else str(value)]


def rows(snapshot: Snapshot, form: Format) -> list[list[str]]:
    out = []
    for record in snapshot.records[form.kind]:
        row = [cell for item in form.fields for cell in _cells(snapshot, item, record, form.kind)]
        if form.kind == "persons":
            suppressed = record["external_id"] in snapshot.suppressed
            row.append(
                f"group size below {snapshot.threshold} suppressed in this public export"
                if suppressed
                else ""
            )
        out.append(row)
    return out


def writers(snapshot: Snapshot) -> dict[str, Callable[[TextIO], None]]:
    """One writer per ESF file, for ``common.write_directory``."""

    def writer(form: Format) -> Callable[[TextIO], None]:
        def write(out: TextIO) -> None:
            table = csv.writer(out, lineterminator="\r\n")
            table.writerow(form.header)
            table.writerows(rows(snapshot, form))

        return write

    return {form.file: writer(form) for form in FORMATS}


def render(snapshot: Snapshot) -> dict[str, str]:
    """The files as text (tests and previews)."""
    rendered = {}
    for name, write in writers(snapshot).items():
        buffer = io.StringIO()
        write(buffer)
        rendered[name] = buffer.getvalue()
    return rendered


# -- reading back ------------------------------------------------------------------------------


def _fact(  # noqa: PLR0911 - one return per kind of field
    item: Field, row: Mapping[str, str], *, source: str, line: int
) -> Any:
    cell = row[item.column].strip() if item.column in row else ""
    if item.kind == "coded":
        assert item.vocabulary is not None
        if not cell:
            return None
        try:
            return vocab.load(item.vocabulary).get(cell).slug
        except ValueError as problem:
            raise InputError(str(problem), source=source, line=line, column=item.column) from None
    if item.kind == "date":
        return cell or None
    if item.kind == "prefixed":
        entity = row.get(f"{item.column}_entity", "").strip()
        number = row.get(f"{item.column}_record_number", "").strip()
        return f"{entity}:{number}" if entity and number else None
    if item.kind == "figure":
        if not cell or cell.startswith("<"):
            return None  # suppressed in a public export: the number is not in the file
        if not cell.isdigit():
            raise InputError(f'"{cell}" is not a whole number', source=source, line=line)
        return int(cell)
    if item.kind == "list":
        return [part for part in cell.split(LIST_SEPARATOR) if part] or None
    if item.kind == "flag":
        return {"y": True, "n": False}.get(cell)
    if item.kind == "yes_no":
        return cell == "n"
    return cell or None


def parse(files: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Facts per kind, keyed by the rightsledger field names, from the ESF files' text."""
    facts: dict[str, list[dict[str, Any]]] = {}
    for form in FORMATS:
        if form.file not in files:
            raise InputError("is missing from the ESF export", source=form.file)
        reader = csv.DictReader(io.StringIO(files[form.file]))
        missing = [column for column in form.header if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"lacks the columns {', '.join(missing)}", source=form.file)
        facts[form.kind] = [
            {item.key: _fact(item, row, source=form.file, line=number) for item in form.fields}
            for number, row in enumerate(reader, start=2)
        ]
    return facts


def read_directory(path: Path) -> dict[str, list[dict[str, Any]]]:
    return parse({form.file: _read(path / form.file) for form in FORMATS})


def _read(path: Path) -> str:
    # newline="" keeps a line break inside a quoted cell exactly as written.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def facts_of(snapshot: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """What the ESF files should say about the snapshot: the facts ``parse`` returns."""
    out: dict[str, list[dict[str, Any]]] = {}
    for form in FORMATS:
        out[form.kind] = [
            {
                item.key: _reference_kept(snapshot, item, form.kind, record.get(item.key))
                for item in form.fields
            }
            for record in snapshot.records[form.kind]
        ]
        for record, fact in zip(snapshot.records[form.kind], out[form.kind], strict=True):
            if record["external_id"] in snapshot.suppressed:
                fact.update(group_low=None, group_best=None, group_high=None)
            if fact.get("published") is None:
                fact["published"] = False
    return out
