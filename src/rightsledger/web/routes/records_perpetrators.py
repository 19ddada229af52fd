"""Perpetrator pages: who is alleged to have done what, and the status their proceedings derive.

The list derives each status with ``account.status.derive_status`` over the proceedings naming
the perpetrator; the profile page is ``account.profile.perpetrator_profile`` (acts by degree of
involvement with their evidence, chain of command, subordinates' acts, the proceedings timeline
and the impunity clock), as the ``accountability --perpetrator`` command shows it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from rightsledger.account.parties import PARTY_KINDS, PERSONS
from rightsledger.account.profile import PerpetratorProfile, perpetrator_profile
from rightsledger.account.status import PerpetratorStatus
from rightsledger.errors import NotFound
from rightsledger.web.context import PageViewer
from rightsledger.web.routes.records_queries import (
    LINKED_LIMIT,
    Page,
    audit_identities,
    pager_query,
    perpetrator_page,
    today,
)
from rightsledger.web.templating import render

router = APIRouter()

PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
Text = Annotated[str, Query(max_length=40)]


@router.get("/perpetrators")
def perpetrators(
    request: Request,
    viewer: PageViewer,
    status: Text = "",
    kind: Text = "",
    page: PageNumber = 1,
) -> Response:
    published_only = viewer.published_only("read", kind="involvements")
    _ = viewer.translations().gettext
    message = None
    wanted: PerpetratorStatus | None = None
    if status:
        try:
            wanted = PerpetratorStatus(status)
        except ValueError:
            message = _("Unknown status: choose one from the list.")
    if kind and kind not in PARTY_KINDS:
        message = _("Unknown kind: choose persons or organizations.")
    with viewer.reader() as session:
        result = (
            Page([], 0, page)
            if message
            else perpetrator_page(
                session,
                viewer.protector(session),
                published_only=published_only,
                as_of=today(),
                status=wanted,
                kind=kind or None,
                number=page,
            )
        )
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for row in result.rows if row.kind == PERSONS and not row.hidden),
    )
    return render(
        request,
        "records_perpetrators.html",
        viewer,
        status_code=400 if message else 200,
        page=result,
        filters={"status": status, "kind": kind},
        message=message,
        statuses=[value.value for value in PerpetratorStatus],
        published_only=published_only,
        pager=pager_query(request),
    )


@router.get("/perpetrators/{kind}/{external_id}")
def perpetrator_detail(
    request: Request, viewer: PageViewer, kind: str, external_id: str
) -> Response:
    if kind not in PARTY_KINDS:
        raise NotFound(f'no perpetrator page for "{kind}"; use persons or organizations')
    published_only = viewer.published_only("read", kind=kind)
    viewer.require("read", kind="proceedings", published=True)
    with viewer.reader() as session:
        profile = perpetrator_profile(
            session,
            kind,
            external_id,
            protector=viewer.protector(session),
            as_of=today(),
            published_only=published_only,
        )
    audit_identities(viewer, where=request.url.path, records=len(_persons_shown(profile)))
    return render(
        request,
        "records_perpetrator.html",
        viewer,
        profile=profile,
        published_only=published_only,
        shown_limit=LINKED_LIMIT,
    )


def _persons_shown(profile: PerpetratorProfile) -> set[str]:
    """Persons whose names the profile shows, to count them in the audit trail (never who)."""
    shown = {profile.external_id} if profile.kind == PERSONS else set()
    for group in profile.involvements:
        shown |= {act.victim_id for act in group.acts}
    for link in profile.chain_of_command + profile.subordinates:
        shown |= {p.external_id for p in (link.superior, link.subordinate) if p.kind == PERSONS}
    shown |= {rolled.act.victim_id for rolled in profile.subordinate_acts}
    return {each for each in shown if each and not each.startswith("P-")}
