"""Derive each alleged perpetrator's status from the proceedings recorded against them.

The status is never typed in: it follows from the dated proceedings that target the perpetrator,
after the "latest status as perpetrator" of HURIDOCS ESF (uncharged, facing charges, faced charges
and convicted or acquitted). Sanctions and refused investigations are reported beside it because a
sanction abroad is not a conviction and a refusal is the record of impunity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.model import (
    NAME_FAMILY,
    NAME_FULL,
    NAME_GIVEN,
    NAME_PATRONYMIC,
    Involvement,
    Organization,
    Person,
    Proceeding,
    ProceedingTarget,
)
from rightsledger.protect.envelope import Protector, is_ciphertext, pseudonym


class PerpetratorStatus(StrEnum):
    UNCHARGED = "uncharged"
    FACING_CHARGES = "facing_charges"
    ACQUITTED = "acquitted"
    CONVICTED = "convicted"


CHARGING_STEPS = frozenset({"charges", "trial"})


@dataclass
class PerpetratorSummary:
    kind: str  # "persons" or "organizations"
    external_id: str
    name: str
    acts: int
    status: PerpetratorStatus
    status_since: dt.date | None
    sanctions: int = 0
    refused_investigations: int = 0
    official_denials: int = 0
    basis: list[str] = field(default_factory=list)  # external ids of the deciding proceedings


Step = tuple[str, dt.date | None, str]  # proceeding type, date, external id


def derive_status(steps: list[Step]) -> tuple[PerpetratorStatus, dt.date | None, list[str]]:
    """The status that a list of (proceeding type, date, external id) establishes.

    The latest verdict decides; charges or a trial without a verdict mean facing charges; nothing
    of these means uncharged, whatever complaints or calls were made.
    """
    ordered = sorted(steps, key=lambda step: (step[1] or dt.date.min, step[2]))
    status, since, basis = PerpetratorStatus.UNCHARGED, None, []
    for kind, date, external_id in ordered:
        if kind == "verdict_conviction":
            status, since, basis = PerpetratorStatus.CONVICTED, date, [external_id]
        elif kind == "verdict_acquittal":
            status, since, basis = PerpetratorStatus.ACQUITTED, date, [external_id]
        elif kind in CHARGING_STEPS and status is not PerpetratorStatus.FACING_CHARGES:
            # A new charge after an acquittal (an appeal, a reopened case) puts them back on trial.
            status, since, basis = PerpetratorStatus.FACING_CHARGES, date, [external_id]
    return status, since, basis


def person_label(person: Person, protector: Protector | None) -> str:
    """A person's name as the viewer may see it: plaintext with the key, a pseudonym without."""
    chosen = [n for n in person.names if n.part == NAME_FULL][:1] or [
        n
        for part in (NAME_GIVEN, NAME_PATRONYMIC, NAME_FAMILY)
        for n in person.names
        if n.part == part
    ]
    if not chosen:
        return person.external_id
    owner = f"persons:{person.id}"
    sealed = any(is_ciphertext(n.value) for n in chosen)
    if sealed and (protector is None or not protector.available):
        return f"[protected {pseudonym(owner)}]"
    if protector is None:
        return " ".join(n.value for n in chosen)
    return " ".join(
        protector.reveal(owner, f"person_names.{n.part}", n.value) or "" for n in chosen
    )


def perpetrators(
    session: Session,
    protector: Protector | None = None,
    *,
    published_only: bool = False,
    as_of: dt.date | None = None,
) -> list[PerpetratorSummary]:
    """Every person and organization with at least one involvement, with its derived status.

    ``published_only`` keeps published involvements, perpetrators and proceedings (viewers);
    ``as_of`` ignores proceedings dated after that day.
    """
    only = (True,) if published_only else (True, False)
    acts: dict[tuple[str, int], int] = defaultdict(int)
    for person_id, organization_id in session.execute(
        select(Involvement.person_id, Involvement.organization_id).where(
            Involvement.published.in_(only)
        )
    ):
        key = (
            ("persons", person_id) if person_id is not None else ("organizations", organization_id)
        )
        acts[key] += 1  # type: ignore[index]

    steps: dict[tuple[str, int], list[tuple[str, dt.date | None, str]]] = defaultdict(list)
    query = select(
        ProceedingTarget.person_id,
        ProceedingTarget.organization_id,
        Proceeding.proceeding_type,
        Proceeding.date_earliest,
        Proceeding.external_id,
    ).join(Proceeding, Proceeding.id == ProceedingTarget.proceeding_id)
    query = query.where(Proceeding.published.in_(only))
    for person_id, organization_id, kind, date, external_id in session.execute(query):
        if as_of is not None and date is not None and date > as_of:
            continue
        if person_id is not None:
            steps[("persons", person_id)].append((kind, date, external_id))
        elif organization_id is not None:
            steps[("organizations", organization_id)].append((kind, date, external_id))

    summaries = []
    for (kind, record_id), count in acts.items():
        record = (
            session.get(Person, record_id)
            if kind == "persons"
            else session.get(Organization, record_id)
        )
        assert record is not None  # involvements reference existing rows (foreign keys)
        if published_only and not record.published:
            continue
        own = steps.get((kind, record_id), [])
        status, since, basis = derive_status(own)
        name = person_label(record, protector) if isinstance(record, Person) else record.name
        summaries.append(
            PerpetratorSummary(
                kind=kind,
                external_id=record.external_id,
                name=name,
                acts=count,
                status=status,
                status_since=since,
                basis=basis,
                sanctions=sum(1 for step in own if step[0] == "sanction"),
                refused_investigations=sum(1 for step in own if step[0] == "investigation_refused"),
                official_denials=sum(1 for step in own if step[0] == "official_denial"),
            )
        )
    summaries.sort(key=lambda s: (-s.acts, s.name))
    return summaries
