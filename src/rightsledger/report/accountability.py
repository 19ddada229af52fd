"""Figures about accountability: who is alleged responsible and their status, what was done and
refused (the proceedings), and how long the acts have gone without prosecution.

Statuses are derived from proceedings by ``account.status.derive_status``; the proceedings come
from ``account.timeline``; nothing here is typed in by a person.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.account.impunity import impunity_clock, impunity_summary
from rightsledger.account.parties import ORGANIZATIONS, PERSONS
from rightsledger.account.status import derive_status
from rightsledger.account.timeline import TimelineEntry, proceedings_timeline
from rightsledger.model import (
    Involvement,
    Organization,
    Person,
    Proceeding,
    ProceedingTarget,
)
from rightsledger.protect.envelope import pseudonym
from rightsledger.report.figures import Figure, InputRow, day, row, suppressed_counts
from rightsledger.report.scope import Scope, involvement_filter

PROSECUTION = frozenset({"charges", "trial", "verdict_conviction", "verdict_acquittal"})
REFUSALS = frozenset({"investigation_refused", "investigation_closed"})


def perpetrator_figures(session: Session, scope: Scope) -> list[Figure]:
    """Each alleged perpetrator of the acts in scope: acts attributed, status and its basis."""
    involvements = session.scalars(
        select(Involvement)
        .where(Involvement.act_id.in_(scope.act_ids), *involvement_filter(scope.params))
        .order_by(Involvement.id)
    )
    acts: dict[tuple[str, int], set[int]] = defaultdict(set)
    rows: dict[tuple[str, int], list[InputRow]] = defaultdict(list)
    for involvement in involvements:
        if involvement.person_id is not None:
            key = (PERSONS, involvement.person_id)
        elif involvement.organization_id is not None:
            key = (ORGANIZATIONS, involvement.organization_id)
        else:  # the database's check constraint forbids this; skip rather than guess
            continue
        acts[key].add(involvement.act_id)
        rows[key].append(row("involvements", involvement, degree=involvement.degree))
    figures = []
    for (kind, record_id), attributed in acts.items():
        record: Person | Organization | None = (
            session.get(Person, record_id)
            if kind == PERSONS
            else session.get(Organization, record_id)
        )
        assert record is not None  # foreign keys
        figures.append(_perpetrator(session, scope, kind, record, len(attributed), rows))
    figures.sort(key=lambda f: (-(f.value["acts"] or 0), f.id))
    return figures


def _perpetrator(
    session: Session,
    scope: Scope,
    kind: str,
    record: Person | Organization,
    attributed: int,
    rows: dict[tuple[str, int], list[InputRow]],
) -> Figure:
    column = ProceedingTarget.person_id if kind == PERSONS else ProceedingTarget.organization_id
    query = (
        select(Proceeding)
        .join(ProceedingTarget, ProceedingTarget.proceeding_id == Proceeding.id)
        .where(column == record.id)
        .order_by(Proceeding.id)
    )
    if scope.params.published_only:
        query = query.where(Proceeding.published.is_(True))
    proceedings = list(session.scalars(query).unique())
    status, since, basis = derive_status(
        [(p.proceeding_type, p.date_earliest, p.external_id) for p in proceedings]
    )
    ref = scope.person_ref(record) if isinstance(record, Person) else record.external_id
    value: dict[str, Any] = {
        "kind": kind,
        "ref": ref,
        "status": str(status),
        "since": day(since),
        "basis": basis,
        "acts": attributed,
        "sanctions": sum(1 for p in proceedings if p.proceeding_type == "sanction"),
        "refused_investigations": sum(1 for p in proceedings if p.proceeding_type in REFUSALS),
        "official_denials": sum(1 for p in proceedings if p.proceeding_type == "official_denial"),
    }
    if scope.params.public:
        value["suppressed"] = suppressed_counts(value, ("acts",), scope.params.threshold)
    inputs = [
        *rows[(kind, record.id)],
        row(kind, record),
        *(row("proceedings", p, type=p.proceeding_type, date=p.date_edtf) for p in proceedings),
    ]
    return Figure(f"perpetrator.{kind}.{ref}", value, tuple(inputs))


def timeline_entries(session: Session, scope: Scope) -> list[TimelineEntry]:
    """The proceedings of the report's subject, as ``account.timeline`` orders them."""
    params = scope.params
    if params.kind == "perpetrator":
        assert scope.perpetrator is not None
        kind, record = scope.perpetrator
        return proceedings_timeline(
            session,
            perpetrator=(kind, record.external_id),
            published_only=params.published_only,
        )
    return proceedings_timeline(session, event=params.subject, published_only=params.published_only)


def proceedings_figure(session: Session, scope: Scope, entries: list[TimelineEntry]) -> Figure:
    """What was done and refused: each proceeding's type, date, body, outcome and targets."""
    by_id = {
        p.external_id: p
        for p in session.scalars(
            select(Proceeding).where(Proceeding.external_id.in_([e.proceeding_id for e in entries]))
        )
    }
    value, rows = [], []
    for entry in entries:
        fields = {
            "type": entry.proceeding_type,
            "date": entry.date_edtf,
            "earliest": day(entry.date_earliest),
            "body": entry.body,
            "outcome": entry.outcome,
            "targets": [shown_target(session, scope, t) for t in entry.targets],
        }
        value.append({"proceeding": entry.proceeding_id, **fields})
        rows.append(row("proceedings", by_id[entry.proceeding_id], **fields))
    return Figure("proceedings", value, tuple(rows))


def shown_target(session: Session, scope: Scope, target: str) -> str:
    """A target reference as the report may show it: persons as pseudonyms where hidden."""
    kind, _, external_id = target.partition(":")
    if kind != PERSONS or not scope.params.pseudonymised or external_id.startswith("P-"):
        return target
    person_id = session.scalar(select(Person.id).where(Person.external_id == external_id))
    return f"{kind}:{pseudonym(f'persons:{person_id}')}"


def impunity_figure(session: Session, scope: Scope, entries: list[TimelineEntry]) -> Figure | None:
    """How long the acts in scope have gone without prosecution, counted conservatively.

    The clock starts at the latest possible date of the earliest act (an act dated "2017" may
    have happened on 31 December), so the number of days is a floor, never an overstatement.
    """
    dated = [
        (act.date_latest or act.date_earliest, act)
        for act, _ in scope.acts
        if (act.date_latest or act.date_earliest) is not None
    ]
    if not dated:
        return None
    since, first = min(dated, key=lambda pair: (pair[0], pair[1].id))
    assert since is not None
    prosecutions = [e for e in entries if e.proceeding_type in PROSECUTION]
    refusals = [e for e in entries if e.proceeding_type in REFUSALS]
    # Per act, as account.impunity counts it: how many of the acts led to no charge.
    clock = impunity_summary(
        impunity_clock(
            session,
            as_of=scope.params.as_of,
            published_only=scope.params.published_only,
            acts=scope.act_ids,
        )
    )
    value: dict[str, Any] = {
        "acts": clock.acts,
        "acts_without_charge": clock.without_charge,
        "acts_with_refused_investigation": clock.with_refused_investigation,
        "since": since.isoformat(),
        "first_act": first.external_id,
        "first_act_date": first.date_edtf,
        "as_of": scope.params.as_of.isoformat(),
        "days": max(0, (scope.params.as_of - since).days),
        "prosecutions": len(prosecutions),
        "refusals": len(refusals),
    }
    if scope.params.public:
        value["suppressed"] = suppressed_counts(
            value,
            ("acts", "acts_without_charge", "acts_with_refused_investigation"),
            scope.params.threshold,
        )
    rows = [row("acts", first, date=first.date_edtf)]
    rows += [
        InputRow("proceedings", 0, e.proceeding_id, "", {"type": e.proceeding_type})
        for e in prosecutions + refusals
    ]
    return Figure("impunity", value, tuple(rows))
