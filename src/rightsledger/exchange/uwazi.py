"""Uwazi's CSV import: one CSV per template, and a description of the templates to create.

Uwazi imports one CSV at a time into one template (Settings > Import CSV). The rules followed
here, and checked by ``validate``:

- UTF-8, comma-separated, the first row the property names; ``title`` is required on every row;
  every other header is a property name in Uwazi's safe form (lower case, ``[a-z0-9_]``);
  ``id`` is Uwazi's own shared id and is never written (our id goes in ``record_id``);
- several values in one cell (multiselect, relationship) are joined with ``|``;
- dates are ``YYYY-MM-DD``; a date range is ``from:to`` with either side blank when open;
- select and multiselect cells hold the exact label of a thesaurus value;
- a relationship cell holds the titles of the linked entities, so titles are made unique per
  template (the record id is added where two records share a title);
- a link is ``label|url``; a geolocation property's name ends in ``_geolocation`` and its cell
  is ``lat|lon`` (the casebook keeps gazetteer ids, not coordinates, so none is written).

``templates.json`` lists each template's properties with their Uwazi types and the thesauri with
their values, so that an administrator can create them before importing. Import the files in
the order of ``TEMPLATES`` so that relationships find their targets.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlparse

from rightsledger import vocab
from rightsledger.exchange.common import (
    Snapshot,
    date_bounds,
    group_size_text,
    person_label,
    split_reference,
    term_label,
    unique_titles,
)

MULTI = "|"
RANGE = ":"
YES_NO = "yes_no"
RESERVED = frozenset({"title", "file", "files", "attachments"})
SAFE_NAME = re.compile(r"[a-z0-9_]+")
TYPES = frozenset(
    {
        "text",
        "markdown",
        "numeric",
        "date",
        "daterange",
        "select",
        "multiselect",
        "relationship",
        "link",
        "geolocation",
    }
)


@dataclass(frozen=True)
class Property:
    name: str
    label: str
    type: str
    thesaurus: str | None = None  # select / multiselect
    content: str | None = None  # relationship: the template linked to (None: any)


@dataclass(frozen=True)
class Template:
    name: str
    file: str
    kind: str
    properties: tuple[Property, ...]


def _text(name: str, label: str) -> Property:
    return Property(name, label, "text")


RECORD_ID = _text("record_id", "Record id")
DATE = Property("date", "Date", "daterange")
DATE_TEXT = _text("date_as_recorded", "Date as recorded (EDTF)")
PLACE = (_text("place", "Place"), _text("place_admin", "Administrative area"))
DESCRIPTION = Property("description", "Description", "markdown")

TEMPLATES: tuple[Template, ...] = (
    Template(
        "Organization",
        "organizations.csv",
        "organizations",
        (
            RECORD_ID,
            Property("type", "Type of perpetrator", "select", thesaurus="perpetrator_types"),
            Property("parent", "Part of", "relationship", content="Organization"),
            DESCRIPTION,
        ),
    ),
    Template(
        "Person",
        "persons.csv",
        "persons",
        (
            RECORD_ID,
            _text("given_name", "Given name"),
            _text("patronymic", "Patronymic"),
            _text("family_name", "Family name"),
            _text("other_names", "Other names"),
            Property("sex", "Sex", "select", thesaurus="sex"),
            _text("birth_date_as_recorded", "Birth date as recorded (EDTF)"),
            Property("deceased", "Deceased", "select", thesaurus=YES_NO),
            Property("is_group", "Group of victims", "select", thesaurus=YES_NO),
            Property("counting_unit", "Counting unit", "select", thesaurus="counting_units"),
            _text("group_size", "Group size"),
            Property("group_best", "Group size, best estimate", "numeric"),
            DESCRIPTION,
        ),
    ),
    Template(
        "Event",
        "events.csv",
        "events",
        (
            RECORD_ID,
            DATE,
            DATE_TEXT,
            *PLACE,
            DESCRIPTION,
            Property("violation_status", "Violation status", "select", "violation_status"),
            Property("part_of", "Part of", "relationship", content="Event"),
            Property("chain_type", "Chain of events", "select", "chain_of_events_types"),
        ),
    ),
    Template(
        "Act",
        "acts.csv",
        "acts",
        (
            RECORD_ID,
            Property("event", "Event", "relationship", content="Event"),
            Property("victim", "Victim", "relationship", content="Person"),
            Property("act_type", "Type of act", "select", thesaurus="act_types"),
            DATE,
            DATE_TEXT,
            *PLACE,
            Property("status", "Status at end of act", "select", thesaurus="act_status"),
            Property("perpetrators", "Perpetrators", "relationship"),
            Property(
                "degrees_of_involvement",
                "Degrees of involvement",
                "multiselect",
                thesaurus="involvement_degrees",
            ),
            _text("involvements", "Involvements"),
            DESCRIPTION,
        ),
    ),
    Template(
        "Proceeding",
        "proceedings.csv",
        "proceedings",
        (
            RECORD_ID,
            Property("type", "Type of proceeding", "select", thesaurus="proceeding_types"),
            DATE,
            DATE_TEXT,
            _text("body", "Body"),
            Property("outcome", "Outcome", "markdown"),
            Property("concerns", "Concerns", "relationship"),
            DESCRIPTION,
        ),
    ),
    Template(
        "Source",
        "information.csv",
        "information",
        (
            RECORD_ID,
            Property("event", "Event", "relationship", content="Event"),
            Property("source", "Given by", "relationship"),
            Property("connection", "Connection", "select", "information_connections"),
            Property("source_type", "Type of source material", "select", "source_material_types"),
            Property("reliability", "Reliability", "select", thesaurus="reliability"),
            DATE,
            DATE_TEXT,
            Property("url", "Published at", "link"),
            DESCRIPTION,
        ),
    ),
)
TEMPLATE_BY_NAME = {template.name: template for template in TEMPLATES}
TEMPLATE_OF_KIND = {template.kind: template.name for template in TEMPLATES}


# -- thesauri ----------------------------------------------------------------------------------


def thesaurus(name: str) -> dict[str, str]:
    """Uwazi value label by slug; a label two terms share gets the term's code added."""
    if name == YES_NO:
        return {"yes": "yes", "no": "no"}
    terms = vocab.load(name).terms
    counts: dict[str, int] = {}
    for term in terms:
        counts[term.label("en")] = counts.get(term.label("en"), 0) + 1
    return {
        term.slug: _single(
            term.label("en")
            if counts[term.label("en")] == 1
            else f"{term.label('en')} ({term.code})"
        )
        for term in terms
    }


def _single(text: str) -> str:
    # "|" splits a multi-value cell; a value must never contain it.
    return " ".join(text.replace(MULTI, "/").split())


def _choice(name: str, slug: str | None) -> str:
    return thesaurus(name)[slug] if slug else ""


# -- rows --------------------------------------------------------------------------------------


def _range(edtf: str | None) -> str:
    earliest, latest = date_bounds(edtf)
    return f"{earliest}{RANGE}{latest}" if edtf else ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


class _Rows:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        records = snapshot.records
        self.titles: dict[str, dict[str, str]] = {
            "organizations": unique_titles(
                (r["external_id"], _single(r["name"])) for r in records["organizations"]
            ),
            "persons": unique_titles(
                (r["external_id"], _single(person_label(r))) for r in records["persons"]
            ),
            "events": unique_titles(
                (r["external_id"], _single(r["title"])) for r in records["events"]
            ),
        }
        self.titles["acts"] = unique_titles(
            (r["external_id"], self._act_title(r)) for r in records["acts"]
        )
        self.titles["proceedings"] = unique_titles(
            (r["external_id"], self._proceeding_title(r)) for r in records["proceedings"]
        )
        self.titles["information"] = unique_titles(
            (r["external_id"], _single(r.get("title") or r["external_id"]))
            for r in records["information"]
        )

    def _act_title(self, record: Mapping[str, Any]) -> str:
        victim = self.snapshot.get("persons", record["victim"])
        name = person_label(victim) if victim else "unknown victim"
        return _single(f"{term_label('act_types', record['act_type'])}: {name}")

    def _proceeding_title(self, record: Mapping[str, Any]) -> str:
        label = term_label("proceeding_types", record["type"])
        body = record.get("body")
        title = f"{label}: {body}" if body else label
        return _single(f"{title} ({record['date']})" if record.get("date") else title)

    def title(self, kind: str, external_id: str | None) -> str:
        return self.titles.get(kind, {}).get(external_id or "", "")

    def title_of_reference(self, reference: str | None) -> str:
        if not reference or self.snapshot.resolve(reference) is None:
            return ""
        return self.title(*split_reference(reference))

    def row(self, kind: str, record: Mapping[str, Any]) -> dict[str, str]:
        common = {
            "title": self.title(kind, record["external_id"]),
            "record_id": record["external_id"],
        }
        fields: dict[str, str] = getattr(self, f"_{kind}")(record)
        return common | fields

    def _organizations(self, r: Mapping[str, Any]) -> dict[str, str]:
        return {
            "type": _choice("perpetrator_types", r.get("type")),
            "parent": self.title("organizations", r.get("parent")),
            "description": r.get("description") or "",
        }

    def _persons(self, r: Mapping[str, Any]) -> dict[str, str]:
        suppressed = r["external_id"] in self.snapshot.suppressed
        best = r.get("group_best")
        return {
            "given_name": r.get("given_name") or "",
            "patronymic": r.get("patronymic") or "",
            "family_name": r.get("family_name") or "",
            "other_names": "; ".join(r.get("aliases") or []),
            "sex": _choice("sex", r.get("sex")),
            "birth_date_as_recorded": r.get("birth_date") or "",
            "deceased": _yes_no(r.get("deceased")),
            "is_group": _yes_no(r.get("is_group")),
            "counting_unit": _choice("counting_units", r.get("counting_unit")),
            "group_size": group_size_text(self.snapshot, r) if r.get("is_group") else "",
            "group_best": "" if suppressed or best is None else str(best),
            "description": r.get("description") or "",
        }

    def _dated(self, r: Mapping[str, Any]) -> dict[str, str]:
        return {"date": _range(r.get("date")), "date_as_recorded": r.get("date") or ""}

    def _events(self, r: Mapping[str, Any]) -> dict[str, str]:
        return self._dated(r) | {
            "place": r.get("place") or "",
            "place_admin": r.get("place_admin") or "",
            "description": r.get("description") or "",
            "violation_status": _choice("violation_status", r.get("violation_status")),
            "part_of": self.title("events", r.get("parent")),
            "chain_type": _choice("chain_of_events_types", r.get("chain_type")),
        }

    def _acts(self, r: Mapping[str, Any]) -> dict[str, str]:
        involvements = [
            i
            for i in self.snapshot.records["involvements"]
            if i["act"] == r["external_id"] and self.title_of_reference(i["perpetrator"])
        ]
        perpetrators = dict.fromkeys(
            self.title_of_reference(i["perpetrator"]) for i in involvements
        )
        degrees = dict.fromkeys(_choice("involvement_degrees", i["degree"]) for i in involvements)
        described = [
            f"{self.title_of_reference(i['perpetrator'])}: "
            f"{term_label('involvement_degrees', i['degree']) or 'involved'}"
            for i in involvements
        ]
        return self._dated(r) | {
            "event": self.title("events", r["event"]),
            "victim": self.title("persons", r["victim"]),
            "act_type": _choice("act_types", r["act_type"]),
            "place": r.get("place") or "",
            "place_admin": r.get("place_admin") or "",
            "status": _choice("act_status", r.get("status")),
            "perpetrators": MULTI.join(perpetrators),
            "degrees_of_involvement": MULTI.join(d for d in degrees if d),
            "involvements": "; ".join(described),
            "description": r.get("description") or "",
        }

    def _proceedings(self, r: Mapping[str, Any]) -> dict[str, str]:
        concerns = [self.title_of_reference(ref) for ref in r.get("targets") or []]
        return self._dated(r) | {
            "type": _choice("proceeding_types", r["type"]),
            "body": r.get("body") or "",
            "outcome": r.get("outcome") or "",
            "concerns": MULTI.join(dict.fromkeys(c for c in concerns if c)),
            "description": r.get("description") or "",
        }

    def _information(self, r: Mapping[str, Any]) -> dict[str, str]:
        url = r.get("url")
        return self._dated(r) | {
            "event": self.title("events", r.get("event")),
            "source": self.title_of_reference(r.get("source")),
            "connection": _choice("information_connections", r.get("connection")),
            "source_type": _choice("source_material_types", r.get("source_type")),
            "reliability": _choice("reliability", r.get("reliability")),
            "url": f"{self.title('information', r['external_id'])}{MULTI}{url}" if url else "",
            "description": r.get("description") or "",
        }


def tables(snapshot: Snapshot) -> dict[str, list[dict[str, str]]]:
    """Rows per template file, keyed by property name (``title`` first)."""
    builder = _Rows(snapshot)
    # Acts that lost their event or victim in this export are left out, like the others.
    return {
        template.file: [
            builder.row(template.kind, record)
            for record in snapshot.records[template.kind]
            if template.kind != "acts"
            or (
                snapshot.has("events", record["event"])
                and snapshot.has("persons", record["victim"])
            )
        ]
        for template in TEMPLATES
    }


def templates_document() -> dict[str, Any]:
    """``templates.json``: what an administrator creates in Uwazi before importing."""
    used = sorted({p.thesaurus for t in TEMPLATES for p in t.properties if p.thesaurus})
    return {
        "import_order": [template.file for template in TEMPLATES],
        "templates": [
            {
                "name": template.name,
                "file": template.file,
                "properties": [
                    {
                        key: value
                        for key, value in (
                            ("name", p.name),
                            ("label", p.label),
                            ("type", p.type),
                            ("thesaurus", p.thesaurus),
                            ("content", p.content),
                        )
                        if value is not None
                    }
                    for p in template.properties
                ],
            }
            for template in TEMPLATES
        ],
        "thesauri": {name: list(thesaurus(name).values()) for name in used},
    }


def writers(snapshot: Snapshot) -> dict[str, Callable[[TextIO], None]]:
    rows = tables(snapshot)

    def csv_writer(template: Template) -> Callable[[TextIO], None]:
        header = ["title", *(p.name for p in template.properties)]

        def write(out: TextIO) -> None:
            table = csv.DictWriter(out, fieldnames=header, lineterminator="\r\n")
            table.writeheader()
            table.writerows(rows[template.file])

        return write

    def write_templates(out: TextIO) -> None:
        out.write(json.dumps(templates_document(), ensure_ascii=False, indent=2) + "\n")

    return {template.file: csv_writer(template) for template in TEMPLATES} | {
        "templates.json": write_templates
    }


def render(snapshot: Snapshot) -> dict[str, str]:
    rendered = {}
    for name, write in writers(snapshot).items():
        buffer = io.StringIO()
        write(buffer)
        rendered[name] = buffer.getvalue()
    return rendered


# -- validation --------------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y")


def _is_date(text: str) -> bool:
    for form in _DATE_FORMATS:
        try:
            dt.datetime.strptime(text, form)
        except ValueError:
            continue
        return True
    return False


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cell_problem(  # noqa: PLR0911 - one return per Uwazi property type
    prop: Mapping[str, Any], cell: str, thesauri: Mapping[str, list[str]], titles: Any
) -> str | None:
    kind = prop["type"]
    if kind in ("text", "markdown"):
        return None
    if kind == "numeric":
        return None if _is_number(cell) else f'"{cell}" is not a number'
    if kind == "date":
        return None if _is_date(cell) else f'"{cell}" is not a date Uwazi reads'
    if kind == "daterange":
        sides = cell.split(RANGE)
        if len(sides) != 2 or not any(sides):
            return f'"{cell}" is not a date range FROM:TO'
        bad = [side for side in sides if side and not _is_date(side)]
        return f'"{bad[0]}" is not a date Uwazi reads' if bad else None
    if kind in ("select", "multiselect"):
        values = cell.split(MULTI) if kind == "multiselect" else [cell]
        allowed = thesauri.get(prop.get("thesaurus", ""), [])
        unknown = [value for value in values if value not in allowed]
        return f'"{unknown[0]}" is not in thesaurus {prop.get("thesaurus")}' if unknown else None
    if kind == "relationship":
        known = titles(prop.get("content"))
        unknown = [value for value in cell.split(MULTI) if value not in known]
        return f'"{unknown[0]}" is the title of no entity it may link to' if unknown else None
    if kind == "link":
        label, _, url = cell.partition(MULTI)
        target = url or label
        return None if urlparse(target).netloc else f'"{cell}" is not LABEL|URL'
    if kind == "geolocation":
        parts = cell.split(MULTI)
        if len(parts) != 2 or not all(_is_number(part) for part in parts):
            return f'"{cell}" is not LAT|LON'
        lat, lon = (float(part) for part in parts)
        return None if -90 <= lat <= 90 and -180 <= lon <= 180 else f'"{cell}" is off the globe'
    return f"unknown property type {kind}"


def validate(files: Mapping[str, str]) -> list[str]:
    """Problems that would make Uwazi reject or mangle an import, as "file line N: reason"."""
    problems: list[str] = []
    if "templates.json" not in files:
        return ["templates.json is missing"]
    document = json.loads(files["templates.json"])
    thesauri: dict[str, list[str]] = document["thesauri"]
    parsed: dict[str, tuple[list[str], list[dict[str, str]]]] = {}
    for template in document["templates"]:
        text = files.get(template["file"])
        if text is None:
            problems.append(f"{template['file']} is missing")
            continue
        reader = csv.DictReader(io.StringIO(text))
        parsed[template["file"]] = (list(reader.fieldnames or []), list(reader))
    titles_by_template = {
        t["name"]: {row["title"] for row in parsed.get(t["file"], ([], []))[1]}
        for t in document["templates"]
    }
    every_title = set().union(*titles_by_template.values())

    def titles(content: str | None) -> set[str]:
        return titles_by_template.get(content, set()) if content else every_title

    for template in document["templates"]:
        if template["file"] not in parsed:
            continue
        header, rows = parsed[template["file"]]
        problems += _header_problems(template, header)
        properties = {p["name"]: p for p in template["properties"]}
        for number, row in enumerate(rows, start=2):
            where = f"{template['file']} line {number}"
            if None in row or any(value is None for value in row.values()):
                problems.append(f"{where}: the row has a different number of cells")
                continue
            if not row.get("title", "").strip():
                problems.append(f"{where}: title is empty")
            for name, cell in row.items():
                if name in properties and cell:
                    problem = _cell_problem(properties[name], cell, thesauri, titles)
                    if problem:
                        problems.append(f"{where}, {name}: {problem}")
    return problems


def _header_problems(template: Mapping[str, Any], header: list[str]) -> list[str]:
    problems = []
    names = {p["name"] for p in template["properties"]}
    where = template["file"]
    if "title" not in header:
        problems.append(f"{where}: no title column")
    if "id" in header:
        problems.append(f"{where}: an id column would update Uwazi entities by shared id")
    for prop in template["properties"]:
        if prop["type"] not in TYPES:
            problems.append(f"{where}: property {prop['name']} has unknown type {prop['type']}")
        if prop["type"] == "geolocation" and not prop["name"].endswith("_geolocation"):
            problems.append(f"{where}: geolocation property {prop['name']} must end _geolocation")
    for column in header:
        if not SAFE_NAME.fullmatch(column):
            problems.append(f"{where}: column {column!r} is not an Uwazi property name")
        elif column not in RESERVED and column not in names:
            problems.append(
                f"{where}: column {column} is no property of template {template['name']}"
            )
    if len(set(header)) != len(header):
        problems.append(f"{where}: a column is repeated")
    return problems


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def validate_directory(path: Path) -> list[str]:
    files = {
        name: _read(path / name)
        for name in ["templates.json", *(t.file for t in TEMPLATES)]
        if (path / name).exists()
    }
    return validate(files)
