"""The JSON API over HTTP: records, imports, accountability, figures and documents, per role."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from rightsledger.model import Event
from rightsledger.protect import audit, tokens
from rightsledger.store.casebook import Casebook
from rightsledger.vault.intake import Provenance, ingest
from tests.web_support import BASE_URL, StaffedWeb, make_staffed_web

# Whichever httpx the test client is built on (Starlette may use its httpx2 fork).
Response = Any

KHASANOV = "Хасанов"  # the family name of the demo's [SYNTHETIC] person p-001
ERROR_KEYS = {"status", "code", "message"}


class Api:
    """Bearer-token clients for each role of a staffed demo casebook."""

    def __init__(self, web: StaffedWeb) -> None:
        self.web = web
        self.client = TestClient(web.app, base_url=BASE_URL, raise_server_exceptions=False)
        self.headers: dict[str, dict[str, str]] = {}
        with web.casebook.session() as session:
            for role in ("admin", "documenter", "analyst", "viewer"):
                made = tokens.create_token(session, name="tests", actor=None, for_user=role)
                self.headers[role] = {"authorization": f"Bearer {made.secret}"}

    def get(self, role: str, path: str, **params: Any) -> Response:
        return self.client.get(path, headers=self.headers[role], params=params)


@pytest.fixture
def api(casebook: Casebook) -> Iterator[Api]:
    web = make_staffed_web(casebook)
    made = Api(web)
    yield made
    made.client.close()
    for client in web.clients:
        client.close()


def error_of(response: Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) >= ERROR_KEYS
    assert body["error"]["status"] == response.status_code
    error: dict[str, Any] = body["error"]
    return error


def test_listing_pages_by_offset_and_cursor_with_a_total(api: Api) -> None:
    first = api.get("admin", "/api/records/acts", limit=5).json()
    assert first["total"] == 13
    assert len(first["records"]) == 5
    assert first["next_cursor"] is not None
    second = api.get("admin", "/api/records/acts", limit=5, cursor=first["next_cursor"]).json()
    by_offset = api.get("admin", "/api/records/acts", limit=5, offset=5).json()
    assert second["records"] == by_offset["records"]
    assert second["offset"] is None
    ids = [r["external_id"] for r in first["records"] + second["records"]]
    assert len(set(ids)) == 10
    last = api.get("admin", "/api/records/acts", limit=5, offset=10).json()
    assert len(last["records"]) == 3
    assert last["next_cursor"] is None
    everything = api.get("admin", "/api/records/acts", limit=500).json()["records"]
    assert [r["external_id"] for r in everything][:10] == ids
    assert api.get("admin", "/api/records/acts", limit=501).status_code == 422
    bad = api.get("admin", "/api/records/acts", cursor="forged")
    assert bad.status_code == 400
    assert "cursor" in error_of(bad)["message"]


def test_filters_clean_values_like_an_import_and_name_the_column(api: Api) -> None:
    torture = api.get("analyst", "/api/records/acts", filter="act_type=torture").json()
    assert torture["total"] == 2
    assert {r["act_type"] for r in torture["records"]} == {"torture"}
    in_event = api.get("admin", "/api/records/acts", filter=["event=ev-argun", "act_type=torture"])
    assert all(r["event"] == "ev-argun" for r in in_event.json()["records"])
    published = api.get("admin", "/api/records/acts", filter="published=yes").json()
    assert published["total"] == 4
    wrong = api.get("admin", "/api/records/acts", filter="act_type=detention")
    assert wrong.status_code == 400
    error = error_of(wrong)
    assert error["source"] == "filter"
    assert error["column"] == "act_type"
    assert "not a known act type" in str(error["message"])
    for refused in ("name=Хасанов", "contact=x", "nonsense"):
        response = api.get("admin", "/api/records/persons", filter=refused)
        assert response.status_code == 400, refused


def test_roles_without_identities_get_pseudonyms_and_viewers_published_records(api: Api) -> None:
    admin = api.get("admin", "/api/records/persons", limit=500).json()
    assert admin["total"] == 12
    assert any(r["family_name"] == KHASANOV for r in admin["records"])
    documenter = api.get("documenter", "/api/records/persons/p-001").json()["record"]
    assert documenter["family_name"] == KHASANOV
    assert documenter["birth_date"] == "1991-03-12"

    analyst = api.get("analyst", "/api/records/persons", limit=500)
    assert analyst.json()["total"] == 12
    assert KHASANOV not in analyst.text
    assert "p-001" not in analyst.text
    hidden = next(
        r for r in analyst.json()["records"] if r["sex"] == "male" and r["is_group"] is False
    )
    assert hidden["external_id"].startswith("P-")
    assert hidden["name"] == hidden["external_id"]
    assert hidden["contact"] is None
    # The pseudonym is how such a role finds the person again; the real id tells it nothing.
    again = api.get("analyst", f"/api/records/persons/{hidden['external_id']}")
    assert again.status_code == 200
    assert again.json()["record"] == hidden
    assert api.get("analyst", "/api/records/persons/p-001").status_code == 404
    acts = api.get("analyst", "/api/records/acts", limit=500).text
    assert "p-001" not in acts
    assert '"victim":"P-' in acts

    viewer = api.get("viewer", "/api/records/acts", limit=500).json()
    assert viewer["total"] == 4
    assert all(r["published"] for r in viewer["records"])
    unpublished = api.get("admin", "/api/records/acts", filter="published=false").json()
    hidden_act = unpublished["records"][0]["external_id"]
    refused = api.get("viewer", f"/api/records/acts/{hidden_act}")
    assert refused.status_code == 404
    assert hidden_act in str(error_of(refused)["message"])
    assert api.get("viewer", "/api/records/acts/no-such-act").status_code == 404
    assert api.get("admin", "/api/records/acts/no-such-act").status_code == 404
    assert api.get("admin", "/api/records/nonsense").status_code == 422


def test_reading_identities_through_the_api_is_audited(api: Api) -> None:
    api.get("documenter", "/api/records/persons", limit=3)
    api.get("analyst", "/api/records/persons", limit=3)
    with api.web.casebook.engine.connect() as connection:
        reads = [e for e in audit.entries(connection) if e.action == audit.IDENTITIES_READ]
    assert [(e.actor, json.loads(e.details)["records"]) for e in reads] == [("documenter", 3)]


EVENTS_CSV = "external_id,title,date,published\nev-api-1,From a script,2019-05,true\n"


def _events(casebook: Casebook) -> int:
    with casebook.reader() as session:
        return session.scalar(select(func.count(Event.id))) or 0


def test_import_a_file_all_or_nothing(api: Api) -> None:
    before = _events(api.web.casebook)
    post = api.client.post
    done = post(
        "/api/import/events",
        content=EVENTS_CSV.encode(),
        headers={**api.headers["documenter"], "content-type": "text/csv"},
    )
    assert done.status_code == 200, done.text
    assert done.json() == {
        "kind": "events",
        "source": "request body",
        "created": 1,
        "updated": 0,
        "total": 1,
    }
    rows = [
        {"external_id": "ev-api-2", "title": "Fine"},
        {"external_id": "ev-api-3", "title": "Bad date", "date": "the spring"},
    ]
    bad = post(
        "/api/import/events",
        content="\n".join(json.dumps(row) for row in rows).encode(),
        headers={**api.headers["documenter"], "content-type": "application/x-ndjson"},
    )
    assert bad.status_code == 400
    error = error_of(bad)
    assert (error["source"], error["line"], error["column"]) == ("request body", 2, "date")
    assert _events(api.web.casebook) == before + 1
    upload = post(
        "/api/import/events",
        files={"file": ("more.jsonl", b'{"external_id": "ev-api-1", "title": "Renamed"}\n')},
        headers=api.headers["admin"],
    )
    assert upload.json()["updated"] == 1
    assert upload.json()["source"] == "more.jsonl"
    refused = post(
        "/api/import/events",
        content=EVENTS_CSV.encode(),
        headers={**api.headers["analyst"], "content-type": "text/csv"},
    )
    assert refused.status_code == 403
    unknown = post(
        "/api/import/events",
        content=b"x",
        headers={**api.headers["admin"], "content-type": "text/plain"},
    )
    assert unknown.status_code == 400
    assert _events(api.web.casebook) == before + 1


def test_a_browser_session_needs_the_csrf_header_to_import(api: Api) -> None:
    browser = api.web.client_for("documenter")
    headers = {"content-type": "text/csv"}
    refused = browser.post("/api/import/events", content=EVENTS_CSV.encode(), headers=headers)
    assert refused.status_code == 403
    assert _events(api.web.casebook) == 4
    token = api.web.csrf(browser)
    accepted = browser.post(
        "/api/import/events",
        content=EVENTS_CSV.encode(),
        headers={**headers, "x-csrf-token": token},
    )
    assert accepted.status_code == 200
    assert browser.get("/api/records/events/ev-api-1").json()["record"]["title"] == "From a script"
    anonymous = api.web.anonymous()
    assert anonymous.get("/api/records/events").status_code == 401


def test_perpetrators_and_accountability_show_derived_status(api: Api) -> None:
    admin = api.get("admin", "/api/perpetrators").json()["perpetrators"]
    kadyrov = next(p for p in admin if p["external_id"] == "per-kadyrov")
    assert kadyrov["name"] == "Ramzan Kadyrov"
    assert kadyrov["status"] == "uncharged"
    analyst = api.get("analyst", "/api/perpetrators")
    assert "per-kadyrov" not in analyst.text
    assert "Officer A" not in analyst.text
    persons = [p for p in analyst.json()["perpetrators"] if p["kind"] == "persons"]
    assert persons
    assert all(p["external_id"].startswith("P-") for p in persons)
    viewer = api.get("viewer", "/api/perpetrators").json()["perpetrators"]
    assert len(viewer) < len(admin)

    overview = api.get("analyst", "/api/accountability", as_of="2020-01-01").json()
    assert overview["as_of"] == "2020-01-01"
    assert {row["external_id"] for row in overview["perpetrators"] if row["kind"] == "persons"} == {
        p["external_id"] for p in persons
    }
    profile = api.get("analyst", f"/api/accountability/persons/{persons[0]['external_id']}")
    assert profile.status_code == 200
    assert profile.json()["external_id"] == persons[0]["external_id"]
    assert api.get("analyst", "/api/accountability/persons/per-kadyrov").status_code == 404
    organization = api.get("viewer", "/api/accountability/organizations/org-mvd-chechnya")
    assert organization.status_code == 200
    assert organization.json()["involvements"]


def test_dashboard_and_estimates(api: Api) -> None:
    admin = api.get("admin", "/api/dashboard").json()
    viewer = api.get("viewer", "/api/dashboard").json()
    assert (admin["acts"], viewer["acts"]) == (13, 4)
    assert viewer["estimates"] == []
    refused = api.get("viewer", "/api/estimate", act_type="arbitrary_detention")
    assert refused.status_code == 403
    too_few = api.get("analyst", "/api/estimate", act_type="arbitrary_detention")
    assert too_few.status_code == 400
    message = str(error_of(too_few)["message"])
    assert "at least 3 lists" in message
    # A list a person gave is named after its information record, never after the person.
    assert "inf-testimony-003" in message
    assert "p-003" not in message
    documenter = api.get("documenter", "/api/estimate", act_type="arbitrary_detention")
    assert "p-003" not in str(error_of(documenter)["message"])
    unknown = api.get("analyst", "/api/estimate", act_type="detention", method="dga")
    assert unknown.status_code == 400
    assert (
        api.get("analyst", "/api/estimate", act_type="torture", method="lcmcr").status_code == 422
    )


@pytest.fixture
def documents(api: Api, tmp_path: Path) -> dict[str, int]:
    found = {}
    for sensitivity in ("public", "restricted", "confidential"):
        path = tmp_path / f"{sensitivity}-report.txt"
        path.write_text(f"A {sensitivity} synthetic report.", encoding="utf-8")
        result = ingest(api.web.casebook, [path], provenance=Provenance(sensitivity=sensitivity))
        assert result[0].document_id is not None
        found[sensitivity] = result[0].document_id
    return found


def test_documents_follow_the_confidentiality_rules(api: Api, documents: dict[str, int]) -> None:
    viewer = api.get("viewer", "/api/documents").json()
    assert [d["id"] for d in viewer["documents"]] == [documents["public"]]
    assert api.get("viewer", f"/api/documents/{documents['public']}").status_code == 200
    for hidden in ("restricted", "confidential"):
        assert api.get("viewer", f"/api/documents/{documents[hidden]}").status_code == 404
    analyst = api.get("analyst", "/api/documents").json()
    assert analyst["total"] == 3
    confidential = next(d for d in analyst["documents"] if d["sensitivity"] == "confidential")
    assert "confidential-report" not in (confidential["name"] or "")
    assert api.get("analyst", f"/api/documents/{documents['confidential']}").status_code == 403
    opened = api.get("documenter", f"/api/documents/{documents['confidential']}")
    assert opened.status_code == 200
    assert opened.json()["document"]["original_name"] == "confidential-report.txt"
    assert "text" not in opened.json()["document"]
    with api.web.casebook.engine.connect() as connection:
        entries = audit.entries(connection)
    assert [e.actor for e in entries if e.action == audit.CONFIDENTIAL_READ] == ["documenter"]
    assert api.get("admin", "/api/documents/999999").status_code == 404


def test_the_spec_declares_the_error_shape_for_every_operation(api: Api) -> None:
    spec = api.client.get("/api/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    assert {"token", "session"} <= set(spec["components"]["securitySchemes"])
    operations = [
        (path, method, operation)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ]
    assert len(operations) >= 10
    for path, method, operation in operations:
        for status in ("401", "403", "422"):
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, method, status)
    text = json.dumps(spec)
    for secret in ("password_hash", "totp_secret", "token_hash"):
        assert secret not in text


def test_a_violation_entered_in_one_request(api: Api) -> None:
    fields = {
        "event_id": "ev-argun",
        "act_type": "torture",
        "victim_id": "grp-detained-2017",
        "perpetrator_id": "org-argun-police",
        "involvement_degree": "carried_out",
        "source_id": "inf-press-2017-04-01",
    }
    post = api.client.post
    done = post("/api/entry", json=fields, headers=api.headers["documenter"])
    assert done.status_code == 201, done.text
    act = done.json()["act"]
    assert api.get("admin", f"/api/records/acts/{act}").json()["record"]["event"] == "ev-argun"
    bad = post("/api/entry", json={**fields, "act_type": "nonsense"}, headers=api.headers["admin"])
    assert bad.status_code == 400
    assert error_of(bad)["column"] == "act_type"
    unknown = post("/api/entry", json={"colour": "red"}, headers=api.headers["admin"])
    assert error_of(unknown)["column"] == "colour"
    assert post("/api/entry", json=fields, headers=api.headers["analyst"]).status_code == 403
    total = api.get("admin", "/api/records/acts").json()["total"]
    assert total == 14
