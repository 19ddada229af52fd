"""What refers to a record: the links `show` prints beside the record's own fields."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rightsledger.account.status import perpetrators
from rightsledger.errors import NotFound
from rightsledger.model import (
    Act,
    Citation,
    Event,
    Involvement,
    Organization,
    Person,
    Proceeding,
    ProceedingTarget,
    Record,
    Relationship,
)
from rightsledger.store.io.kinds import KINDS


def find(session: Session, kind: str, external_id: str) -> Record:
    model = KINDS[kind].model
    record = session.scalar(select(model).where(model.external_id == external_id))
    if record is None:
        raise NotFound(f'no {KINDS[kind].singular} has external_id "{external_id}"')
    return record


def _ids(session: Session, query: Any) -> list[str]:
    return list(session.scalars(query))


def related(session: Session, kind: str, record: Record) -> dict[str, Any]:
    """Lists of external ids (and derived facts) that connect to ``record``."""
    out: dict[str, Any] = {}
    rid = record.id
    if kind == "events":
        out["episodes"] = _ids(session, select(Event.external_id).where(Event.parent_id == rid))
        out["acts"] = _ids(session, select(Act.external_id).where(Act.event_id == rid))
        out["proceedings"] = _proceedings(session, ProceedingTarget.event_id == rid)
    elif kind == "acts":
        out["involvements"] = _ids(
            session, select(Involvement.external_id).where(Involvement.act_id == rid)
        )
        out["proceedings"] = _proceedings(session, ProceedingTarget.act_id == rid)
    elif kind in ("persons", "organizations"):
        column = "person_id" if kind == "persons" else "organization_id"
        if kind == "persons":
            out["acts_as_victim"] = _ids(
                session, select(Act.external_id).where(Act.victim_id == rid)
            )
        else:
            out["units"] = _ids(
                session, select(Organization.external_id).where(Organization.parent_id == rid)
            )
        out["involvements"] = _ids(
            session,
            select(Involvement.external_id).where(getattr(Involvement, column) == rid),
        )
        out["proceedings"] = _proceedings(session, getattr(ProceedingTarget, column) == rid)
        subject = getattr(Relationship, f"subject_{column}")
        obj = getattr(Relationship, f"object_{column}")
        out["relationships"] = _ids(
            session, select(Relationship.external_id).where(or_(subject == rid, obj == rid))
        )
        for summary in perpetrators(session, None):
            if summary.kind == kind and summary.external_id == record.external_id:
                out["status"] = str(summary.status)
                out["status_since"] = summary.status_since
    out["citations"] = _ids(
        session,
        select(Citation.external_id).where(Citation.record_kind == kind, Citation.record_id == rid),
    )
    return {key: value for key, value in out.items() if value not in (None, [])}


def _proceedings(session: Session, condition: Any) -> list[str]:
    query = (
        select(Proceeding.external_id)
        .join(ProceedingTarget, ProceedingTarget.proceeding_id == Proceeding.id)
        .where(condition)
        .order_by(Proceeding.date_earliest, Proceeding.id)
    )
    return _ids(session, query)


__all__ = ["Person", "find", "related"]
