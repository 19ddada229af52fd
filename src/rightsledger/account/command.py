"""The chain of command: who stood above a person or unit, and who below, over which period.

Command is read from two sources, and only from these:

- an organization's ``parent`` (a unit inside its parent; structural, so undated: always);
- relationships whose type implies authority, with the relationship's dates as the period:

  ========================  =====================================================
  relationship type         who is the superior
  ========================  =====================================================
  ``member``                the object (the group) over the subject (its member)
  ``officer``               the subject (the officer) over the object (the group)
  ``employer_superior``     the subject over the object
  ``employee_subordinate``  the object over the subject
  ``branch``                the object (the larger body) over the subject
  ``head_office``           the subject over the object
  ========================  =====================================================

Every other type (family, social, ``member_organisation`` of a federation, ``ally_partner``…)
says nothing about command. An officer of a unit answers to whatever the unit answers to, so an
officer link also makes the officer a subordinate of the unit's own superiors (relation
``officer_of_unit``) for the days both links hold. Along a path of several links the period is
the days all of them hold; links without dates hold always.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.account.parties import (
    ALWAYS,
    ORGANIZATIONS,
    PERSONS,
    Party,
    PartyRecord,
    Period,
    find_party,
    party,
)
from rightsledger.model import Organization, Person, Relationship
from rightsledger.protect.envelope import Protector

# relationship type -> True when the subject is the superior, False when the object is.
COMMAND_TYPES: dict[str, bool] = {
    "member": False,
    "officer": True,
    "employer_superior": True,
    "employee_subordinate": False,
    "branch": False,
    "head_office": True,
}
PARENT = "parent_organization"
OFFICER_OF_UNIT = "officer_of_unit"
MAX_DEPTH = 50  # far deeper than any real hierarchy; stops a malformed loop of periods

Node = tuple[str, int]  # (kind, internal id)


@dataclass(frozen=True)
class Edge:
    superior: Node
    subordinate: Node
    relation: str  # a COMMAND_TYPES slug, PARENT or OFFICER_OF_UNIT
    relationship_id: str | None  # the relationship record it comes from, if any
    date_edtf: str | None
    period: Period


@dataclass(frozen=True)
class Step:
    """One edge reached by a walk, at a depth, with the period the whole path holds."""

    edge: Edge
    depth: int
    path: Period


@dataclass(frozen=True)
class CommandLink:
    """One link of a chain of command, as the viewer may see it.

    ``date_*`` is the link's own period (None: open or unknown); ``path_*`` is the period the
    whole chain from the record asked about up (or down) to this link holds.
    """

    superior: Party
    subordinate: Party
    relation: str
    relationship_id: str | None
    date_edtf: str | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    path_earliest: dt.date | None
    path_latest: dt.date | None
    depth: int  # 1: a direct superior (or subordinate) of the record asked about


def _node(kind_person: int | None, organization: int | None) -> Node:
    if kind_person is not None:
        return (PERSONS, kind_person)
    assert organization is not None  # the one_subject / one_object checks guarantee one
    return (ORGANIZATIONS, organization)


def command_edges(session: Session, *, published_only: bool = False) -> list[Edge]:
    """Every command edge of the casebook (small: units and ties, not acts)."""
    visible: set[Node] | None = None
    if published_only:
        visible = {
            (PERSONS, i) for i in session.scalars(select(Person.id).where(Person.published))
        } | {
            (ORGANIZATIONS, i)
            for i in session.scalars(select(Organization.id).where(Organization.published))
        }
    edges: list[Edge] = []
    for org_id, parent_id in session.execute(
        select(Organization.id, Organization.parent_id)
        .where(Organization.parent_id.is_not(None))
        .order_by(Organization.id)
    ):
        assert parent_id is not None
        edges.append(
            Edge((ORGANIZATIONS, parent_id), (ORGANIZATIONS, org_id), PARENT, None, None, ALWAYS)
        )
    query = select(Relationship).where(Relationship.relationship_type.in_(COMMAND_TYPES))
    if published_only:
        query = query.where(Relationship.published.is_(True))
    for tie in session.scalars(query.order_by(Relationship.external_id)):
        subject = _node(tie.subject_person_id, tie.subject_organization_id)
        obj = _node(tie.object_person_id, tie.object_organization_id)
        superior, subordinate = (
            (subject, obj) if COMMAND_TYPES[tie.relationship_type] else (obj, subject)
        )
        period = Period(tie.date_earliest, tie.date_latest)
        edges.append(
            Edge(
                superior, subordinate, tie.relationship_type, tie.external_id, tie.date_edtf, period
            )
        )
    if visible is not None:
        edges = [e for e in edges if e.superior in visible and e.subordinate in visible]
    return edges + _officers_answer_upward(edges)


def _officers_answer_upward(edges: list[Edge]) -> list[Edge]:
    above: dict[Node, list[Edge]] = defaultdict(list)
    for edge in edges:
        if edge.relation != "officer":
            above[edge.subordinate].append(edge)
    derived = []
    for edge in edges:
        if edge.relation != "officer":
            continue
        for higher in above.get(edge.subordinate, []):
            if higher.superior == edge.superior:
                continue
            period = edge.period.intersect(higher.period)
            if period is not None:
                derived.append(
                    Edge(
                        higher.superior,
                        edge.superior,
                        OFFICER_OF_UNIT,
                        edge.relationship_id,
                        edge.date_edtf,
                        period,
                    )
                )
    return derived


def walk(start: Node, edges: list[Edge], *, upward: bool) -> list[Step]:
    """Breadth-first over the edges from ``start``, nearest first.

    A node is walked on from again only when reached for days its earlier paths did not cover,
    and an edge is listed again only for such new days: the result has every link and, for each
    record reached, every period it is reached for, without repeating what is already covered.
    """
    index: dict[Node, list[Edge]] = defaultdict(list)
    for edge in edges:
        index[edge.subordinate if upward else edge.superior].append(edge)
    steps: list[Step] = []
    reached: dict[Node, list[Period]] = defaultdict(list)
    listed: dict[Edge, list[Period]] = defaultdict(list)
    queue: deque[tuple[Node, Period, int]] = deque([(start, ALWAYS, 0)])
    while queue:
        node, path, depth = queue.popleft()
        if depth >= MAX_DEPTH:
            continue
        for edge in index.get(node, []):
            reach = path.intersect(edge.period)
            far = edge.superior if upward else edge.subordinate
            if reach is None or far == start:
                continue  # links that never held together make no chain; loops end at start
            if not any(period.covers(reach) for period in listed[edge]):
                listed[edge].append(reach)
                steps.append(Step(edge, depth + 1, reach))
            if not any(period.covers(reach) for period in reached[far]):
                reached[far].append(reach)
                queue.append((far, reach, depth + 1))
    return steps


def command_links(
    session: Session, steps: list[Step], protector: Protector | None
) -> list[CommandLink]:
    cache: dict[Node, Party] = {}

    def shown(node: Node) -> Party:
        if node not in cache:
            record: PartyRecord | None = (
                session.get(Person, node[1])
                if node[0] == PERSONS
                else session.get(Organization, node[1])
            )
            assert record is not None  # edges come from rows with foreign keys
            cache[node] = party(record, protector)
        return cache[node]

    return [
        CommandLink(
            superior=shown(step.edge.superior),
            subordinate=shown(step.edge.subordinate),
            relation=step.edge.relation,
            relationship_id=step.edge.relationship_id,
            date_edtf=step.edge.date_edtf,
            date_earliest=step.edge.period.earliest,
            date_latest=step.edge.period.latest,
            path_earliest=step.path.earliest,
            path_latest=step.path.latest,
            depth=step.depth,
        )
        for step in steps
    ]


def node_of(session: Session, kind: str, external_id: str, *, published_only: bool) -> Node:
    record = find_party(session, kind, external_id, published_only=published_only)
    return (kind, record.id)


def chain_of_command(
    session: Session,
    kind: str,
    external_id: str,
    *,
    protector: Protector | None = None,
    published_only: bool = False,
) -> list[CommandLink]:
    """The superiors of a person or organization, nearest first, each link with its period.

    Raises ``NotFound`` naming the id when there is no such record (or a viewer may not see it).
    """
    start = node_of(session, kind, external_id, published_only=published_only)
    steps = walk(start, command_edges(session, published_only=published_only), upward=True)
    return command_links(session, steps, protector)


def subordinates(
    session: Session,
    kind: str,
    external_id: str,
    *,
    protector: Protector | None = None,
    published_only: bool = False,
) -> list[CommandLink]:
    """Who stood under a person or organization (units, members, subordinates), nearest first."""
    start = node_of(session, kind, external_id, published_only=published_only)
    steps = walk(start, command_edges(session, published_only=published_only), upward=False)
    return command_links(session, steps, protector)
