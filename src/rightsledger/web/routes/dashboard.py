"""The dashboard: what the casebook holds, how it is counted, who is accountable, what waits."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from rightsledger.vault import reading
from rightsledger.web import figures
from rightsledger.web.charts import Series, interval_bar, stacked_bars
from rightsledger.web.context import PageViewer, state_of
from rightsledger.web.templating import render, vocabulary_label

router = APIRouter()


@router.get("/")
def dashboard(request: Request, viewer: PageViewer) -> Response:
    published_only = viewer.published_only("read", kind="acts")
    _ = viewer.translations().gettext
    with viewer.reader() as session:
        mark = figures.fingerprint(session)
        data = figures.dashboard(
            session, state_of(request), published_only=published_only, mark=mark
        )
        # Estimates rest on every source list, published or not: a viewer sees none.
        estimates, problems = (
            ([], []) if published_only else figures.estimates(session, state_of(request), mark)
        )
        documents = []
        if not published_only:
            protector = viewer.protector(session)
            for document in figures.recent_documents(session):
                name = reading.reveal(document, "original_name", document.original_name, protector)
                documents.append((document, name or f"document {document.id}"))
        claims, links = figures.pending_reviews(session) if viewer.may("review") else (0, 0)
        names = figures.perpetrator_names(session, data.top_perpetrators, viewer.protector(session))
    series = [
        Series(vocabulary_label("act_types", act_type, viewer.language), per_year)
        for act_type, per_year in sorted(
            data.acts_by_year.items(), key=lambda item: -sum(item[1].values())
        )
    ]
    chart = stacked_bars(data.years, series, title=_("Acts by type and year")) if series else ""
    estimate_charts = [
        (
            estimate,
            interval_bar(
                estimate.documented,
                estimate.low,
                estimate.point,
                estimate.high,
                title=_("Documented and estimated"),
            ),
        )
        for estimate in estimates
    ]
    return render(
        request,
        "dashboard.html",
        viewer,
        data=data,
        chart=chart,
        series=series,
        estimates=estimate_charts,
        estimate_problems=problems,
        documents=documents,
        pending_claims=claims,
        pending_links=links,
        published_only=published_only,
        names=names,
    )
