"""Perpetrator profiles: status, acts by degree, chain of command, subordinates' acts, clocks.

A profile gathers, for one person or organization, what the other modules derive: the status
(``status.derive_status`` over the proceedings that name them, as of a date), the acts attributed
to them grouped by degree of involvement with their citations, their chain of command, the acts
of their subordinates for the period of command, their proceedings timeline and the impunity
clock of their own acts.

Acts of subordinates roll up only when the act's date lies wholly inside the period the chain of
command from the profile's subject down to the subordinate holds (``parties.Period.contains``).
An undated act cannot be placed in a period: it rolls up only through links that hold always (an
organization's parent, an undated relationship); elsewhere it is left out and counted in
``rollup_undated_left_out``. Acts partly outside the period are left out and counted in
``rollup_outside_left_out``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.account.cases import CaseFile, Target, party_target
from rightsledger.account.command import (
    CommandLink,
    Node,
    Step,
    command_edges,
    command_links,
    walk,
)
from rightsledger.account.impunity import (
    ImpunityEntry,
    ImpunitySummary,
    impunity_clock,
    impunity_summary,
)
from rightsledger.account.parties import (
    ORGANIZATIONS,
    PERSONS,
    CitationRef,
    Party,
    PartyRecord,
    Period,
    citations_of,
    find_party,
    party,
    person_reference,
)
from rightsledger.account.status import PerpetratorStatus, derive_status, person_label
from rightsledger.account.timeline import TimelineEntry, entries, proceedings_for
from rightsledger.model import Act, Event, Involvement, Organization, Person
from rightsledger.protect.envelope import Protector

UNKNOWN_DEGREE = "unknown"


@dataclass(frozen=True)
class AttributedAct:
    """An act attributed to someone through one involvement, with the evidence for both."""

    act_id: str
    act_type: str
    act_type_label: str
    event_id: str
    date_edtf: str | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    place: str | None
    victim_id: str  # hidden persons as their pseudonym
    victim: str  # the victim's label as the viewer may see it
    involvement_id: str
    degree: str  # an involvement_degrees slug ("unknown" when none was recorded)
    citations: list[CitationRef] = field(default_factory=list)  # of the act, then the involvement


@dataclass(frozen=True)
class InvolvementGroup:
    degree: str
    degree_label: str
    acts: list[AttributedAct]


@dataclass(frozen=True)
class RolledUpAct:
    """An act of a subordinate, inside the period the chain of command down to them holds."""

    act: AttributedAct
    subordinate: Party
    relation: str  # how the subordinate is linked to the one above them
    path_earliest: dt.date | None
    path_latest: dt.date | None
    depth: int


@dataclass(frozen=True)
class PerpetratorProfile:
    kind: str
    external_id: str  # a pseudonym for a person whose identity is hidden
    label: str
    as_of: dt.date
    status: PerpetratorStatus
    status_since: dt.date | None
    status_basis: list[str]  # external ids of the proceedings that decided the status
    sanctions: int
    refused_investigations: int  # refusals in the timeline (naming them or their acts)
    official_denials: int
    involvements: list[InvolvementGroup]
    chain_of_command: list[CommandLink]
    subordinates: list[CommandLink]
    subordinate_acts: list[RolledUpAct]
    rollup_undated_left_out: int
    rollup_outside_left_out: int
    timeline: list[TimelineEntry]
    impunity: list[ImpunityEntry]
    impunity_summary: ImpunitySummary

    @property
    def acts(self) -> int:
        return len({act.act_id for group in self.involvements for act in group.acts})


@dataclass(frozen=True)
class PerpetratorOverview:
    """One line of the accountability table: a perpetrator and how far proceedings have gone."""

    kind: str
    external_id: str
    label: str
    status: PerpetratorStatus
    status_since: dt.date | None
    acts: int
    acts_without_charge: int
    refused_investigations: int
    sanctions: int
    official_denials: int
    longest_days_without_charge: int | None


def status_as_of(
    cases: CaseFile, target: Target, as_of: dt.date
) -> tuple[PerpetratorStatus, dt.date | None, list[str], dict[str, int]]:
    """The derived status from proceedings naming ``target`` up to ``as_of``, and step counts."""
    steps = [
        (p.proceeding_type, p.date_earliest, p.external_id)
        for p_id, p in cases.proceedings.items()
        if cases.names(p_id, target) and (p.date_earliest is None or p.date_earliest <= as_of)
    ]
    status, since, basis = derive_status(steps)
    counts: dict[str, int] = defaultdict(int)
    for kind, _, _ in steps:
        counts[kind] += 1
    return status, since, basis, counts


def _refusals(cases: CaseFile, proceeding_ids: set[int], as_of: dt.date) -> int:
    return sum(
        1
        for p_id in proceeding_ids
        if cases.proceedings[p_id].proceeding_type == "investigation_refused"
        and _by(cases.proceedings[p_id].date_earliest, as_of)
    )


def _by(date: dt.date | None, as_of: dt.date) -> bool:
    return date is None or date <= as_of


def perpetrator_profile(
    session: Session,
    kind: str,
    external_id: str,
    *,
    protector: Protector | None,
    as_of: dt.date,
    published_only: bool = False,
) -> PerpetratorProfile:
    """Everything the casebook derives about one perpetrator, as of ``as_of``.

    ``kind`` is "persons" or "organizations"; a person may also be named by the pseudonym a
    role without the key was shown. Raises ``NotFound`` (a ``UserError``) naming an unknown id.
    """
    record = find_party(session, kind, external_id, published_only=published_only)
    target: Target = (kind, record.id)
    cases = CaseFile.load(session, published_only=published_only)
    status, since, basis, counts = status_as_of(cases, target, as_of)
    own = _attributed(session, cases, {target}, protector, published_only)[target]
    groups = _by_degree(own)

    edges = command_edges(session, published_only=published_only)
    upward = walk(target, edges, upward=True)
    downward = walk(target, edges, upward=False)
    rolled, undated, outside = _roll_up(session, cases, downward, protector, published_only)

    mine = proceedings_for(cases, target)
    shown = [p for p in cases.ordered(mine) if _by(p.date_earliest, as_of)]
    clock = impunity_clock(
        session,
        as_of=as_of,
        cases=cases,
        acts={a for a in cases.acts if target in cases.acts[a].perpetrators},
    )
    shown_party = party(record, protector)
    return PerpetratorProfile(
        kind=kind,
        external_id=shown_party.external_id,
        label=shown_party.label,
        as_of=as_of,
        status=status,
        status_since=since,
        status_basis=basis,
        sanctions=counts["sanction"],
        refused_investigations=_refusals(cases, mine, as_of),
        official_denials=counts["official_denial"],
        involvements=groups,
        chain_of_command=command_links(session, upward, protector),
        subordinates=command_links(session, downward, protector),
        subordinate_acts=rolled,
        rollup_undated_left_out=undated,
        rollup_outside_left_out=outside,
        timeline=entries(session, cases, shown, protector, published_only),
        impunity=clock,
        impunity_summary=impunity_summary(clock),
    )


def _attributed(
    session: Session,
    cases: CaseFile,
    doers: set[Target],
    protector: Protector | None,
    published_only: bool,
) -> dict[Target, list[AttributedAct]]:
    """The acts attributed to each of ``doers`` (one per involvement), by act date then id."""
    out: dict[Target, list[AttributedAct]] = {doer: [] for doer in doers}
    persons = sorted(value for kind, value in doers if kind == PERSONS)
    organizations = sorted(value for kind, value in doers if kind == ORGANIZATIONS)
    if not doers:
        return out
    # Only the doers' involvements are loaded: the casebook may hold hundreds of thousands.
    query = (
        select(Involvement, Act, Event.external_id, Event.published)
        .join(Act, Act.id == Involvement.act_id)
        .join(Event, Event.id == Act.event_id)
        .where(
            or_(
                Involvement.person_id.in_(persons or [-1]),
                Involvement.organization_id.in_(organizations or [-1]),
            )
        )
        .order_by(Act.date_earliest, Act.external_id, Involvement.external_id)
    )
    if published_only:
        query = query.where(Involvement.published.is_(True), Act.published.is_(True))
    rows = [
        # An act may be published while its event is not: a viewer then sees no event id.
        (involvement, act, event_id if event_published or not published_only else "")
        for involvement, act, event_id, event_published in session.execute(query)
        if party_target(involvement.person_id, involvement.organization_id) in doers
    ]
    act_citations = citations_of(
        session, "acts", sorted({act.id for _, act, _ in rows}), published_only=published_only
    )
    involvement_citations = citations_of(
        session, "involvements", [inv.id for inv, _, _ in rows], published_only=published_only
    )
    acts_vocab, victims = vocab.load("act_types"), _Victims(session, protector, published_only)
    for involvement, act, event_id in rows:
        victim_id, victim = victims.shown(act.victim_id)
        out[party_target(involvement.person_id, involvement.organization_id)].append(
            AttributedAct(
                act_id=act.external_id,
                act_type=act.act_type,
                act_type_label=acts_vocab.get(act.act_type).label("en"),
                event_id=event_id,
                date_edtf=act.date_edtf,
                date_earliest=act.date_earliest,
                date_latest=act.date_latest,
                place=act.place_name,
                victim_id=victim_id,
                victim=victim,
                involvement_id=involvement.external_id,
                degree=involvement.degree or UNKNOWN_DEGREE,
                citations=act_citations[act.id] + involvement_citations[involvement.id],
            )
        )
    return out


class _Victims:
    """Victim labels, looked up once each."""

    def __init__(self, session: Session, protector: Protector | None, published_only: bool):
        self._session, self._protector, self._published_only = session, protector, published_only
        self._shown: dict[int, tuple[str, str]] = {}

    def shown(self, person_id: int) -> tuple[str, str]:
        if person_id not in self._shown:
            person = self._session.get(Person, person_id)
            assert person is not None  # acts.victim_id is a foreign key
            if self._published_only and not person.published:
                # The act is published but its victim is not: say so without naming them.
                self._shown[person_id] = ("", "[unpublished victim]")
            else:
                self._shown[person_id] = (
                    person_reference(person, self._protector),
                    person_label(person, self._protector),
                )
        return self._shown[person_id]


def _by_degree(acts: list[AttributedAct]) -> list[InvolvementGroup]:
    """Groups in the vocabulary's order (carried out, ordered, … failed to prevent …)."""
    degrees = vocab.load("involvement_degrees")
    order = {term.slug: position for position, term in enumerate(degrees.terms)}
    grouped: dict[str, list[AttributedAct]] = defaultdict(list)
    for act in acts:
        grouped[act.degree].append(act)
    return [
        InvolvementGroup(slug, degrees.get(slug).label("en"), grouped[slug])
        for slug in sorted(grouped, key=lambda slug: (order.get(slug, len(order)), slug))
    ]


def _roll_up(
    session: Session,
    cases: CaseFile,
    downward: list[Step],
    protector: Protector | None,
    published_only: bool,
) -> tuple[list[RolledUpAct], int, int]:
    reached: dict[Node, list[tuple[Period, str, int]]] = defaultdict(list)
    for step in downward:
        reached[step.edge.subordinate].append((step.path, step.edge.relation, step.depth))
    attributed = _attributed(session, cases, set(reached), protector, published_only)
    rolled: list[RolledUpAct] = []
    undated: set[str] = set()
    outside: set[str] = set()
    for node, acts in attributed.items():
        record = _record(session, node)
        for act in acts:
            fitting = [
                (path, relation, depth)
                for path, relation, depth in reached[node]
                if path.contains(act.date_earliest, act.date_latest)
            ]
            if not fitting:
                dated = act.date_earliest is not None or act.date_latest is not None
                (outside if dated else undated).add(act.involvement_id)
                continue
            path, relation, depth = min(fitting, key=lambda item: item[2])
            rolled.append(
                RolledUpAct(
                    act=act,
                    subordinate=party(record, protector),
                    relation=relation,
                    path_earliest=path.earliest,
                    path_latest=path.latest,
                    depth=depth,
                )
            )
    rolled.sort(
        key=lambda r: (
            r.act.date_earliest is None,
            r.act.date_earliest or dt.date.min,
            r.act.act_id,
            r.act.involvement_id,
        )
    )
    return rolled, len(undated), len(outside)


def _record(session: Session, node: Node) -> PartyRecord:
    record: PartyRecord | None = (
        session.get(Person, node[1]) if node[0] == PERSONS else session.get(Organization, node[1])
    )
    assert record is not None
    return record


def accountability_overview(
    session: Session,
    *,
    as_of: dt.date,
    protector: Protector | None = None,
    published_only: bool = False,
) -> list[PerpetratorOverview]:
    """Every person and organization with an act attributed to them, most acts first."""
    cases = CaseFile.load(session, published_only=published_only)
    clock = {entry.act_id: entry for entry in impunity_clock(session, as_of=as_of, cases=cases)}
    acts_of: dict[Target, set[int]] = defaultdict(set)
    for act in cases.acts.values():
        for doer in act.perpetrators:
            acts_of[doer].add(act.id)
    rows = []
    for target, act_ids in acts_of.items():
        record = _record(session, target)
        if published_only and not record.published:
            continue
        status, since, _, counts = status_as_of(cases, target, as_of)
        entries_ = [
            clock[cases.acts[a].external_id] for a in act_ids if cases.acts[a].external_id in clock
        ]
        waits = [e.days_without_charge for e in entries_ if e.days_without_charge is not None]
        shown = party(record, protector)
        rows.append(
            PerpetratorOverview(
                kind=target[0],
                external_id=shown.external_id,
                label=shown.label,
                status=status,
                status_since=since,
                acts=len(act_ids),
                acts_without_charge=sum(1 for e in entries_ if not e.charged),
                refused_investigations=_refusals(cases, proceedings_for(cases, target), as_of),
                sanctions=counts["sanction"],
                official_denials=counts["official_denial"],
                longest_days_without_charge=max(waits, default=None),
            )
        )
    rows.sort(key=lambda row: (-row.acts, row.kind, row.external_id))
    return rows
