"""The impunity clock: how long each act has gone without investigation, charge or verdict.

Everything is derived from dated proceedings, counted as of a fixed date so that a result can be
reproduced: acts that began after ``as_of`` and proceedings dated after it are left out. Days
are counted from the act's latest possible date (its end, or its start when the end is open), so
a clock reads "at least N days"; an undated act has no clock. Undated proceedings count, after
the dated ones, because they did happen even if nobody recorded when.

The investigation state follows the proceedings in date order: a complaint alone is
``complaint_only``; an opening is ``opened``; a refusal before any opening is ``refused``, and a
refusal or closure after an opening is ``closed``; a reopening makes it ``reopened``, which is an
open investigation again. Charges, a trial or a verdict imply an opened investigation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.account.cases import ActFacts, CaseFile, proceeding_order
from rightsledger.account.parties import days_between
from rightsledger.model import Event, Proceeding

VERDICTS = frozenset({"verdict_conviction", "verdict_acquittal"})
CHARGES = frozenset({"charges", "trial"})


class InvestigationState(StrEnum):
    NONE = "none"
    COMPLAINT_ONLY = "complaint_only"
    OPENED = "opened"
    REFUSED = "refused"
    CLOSED = "closed"
    REOPENED = "reopened"

    @property
    def is_open(self) -> bool:
        return self in (InvestigationState.OPENED, InvestigationState.REOPENED)


OPEN = (InvestigationState.OPENED, InvestigationState.REOPENED)


def next_state(state: InvestigationState, proceeding_type: str) -> InvestigationState:
    """The investigation state after one more proceeding of this type."""
    if proceeding_type == "investigation_refused":
        # A refusal after an opening ends that investigation; before any, it refuses one.
        return InvestigationState.CLOSED if state.is_open else InvestigationState.REFUSED
    if proceeding_type in OPENING and not state.is_open:
        return OPENING[proceeding_type]
    if proceeding_type in FIXED:
        return FIXED[proceeding_type]
    if proceeding_type == "complaint" and state is InvestigationState.NONE:
        return InvestigationState.COMPLAINT_ONLY
    return state  # sanctions, calls for investigation and denials open nothing


# Steps that open an investigation unless one is open already (charges and verdicts imply one).
OPENING = {
    "investigation_opened": InvestigationState.OPENED,
    **dict.fromkeys(CHARGES | VERDICTS, InvestigationState.OPENED),
}
# Steps that set the state whatever it was.
FIXED = {
    "investigation_reopened": InvestigationState.REOPENED,
    "investigation_closed": InvestigationState.CLOSED,
}


@dataclass(frozen=True)
class ImpunityEntry:
    """One act and how far, as of ``as_of``, the proceedings about it have gone."""

    act_id: str
    act_type: str
    act_type_label: str
    event_id: str
    date_edtf: str | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    as_of: dt.date
    days_since_act: int | None  # None: the act is undated
    investigation: InvestigationState
    investigated: bool  # an investigation was opened at some point (charges imply one)
    charged: bool
    verdict: bool
    convicted: bool
    complaints: int
    refused_investigations: int
    calls_for_investigation: int
    official_denials: int
    first_investigation: dt.date | None
    first_charge: dt.date | None
    first_verdict: dt.date | None
    # The clocks still running as of ``as_of``: None once the step happened or when undated.
    days_without_investigation: int | None
    days_without_charge: int | None
    days_without_verdict: int | None
    proceedings: list[str] = field(default_factory=list)  # external ids, in timeline order


def impunity_clock(
    session: Session,
    *,
    as_of: dt.date,
    act_type: str | None = None,
    published_only: bool = False,
    cases: CaseFile | None = None,
    acts: Iterable[int] | None = None,
) -> list[ImpunityEntry]:
    """One entry per act (optionally of one ``act_type``, or these internal ``acts``), by date.

    ``act_type`` takes a slug or a HURIDOCS code of the act_types vocabulary.
    """
    cases = cases or CaseFile.load(session, published_only=published_only)
    wanted_type = vocab.load("act_types").clean(act_type) if act_type is not None else None
    chosen = set(acts) if acts is not None else None
    covering: dict[int, list[Proceeding]] = {act_id: [] for act_id in cases.acts}
    for proceeding_id, proceeding in cases.proceedings.items():
        if proceeding.date_earliest is not None and proceeding.date_earliest > as_of:
            continue
        for act_id in cases.acts_covered(proceeding_id):
            covering[act_id].append(proceeding)
    # An act may be published while its event is not: a viewer then sees no event id.
    events = {
        event_id: external_id if published or not published_only else ""
        for event_id, external_id, published in session.execute(
            select(Event.id, Event.external_id, Event.published)
        )
    }
    out = []
    for act in cases.acts.values():
        if wanted_type is not None and act.act_type != wanted_type:
            continue
        if chosen is not None and act.id not in chosen:
            continue
        if act.date_earliest is not None and act.date_earliest > as_of:
            continue
        steps = sorted(covering[act.id], key=proceeding_order)
        out.append(_entry(act, events[act.event_id], steps, as_of))
    out.sort(key=lambda e: (e.date_earliest is None, e.date_earliest or dt.date.min, e.act_id))
    return out


def _entry(act: ActFacts, event_id: str, steps: list[Proceeding], as_of: dt.date) -> ImpunityEntry:
    state = InvestigationState.NONE
    first: dict[str, dt.date | None] = {}
    for step in steps:
        state = next_state(state, step.proceeding_type)
        kind = step.proceeding_type
        if state.is_open or kind in CHARGES or kind in VERDICTS:
            first.setdefault("investigation", step.date_earliest)
        if kind in CHARGES or kind in VERDICTS:
            first.setdefault("charge", step.date_earliest)
        if kind in VERDICTS:
            first.setdefault("verdict", step.date_earliest)
    end = act.date_latest or act.date_earliest
    since = days_between(end, as_of)

    def clock(step: str) -> int | None:
        return None if step in first else since

    def count(kind: str) -> int:
        return sum(1 for step in steps if step.proceeding_type == kind)

    return ImpunityEntry(
        act_id=act.external_id,
        act_type=act.act_type,
        act_type_label=vocab.load("act_types").get(act.act_type).label("en"),
        event_id=event_id,
        date_edtf=act.date_edtf,
        date_earliest=act.date_earliest,
        date_latest=act.date_latest,
        as_of=as_of,
        days_since_act=since,
        investigation=state,
        investigated="investigation" in first,
        charged="charge" in first,
        verdict="verdict" in first,
        convicted=count("verdict_conviction") > 0,
        complaints=count("complaint"),
        refused_investigations=count("investigation_refused"),
        calls_for_investigation=count("call_for_investigation"),
        official_denials=count("official_denial"),
        first_investigation=first.get("investigation"),
        first_charge=first.get("charge"),
        first_verdict=first.get("verdict"),
        days_without_investigation=clock("investigation"),
        days_without_charge=clock("charge"),
        days_without_verdict=clock("verdict"),
        proceedings=[step.external_id for step in steps],
    )


@dataclass(frozen=True)
class ImpunitySummary:
    """What a report prints in one sentence about a set of acts."""

    as_of: dt.date | None
    acts: int
    without_investigation: int
    without_charge: int
    without_verdict: int
    with_refused_investigation: int
    longest_days_without_charge: int | None
    earliest_act_date: dt.date | None
    earliest_act_id: str | None

    @property
    def years_since_earliest(self) -> int | None:
        if self.earliest_act_date is None or self.as_of is None:
            return None
        return _whole_years(self.earliest_act_date, self.as_of)

    def sentence(self) -> str:
        """E.g. "4 acts; the earliest was 8 years ago; none has led to a charge." (English)."""
        if self.acts == 0:
            return "No acts."
        parts = [f"{self.acts} act" + ("" if self.acts == 1 else "s")]
        years = self.years_since_earliest
        if years is not None:
            ago = "less than a year ago" if years == 0 else f"{years} year{'s' * (years != 1)} ago"
            parts.append(f"the earliest was {ago}")
        charged = self.acts - self.without_charge
        if charged == 0:
            parts.append("none has led to a charge" if self.acts > 1 else "it has led to no charge")
        else:
            parts.append(f"{charged} of them led to a charge")
        return "; ".join(parts) + "."


def _whole_years(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return max(0, years)


def impunity_summary(entries: list[ImpunityEntry]) -> ImpunitySummary:
    """Counts over the entries of ``impunity_clock``: how many acts lack each step."""
    dated = [e for e in entries if e.date_earliest is not None]
    earliest = min(dated, key=lambda e: (e.date_earliest, e.act_id), default=None)
    waits = [e.days_without_charge for e in entries if e.days_without_charge is not None]
    return ImpunitySummary(
        as_of=entries[0].as_of if entries else None,
        acts=len(entries),
        without_investigation=sum(1 for e in entries if not e.investigated),
        without_charge=sum(1 for e in entries if not e.charged),
        without_verdict=sum(1 for e in entries if not e.verdict),
        with_refused_investigation=sum(1 for e in entries if e.refused_investigations),
        longest_days_without_charge=max(waits, default=None),
        earliest_act_date=earliest.date_earliest if earliest else None,
        earliest_act_id=earliest.act_id if earliest else None,
    )
