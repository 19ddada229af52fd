"""The dashboard's figures and estimates of the total, as data."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any

import numpy as np
from fastapi import Query, Request

from rightsledger.errors import AccessDenied, UserError
from rightsledger.web import figures
from rightsledger.web.api.schemas import (
    DashboardBody,
    EstimateBody,
    EstimateFigure,
    TopPerpetrator,
    api_router,
)
from rightsledger.web.context import ApiViewer, state_of

router = api_router(400, tag="figures")


class WebMethod(StrEnum):
    """Estimators quick enough for a request; LCMCR runs for minutes: use the command line."""

    LOGLINEAR = "loglinear"
    DGA = "dga"


@router.get("/dashboard", response_model=DashboardBody)
def dashboard(request: Request, viewer: ApiViewer) -> DashboardBody:
    """What the casebook holds and how it is counted: the figures of the dashboard page."""
    published_only = viewer.published_only("read", kind="acts")
    with viewer.reader() as session:
        data = figures.dashboard(session, state_of(request), published_only=published_only)
        # Estimates rest on every source list, published or not: a viewer sees none.
        estimates, problems = (
            ([], []) if published_only else figures.estimates(session, state_of(request))
        )
        names = figures.perpetrator_names(session, data.top_perpetrators, viewer.protector(session))
    return DashboardBody(
        events=data.events,
        acts=data.acts,
        victims_individual=data.victims_individual,
        victims_in_groups=data.victims_in_groups,
        documents=data.documents,
        acts_by_year=data.acts_by_year,
        years=data.years,
        undated_acts=data.undated_acts,
        statuses=data.statuses,
        top_perpetrators=[
            TopPerpetrator(
                kind=kind,
                # A pseudonym stands for a person's id for roles that may not see identities.
                external_id=names[f"{kind}/{ext}"][0],
                acts=acts,
                status=status,
            )
            for kind, ext, acts, status in data.top_perpetrators
        ],
        estimates=[
            EstimateFigure(
                act_type=e.act_type,
                documented=e.documented,
                point=e.point,
                low=e.low,
                high=e.high,
                lists=e.lists,
                method=e.method,
            )
            for e in estimates
            if all(math.isfinite(v) for v in (e.point, e.low, e.high))
        ],
        estimate_problems=problems,
    )


@router.get("/estimate", response_model=EstimateBody)
def estimate(
    viewer: ApiViewer,
    act_type: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="Acts of this type or any narrower one (vocabulary act_types).",
        ),
    ],
    method: WebMethod = WebMethod.LOGLINEAR,
    level: Annotated[float, Query(gt=0.5, lt=1.0, description="Interval probability.")] = 0.95,
) -> EstimateBody:
    """How many victims there were in all, documented or not, by multiple systems estimation
    over the casebook's source lists (as `rightsledger estimate --act-type`)."""
    from rightsledger.estimate.casebook import capture_histories
    from rightsledger.estimate.run import EstimateOptions, check_lists
    from rightsledger.estimate.run import estimate as run_estimate

    if viewer.published_only("read", kind="acts"):
        raise AccessDenied(
            "estimates rest on every source list, published or not; a viewer may not run them"
        )
    with viewer.reader() as session:
        try:
            captures = capture_histories(session, act_type=act_type)
            histories = captures.table.histories
            check_lists(histories, (str(method),))
            histories.require_identifiable(captures.table.source)
            result = run_estimate(histories, str(method), EstimateOptions(level=level))
        except ArithmeticError as failure:
            message = f"the {method} model does not converge on these lists: {failure}"
            raise UserError(message) from None
    body = json_ready(result.to_json())
    return EstimateBody(
        act_type=captures.act_types[0],
        method=str(method),
        documented=json_ready(captures.documented_json()),
        result=body,
    )


def json_ready(value: Any) -> Any:
    """Plain JSON: numpy scalars as numbers, infinities and NaN as null (JSON has neither)."""
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
