"""Public schemas of the API: what a response may carry, never a storage row.

Records travel as the exporter renders them (file columns, external ids, identities only for
roles that may see them), so a record here is a mapping of column to value; the columns of each
kind are documented in docs/import-formats.md. Everything else has its own model. No schema here
has a field for a password hash, a TOTP secret, a token hash or a sealed ciphertext.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from fastapi.security import APIKeyCookie, HTTPBearer
from pydantic import BaseModel, Field

from rightsledger.account.profile import PerpetratorOverview
from rightsledger.web import sessions


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="A stable word for programs: forbidden, not_found, …")
    message: str = Field(description="One sentence for the person who reads it.")
    source: str | None = Field(None, description="Input errors: the file or form.")
    line: int | None = Field(None, description="Input errors: the line in that file.")
    column: str | None = Field(None, description="Input errors: the column or field.")


class ErrorBody(BaseModel):
    """Every error of the API has this shape."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    meanings = {
        400: "The request or its file is wrong (with source, line and column for files).",
        401: "No valid API token or session.",
        403: "The policy refuses this to your role (the refusal is audited).",
        404: "No such record, or not one your role may see.",
        413: "The upload is too large.",
        422: "A parameter is missing or invalid.",
    }
    return {
        status: {"model": ErrorBody, "description": meanings[status]}
        for status in (401, 403, 422, *statuses)
    }


# Documented so that clients and the OpenAPI spec know how to authenticate; the checking itself
# is ``rightsledger.web.context.api_viewer``.
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token made with `rightsledger token add NAME`.",
)
session_cookie = APIKeyCookie(
    name=sessions.SESSION_COOKIE,
    auto_error=False,
    scheme_name="session",
    description="The browser's session; changes also need the X-CSRF-Token header.",
)


def api_router(*statuses: int, tag: str) -> APIRouter:
    from fastapi import Security

    return APIRouter(
        tags=[tag],
        responses=error_responses(*statuses),
        dependencies=[Security(bearer), Security(session_cookie)],
    )


class RecordPage(BaseModel):
    kind: str
    records: list[dict[str, Any]] = Field(
        description="Records in the columns of `rightsledger export`, oldest first."
    )
    total: int = Field(description="How many records match, on every page.")
    limit: int
    offset: int | None = Field(description="The offset of this page (None when by cursor).")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; None on the last page."
    )


class RecordBody(BaseModel):
    kind: str
    record: dict[str, Any]


class ImportResult(BaseModel):
    kind: str
    source: str
    created: int
    updated: int
    total: int


class PerpetratorItem(BaseModel):
    kind: str
    external_id: str = Field(description="A pseudonym (P-…) for a person your role may not name.")
    name: str
    acts: int
    status: str = Field(description="Derived from proceedings: uncharged, facing_charges, …")
    status_since: dt.date | None
    sanctions: int
    refused_investigations: int
    official_denials: int
    basis: list[str] = Field(description="External ids of the proceedings that decided it.")


class PerpetratorList(BaseModel):
    perpetrators: list[PerpetratorItem]


class AccountabilityOverview(BaseModel):
    as_of: dt.date
    perpetrators: list[PerpetratorOverview]


class TopPerpetrator(BaseModel):
    kind: str
    external_id: str
    acts: int
    status: str


class EstimateFigure(BaseModel):
    act_type: str
    documented: int
    point: float
    low: float
    high: float
    lists: list[str]
    method: str


class DashboardBody(BaseModel):
    events: int
    acts: int
    victims_individual: int
    victims_in_groups: int
    documents: int
    acts_by_year: dict[str, dict[str, int]] = Field(description="Act type → year → acts.")
    years: list[str]
    undated_acts: int
    statuses: dict[str, int]
    top_perpetrators: list[TopPerpetrator]
    estimates: list[EstimateFigure] = Field(description="Empty for viewers.")
    estimate_problems: list[str]


class DocumentSummary(BaseModel):
    id: int
    sha256: str
    name: str | None
    title: str | None
    media_type: str
    size: int
    sensitivity: str
    language: str | None
    text_status: str
    received_at: dt.datetime


class DocumentPage(BaseModel):
    documents: list[DocumentSummary]
    total: int
    limit: int
    offset: int


class DocumentBody(BaseModel):
    document: dict[str, Any] = Field(
        description="Provenance and metadata as `rightsledger documents show --format json`."
    )


class EstimateBody(BaseModel):
    act_type: str
    method: str
    documented: dict[str, Any] = Field(description="What the casebook documents, counted.")
    result: dict[str, Any] = Field(description="The estimator's result, as the CLI's JSON.")
