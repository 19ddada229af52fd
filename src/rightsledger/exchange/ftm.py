"""FollowTheMoney entities as JSON lines, for Aleph, OpenAleph and OpenSanctions users.

Each line is ``{"id", "schema", "properties": {name: [values]}}``. The mapping (docs/
exchange-formats.md has the table):

- events and acts -> ``Event`` (an act is an event against one victim); an act is tied to its
  event, and an episode to its campaign, by an ``UnknownLink``;
- individual persons -> ``Person``; groups of victims -> ``Note`` (FollowTheMoney has no schema
  for "about 40 unnamed people", and a Note can carry the size without inventing a legal entity);
- organizations -> ``PublicBody`` for governmental types, else ``Organization``; a unit's parent
  is the ``parent`` property, so chains of command survive;
- victims and perpetrators -> ``UnknownLink`` to the act, with the role (and degree) spelled out;
- relationships -> ``Membership``, ``Employment``, ``Family`` or ``Associate`` where the two ends
  fit that schema, else ``UnknownLink``;
- proceedings -> ``Sanction`` (one per sanctioned person or organization), ``CourtCase`` with
  ``CourtCaseParty`` for charges, trials and verdicts, and ``Event`` for the rest (complaints,
  refusals, denials, calls);
- information -> ``Article`` for press articles, else ``Document``; citations -> ``Documentation``
  (or ``proof`` on a link, which cannot be documented).

The followthemoney library is not needed to write this: the values are already clean (dates are
ISO prefixes, ids are stable hashes) and the tests check every line with the library itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from rightsledger import vocab
from rightsledger.exchange.common import (
    Snapshot,
    date_sides,
    group_size_text,
    person_label,
    split_reference,
    stable_id,
    term_code,
    term_label,
)

# Schemata that are Things (may be the subject of Documentation); the others are intervals.
THINGS = frozenset(
    {"Event", "Person", "Note", "Organization", "PublicBody", "CourtCase", "Document", "Article"}
)
LEGAL_ENTITIES = frozenset({"Person", "Organization", "PublicBody"})
COURT_STEPS = frozenset({"charges", "trial", "verdict_conviction", "verdict_acquittal"})


@dataclass
class Entity:
    id: str
    schema: str
    properties: dict[str, list[str]] = field(default_factory=dict)

    def add(self, prop: str, *values: Any) -> None:
        for value in values:
            if value is None or value == "":
                continue
            text = str(value)
            bucket = self.properties.setdefault(prop, [])
            if text not in bucket:
                bucket.append(text)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "schema": self.schema, "properties": self.properties}


class _Builder:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.entities: dict[str, Entity] = {}
        # (kind, external id) -> entity id, for the records that became one entity each
        self.ids: dict[tuple[str, str], str] = {}

    def new(self, schema: str, kind: str, external_id: str) -> Entity:
        entity = Entity(stable_id(self.snapshot.casebook_id, kind, external_id), schema)
        self.entities[entity.id] = entity
        return entity

    def record_entity(self, schema: str, kind: str, external_id: str) -> Entity:
        entity = self.new(schema, kind, external_id)
        self.ids[(kind, external_id)] = entity.id
        return entity

    def entity_of(self, kind: str, external_id: str | None) -> Entity | None:
        entity_id = self.ids.get((kind, external_id or ""))
        return self.entities[entity_id] if entity_id else None

    def entity_of_reference(self, reference: str | None) -> Entity | None:
        if not reference:
            return None
        return self.entity_of(*split_reference(reference))

    def link(
        self,
        key: str,
        subject: Entity,
        obj: Entity,
        role: str,
        *,
        description: str | None = None,
    ) -> Entity:
        entity = self.new("UnknownLink", "links", key)
        entity.add("subject", subject.id)
        entity.add("object", obj.id)
        entity.add("role", role)
        entity.add("description", description)
        return entity


def _dated(entity: Entity, edtf: str | None) -> None:
    start, end = date_sides(edtf)
    if start is not None and start == end:
        entity.add("date", start)
    else:
        entity.add("startDate", start)
        entity.add("endDate", end)


def _place(entity: Entity, record: dict[str, Any]) -> None:
    place = record.get("place")
    if place:
        admin = record.get("place_admin")
        parts = [place, *reversed(admin.split(" > "))] if admin else [place]
        # "Argun, Chechen Republic, Russia": the admin path read upwards, as an address is.
        entity.add("location", ", ".join(dict.fromkeys(parts)))


def entities(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Every entity of the snapshot as a FollowTheMoney dict, in a stable order."""
    builder = _Builder(snapshot)
    _organizations(builder)
    _persons(builder)
    _events(builder)
    _acts(builder)
    _involvements(builder)
    _relationships(builder)
    _proceedings(builder)
    _information(builder)
    _citations(builder)
    return [entity.to_dict() for entity in builder.entities.values()]


def _organizations(builder: _Builder) -> None:
    records = builder.snapshot.records["organizations"]
    governmental = vocab.load("perpetrator_types")
    for record in records:
        org_type = record.get("type")
        public = org_type is not None and governmental.is_a(org_type, "governmental")
        entity = builder.record_entity(
            "PublicBody" if public else "Organization", "organizations", record["external_id"]
        )
        entity.add("name", record["name"])
        entity.add("classification", term_label("perpetrator_types", org_type))
        entity.add("description", record.get("description"))
    for record in records:
        parent = builder.entity_of("organizations", record.get("parent"))
        child = builder.entity_of("organizations", record["external_id"])
        if parent is not None and child is not None:
            child.add("parent", parent.id)


def _persons(builder: _Builder) -> None:
    snapshot = builder.snapshot
    for record in snapshot.records["persons"]:
        if record.get("is_group"):
            note = builder.record_entity("Note", "persons", record["external_id"])
            note.add("name", person_label(record))
            note.add("summary", group_size_text(snapshot, record))
            note.add("description", record.get("description"))
            if record["external_id"] in snapshot.suppressed:
                note.add(
                    "notes",
                    f"Group sizes below {snapshot.threshold} are suppressed in public outputs: "
                    "small counts can identify people.",
                )
            continue
        person = builder.record_entity("Person", "persons", record["external_id"])
        person.add("name", person_label(record))
        person.add("firstName", record.get("given_name"))
        person.add("fatherName", record.get("patronymic"))
        person.add("lastName", record.get("family_name"))
        person.add("alias", *(record.get("aliases") or []))
        if record.get("sex") in ("male", "female"):
            person.add("gender", record["sex"])
        start, end = date_sides(record.get("birth_date"))
        if start is not None and start == end:
            person.add("birthDate", start)
        if record.get("deceased"):
            person.add("status", "deceased")
        person.add("description", record.get("description"))


def _events(builder: _Builder) -> None:
    records = builder.snapshot.records["events"]
    for record in records:
        event = builder.record_entity("Event", "events", record["external_id"])
        event.add("name", record["title"])
        event.add("recordId", record["external_id"])
        _dated(event, record.get("date"))
        _place(event, record)
        event.add("description", record.get("description"))
        event.add("summary", term_label("violation_status", record.get("violation_status")))
    for record in records:
        parent = builder.entity_of("events", record.get("parent"))
        child = builder.entity_of("events", record["external_id"])
        if parent is not None and child is not None:
            role = term_label("chain_of_events_types", record.get("chain_type")) or "part of"
            builder.link(f"events:{record['external_id']}:parent", child, parent, role)


def _acts(builder: _Builder) -> None:
    for record in builder.snapshot.records["acts"]:
        event = builder.entity_of("events", record["event"])
        victim_record = builder.snapshot.get("persons", record["victim"])
        if event is None:
            continue  # its event is not in this export (unpublished): the act goes with it
        label = term_label("act_types", record["act_type"])
        act = builder.record_entity("Event", "acts", record["external_id"])
        victim_name = person_label(victim_record) if victim_record else "unknown victim"
        act.add("name", f"{label}: {victim_name}")
        act.add("recordId", record["external_id"])
        act.add("keywords", label, term_code("act_types", record["act_type"]))
        _dated(act, record.get("date"))
        _place(act, record)
        status = term_label("act_status", record.get("status"))
        act.add("summary", f"Status at end of act: {status}" if status else None)
        act.add("description", record.get("description"))
        builder.link(f"acts:{record['external_id']}:event", act, event, "act within event")
        victim = builder.entity_of("persons", record["victim"])
        if victim is None:
            continue
        if victim.schema == "Note":
            victim.add("entity", act.id)
        else:
            act.add("involved", victim.id)
        builder.link(f"acts:{record['external_id']}:victim", victim, act, "victim")


def _involvements(builder: _Builder) -> None:
    for record in builder.snapshot.records["involvements"]:
        act = builder.entity_of("acts", record["act"])
        perpetrator = builder.entity_of_reference(record["perpetrator"])
        if act is None or perpetrator is None:
            continue
        degree = term_label("involvement_degrees", record.get("degree"))
        if perpetrator.schema in LEGAL_ENTITIES:
            act.add("involved", perpetrator.id)
        link = builder.new("UnknownLink", "involvements", record["external_id"])
        builder.ids[("involvements", record["external_id"])] = link.id
        link.add("subject", perpetrator.id)
        link.add("object", act.id)
        link.add("role", f"perpetrator ({degree})" if degree else "perpetrator")
        link.add("description", record.get("description"))


_FAMILY = "family_intimate"


def _relationships(builder: _Builder) -> None:
    kinds = vocab.load("relationship_types")
    for record in builder.snapshot.records["relationships"]:
        subject = builder.entity_of_reference(record["subject"])
        obj = builder.entity_of_reference(record["object"])
        if subject is None or obj is None:
            continue
        kind = record["type"]
        label = term_label("relationship_types", kind)
        schema, ends, role_prop = _relationship_schema(kinds, kind, subject.schema, obj.schema)
        entity = builder.new(schema, "relationships", record["external_id"])
        builder.ids[("relationships", record["external_id"])] = entity.id
        entity.add(ends[0], subject.id)
        entity.add(ends[1], obj.id)
        entity.add(role_prop, label)
        _dated(entity, record.get("date"))
        entity.add("description", record.get("description"))


def _relationship_schema(
    kinds: vocab.Vocabulary, kind: str, subject: str, obj: str
) -> tuple[str, tuple[str, str], str]:
    """The most specific FollowTheMoney schema whose two ends accept these entities."""
    organization = obj in ("Organization", "PublicBody")
    if kind == "officer" and subject == "Person" and organization:
        return "Employment", ("employee", "employer"), "role"
    if kinds.is_a(kind, "individual_to_group") and subject in LEGAL_ENTITIES and organization:
        return "Membership", ("member", "organization"), "role"
    if subject == "Person" and obj == "Person":
        if kinds.is_a(kind, _FAMILY):
            return "Family", ("person", "relative"), "relationship"
        return "Associate", ("person", "associate"), "relationship"
    return "UnknownLink", ("subject", "object"), "role"


def _proceedings(builder: _Builder) -> None:
    for record in builder.snapshot.records["proceedings"]:
        kind = record["type"]
        label = term_label("proceeding_types", kind)
        body = record.get("body")
        targets = [
            (reference, entity)
            for reference in record.get("targets") or []
            if (entity := builder.entity_of_reference(reference)) is not None
        ]
        parties = [(ref, e) for ref, e in targets if e.schema in LEGAL_ENTITIES]
        others = [(ref, e) for ref, e in targets if e.schema not in LEGAL_ENTITIES]
        external_id = record["external_id"]
        if kind == "sanction" and parties:
            for reference, party in parties:
                sanction = builder.new("Sanction", "proceedings", f"{external_id}:{reference}")
                sanction.add("entity", party.id)
                sanction.add("authority", body)
                sanction.add("reason", record.get("outcome"))
                sanction.add("summary", label)
                sanction.add("recordId", external_id)
                _dated(sanction, record.get("date"))
                sanction.add("description", record.get("description"))
            continue
        title = f"{label}: {body}" if body else label
        if kind in COURT_STEPS:
            main = builder.record_entity("CourtCase", "proceedings", external_id)
            main.add("name", title)
            main.add("type", label)
            main.add("court", body)
            start, _ = date_sides(record.get("date"))
            main.add("fileDate", start)
            main.add("summary", record.get("outcome"))
            for reference, party in parties:
                link = builder.new("CourtCaseParty", "proceedings", f"{external_id}:{reference}")
                link.add("party", party.id)
                link.add("case", main.id)
                link.add("role", "accused")
        else:
            main = builder.record_entity("Event", "proceedings", external_id)
            main.add("name", title)
            main.add("recordId", external_id)
            _dated(main, record.get("date"))
            main.add("summary", record.get("outcome"))
            main.add("involved", *(party.id for _, party in parties))
        main.add("description", record.get("description"))
        for reference, target in others:
            builder.link(f"proceedings:{external_id}:{reference}", main, target, "concerns")


def _information(builder: _Builder) -> None:
    for record in builder.snapshot.records["information"]:
        press = record.get("source_type") == "press_article"
        document = builder.record_entity(
            "Article" if press else "Document", "information", record["external_id"]
        )
        title = record.get("title") or record["external_id"]
        document.add("title", title)
        document.add("name", title)
        if not press:
            document.add("fileName", title)
        start, end = date_sides(record.get("date"))
        document.add("date", start if start == end else None)
        document.add("sourceUrl", record.get("url"))
        document.add("summary", record.get("description"))
        kind = term_label("source_material_types", record.get("source_type"))
        reliability = term_label("reliability", record.get("reliability"))
        document.add("keywords", kind, f"reliability: {reliability}" if reliability else None)
        source = builder.entity_of_reference(record.get("source"))
        if source is not None:
            if source.schema in ("Organization", "PublicBody"):
                document.add("publisher", source.properties["name"][0])
            role = term_label("information_connections", record.get("connection")) or "source"
            key = f"information:{record['external_id']}"
            _documentation(builder, f"{key}:source", document, source, role)
        event = builder.entity_of("events", record.get("event"))
        if event is not None:
            key = f"information:{record['external_id']}"
            _documentation(builder, f"{key}:event", document, event, "about")


def _documentation(
    builder: _Builder,
    key: str,
    document: Entity,
    entity: Entity,
    role: str,
    *,
    quote: str | None = None,
    note: str | None = None,
) -> None:
    link = builder.new("Documentation", "documentation", key)
    link.add("document", document.id)
    link.add("entity", entity.id)
    link.add("role", role)
    link.add("summary", quote)
    link.add("description", note)


def _citations(builder: _Builder) -> None:
    for record in builder.snapshot.records["citations"]:
        document = builder.entity_of("information", record.get("information"))
        cited = builder.entity_of_reference(record["record"])
        if document is None or cited is None:
            continue  # a citation of a document span: the vault is not part of this export
        if cited.schema not in THINGS:
            cited.add("proof", document.id)
            continue
        field_name = record.get("field")
        role = f"evidence for {field_name}" if field_name else "evidence"
        _documentation(
            builder,
            f"citations:{record['external_id']}",
            document,
            cited,
            role,
            quote=record.get("quote"),
            note=record.get("note"),
        )


def lines(snapshot: Snapshot) -> Iterator[str]:
    for entity in entities(snapshot):
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n"


def write(snapshot: Snapshot, out: TextIO) -> int:
    """Write the entities as JSON lines; returns how many."""
    count = 0
    for line in lines(snapshot):
        out.write(line)
        count += 1
    return count
