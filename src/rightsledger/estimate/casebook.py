"""Capture histories built from a casebook: each source is a list, each victim a row.

The unit is an individual victim (after record linkage, the canonical person: ``same_as_id`` when
set) within a stratum. A victim is on a source's list when a citation of that source's information
supports one of the victim's acts of the chosen type, or the victim's person record. A source is
the organization or person who gave the information (their external id), else the information
record itself. Groups counted as one victim have no identities to match: they are counted apart,
as low/best/high, beside the estimate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.errors import UserError
from rightsledger.estimate.data import CaptureHistories, CaptureTable
from rightsledger.model.records import Act, Citation, Information, Organization, Person

STRATA = ("year", "place")
NO_STRATUM = {"year": "(no year)", "place": "(no place)"}
MIN_LISTS = 3


@dataclass
class GroupCount:
    low: int = 0
    best: int = 0
    high: int | None = 0
    groups: int = 0

    def add(self, low: int | None, best: int | None, high: int | None) -> None:
        self.groups += 1
        self.low += low if low is not None else (best or 0)
        self.best += best if best is not None else (low or 0)
        self.high = None if self.high is None or high is None else self.high + high

    def merge(self, other: GroupCount) -> None:
        self.groups += other.groups
        self.low += other.low
        self.best += other.best
        self.high = None if self.high is None or other.high is None else self.high + other.high

    def to_json(self) -> dict[str, Any]:
        return {"groups": self.groups, "low": self.low, "best": self.best, "high": self.high}


@dataclass
class CasebookCaptures:
    act_types: tuple[str, ...]
    table: CaptureTable
    documented: int  # distinct individual victims of the chosen acts, cited or not
    unlisted: int  # of them, those no source's citation puts on a list
    groups: GroupCount
    by_stratum: dict[str, dict[str, Any]] = field(default_factory=dict)

    def documented_json(self) -> dict[str, Any]:
        return {
            "act_types": list(self.act_types),
            "individuals": self.documented,
            "individuals_on_no_list": self.unlisted,
            "groups": self.groups.to_json(),
            "by_stratum": self.by_stratum or None,
        }


def _identity() -> Any:
    # Record linkage merges records into a canonical person through same_as_id.
    same_as = getattr(Person, "same_as_id", None)
    return func.coalesce(same_as, Person.id) if same_as is not None else Person.id


def _stratum_of(kind: str | None, year: Any, place: str | None) -> str:
    if kind is None:
        return ""
    if kind == "year":
        return str(year.year) if year is not None else NO_STRATUM["year"]
    return place.strip() if place and place.strip() else NO_STRATUM["place"]


def capture_histories(
    session: Session, *, act_type: str, strata: str | None = None
) -> CasebookCaptures:
    """The lists of victims of acts of ``act_type`` (or any narrower type) per source."""
    if strata is not None and strata not in STRATA:
        raise UserError(f"--strata must be one of {', '.join(STRATA)} in a casebook")
    types = vocab.load("act_types")
    slug = types.clean(act_type)
    slugs = (slug, *types.descendants(slug))

    acts = _victims(session, slugs, strata)
    on_lists = _memberships(session, slugs, acts)
    lists = sorted({label for labels in on_lists.values() for label in labels})
    if len(lists) < MIN_LISTS:
        raise UserError(
            f"acts of type {slug} are cited by {len(lists)} source(s)"
            f"{' (' + ', '.join(lists) + ')' if lists else ''}; multiple systems estimation "
            f"needs at least {MIN_LISTS} lists"
        )
    cells = _tabulate(on_lists, lists)
    total: dict[tuple[int, ...], int] = defaultdict(int)
    for per_stratum in cells.values():
        for pattern, count in per_stratum.items():
            total[pattern] += count
    by_stratum: dict[str, dict[str, Any]] = {}
    stratum_histories = None
    if strata is not None:
        stratum_histories = {
            key: CaptureHistories.from_patterns(lists, value) for key, value in cells.items()
        }
        for key in sorted(set(cells) | set(acts.groups)):
            by_stratum[key] = {
                "individuals": sum(1 for where in acts.strata_of.values() if key in where),
                "groups": acts.groups.get(key, GroupCount()).to_json(),
            }
    all_groups = GroupCount()
    for group_count in acts.groups.values():
        all_groups.merge(group_count)
    listed = {who for who, _ in on_lists}
    return CasebookCaptures(
        act_types=slugs,
        table=CaptureTable(
            source=f"casebook ({slug})",
            histories=CaptureHistories.from_patterns(lists, total),
            stratum_column=strata,
            strata=stratum_histories,
        ),
        documented=len(acts.strata_of),
        unlisted=len(set(acts.strata_of) - listed),
        groups=all_groups,
        by_stratum=by_stratum,
    )


@dataclass
class _Acts:
    """The chosen acts' individual victims (by identity and stratum) and groups per stratum."""

    key_of_act: dict[int, tuple[int, str]] = field(default_factory=dict)
    strata_of: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    groups: dict[str, GroupCount] = field(default_factory=dict)


def _victims(session: Session, slugs: tuple[str, ...], strata: str | None) -> _Acts:
    rows = session.execute(
        select(
            Act.id,
            _identity(),
            Person.is_group,
            Person.group_low,
            Person.group_best,
            Person.group_high,
            Act.date_earliest,
            Act.place_name,
        )
        .join(Person, Person.id == Act.victim_id)
        .where(Act.act_type.in_(slugs))
    ).all()
    found = _Acts()
    seen_groups: set[tuple[int, str]] = set()
    for act_id, who, is_group, low, best, high, earliest, place in rows:
        stratum = _stratum_of(strata, earliest, place)
        if not is_group:
            found.key_of_act[act_id] = (who, stratum)
            found.strata_of[who].add(stratum)
        elif (who, stratum) not in seen_groups:
            seen_groups.add((who, stratum))
            found.groups.setdefault(stratum, GroupCount()).add(low, best, high)
    return found


def _memberships(
    session: Session, slugs: tuple[str, ...], acts: _Acts
) -> dict[tuple[int, str], set[str]]:
    """The sources whose citations put each (victim, stratum) on their list."""
    source_of = _source_labels(session)
    on_lists: dict[tuple[int, str], set[str]] = defaultdict(set)
    act_citations = session.execute(
        select(Citation.record_id, Citation.information_id)
        .join(Act, Act.id == Citation.record_id)
        .where(
            Citation.record_kind == "acts",
            Citation.information_id.is_not(None),
            Act.act_type.in_(slugs),
        )
    ).all()
    for act_id, information_id in act_citations:
        if act_id in acts.key_of_act and information_id is not None:
            on_lists[acts.key_of_act[act_id]].add(source_of[information_id])
    person_citations = session.execute(
        select(_identity(), Citation.information_id)
        .join(Person, Person.id == Citation.record_id)
        .where(Citation.record_kind == "persons", Citation.information_id.is_not(None))
    ).all()
    for who, information_id in person_citations:
        for stratum in acts.strata_of.get(who, ()):
            on_lists[(who, stratum)].add(source_of[information_id])
    return on_lists


def _tabulate(
    on_lists: dict[tuple[int, str], set[str]], lists: list[str]
) -> dict[str, dict[tuple[int, ...], int]]:
    position = {label: j for j, label in enumerate(lists)}
    cells: dict[str, dict[tuple[int, ...], int]] = defaultdict(lambda: defaultdict(int))
    for (_, stratum), labels in on_lists.items():
        pattern = [0] * len(lists)
        for label in labels:
            pattern[position[label]] = 1
        cells[stratum][tuple(pattern)] += 1
    return cells


def _source_labels(session: Session) -> dict[int, str]:
    """A list is named after the organization that kept it, else after its information record.

    Never after a person who gave it: list names reach analysts, reports and exports, and a
    person's id may carry their name.
    """
    rows = session.execute(
        select(Information.id, Information.external_id, Organization.external_id).outerjoin(
            Organization, Organization.id == Information.organization_id
        )
    ).all()
    return {row[0]: row[2] or row[1] for row in rows}
