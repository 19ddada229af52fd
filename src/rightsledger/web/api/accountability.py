"""Perpetrators and accountability: statuses, impunity clocks and profiles, all derived."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.account.parties import PERSONS
from rightsledger.account.profile import (
    PerpetratorProfile,
    accountability_overview,
    perpetrator_profile,
)
from rightsledger.account.status import perpetrators
from rightsledger.model import Person
from rightsledger.protect.disclosure import record_identity_read
from rightsledger.store.io.kinds import KINDS
from rightsledger.web.api import rendering
from rightsledger.web.api.schemas import (
    AccountabilityOverview,
    PerpetratorItem,
    PerpetratorList,
    api_router,
)
from rightsledger.web.context import ApiViewer, Viewer

router = api_router(400, 404, tag="accountability")

AsOf = Annotated[
    dt.date | None,
    Query(
        alias="as_of",
        description="Count as of this day (YYYY-MM-DD, default today): later proceedings are "
        "left out.",
    ),
]


def _scope(viewer: Viewer) -> bool:
    """Check the viewer may read what accountability rests on; True: published records only."""
    viewer.published_only("read", kind="proceedings")
    viewer.published_only("read", kind="acts")
    return viewer.published_only("read", kind=PERSONS)


@router.get("/perpetrators", response_model=PerpetratorList)
def list_perpetrators(viewer: ApiViewer, as_of: AsOf = None) -> PerpetratorList:
    """Every person and organization with an act attributed, most acts first, with the status
    derived from the proceedings naming them."""
    published_only = _scope(viewer)
    with viewer.reader() as session:
        protector = viewer.protector(session)
        found = perpetrators(session, protector, published_only=published_only, as_of=as_of)
        shown_ids = _person_references(
            session, [s.external_id for s in found if s.kind == PERSONS], viewer
        )
    items = [
        PerpetratorItem(
            kind=summary.kind,
            external_id=(
                shown_ids.get(summary.external_id, summary.external_id)
                if summary.kind == PERSONS
                else summary.external_id
            ),
            name=summary.name,
            acts=summary.acts,
            status=str(summary.status),
            status_since=summary.status_since,
            sanctions=summary.sanctions,
            refused_investigations=summary.refused_investigations,
            official_denials=summary.official_denials,
            basis=summary.basis,
        )
        for summary in found
    ]
    persons = sum(1 for item in items if item.kind == PERSONS)
    record_identity_read(viewer.book, PERSONS, command="api perpetrators", records=persons)
    return PerpetratorList(perpetrators=items)


def _person_references(session: Session, external_ids: list[str], viewer: Viewer) -> dict[str, str]:
    """External id → what this viewer is shown for it (the pseudonym when names are hidden)."""
    if viewer.sees_identities or not external_ids:
        return {}
    rows = session.execute(
        select(Person.external_id, Person.id).where(Person.external_id.in_(external_ids))
    )
    return {external_id: rendering.person_pseudonym(person_id) for external_id, person_id in rows}


@router.get("/accountability", response_model=AccountabilityOverview)
def overview(viewer: ApiViewer, as_of: AsOf = None) -> AccountabilityOverview:
    """The accountability table: per perpetrator, acts, acts without charge, refused
    investigations, sanctions and the longest time an act has waited for a charge."""
    published_only = _scope(viewer)
    day = as_of or dt.date.today()
    with viewer.reader() as session:
        rows = accountability_overview(
            session, as_of=day, protector=viewer.protector(session), published_only=published_only
        )
    persons = sum(1 for row in rows if row.kind == PERSONS)
    record_identity_read(viewer.book, PERSONS, command="api accountability", records=persons)
    return AccountabilityOverview(as_of=day, perpetrators=rows)


@router.get("/accountability/{kind}/{external_id}", response_model=PerpetratorProfile)
def profile(
    viewer: ApiViewer,
    kind: Literal["persons", "organizations"],
    external_id: Annotated[str, Path(min_length=1, max_length=200)],
    as_of: AsOf = None,
) -> PerpetratorProfile:
    """One perpetrator's profile: acts by degree of involvement, chain of command, proceedings
    timeline and impunity clock (a person: by the pseudonym, for roles shown pseudonyms)."""
    published_only = _scope(viewer)
    day = as_of or dt.date.today()
    with viewer.reader() as session:
        protector = viewer.protector(session)
        shown = rendering.Audience(protector, not viewer.sees_identities, published_only)
        record = rendering.locate(session, KINDS[kind], external_id, shown)
        found = perpetrator_profile(
            session,
            kind,
            record.external_id,
            protector=protector,
            as_of=day,
            published_only=published_only,
        )
    record_identity_read(viewer.book, PERSONS, command="api profile", records=1)
    return found
