"""Figures about what happened and how many: events, documented counts, estimates, acts by month.

Documented counts follow the project's counting rules: an individual victim counts once per act
type (after record linkage, as the canonical person), a group victim adds its low/best/high, an
estimate is never added to a documented count, and a count some source gave as "more than" or
"at least" is said to be "at least".
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.errors import UserError
from rightsledger.model import Act, Citation, Person
from rightsledger.report.figures import Figure, InputRow, day, row, suppressed_counts
from rightsledger.report.scope import Scope

AT_LEAST = frozenset({"at_least", "more_than"})
COUNT_KEYS = ("acts", "individuals", "groups", "low", "best", "high")
UNDATED = "undated"
MONTH_SPREAD = 62  # a date spread over more days than two months is not placed in a month


def events_figure(scope: Scope) -> Figure:
    """What happened: each event's id, title, dates and place."""
    rows, value = [], []
    for event in scope.events:
        fields = {
            "title": event.title,
            "date": event.date_edtf,
            "earliest": day(event.date_earliest),
            "latest": day(event.date_latest),
            "place": event.place_name,
        }
        rows.append(row("events", event, **fields))
        value.append({"event": event.external_id, **fields})
    return Figure("events", value, tuple(rows))


def act_types(scope: Scope) -> list[str]:
    """The act types in scope, in the vocabulary's order."""
    present = {act.act_type for act, _ in scope.acts}
    order = {term.slug: index for index, term in enumerate(vocab.load("act_types"))}
    return sorted(present, key=lambda slug: order.get(slug, len(order)))


def documented_figure(scope: Scope, act_type: str) -> Figure:
    """Documented victims of one act type: individuals plus groups as low/best/high."""
    individuals: set[int] = set()
    groups: dict[int, Person] = {}
    acts = 0
    rows: list[InputRow] = []
    for act, victim in scope.acts:
        if act.act_type != act_type:
            continue
        acts += 1
        rows.append(row("acts", act, act_type=act.act_type, victim=victim.external_id))
        if victim.is_group:
            groups[victim.id] = victim
        else:
            individuals.add(victim.same_as_id or victim.id)
    low = best = len(individuals)
    high: int | None = len(individuals)
    at_least = False
    for group in groups.values():
        rows.append(
            row(
                "persons",
                group,
                low=group.group_low,
                best=group.group_best,
                high=group.group_high,
                qualifier=group.group_qualifier,
            )
        )
        # An unstated low is the best figure and an unstated best the low one (conservative).
        low += group.group_low if group.group_low is not None else (group.group_best or 0)
        best += group.group_best if group.group_best is not None else (group.group_low or 0)
        high = None if high is None or group.group_high is None else high + group.group_high
        at_least = at_least or group.group_qualifier in AT_LEAST
    value: dict[str, Any] = {
        "act_type": act_type,
        "acts": acts,
        "individuals": len(individuals),
        "groups": len(groups),
        "low": low,
        "best": best,
        "high": high,
        "at_least": at_least,
    }
    if scope.params.public:
        value["suppressed"] = suppressed_counts(value, COUNT_KEYS, scope.params.threshold)
    return Figure(f"documented.{act_type}", value, tuple(rows))


def victims_by_month_figure(scope: Scope) -> Figure:
    """Victims of acts by the month an act began: individuals 1, groups their best figure."""
    cells: dict[tuple[str, str], int] = defaultdict(int)
    rows = []
    for act, victim in scope.acts:
        month = _month_of(act)
        size = 1
        if victim.is_group:
            size = victim.group_best if victim.group_best is not None else (victim.group_low or 0)
        cells[(month, act.act_type)] += size
        rows.append(row("acts", act, month=month, act_type=act.act_type, victims=size))
    value = []
    for (month, act_type), victims in sorted(cells.items()):
        shown: int | None = victims
        if scope.params.suppress(victims):
            shown = None
        value.append({"month": month, "act_type": act_type, "victims": shown})
    return Figure("victims_by_month", value, tuple(rows))


def _month_of(act: Act) -> str:
    """The month an act began, or "undated" when its date is not known to about a month."""
    earliest, latest = act.date_earliest, act.date_latest
    if earliest is None or latest is None or (latest - earliest).days > MONTH_SPREAD:
        return UNDATED
    return earliest.strftime("%Y-%m")


def estimate_figure(session: Session, scope: Scope, act_type: str) -> Figure | None:
    """The log-linear estimate of all victims of ``act_type`` where at least 3 lists exist.

    The estimate covers the casebook's lists of individual victims (groups have no identities
    to match); it is shown beside the documented count, never added to it.
    """
    from rightsledger.estimate.casebook import capture_histories
    from rightsledger.estimate.run import estimate

    try:
        captures = capture_histories(session, act_type=act_type)
        result = estimate(captures.table.histories, "loglinear")
    except UserError:
        return None  # fewer than three lists, or nothing a model can be fitted to
    slugs = captures.act_types
    acts = list(session.scalars(select(Act).where(Act.act_type.in_(slugs)).order_by(Act.id)))
    rows = [row("acts", act, act_type=act.act_type, victim_id=act.victim_id) for act in acts]
    victims = {act.victim_id for act in acts}
    citations = session.scalars(
        select(Citation)
        .where(Citation.information_id.is_not(None))
        .where(
            or_(
                (Citation.record_kind == "acts") & Citation.record_id.in_([a.id for a in acts]),
                (Citation.record_kind == "persons") & Citation.record_id.in_(victims),
            )
        )
        .order_by(Citation.id)
    )
    rows += [
        row("citations", c, cites=f"{c.record_kind}:{c.record_id}", information=c.information_id)
        for c in citations
    ]
    point, lo, hi = result.estimate.point, result.estimate.lo, result.estimate.hi
    value: dict[str, Any] = {
        "act_type": act_type,
        "method": result.method,
        "model": str(result.model.get("name", "")),
        "lists": len(result.lists),  # their names can be persons: only how many
        "observed": result.observed,
        "point": round(float(point)),
        "lo": round(float(lo)),
        "hi": round(float(hi)),
        "level": result.estimate.level,
    }
    if scope.params.public:
        value["suppressed"] = suppressed_counts(value, ("observed",), scope.params.threshold)
    return Figure(f"estimate.{act_type}", value, tuple(rows))
