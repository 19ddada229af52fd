"""Every figure of a report from the session and the parameters: the one function that the
report, ``report verify`` and the tests all call."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from rightsledger.account.timeline import TimelineEntry
from rightsledger.protect.envelope import Protector
from rightsledger.report import accountability, counting
from rightsledger.report.figures import FigureSet
from rightsledger.report.parameters import ReportParameters
from rightsledger.report.scope import Scope, resolve


@dataclass
class Derived:
    scope: Scope
    figures: FigureSet
    timeline: list[TimelineEntry] = field(default_factory=list)


def derive(
    session: Session, params: ReportParameters, protector: Protector | None = None
) -> Derived:
    scope = resolve(session, params, protector)
    figures = FigureSet()
    figures.add(counting.events_figure(scope))
    types = counting.act_types(scope)
    for act_type in types:
        figures.add(counting.documented_figure(scope, act_type))
    if params.kind == "situation":
        for act_type in types:
            figures.add(counting.estimate_figure(session, scope, act_type))
    figures.add(counting.victims_by_month_figure(scope))
    for figure in accountability.perpetrator_figures(session, scope):
        figures.add(figure)
    timeline = accountability.timeline_entries(session, scope)
    figures.add(accountability.proceedings_figure(session, scope, timeline))
    figures.add(accountability.impunity_figure(session, scope, timeline))
    return Derived(scope, figures, timeline)
