"""The dashboard's figures, computed from the casebook and kept until the data changes.

Each figure is cached under the casebook's *fingerprint* — row counts and latest change times of
the tables it reads — so a busy dashboard costs one cheap query per request until someone
changes a record, and is never stale after.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.account.status import PerpetratorStatus, perpetrators, person_label
from rightsledger.errors import UserError
from rightsledger.model import (
    Act,
    Citation,
    Claim,
    Document,
    Event,
    Information,
    Involvement,
    LinkPair,
    Organization,
    Person,
    Proceeding,
    Relationship,
)
from rightsledger.model.base import Record
from rightsledger.protect.envelope import Protector
from rightsledger.web.state import WebState

T = TypeVar("T")

FINGERPRINT_TABLES: tuple[type[Record], ...] = (
    Act,
    Event,
    Person,
    Involvement,
    Proceeding,
    Information,
    Citation,
    Organization,
    Relationship,
)


def fingerprint(session: Session) -> tuple[Any, ...]:
    """What the figures depend on, in one round trip of index lookups: the highest id and the
    latest change of each table. Records are never deleted (updates touch ``updated_at``), so
    the pair changes whenever a figure could."""
    parts = []
    for model in FINGERPRINT_TABLES:
        parts.append(select(func.max(model.id)).scalar_subquery())
        parts.append(select(func.max(model.updated_at)).scalar_subquery())
    for extra in (Document.id, LinkPair.id, LinkPair.reviewed_at, Claim.id, Claim.reviewed_at):
        parts.append(select(func.max(extra)).scalar_subquery())
    row = session.execute(select(*parts)).one()
    return tuple(row)


def cached(state: WebState, key: str, mark: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """The value under ``key`` if it was computed at ``mark``, else computed once: concurrent
    requests for a stale key wait for the one computing it instead of all computing it."""
    found = state.cache.get(key)
    if found is not None and found[0] == mark:
        return typing.cast(T, found[1])
    with state.lock_for(key):
        found = state.cache.get(key)
        if found is not None and found[0] == mark:
            return typing.cast(T, found[1])
        value = compute()
        state.cache[key] = (mark, value)
        return value


@dataclass
class Estimate:
    act_type: str
    documented: int
    point: float
    low: float
    high: float
    lists: list[str]
    method: str = "loglinear"


@dataclass
class Dashboard:
    events: int
    acts: int
    victims_individual: int
    victims_in_groups: int  # best (or low) counts of group victims, documented
    documents: int
    acts_by_year: dict[str, dict[str, int]]  # act type → year → acts
    years: list[str]
    undated_acts: int
    statuses: dict[str, int]
    top_perpetrators: list[tuple[str, str, int, str]]  # kind, external id, acts, status
    estimates: list[Estimate] = field(default_factory=list)
    estimate_problems: list[str] = field(default_factory=list)


def dashboard(
    session: Session,
    state: WebState,
    *,
    published_only: bool,
    mark: tuple[Any, ...] | None = None,
) -> Dashboard:
    """The dashboard's figures (``mark``: the casebook's fingerprint, if already taken)."""
    return cached(
        state,
        f"dashboard:{published_only}",
        mark if mark is not None else fingerprint(session),
        lambda: _compute(session, published_only=published_only),
    )


def _published(model: Any, published_only: bool) -> list[Any]:
    return [model.published.is_(True)] if published_only else []


def _compute(session: Session, *, published_only: bool) -> Dashboard:
    events = session.scalar(select(func.count(Event.id)).where(*_published(Event, published_only)))
    year = func.substr(cast(Act.date_earliest, String), 1, 4)
    by_year: dict[str, dict[str, int]] = defaultdict(dict)
    undated = 0
    total_acts = 0
    for act_type, act_year, count in session.execute(
        select(Act.act_type, year, func.count(Act.id))
        .where(*_published(Act, published_only))
        .group_by(Act.act_type, year)
    ):
        total_acts += count
        if act_year is None:
            undated += count
        else:
            by_year[act_type][str(act_year)] = count
    years = sorted({y for per_type in by_year.values() for y in per_type})
    if years:
        years = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]

    individual = session.scalar(
        select(func.count(func.distinct(Act.victim_id)))
        .join(Person, Person.id == Act.victim_id)
        .where(Person.is_group.is_(False), *_published(Act, published_only))
    )
    group_rows = session.execute(
        select(Person.group_best, Person.group_low)
        .where(Person.is_group.is_(True), *_published(Person, published_only))
        .where(Person.id.in_(select(Act.victim_id)))
    ).all()
    in_groups = sum(best if best is not None else (low or 0) for best, low in group_rows)
    documents = session.scalar(select(func.count(Document.id)))

    summaries = perpetrators(session, None)
    if published_only:
        summaries = [s for s in summaries if _is_published(session, s.kind, s.external_id)]
    statuses = Counter(str(s.status) for s in summaries)
    top = [(s.kind, s.external_id, s.acts, str(s.status)) for s in summaries[:8]]

    return Dashboard(
        events=events or 0,
        acts=total_acts,
        victims_individual=individual or 0,
        victims_in_groups=in_groups,
        documents=documents or 0,
        acts_by_year=dict(by_year),
        years=years,
        undated_acts=undated,
        statuses={status.value: statuses.get(status.value, 0) for status in PerpetratorStatus},
        top_perpetrators=top,
    )


def _is_published(session: Session, kind: str, external_id: str) -> bool:
    model = Person if kind == "persons" else Organization
    return bool(session.scalar(select(model.published).where(model.external_id == external_id)))


def estimates(
    session: Session, state: WebState, mark: tuple[Any, ...] | None = None
) -> tuple[list[Estimate], list[str]]:
    """Log-linear estimates for each act type with enough lists (cached like the dashboard)."""
    return cached(
        state,
        "estimates",
        mark if mark is not None else fingerprint(session),
        lambda: _estimates(session),
    )


def _estimates(session: Session) -> tuple[list[Estimate], list[str]]:
    from rightsledger.estimate.casebook import capture_histories
    from rightsledger.estimate.run import estimate

    results: list[Estimate] = []
    problems: list[str] = []
    types = vocab.load("act_types")
    present = sorted(set(session.scalars(select(Act.act_type).distinct())))
    roots = [
        slug
        for slug in present
        if not any(types.is_a(slug, other) and slug != other for other in present)
    ]
    for act_type in roots:
        try:
            captures = capture_histories(session, act_type=act_type)
            result = estimate(captures.table.histories, "loglinear")
        except UserError:
            continue  # fewer than three lists: nothing to estimate, not a problem
        except ArithmeticError as failure:  # a model that does not converge is worth saying
            problems.append(f"{act_type}: {failure}")
            continue
        results.append(
            Estimate(
                act_type=act_type,
                documented=captures.documented,
                point=result.estimate.point,
                low=result.estimate.lo,
                high=result.estimate.hi,
                lists=list(result.lists),
            )
        )
    return results, problems


def recent_documents(session: Session, limit: int = 5) -> list[Document]:
    return list(
        session.scalars(select(Document).order_by(Document.received_at.desc()).limit(limit))
    )


def pending_reviews(session: Session) -> tuple[int, int]:
    claims = session.scalar(select(func.count(Claim.id)).where(Claim.status == "proposed")) or 0
    links = (
        session.scalar(select(func.count(LinkPair.id)).where(LinkPair.status == "proposed")) or 0
    )
    return claims, links


def perpetrator_names(
    session: Session, rows: list[tuple[str, str, int, str]], protector: Protector
) -> dict[str, tuple[str, str]]:
    """(reference, label) of each listed perpetrator as this viewer may see them: a pseudonym
    stands for a person's id and name without the key. Looked up per request because the cached
    figures are shared by every viewer."""
    from rightsledger.account.parties import person_reference

    names: dict[str, tuple[str, str]] = {}
    for kind, external_id, _acts, _status in rows:
        key = f"{kind}/{external_id}"
        if kind == "persons":
            person = session.scalar(select(Person).where(Person.external_id == external_id))
            if person is not None:
                names[key] = (person_reference(person, protector), person_label(person, protector))
        else:
            name = session.scalar(
                select(Organization.name).where(Organization.external_id == external_id)
            )
            names[key] = (external_id, name or external_id)
    return names


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
