"""The one-form violation entry page over HTTP: access, CSRF, recording, errors, suggestions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from rightsledger.model import Act, Citation, Involvement
from rightsledger.store.casebook import Casebook
from tests.helpers import snapshot
from tests.web_support import StaffedWeb, make_staffed_web


@pytest.fixture
def web(casebook: Casebook) -> Iterator[StaffedWeb]:
    """The demo casebook with one signed-in-able user per role (as ``staffed_web``)."""
    staffed = make_staffed_web(casebook)
    yield staffed
    for client in staffed.clients:
        client.close()


FORM = {
    "event_id": "ev-argun",
    "act_type": "torture",
    "act_date": "2017-04~",
    "act_place": "Argun",
    "victim_kind": "individual",
    "victim_given_name": "Синтетик",
    "victim_family_name": "Тестов",
    "victim_sex": "male",
    "perpetrator_id": "organization:org-argun-police",
    "involvement_degree": "carried_out",
    "source_title": "[SYNTHETIC] Web interview",
    "source_type": "victim_testimony",
}


def test_documenter_records_a_violation_and_is_sent_to_the_new_act(
    web: StaffedWeb,
) -> None:
    client = web.client_for("documenter")
    page = client.get("/entry")
    assert page.status_code == 200
    for name in ("event_title", "act_type", "victim_given_name", "group_best", "source_id"):
        assert f'name="{name}"' in page.text
    assert re.search(r"<(script|style)>|\sstyle=|\son[a-z]+=", page.text) is None
    csrf = web.csrf(client, "/entry")
    response = client.post("/entry", data=FORM | {"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    match = re.fullmatch(r"/acts/(act-[0-9a-f]+)\?recorded=1", location)
    assert match is not None, location
    with web.casebook.reader() as session:
        act = session.scalars(select(Act).where(Act.external_id == match.group(1))).one()
        assert act.act_type == "torture"
        assert act.event.external_id == "ev-argun"
        involvement = session.scalars(select(Involvement).where(Involvement.act_id == act.id)).one()
        assert involvement.organization is not None
        assert involvement.organization.external_id == "org-argun-police"
        citation = session.scalars(
            select(Citation).where(Citation.record_kind == "acts", Citation.record_id == act.id)
        ).one()
        assert citation.information is not None
        assert citation.information.title == "[SYNTHETIC] Web interview"

    # A bad field: shown beside the field, every value kept, nothing written.
    before = snapshot(web.casebook)
    response = client.post("/entry", data=FORM | {"act_date": "2017-13-45", "csrf_token": csrf})
    assert response.status_code == 400
    assert 'id="act_date-error"' in response.text
    assert 'id="f-act_date" name="act_date" type="text" value="2017-13-45"' in response.text
    assert 'value="[SYNTHETIC] Web interview"' in response.text
    assert '<option value="torture" selected>' in response.text
    assert snapshot(web.casebook) == before


def test_changes_without_csrf_and_roles_that_may_not_create_are_refused(web: StaffedWeb) -> None:
    before = snapshot(web.casebook)
    documenter = web.client_for("documenter")
    assert documenter.post("/entry", data=FORM).status_code == 403
    for role in ("analyst", "viewer"):
        client = web.client_for(role)
        assert client.get("/entry").status_code == 403
        assert client.get("/entry/suggest?kind=events&q=argun").status_code == 403
        csrf = web.csrf(client, "/")
        response = client.post("/entry", data=FORM | {"csrf_token": csrf})
        assert response.status_code == 403
        assert "Record a violation" not in client.get("/").text
    assert snapshot(web.casebook) == before


def test_suggestions_by_htmx_and_without_javascript(web: StaffedWeb) -> None:
    client = web.client_for("documenter")
    # The demo's event, by a word of its title, as an htmx fragment.
    fragment = client.get("/entry/suggest", params={"kind": "events", "q": "Argun"})
    assert fragment.status_code == 200
    assert 'name="event_pick" value="ev-argun"' in fragment.text
    assert "<html" not in fragment.text  # a fragment for htmx, not a page
    # htmx sends the section's own search box instead of q.
    typed = client.get("/entry/suggest", params={"kind": "events", "event_q": "former building"})
    assert 'value="ev-argun"' in typed.text
    nothing = client.get("/entry/suggest", params={"kind": "events", "q": "zzzz"})
    assert "ev-argun" not in nothing.text
    assert client.get("/entry/suggest?kind=acts&q=x").status_code == 400
    # Without JavaScript: Find posts the form back with suggestions and every value kept.
    csrf = web.csrf(client, "/entry")
    before = snapshot(web.casebook)
    response = client.post(
        "/entry",
        data={
            "csrf_token": csrf,
            "find": "perpetrator",
            "perpetrator_q": "argun police",
            "event_title": "Typed before searching",
        },
    )
    assert response.status_code == 200
    assert 'name="perpetrator_pick" value="organization:org-argun-police"' in response.text
    assert 'value="Typed before searching"' in response.text
    assert snapshot(web.casebook) == before
    # The pick is then recorded like a typed id.
    data = FORM | {"perpetrator_id": "", "perpetrator_pick": "organization:org-argun-police"}
    recorded = client.post("/entry", data=data | {"csrf_token": csrf}, follow_redirects=False)
    assert recorded.status_code == 303
    # Persons are found by exact name only, and their searches are posted (no names in URLs).
    found = client.post(
        "/entry/suggest?kind=persons&for=victim",
        data={"victim_q": "синтетик тестов"},
        headers={"x-csrf-token": csrf},
    )
    assert found.status_code == 200
    assert "Синтетик Тестов" in found.text
    assert 'name="victim_pick" value="person:per-' in found.text
    partial = client.post(
        "/entry/suggest?kind=persons", data={"q": "Синтет"}, headers={"x-csrf-token": csrf}
    )
    assert "Синтетик" not in partial.text
