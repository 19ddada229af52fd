"""Which acts each proceeding concerns: the one rule the timeline and the impunity clock share.

A proceeding names its targets: acts, events, persons and organizations. When it names acts, it
concerns exactly those acts (a complaint about two detentions is not a complaint about every act
of the unit it also names). When it names no act, it concerns every act of the events it names
(and of their episodes, since a refusal to investigate a campaign covers its episodes) and every
act attributed to the persons and organizations it names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.account.parties import ORGANIZATIONS, PERSONS
from rightsledger.model import Act, Event, Involvement, Proceeding, ProceedingTarget

ACTS = "acts"
EVENTS = "events"
Target = tuple[str, int]  # (kind, internal id)


@dataclass(frozen=True)
class ActFacts:
    id: int
    external_id: str
    act_type: str
    event_id: int
    victim_id: int
    date_edtf: str | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    perpetrators: frozenset[Target]


@dataclass
class CaseFile:
    """Proceedings, their targets, the acts and who is said to have done them, loaded once."""

    proceedings: dict[int, Proceeding]
    targets: dict[int, list[Target]]
    acts: dict[int, ActFacts]
    event_parent: dict[int, int | None]
    _covered: dict[tuple[int, bool], frozenset[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, *, published_only: bool = False) -> CaseFile:
        only = (True,) if published_only else (True, False)
        proceedings = {
            p.id: p
            for p in session.scalars(
                select(Proceeding).where(Proceeding.published.in_(only)).order_by(Proceeding.id)
            )
        }
        targets: dict[int, list[Target]] = defaultdict(list)
        for target in session.scalars(
            select(ProceedingTarget).order_by(
                ProceedingTarget.proceeding_id, ProceedingTarget.position
            )
        ):
            if target.proceeding_id not in proceedings:
                continue
            for kind, value in (
                (PERSONS, target.person_id),
                (ORGANIZATIONS, target.organization_id),
                (ACTS, target.act_id),
                (EVENTS, target.event_id),
            ):
                if value is not None:
                    targets[target.proceeding_id].append((kind, value))
        doers: dict[int, set[Target]] = defaultdict(set)
        for act_id, person_id, organization_id in session.execute(
            select(Involvement.act_id, Involvement.person_id, Involvement.organization_id).where(
                Involvement.published.in_(only)
            )
        ):
            doers[act_id].add(party_target(person_id, organization_id))
        # Plain rows, not ORM objects: a casebook may hold hundreds of thousands of acts.
        columns = select(
            Act.id,
            Act.external_id,
            Act.act_type,
            Act.event_id,
            Act.victim_id,
            Act.date_edtf,
            Act.date_earliest,
            Act.date_latest,
        )
        acts = {
            row[0]: ActFacts(*row, perpetrators=frozenset(doers.get(row[0], ())))
            for row in session.execute(columns.where(Act.published.in_(only)).order_by(Act.id))
        }
        event_parent = dict(session.execute(select(Event.id, Event.parent_id)).all())
        return cls(proceedings, dict(targets), acts, event_parent)

    def within_event(self, event_id: int, ancestor: int) -> bool:
        """Whether ``event_id`` is ``ancestor`` or one of its episodes (at any depth)."""
        seen: set[int] = set()
        current: int | None = event_id
        while current is not None and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            current = self.event_parent.get(current)
        return False

    def acts_covered(self, proceeding_id: int, *, through_parties: bool = True) -> frozenset[int]:
        """The acts a proceeding concerns, by the rule in the module docstring.

        ``through_parties=False`` leaves out the acts reached only because the proceeding names
        a perpetrator: timelines use it, so that a sanction of one perpetrator does not appear
        on the timeline of everyone who shares an act with them.
        """
        key = (proceeding_id, through_parties)
        if key not in self._covered:
            named = self.targets.get(proceeding_id, [])
            acts = {value for kind, value in named if kind == ACTS and value in self.acts}
            if not acts and not any(kind == ACTS for kind, _ in named):
                events = [value for kind, value in named if kind == EVENTS]
                parties = {(k, v) for k, v in named if k in (PERSONS, ORGANIZATIONS)}
                if not through_parties:
                    parties = set()
                acts = {
                    act.id
                    for act in self.acts.values()
                    if any(self.within_event(act.event_id, event) for event in events)
                    or act.perpetrators & parties
                }
            self._covered[key] = frozenset(acts)
        return self._covered[key]

    def names(self, proceeding_id: int, target: Target) -> bool:
        return target in self.targets.get(proceeding_id, [])

    def ordered(self, proceeding_ids: set[int] | list[int]) -> list[Proceeding]:
        """Proceedings by date (undated last), then by external id: a stable timeline."""
        chosen = [self.proceedings[i] for i in proceeding_ids]
        return sorted(chosen, key=proceeding_order)


def proceeding_order(proceeding: Proceeding) -> tuple[bool, dt.date, str]:
    return (
        proceeding.date_earliest is None,
        proceeding.date_earliest or dt.date.min,
        proceeding.external_id,
    )


def party_target(person_id: int | None, organization_id: int | None) -> Target:
    """An involvement's or a target's perpetrator column pair as one (kind, id)."""
    if person_id is not None:
        return (PERSONS, person_id)
    assert organization_id is not None  # the one_perpetrator check guarantees one of the two
    return (ORGANIZATIONS, organization_id)
