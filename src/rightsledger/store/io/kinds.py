"""The kinds of records that files carry, and the columns of each.

Column order here is the order of exported files. Every column is documented by its ``help``,
which `rightsledger import --help` and docs/import-formats.md print.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rightsledger.errors import InvalidValue
from rightsledger.model import (
    Act,
    Citation,
    Event,
    Information,
    Involvement,
    Organization,
    Person,
    Proceeding,
    Record,
    Relationship,
)
from rightsledger.store.io.columns import (
    CellProblem,
    Coded,
    Column,
    Date,
    Flag,
    NamePart,
    RecordReference,
    Reference,
    References,
    Text,
    Whole,
    clean_admin_path,
    clean_gazetteer_id,
    clean_place_name,
    clean_qualifier,
)
from rightsledger.values import Count

RowCheck = Callable[[Mapping[str, Any]], None]


@dataclass(frozen=True)
class Kind:
    name: str
    singular: str
    model: type[Record]
    summary: str
    columns: tuple[Column, ...]
    row_check: RowCheck | None = None

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


EXTERNAL_ID = Text(
    "external_id",
    "Your identifier for the record (required). Importing again with the same id updates it.",
    required=True,
    max_length=200,
)
PUBLISHED = Flag(
    "published", "true when the record may appear in public outputs and to viewers (default false)."
)


def _place_columns() -> tuple[Column, ...]:
    return (
        Text(
            "place",
            "Place name as written in the source's language or in English.",
            attr="place_name",
            max_length=200,
            clean=clean_place_name,
        ),
        Text(
            "place_id",
            "Gazetteer id of the place, scheme:identifier (e.g. geonames:580497).",
            attr="place_gazetteer_id",
            max_length=200,
            clean=clean_gazetteer_id,
        ),
        Text(
            "place_admin",
            'Administrative path from the country down, parts separated by " > ".',
            attr="place_admin",
            clean=clean_admin_path,
        ),
    )


def _description(what: str = "Free text.") -> Text:
    return Text("description", what, max_length=100_000)


DATE_HELP = (
    "EDTF date: 2017, 2017-04, 2017-04-03, 2017-04-01/2017-04-10, 2017-04~ (approximate), "
    "2017? (uncertain), ../2018-03 (open start)."
)
PERPETRATOR_KINDS = ("persons", "organizations")
PERPETRATOR_TARGETS = {"persons": "person_id", "organizations": "organization_id"}


def _check_event(row: Mapping[str, Any]) -> None:
    if row.get("place_id") and not row.get("place"):
        raise CellProblem("place_id is given without a place name", column="place")


def _check_person(row: Mapping[str, Any]) -> None:
    _check_event(row)
    figures = {key: row.get(key) for key in ("group_low", "group_best", "group_high")}
    present = {key: value for key, value in figures.items() if value is not None}
    if present and row.get("is_group") is False:
        raise CellProblem("group sizes are given but is_group is false", column="is_group")
    if present:
        try:
            # Count.of checks low <= best <= high and names the two figures that disagree.
            Count.of(
                low=figures["group_low"],
                best=figures["group_best"],
                high=figures["group_high"],
                qualifier=row.get("group_qualifier"),
            )
        except InvalidValue as problem:
            raise CellProblem(str(problem), column=next(iter(present))) from None


def _check_citation(row: Mapping[str, Any]) -> None:
    start, end = row.get("start"), row.get("end")
    if (start is None) != (end is None):
        raise CellProblem("start and end of a span go together", column="start")
    if start is not None and end is not None and start > end:
        raise CellProblem(f"the span starts ({start}) after it ends ({end})", column="start")


EVENTS = Kind(
    name="events",
    singular="event",
    model=Event,
    summary="Incidents and campaigns; a campaign holds its episodes through parent.",
    columns=(
        EXTERNAL_ID,
        Text("title", "Short title (required for a new event).", required=True),
        Date("date", DATE_HELP),
        *_place_columns(),
        _description(),
        Coded(
            "violation_status",
            "Violation status (vocabulary violation_status).",
            vocabulary="violation_status",
        ),
        Reference(
            "parent",
            "external_id of the larger event this one is part of.",
            kinds=("events",),
            targets={"events": "parent_id"},
            self_reference=True,
        ),
        Coded(
            "chain_type",
            "How this event follows from its parent (vocabulary chain_of_events_types).",
            vocabulary="chain_of_events_types",
        ),
        PUBLISHED,
    ),
    row_check=_check_event,
)

PERSONS = Kind(
    name="persons",
    singular="person",
    model=Person,
    summary="Victims, perpetrators, witnesses, sources and officials; or groups counted as one.",
    columns=(
        EXTERNAL_ID,
        NamePart("name", "Full name as written (any script), or a group's label.", part="full"),
        NamePart("given_name", "Given name.", part="given"),
        NamePart("patronymic", "Patronymic.", part="patronymic"),
        NamePart("family_name", "Family name.", part="family"),
        NamePart(
            "aliases", "Other names or spellings, separated by ;.", part="alias", multiple=True
        ),
        Coded("sex", "Sex (vocabulary sex).", vocabulary="sex"),
        Date(
            "birth_date",
            "Birth date, " + DATE_HELP + " An exact day is encrypted; its year stays readable.",
            prefix="birth",
            seal_exact=True,
        ),
        Flag("deceased", "true when the person is known to be dead."),
        Flag("is_group", "true when the record is a group of victims counted together."),
        Coded(
            "counting_unit",
            "For a group: what is counted (vocabulary counting_units).",
            vocabulary="counting_units",
        ),
        Whole("group_low", "For a group: lowest reasonable number of people."),
        Whole("group_best", "For a group: most likely number (conservative)."),
        Whole("group_high", "For a group: highest reasonable number."),
        Text(
            "group_qualifier",
            "How the number was stated: exact, at_least, more_than, up_to, approx, between, vague.",
            max_length=16,
            clean=clean_qualifier,
        ),
        _description(),
        Text(
            "contact",
            "How to reach the person (encrypted at rest).",
            max_length=2000,
            sealed=True,
        ),
        Text(
            "sensitive_notes",
            "Notes that could identify the person (encrypted at rest).",
            max_length=100_000,
            sealed=True,
        ),
        PUBLISHED,
    ),
    row_check=_check_person,
)

ORGANIZATIONS = Kind(
    name="organizations",
    singular="organization",
    model=Organization,
    summary="Units, agencies, NGOs and media; parent builds the chain of command.",
    columns=(
        EXTERNAL_ID,
        Text("name", "Name (required for a new organization).", required=True),
        Coded(
            "type",
            "Type (vocabulary perpetrator_types).",
            attr="org_type",
            vocabulary="perpetrator_types",
        ),
        Reference(
            "parent",
            "external_id of the organization above this one.",
            kinds=("organizations",),
            targets={"organizations": "parent_id"},
            self_reference=True,
        ),
        _description(),
        PUBLISHED,
    ),
)

ACTS = Kind(
    name="acts",
    singular="act",
    model=Act,
    summary="One violation against one victim (person or group) within an event.",
    columns=(
        EXTERNAL_ID,
        Reference(
            "event",
            "external_id of the event (required).",
            required=True,
            kinds=("events",),
            targets={"events": "event_id"},
        ),
        Reference(
            "victim",
            "external_id of the victim, a person or a group (required).",
            required=True,
            kinds=("persons",),
            targets={"persons": "victim_id"},
        ),
        Coded(
            "act_type",
            "Type of act (vocabulary act_types), required.",
            required=True,
            vocabulary="act_types",
        ),
        Date("date", DATE_HELP),
        *_place_columns(),
        Coded("status", "Status at end of act (vocabulary act_status).", vocabulary="act_status"),
        _description(),
        PUBLISHED,
    ),
    row_check=_check_event,
)

INVOLVEMENTS = Kind(
    name="involvements",
    singular="involvement",
    model=Involvement,
    summary="A perpetrator's part in an act.",
    columns=(
        EXTERNAL_ID,
        Reference(
            "act",
            "external_id of the act (required).",
            required=True,
            kinds=("acts",),
            targets={"acts": "act_id"},
        ),
        Reference(
            "perpetrator",
            "external_id of the person or organization (prefix person: or organization: "
            "when both have that id); required.",
            required=True,
            kinds=PERPETRATOR_KINDS,
            targets=PERPETRATOR_TARGETS,
        ),
        Coded(
            "degree",
            "Degree of involvement (vocabulary involvement_degrees).",
            vocabulary="involvement_degrees",
        ),
        _description(),
        PUBLISHED,
    ),
)

INFORMATION = Kind(
    name="information",
    singular="information",
    model=Information,
    summary="Who or what told us: the source, its connection and its reliability.",
    columns=(
        EXTERNAL_ID,
        Text("title", "Short description of the source (a testimony, an article...)."),
        Reference(
            "event",
            "external_id of the event the information is about.",
            kinds=("events",),
            targets={"events": "event_id"},
        ),
        Reference(
            "source",
            "external_id of the person or organization who gave it (prefix person: or "
            "organization: when needed).",
            kinds=PERPETRATOR_KINDS,
            targets=PERPETRATOR_TARGETS,
        ),
        Coded(
            "connection",
            "Source's connection to the information (vocabulary information_connections).",
            vocabulary="information_connections",
        ),
        Coded(
            "source_type",
            "Type of source material (vocabulary source_material_types).",
            vocabulary="source_material_types",
        ),
        Coded("reliability", "Reliability (vocabulary reliability).", vocabulary="reliability"),
        Date("date", "When the information was given, " + DATE_HELP),
        Text("url", "Where it was published, if anywhere.", max_length=2000),
        _description(),
        PUBLISHED,
    ),
)

PROCEEDINGS = Kind(
    name="proceedings",
    singular="proceeding",
    model=Proceeding,
    summary="Complaints, investigations opened or refused, charges, trials, verdicts, "
    "sanctions, calls for investigation and official denials.",
    columns=(
        EXTERNAL_ID,
        Coded(
            "type",
            "Type (vocabulary proceeding_types), required.",
            required=True,
            attr="proceeding_type",
            vocabulary="proceeding_types",
        ),
        Date("date", DATE_HELP),
        Text("body", "Who acted: the court, prosecutor, committee, government or organisation."),
        Text("outcome", "What came of it, in words.", max_length=100_000),
        References(
            "targets",
            "What it concerns: external ids of persons, organizations, acts or events, separated "
            "by ; (prefix person:, organization:, act: or event: when ids collide).",
            kinds=("persons", "organizations", "acts", "events"),
        ),
        _description(),
        PUBLISHED,
    ),
)

RELATIONSHIPS = Kind(
    name="relationships",
    singular="relationship",
    model=Relationship,
    summary="Ties between persons and organizations: membership, command, family.",
    columns=(
        EXTERNAL_ID,
        Coded(
            "type",
            "Type (vocabulary relationship_types), required.",
            required=True,
            attr="relationship_type",
            vocabulary="relationship_types",
        ),
        Reference(
            "subject",
            "external_id of the person or organization the relationship is of (required).",
            required=True,
            kinds=PERPETRATOR_KINDS,
            targets={"persons": "subject_person_id", "organizations": "subject_organization_id"},
        ),
        Reference(
            "object",
            "external_id of the person or organization it is to (required).",
            required=True,
            kinds=PERPETRATOR_KINDS,
            targets={"persons": "object_person_id", "organizations": "object_organization_id"},
        ),
        Date("date", "Period of the relationship, " + DATE_HELP),
        _description(),
        PUBLISHED,
    ),
)

CITATIONS = Kind(
    name="citations",
    singular="citation",
    model=Citation,
    summary="Ties a record (or one of its fields) to its evidence: an information record "
    "or a span of a document.",
    columns=(
        EXTERNAL_ID,
        RecordReference(
            "record",
            "The cited record, as kind:external_id (e.g. act:a-12), required.",
            required=True,
            kinds=(
                "events",
                "persons",
                "organizations",
                "acts",
                "involvements",
                "proceedings",
                "relationships",
            ),
            targets={},
        ),
        Text("field", "The field of the record the citation supports, if only one.", max_length=64),
        Reference(
            "information",
            "external_id of the information record.",
            kinds=("information",),
            targets={"information": "information_id"},
        ),
        Whole(
            "start",
            "Start of the cited span (character offset into the document's text).",
            attr="span_start",
        ),
        Whole("end", "End of the cited span (exclusive).", attr="span_end"),
        Text("quote", "The cited words.", max_length=100_000),
        Text("note", "Why this evidence supports the fact.", max_length=100_000),
        PUBLISHED,
    ),
    row_check=_check_citation,
)

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        EVENTS,
        PERSONS,
        ORGANIZATIONS,
        ACTS,
        INVOLVEMENTS,
        INFORMATION,
        PROCEEDINGS,
        RELATIONSHIPS,
        CITATIONS,
    )
}


def reference_markdown() -> str:
    """The file-format reference (docs/import-formats.md), generated from the columns above."""
    lines = [
        "# Import and export file formats",
        "",
        "<!-- Generated from src/rightsledger/store/io/kinds.py by scripts/gen_docs.py; "
        "a test keeps it in step. -->",
        "",
        "`rightsledger import KIND FILE` reads CSV (UTF-8 with a header row), JSON (an array of "
        "objects) or JSON lines (one object per line). Rows are matched by `external_id`: a new "
        "id creates a record, a known id updates it in place. A column left out of the file "
        "leaves that field as it was; an empty cell clears it. References between kinds are "
        "external ids. One bad row rejects the whole file with its line, column and reason, and "
        "nothing is written. `rightsledger export KIND` writes the same columns, so an export "
        "imports back without loss.",
        "",
        "Coded columns take a vocabulary slug or its HURIDOCS code (`rightsledger vocab NAME` "
        "lists them); dates are EDTF; lists are separated by `;`.",
        "",
        "Import kinds in this order so that references resolve: "
        + ", ".join(f"`{name}`" for name in KINDS)
        + ".",
    ]
    for kind in KINDS.values():
        lines += ["", f"## {kind.name}", "", kind.summary, "", "| column | meaning |", "|---|---|"]
        for column in kind.columns:
            required = " **Required.**" if column.required else ""
            lines.append(f"| `{column.name}` | {column.help.replace('|', '/')}{required} |")
    return "\n".join(lines) + "\n"
