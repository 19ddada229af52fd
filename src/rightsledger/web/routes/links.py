"""Linkage review: uncertain pairs side by side with the evidence; accept, reject or skip.

The same calls as `rightsledger review-links` (link.review_casebook.pending_pairs,
link.casebook.decide_pair). Accepting points both records at one canonical record: each keeps
its own fields and sources, and the page shows the whole merged cluster.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from rightsledger.account.status import person_label
from rightsledger.errors import NotFound
from rightsledger.link.casebook import decide_pair
from rightsledger.link.review_casebook import pending_pairs
from rightsledger.model import LinkPair, Person
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.templating import render

router = APIRouter(prefix="/links")

PAGE_SIZE = 50
DECISIONS = {"accept": "accepted", "reject": "rejected", "skip": "skipped"}


@router.get("")
def links(
    request: Request,
    viewer: PageViewer,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    merged: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    viewer.require("review", kind="links")
    pairs = pending_pairs(viewer.book)
    pages = max(1, -(-len(pairs) // PAGE_SIZE))
    shown = pairs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    with viewer.reader() as session:
        weights = {
            pair_id: json.loads(evidence)
            for pair_id, evidence in session.execute(
                select(LinkPair.id, LinkPair.evidence).where(
                    LinkPair.id.in_([pair["id"] for pair in shown])
                )
            )
        }
    for pair in shown:
        evidence = weights.get(pair["id"], [])
        pair["for"] = sorted((e for e in evidence if e["weight"] > 0), key=lambda e: -e["weight"])
        pair["against"] = sorted(
            (e for e in evidence if e["weight"] < 0), key=lambda e: e["weight"]
        )
        pair["neutral"] = [e for e in evidence if e["weight"] == 0]
    cluster = _cluster(viewer, merged) if merged is not None else None
    return render(
        request,
        "links.html",
        viewer,
        pairs=shown,
        total=len(pairs),
        page=page,
        pages=pages,
        cluster=cluster,
        merged=merged,
    )


def _cluster(viewer: Viewer, pair_id: int) -> list[dict[str, Any]]:
    """Every record of the person an accepted pair now belongs to, each kept as it was."""
    with viewer.reader() as session:
        pair = session.get(LinkPair, pair_id)
        if pair is None or pair.status != "accepted":
            raise NotFound(f"no accepted link has id {pair_id}")
        left = session.get_one(Person, pair.left_person_id)
        root = left.same_as_id or left.id
        protector = viewer.protector(session)
        members = session.scalars(
            select(Person)
            .options(selectinload(Person.names))
            .where(or_(Person.id == root, Person.same_as_id == root))
            .order_by(Person.id)
        ).all()
        return [
            {
                "external_id": person.external_id,
                "name": person_label(person, protector),
                "canonical": person.id == root,
                "birth_date": person.birth_edtf,
                "sex": person.sex,
            }
            for person in members
        ]


@router.post("/{pair_id}/{decision}")
def decide(viewer: PageViewer, pair_id: int, decision: str) -> Response:
    viewer.require("review", kind="links")
    if decision not in DECISIONS:
        raise NotFound(f"no such decision {decision!r} (accept, reject or skip)")
    decide_pair(viewer.book, pair_id, DECISIONS[decision], actor=viewer.username)
    if decision == "accept":
        return RedirectResponse(f"/links?merged={pair_id}#merged", status_code=303)
    return RedirectResponse("/links#pairs", status_code=303)
