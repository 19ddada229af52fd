"""Every role against every page and endpoint, over HTTP.

The routes are read from the application itself (its OpenAPI description and the API's), so a new
page is covered the day it is registered. Path parameters are filled with a published, an
unpublished and an unknown record of the right kind. For each role and URL:

- no server error, and the security headers on every response;
- anonymous: pages redirect to /login, the API answers 401 in the error shape;
- analysts and viewers never see a [SYNTHETIC] demo person's real name;
- a viewer never gets an unpublished record (404), nobody gets an unknown one (404);
- an admin gets every published record;
- a POST from a signed-in browser without the CSRF token is refused (403).
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from rightsledger.store.casebook import Casebook
from rightsledger.store.io.kinds import KINDS
from rightsledger.vault.intake import Provenance, ingest
from rightsledger.web.security import CONTENT_SECURITY_POLICY
from tests.helpers import demo_data
from tests.web_support import ROLES, StaffedWeb, make_staffed_web

# Whichever httpx the test client is built on (Starlette may use its httpx2 fork).
Response = Any

ANONYMOUS = "anonymous"
PUBLIC_PAGES = frozenset({"/login"})  # the only page for someone not signed in
HIDDEN_ROLES = ("analyst", "viewer")
PARTY_KINDS = ("persons", "organizations")
UNKNOWN_ID = "no-such-record"
UNKNOWN_NUMBER = "999999"
# Fields a form might require, so that a refusal cannot come from a missing field instead.
A_FORM = {"username": "admin", "password": "x", "code": "000000", "lang": "en", "q": "x"}
PARAMETER = re.compile(r"\{([a-z_]+)\}")
# Values for path parameters that are not record ids (used by POST routes).
OTHER_VALUES = {"claim_id": "1", "pair_id": "1", "decision": "accept", "username": "viewer"}


def synthetic_names() -> list[str]:
    """Every name of the demo's invented people: none may reach a role without identities."""
    names: set[str] = set()
    with (demo_data() / "persons.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "[SYNTHETIC]" not in row["description"]:
                continue
            for column in ("name", "given_name", "patronymic", "family_name", "aliases"):
                names.update(part.strip() for part in row[column].split(";"))
    return sorted(name for name in names if len(name) >= 4)


@dataclass(frozen=True)
class Target:
    """One URL to request, and what it stands for."""

    url: str
    route: str
    api: bool
    variant: str  # "plain", "published", "unpublished" or "unknown"


@dataclass
class Fixtures:
    web: StaffedWeb
    records: dict[str, dict[str, str]]  # kind -> variant -> external id (or document id)


def get_routes(app: FastAPI) -> list[tuple[str, bool]]:
    """(path, is_api) of every GET route: pages from the app, endpoints from the API sub-app."""
    pages = [(path, False) for path, ops in app.openapi()["paths"].items() if "get" in ops]
    api = _api_app(app)
    endpoints = [
        (f"/api{path}", True) for path, ops in api.openapi()["paths"].items() if "get" in ops
    ]
    return pages + endpoints


def post_routes(app: FastAPI) -> list[str]:
    pages = [path for path, ops in app.openapi()["paths"].items() if "post" in ops]
    api = _api_app(app)
    return pages + [f"/api{path}" for path, ops in api.openapi()["paths"].items() if "post" in ops]


def _api_app(app: FastAPI) -> FastAPI:
    from starlette.routing import Mount

    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/api")
    assert isinstance(mount.app, FastAPI)
    return mount.app


def _kinds_for(path: str) -> list[str]:
    return list(PARTY_KINDS) if "perpetrators" in path or "accountability" in path else list(KINDS)


def expand(path: str, api: bool, records: dict[str, dict[str, str]]) -> Iterator[Target]:
    """``path`` with its parameters filled in every way worth trying."""
    names = PARAMETER.findall(path)
    if not names:
        yield Target(path, path, api, "plain")
        return
    kinds = _kinds_for(path) if "kind" in names else [None]
    for kind in kinds:
        partly = path.replace("{kind}", kind) if kind is not None else path
        record_kind = kind or _kind_before(partly)
        if "{document_id}" in partly:
            record_kind = "documents"
        names_record = "{external_id}" in partly or "{document_id}" in partly
        if not names_record or record_kind is None or record_kind not in records:
            filled = partly
            for name in PARAMETER.findall(partly):
                filled = filled.replace(f"{{{name}}}", OTHER_VALUES.get(name, "1"))
            yield Target(filled, path, api, "plain")
            continue
        for variant, value in records[record_kind].items():
            filled = partly.replace("{external_id}", value).replace("{document_id}", value)
            for name in PARAMETER.findall(filled):
                filled = filled.replace(f"{{{name}}}", OTHER_VALUES.get(name, "1"))
            yield Target(filled, path, api, variant)


def _kind_before(path: str) -> str | None:
    parts = path.strip("/").split("/")
    if "{external_id}" in parts:
        before = parts[parts.index("{external_id}") - 1]
        return before if before in KINDS else None
    return None


def demo_records(casebook: Casebook, tmp_path: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    with casebook.reader() as session:
        for name, kind in KINDS.items():
            model = kind.model
            variants = {}
            for variant, published in (("published", True), ("unpublished", False)):
                external_id = session.scalar(
                    select(model.external_id)
                    .where(model.published.is_(published))
                    .order_by(model.id)
                    .limit(1)
                )
                if external_id is not None:
                    variants[variant] = external_id
            variants["unknown"] = UNKNOWN_ID
            found[name] = variants
    documents = {}
    for variant, sensitivity in (("published", "public"), ("unpublished", "restricted")):
        path = tmp_path / f"{sensitivity}.txt"
        path.write_text(f"A {sensitivity} synthetic note.", encoding="utf-8")
        result = ingest(casebook, [path], provenance=Provenance(sensitivity=sensitivity))
        documents[variant] = str(result[0].document_id)
    documents["unknown"] = UNKNOWN_NUMBER
    found["documents"] = documents
    return found


@pytest.fixture
def fixtures(casebook: Casebook, tmp_path: Path) -> Iterator[Fixtures]:
    web = make_staffed_web(casebook)
    made = Fixtures(web=web, records=demo_records(casebook, tmp_path))
    yield made
    for client in web.clients:
        client.close()


def shown_text(response: Response) -> str:
    """The body as a reader sees it (JSON decoded, so escaped letters count as letters)."""
    text = str(response.text)
    if response.headers.get("content-type", "").startswith("application/json"):
        with contextlib.suppress(ValueError):
            text += json.dumps(response.json(), ensure_ascii=False)
    return text


def problems_with(role: str, target: Target, response: Response) -> list[str]:
    where = f"{role} GET {target.url} ({target.variant})"
    status = response.status_code
    found = []
    if status >= 500:
        found.append(f"{where}: server error {status}")
    headers = response.headers
    if headers.get("content-security-policy") != CONTENT_SECURITY_POLICY:
        found.append(f"{where}: no Content-Security-Policy")
    if (
        headers.get("x-content-type-options") != "nosniff"
        or headers.get("x-frame-options") != "DENY"
    ):
        found.append(f"{where}: security headers missing")
    if role == ANONYMOUS:
        return found + anonymous_problems(where, target, response)
    if role in HIDDEN_ROLES:
        text = shown_text(response)
        leaked = [name for name in SYNTHETIC_NAMES if name in text]
        if leaked:
            found.append(f"{where}: shows identities {leaked}")
    if target.variant == "unknown" and status != 404:
        found.append(f"{where}: unknown id answered {status}, not 404")
    if role == "viewer" and target.variant == "unpublished" and status != 404:
        found.append(f"{where}: viewer got an unpublished record ({status}, not 404)")
    if role == "admin" and target.variant == "published" and status != 200:
        found.append(f"{where}: admin could not read a published record ({status})")
    return found


def anonymous_problems(where: str, target: Target, response: Response) -> list[str]:
    status = response.status_code
    if target.route in PUBLIC_PAGES:
        return []
    if target.api and status != 401:
        return [f"{where}: anonymous API request answered {status}, not 401"]
    if target.api and set(response.json()) != {"error"}:
        return [f"{where}: 401 without the error shape"]
    if not target.api and (status != 303 or not response.headers["location"].startswith("/login")):
        return [f"{where}: anonymous page answered {status}, not a redirect to /login"]
    return []


SYNTHETIC_NAMES = synthetic_names()


def test_every_role_on_every_page_and_endpoint(fixtures: Fixtures) -> None:
    assert "Хасанов" in SYNTHETIC_NAMES
    assert "Officer A (invented)" in SYNTHETIC_NAMES
    web = fixtures.web
    routes = get_routes(web.app)
    assert ("/", False) in routes
    assert ("/api/records/{kind}/{external_id}", True) in routes
    targets = [t for path, api in routes for t in expand(path, api, fixtures.records)]
    clients = {ANONYMOUS: web.anonymous(), **{role: web.client_for(role) for role in ROLES}}
    problems: list[str] = []
    for role, client in clients.items():
        for target in targets:
            response = client.get(target.url, follow_redirects=False)
            problems += problems_with(role, target, response)
    assert not problems, "\n".join(problems)
    variants = {t.variant for t in targets}
    assert {"published", "unpublished", "unknown", "plain"} <= variants


def test_a_documenter_sees_the_names_an_analyst_may_not(fixtures: Fixtures) -> None:
    web = fixtures.web
    documenter, analyst = web.client_for("documenter"), web.client_for("analyst")
    checked = 0
    for path, _ in get_routes(web.app):
        if "persons/{external_id}" not in path or "{kind}" in path:
            continue
        url = path.replace("{external_id}", "p-001")
        assert "Хасанов" in shown_text(documenter.get(url)), url
        assert "Хасанов" not in shown_text(analyst.get(url)), url
        checked += 1
    assert checked >= 1


def test_changes_from_a_browser_without_the_csrf_token_are_refused(fixtures: Fixtures) -> None:
    web = fixtures.web
    admin = web.client_for("admin")
    routes = post_routes(web.app)
    assert "/api/import/{kind}" in routes
    problems = []
    for path in routes:
        url = path.replace("{kind}", "events")
        url = url.replace("{external_id}", fixtures.records["events"]["published"])
        url = url.replace("{document_id}", fixtures.records["documents"]["published"])
        for name in PARAMETER.findall(url):
            url = url.replace(f"{{{name}}}", OTHER_VALUES.get(name, "1"))
        response = admin.post(url, data=A_FORM, follow_redirects=False)
        if response.status_code != 403:
            problems.append(f"POST {url} without the CSRF token answered {response.status_code}")
    assert not problems, "\n".join(problems)
    # Still signed in: the refusals did not end the session.
    assert admin.get("/", follow_redirects=False).status_code == 200
