"""Record a violation in one form: who did what to whom, when, where, according to whom.

The handlers are thin: the policy decides, ``rightsledger.entry`` cleans, searches and writes.
Without JavaScript each section's "Find" button posts the form back with suggestions for that
section, every typed value kept and nothing written; with htmx the same suggestions arrive as a
fragment from ``/entry/suggest``. Person searches are posted, never put in a URL: a name in a
query string ends up in server logs and browser history.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, QueryParams

from rightsledger import entry
from rightsledger.entry.suggest import LIMIT
from rightsledger.errors import InputError, UserError
from rightsledger.values import CountQualifier
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.routes.records import vocabulary_options
from rightsledger.web.templating import render

router = APIRouter(prefix="/entry")

# Section of the form -> the kinds its "Find" searches.
FINDS: dict[str, tuple[str, ...]] = {
    "event": ("events",),
    "victim": ("persons",),
    "perpetrator": ("organizations", "persons"),
    "source": ("information",),
}
SECTION_OF_KIND = {
    "events": "event",
    "persons": "victim",
    "organizations": "perpetrator",
    "information": "source",
}
VOCABULARIES = (
    "act_types",
    "act_status",
    "sex",
    "counting_units",
    "perpetrator_types",
    "involvement_degrees",
    "source_material_types",
    "reliability",
)
MAX_FIELD = 100_000  # the longest field (a description); larger posts are refused


def _require_entry(viewer: Viewer) -> None:
    viewer.require("create", kind="acts")


def _values(data: FormData | QueryParams) -> dict[str, str]:
    """The form's own fields as text; anything else (files, unknown names) is ignored."""
    known = set(entry.FIELDS) | {f"{section}_q" for section in FINDS}
    values = {}
    for name in known:
        value = data.get(name)
        if isinstance(value, str):
            if len(value) > MAX_FIELD:
                raise InputError(f"is longer than {MAX_FIELD} characters", column=name)
            values[name] = value
    return values


def _suggestions(viewer: Viewer, query: str, kinds: tuple[str, ...]) -> list[entry.Suggestion]:
    with viewer.reader() as session:
        protector = viewer.protector(session)
        found: list[entry.Suggestion] = []
        for kind in kinds:
            found += entry.suggest(
                session,
                kind,
                query,
                protector=protector,
                encrypted=viewer.book.encrypted,
            )
    return found[:LIMIT]


def _page(
    request: Request,
    viewer: Viewer,
    values: dict[str, str],
    *,
    error: InputError | UserError | None = None,
    found: dict[str, list[entry.Suggestion]] | None = None,
    status_code: int = 200,
) -> Response:
    # A pick among suggestions that are no longer shown stays as the typed existing id.
    for section in FINDS:
        picked = values.pop(f"{section}_pick", "").strip()
        if picked and not values.get(f"{section}_id", "").strip():
            values[f"{section}_id"] = picked
    options = {name: vocabulary_options(name, viewer.language) for name in VOCABULARIES}
    return render(
        request,
        "entry.html",
        viewer,
        status_code=status_code,
        values=values,
        error=error,
        error_field=getattr(error, "column", None),
        found=found or {},
        options=options,
        qualifiers=[str(q) for q in CountQualifier],
    )


@router.get("")
def entry_form(request: Request, viewer: PageViewer) -> Response:
    _require_entry(viewer)
    values = _values(request.query_params)
    find = request.query_params.get("find", "")
    found = {}
    if find in FINDS:
        found[find] = _suggestions(viewer, values.get(f"{find}_q", ""), FINDS[find])
    return _page(request, viewer, values, found=found)


@router.post("")
async def record(request: Request, viewer: PageViewer) -> Response:
    _require_entry(viewer)
    form = await request.form()
    try:
        values = _values(form)
    except InputError as error:
        return _page(request, viewer, {}, error=error, status_code=400)
    find = form.get("find")
    return await run_in_threadpool(
        _record_or_find, request, viewer, values, find if isinstance(find, str) else ""
    )


def _record_or_find(
    request: Request, viewer: Viewer, values: dict[str, str], find: str
) -> Response:
    if find in FINDS:
        found = {find: _suggestions(viewer, values.get(f"{find}_q", ""), FINDS[find])}
        return _page(request, viewer, values, found=found)
    try:
        result = entry.record_violation(
            viewer.book, entry.parse_entry(values), actor=viewer.username
        )
    except UserError as error:
        return _page(request, viewer, values, error=error, status_code=400)
    return RedirectResponse(f"/acts/{result.act}?recorded=1", status_code=303)


def _suggest(
    request: Request,
    viewer: Viewer,
    data: FormData | QueryParams,
    *,
    kind: str,
    query: str | None,
    section: str | None,
) -> Response:
    _require_entry(viewer)
    if kind == "perpetrators":
        kinds: tuple[str, ...] = FINDS["perpetrator"]
        section = section or "perpetrator"
    elif kind in entry.SUGGESTION_KINDS:
        kinds = (kind,)
        section = section or SECTION_OF_KIND[kind]
    else:
        raise UserError(f"suggestions are for {', '.join(entry.SUGGESTION_KINDS)}, not {kind!r}")
    if section not in FINDS:
        raise UserError(f"there is no section {section!r} in the entry form")
    if query is None:
        # htmx sends the section's own search box (``event_q``…) rather than ``q``.
        value = data.get(f"{section}_q")
        query = value[:200] if isinstance(value, str) else ""
    return render(
        request,
        "entry_suggestions.html",
        viewer,
        section=section,
        query=query,
        suggestions=_suggestions(viewer, query, kinds),
    )


Kind = Annotated[str, Query(max_length=20)]
Search = Annotated[str | None, Query(max_length=200)]
Section = Annotated[str | None, Query(alias="for", max_length=20)]


@router.get("/suggest")
def suggest_get(
    request: Request, viewer: PageViewer, kind: Kind, q: Search = None, section: Section = None
) -> Response:
    return _suggest(request, viewer, request.query_params, kind=kind, query=q, section=section)


@router.post("/suggest")
async def suggest_post(
    request: Request, viewer: PageViewer, kind: Kind, q: Search = None, section: Section = None
) -> Response:
    form = await request.form()
    return await run_in_threadpool(
        _suggest, request, viewer, form, kind=kind, query=q, section=section
    )
