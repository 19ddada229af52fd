"""One violation in one request: the fields of the entry form as a JSON object."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from rightsledger import entry
from rightsledger.errors import InputError
from rightsledger.web.api.schemas import api_router
from rightsledger.web.context import ApiViewer

router = api_router(400, tag="entry")
MAX_FIELD = 100_000  # the longest field (a description), as on the entry page


class EntryRecorded(BaseModel):
    """What was written or reused, as kind:external_id references."""

    act: str
    event: str
    victim: str
    perpetrator: str | None
    involvement: str | None
    information: str | None
    citation: str
    created: list[str]
    reused: list[str]


ENTRY_HELP = (
    "The fields of the entry form (docs/entry.md), each a string: "
    + ", ".join(entry.FIELDS)
    + ". A section either names an existing record (`<section>_id`) or describes a new one."
)


@router.post("/entry", response_model=EntryRecorded, status_code=201)
async def record_violation(
    viewer: ApiViewer,
    fields: Annotated[dict[str, str | None], Body(description=ENTRY_HELP)],
) -> EntryRecorded:
    """Record one violation: event, victim, perpetrator, act, involvement, source and citation,
    in one transaction; existing records are reused by external id. Nothing is written on error."""
    viewer.require("create", kind="acts")
    values: dict[str, str] = {}
    for name, value in fields.items():
        if name not in entry.FIELDS:
            raise InputError("is not a field of the entry form", source="entry", column=name)
        if value is not None and len(value) > MAX_FIELD:
            raise InputError(f"is longer than {MAX_FIELD} characters", source="entry", column=name)
        if value is not None and "\x00" in value:
            raise InputError("may not contain NUL", source="entry", column=name)
        values[name] = value or ""
    parsed = entry.parse_entry(values)
    result = await run_in_threadpool(
        entry.record_violation, viewer.book, parsed, actor=viewer.username
    )
    return EntryRecorded(
        act=result.act,
        event=result.event,
        victim=result.victim,
        perpetrator=result.perpetrator,
        involvement=result.involvement,
        information=result.information,
        citation=result.citation,
        created=list(result.created),
        reused=list(result.reused),
    )
