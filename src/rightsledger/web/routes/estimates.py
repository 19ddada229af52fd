"""Estimates: choose an act type, strata and a method; see the count, the plot and what it means.

The same calls as `rightsledger estimate --act-type` (estimate.casebook.capture_histories, then
estimate.run.estimate / estimate_stratified, and estimate.plots for the figure). A run is a GET:
it changes nothing, and its address can be kept and shared with colleagues.
"""

from __future__ import annotations

import base64
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from rightsledger.errors import AccessDenied, UserError
from rightsledger.estimate.casebook import STRATA, CasebookCaptures, capture_histories
from rightsledger.estimate.lcmcr import LcmcrSettings
from rightsledger.estimate.result import MethodResult
from rightsledger.estimate.run import (
    METHODS,
    EstimateOptions,
    check_lists,
    estimate,
    estimate_stratified,
)
from rightsledger.model import Act
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.templating import render, vocabulary_label

router = APIRouter(prefix="/estimates")

# Modest LCMCR runs by default: a page should answer in seconds, not minutes. One chain per
# stratum, all in this process: forking a threaded web server for parallel chains is not safe.
WEB_BURN_IN = 1_000
WEB_SAMPLES = 500
WEB_THINNING = 5
WEB_SEED = 2017  # the same page shows the same draws
MAX_BURN_IN = 50_000
MAX_SAMPLES = 5_000
# matplotlib's pyplot keeps global state: one figure at a time per process.
PLOT_LOCK = threading.Lock()


@dataclass
class Run:
    captures: CasebookCaptures
    result: MethodResult
    plot: str  # a data: URL of the PNG figure
    explanation: list[str]
    strata: list[dict[str, Any]]


@router.get("")
def estimates(
    request: Request,
    viewer: PageViewer,
    act_type: Annotated[str, Query(max_length=100)] = "",
    strata: Annotated[str, Query(max_length=16)] = "",
    method: Annotated[str, Query(max_length=16)] = "loglinear",
    burn_in: Annotated[int, Query(ge=0, le=MAX_BURN_IN)] = WEB_BURN_IN,
    samples: Annotated[int, Query(ge=1, le=MAX_SAMPLES)] = WEB_SAMPLES,
) -> Response:
    # Estimates rest on every source list, published or not: viewers see none.
    if viewer.published_only("read", kind="acts"):
        raise AccessDenied(f"{viewer.username} may see only published records, not estimates")
    with viewer.reader() as session:
        present = sorted(set(session.scalars(select(Act.act_type).distinct())))
    choices = sorted(
        ((slug, vocabulary_label("act_types", slug, viewer.language)) for slug in present),
        key=lambda choice: choice[1].casefold(),
    )
    form = {
        "act_type": act_type,
        "strata": strata,
        "method": method,
        "burn_in": burn_in,
        "samples": samples,
    }
    run, message = None, None
    if act_type:
        try:
            run = _run(viewer, act_type, strata or None, method, burn_in, samples)
        except UserError as error:
            message = str(error)
        except ArithmeticError as failure:  # a model that does not converge: say so
            message = f"the {method} model could not be fitted to these lists ({failure})"
    return render(
        request,
        "estimates.html",
        viewer,
        status_code=400 if message else 200,
        choices=choices,
        strata_choices=STRATA,
        methods=METHODS,
        form=form,
        run=run,
        message=message,
    )


def _run(
    viewer: Viewer, act_type: str, strata: str | None, method: str, burn_in: int, samples: int
) -> Run:
    if method not in METHODS:
        raise UserError(f'method "{method}" is not one of {", ".join(METHODS)}')
    options = EstimateOptions(
        lcmcr=LcmcrSettings(
            burn_in=burn_in, samples=samples, thinning=WEB_THINNING, chains=1, seed=WEB_SEED
        ),
        workers=1,
    )
    options.check()
    with viewer.reader() as session:
        captures = capture_histories(session, act_type=act_type, strata=strata)
    table = captures.table
    check_lists(table.histories, (method,))
    if table.strata is not None:
        assert table.stratum_column is not None
        result = estimate_stratified(table.strata, method, options, column=table.stratum_column)
    else:
        table.histories.require_identifiable(table.source)
        result = estimate(table.histories, method, options)
    return Run(
        captures=captures,
        result=result,
        plot=_plot(result),
        explanation=explain(viewer, captures, result),
        strata=strata_rows(result),
    )


def _plot(result: MethodResult) -> str:
    """The posterior or profile plot as an inline PNG (the page's CSP allows data: images)."""
    from rightsledger.estimate.plots import write_plot

    with tempfile.TemporaryDirectory(prefix="rightsledger-plot-") as scratch:
        path = Path(scratch) / "estimate.png"
        with PLOT_LOCK:
            write_plot([result], path)
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:image/png;base64,{encoded}"


def _whole(value: float) -> str:
    return f"{value:,.0f}"


def explain(viewer: Viewer, captures: CasebookCaptures, result: MethodResult) -> list[str]:
    """The result in plain words, one paragraph per point, in the viewer's language."""
    _ = viewer.translations().gettext
    found = result.estimate
    act = vocabulary_label("act_types", captures.act_types[0], viewer.language)
    level = f"{found.level * 100:g}"
    said = [
        _(
            "We documented {documented} individual victims of {act}; {observed} of them appear "
            "on at least one of the {lists} source lists ({names})."
        ).format(
            documented=captures.documented,
            act=act,
            observed=result.observed,
            lists=len(result.lists),
            names=", ".join(result.lists),
        )
    ]
    if result.method == "loglinear":
        said.append(
            _(
                "Counting those no list recorded, the total is estimated at {point}, and {level} "
                "times in 100 an interval built this way would contain the true number: "
                "{lo} to {hi}."
            ).format(
                point=_whole(found.point), level=level, lo=_whole(found.lo), hi=_whole(found.hi)
            )
        )
    else:
        said.append(
            _(
                "Counting those no list recorded, the total is estimated at {point}; given these "
                "lists and the model, the true number lies between {lo} and {hi} with "
                "probability {level} in 100."
            ).format(
                point=_whole(found.point), level=level, lo=_whole(found.lo), hi=_whole(found.hi)
            )
        )
    assumptions = {
        "loglinear": _("the chosen log-linear model describes how the lists depend on each other"),
        "lcmcr": _(
            "people differ in how likely they are to be listed only in the ways a few latent "
            "classes can describe"
        ),
        "dga": _(
            "the dependence between the lists is one of the decomposable graphical models it "
            "averages over"
        ),
    }
    said.append(
        _(
            "The estimate assumes that the lists are about one closed population, that records "
            "of the same person were linked correctly, and that {assumption}."
        ).format(assumption=assumptions[result.method])
    )
    if captures.unlisted:
        said.append(
            _(
                "{unlisted} documented victims are cited by no source list; they are counted "
                "among the documented, but the lists cannot say how many more are like them."
            ).format(unlisted=captures.unlisted)
        )
    if captures.groups.groups:
        said.append(
            _(
                "Victims recorded only as groups ({groups} groups, best count {best}) have no "
                "identities to match; they are not part of the estimate."
            ).format(groups=captures.groups.groups, best=captures.groups.best)
        )
    return said


def strata_rows(result: MethodResult) -> list[dict[str, Any]]:
    return [
        {
            "stratum": key,
            "observed": each.observed,
            "point": each.estimate.point,
            "lo": each.estimate.lo,
            "hi": each.estimate.hi,
        }
        for key, each in result.strata or []
    ]
