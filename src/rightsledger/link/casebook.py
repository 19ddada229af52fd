"""Linkage inside a casebook: every individual's record compared, clusters become one person.

Names are decrypted in memory only, handed to the linker as plain records and never written
anywhere. A cluster is stored by pointing each member's ``same_as_id`` at the cluster's
canonical record (its oldest); every record keeps its own fields and sources. Pairs the linker
is unsure about are stored for a person to accept or reject; those decisions survive re-linking.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rightsledger.errors import NotFound, UserError
from rightsledger.link.pipeline import link_records
from rightsledger.model import (
    Act,
    Citation,
    Information,
    LinkPair,
    Organization,
    Person,
    PersonName,
)
from rightsledger.model import Person as PersonModel
from rightsledger.protect.envelope import Protector
from rightsledger.store.casebook import Casebook

PARTS = {
    "given": "given_name",
    "patronymic": "patronymic",
    "family": "family_name",
    "full": "full_name",
}


@dataclass(frozen=True)
class LinkSummary:
    records: int
    clusters: int
    merged: int  # records now pointing at another canonical record
    proposed: int  # pairs waiting for review


def person_records(session: Session, protector: Protector) -> list[dict[str, Any]]:
    """The linker's input for every individual (groups have no identity to match)."""
    people = {p.id: p for p in session.scalars(select(Person).where(Person.is_group.is_(False)))}
    names: dict[int, dict[str, str]] = defaultdict(dict)
    for person_id, part, value in session.execute(
        select(PersonName.person_id, PersonName.part, PersonName.value)
        .where(PersonName.part.in_(PARTS))
        .order_by(PersonName.position)
    ):
        if person_id in people and PARTS[part] not in names[person_id]:
            names[person_id][PARTS[part]] = protector.decrypt(
                f"persons:{person_id}", f"person_names.{part}", value
            )
    first_act: dict[int, tuple[str | None, Any]] = {}
    for victim_id, place, earliest in session.execute(
        select(Act.victim_id, Act.place_name, Act.date_earliest).order_by(Act.id)
    ):
        first_act.setdefault(victim_id, (place, earliest))
    sources = _sources(session)
    records = []
    for person_id, person in people.items():
        if not names.get(person_id):
            continue  # nothing to compare a nameless record by
        place, event_date = first_act.get(person_id, (None, None))
        birth = person.birth_edtf
        if person.birth_exact:
            birth = protector.decrypt(
                f"persons:{person_id}", "persons.birth_exact", person.birth_exact
            )
        records.append(
            {
                "record_id": str(person_id),
                "source": sources.get(person_id, "casebook"),
                **names[person_id],
                "birth_date": _plain_date(birth),
                "sex": person.sex or "",
                "place": place or "",
                "event_date": event_date.isoformat() if event_date else "",
            }
        )
    return records


def _plain_date(edtf: str | None) -> str:
    # The linker reads 1991, 1991-03 or 1991-03-12; an interval or qualifier says less than that.
    if not edtf or any(mark in edtf for mark in "/~?%."):
        return ""
    return edtf


def _sources(session: Session) -> dict[int, str]:
    """Each victim's first list: the source of the information citing their act or record."""
    found: dict[int, str] = {}
    rows = session.execute(
        select(
            Citation.record_kind,
            Citation.record_id,
            Information.external_id,
            Information.person_id,
            Information.organization_id,
        )
        .join(Information, Information.id == Citation.information_id)
        .order_by(Citation.id)
    ).all()
    victims = dict(session.execute(select(Act.id, Act.victim_id)).all())
    person_ids = dict(session.execute(select(PersonModel.id, PersonModel.external_id)).all())
    organization_ids = dict(
        session.execute(select(Organization.id, Organization.external_id)).all()
    )
    for kind, record_id, info, source_person, source_org in rows:
        victim = (
            victims.get(record_id) if kind == "acts" else (record_id if kind == "persons" else None)
        )
        if victim is None or victim in found:
            continue
        source = organization_ids.get(source_org) if source_org is not None else None
        if source is None and source_person is not None:
            source = person_ids.get(source_person)
        found[victim] = source or info
    return found


def link_casebook(
    casebook: Casebook,
    *,
    threshold: float | None = None,
    review_band: tuple[float, float] | None = (0.03, 0.3),
    actor: str,
) -> LinkSummary:
    with casebook.session() as session:
        protector = casebook.protector(session.connection())
        if not protector.available:
            raise UserError("linking compares names: it needs the casebook's key")
        records = person_records(session, protector)
        if len(records) < 2:
            raise UserError("there are fewer than two named individuals to compare")
        result = link_records(records, threshold=threshold, review_band=review_band)
        decided = {
            (pair.left_person_id, pair.right_person_id): pair.status
            for pair in session.scalars(select(LinkPair))
        }
        proposed = 0
        for pair in result.review:
            left, right = sorted((int(pair.left), int(pair.right)))
            if (left, right) in decided:
                continue
            evidence = [
                {"comparison": e.comparison, "level": e.level, "weight": e.weight}
                for e in pair.evidence
            ]
            session.add(
                LinkPair(
                    left_person_id=left,
                    right_person_id=right,
                    probability=pair.probability,
                    evidence=json.dumps(evidence),
                )
            )
            proposed += 1
        members: dict[str, list[int]] = defaultdict(list)
        for record_id, cluster_id in result.cluster_of().items():
            members[cluster_id].append(int(record_id))
        groups = [sorted(ids) for ids in members.values()]
        groups += [
            [left, right] for (left, right), status in decided.items() if status == "accepted"
        ]
        merged = _apply(
            session,
            groups,
            rejected={pair for pair, status in decided.items() if status == "rejected"},
        )
        return LinkSummary(
            records=len(records), clusters=len(members), merged=merged, proposed=proposed
        )


def _apply(session: Session, groups: list[list[int]], *, rejected: set[tuple[int, int]]) -> int:
    """Point every member of each merged group at its canonical (lowest id) record."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for group in groups:
        for other in group[1:]:
            a, b = root(group[0]), root(other)
            if a != b and (min(a, b), max(a, b)) not in rejected:
                parent[max(a, b)] = min(a, b)
    session.execute(update(Person).values(same_as_id=None))
    merged = 0
    for node in list(parent):
        canonical = root(node)
        if canonical != node:
            session.execute(update(Person).where(Person.id == node).values(same_as_id=canonical))
            merged += 1
    return merged


def decide_pair(casebook: Casebook, pair_id: int, status: str, *, actor: str) -> LinkPair:
    if status not in ("accepted", "rejected", "skipped"):
        raise UserError(f'"{status}" is not a decision (accepted, rejected, skipped)')
    with casebook.session() as session:
        pair = session.get(LinkPair, pair_id)
        if pair is None:
            raise NotFound(f"no proposed link has id {pair_id}")
        pair.status, pair.reviewed_by = status, actor
        pair.reviewed_at = dt.datetime.now(dt.UTC)
        if status == "accepted":
            left = session.get_one(Person, pair.left_person_id)
            right = session.get_one(Person, pair.right_person_id)
            roots = {left.same_as_id or left.id, right.same_as_id or right.id}
            canonical = min(roots)
            # Both clusters become one: the other root and everyone pointing at it follow.
            for old in roots - {canonical}:
                session.execute(
                    update(Person).where(Person.same_as_id == old).values(same_as_id=canonical)
                )
                session.execute(update(Person).where(Person.id == old).values(same_as_id=canonical))
        session.flush()
        return pair
