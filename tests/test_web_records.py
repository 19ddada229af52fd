"""Record pages over HTTP: lists, filters, pages, detail pages, perpetrators and search.

Rows are asserted against the demo data (src/rightsledger/demo/data/*.csv), on both backends.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rightsledger.model import Document
from rightsledger.protect import audit
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table
from rightsledger.vault.intake import Provenance, ingest
from tests import web_support
from tests.helpers import demo_data
from tests.web_support import StaffedWeb

staffed_web = web_support.staffed_web  # the fixture, used by name

TABLE = re.compile(r'<table id="records">(.*?)</table>', re.S)
ACTS_HEADER = (
    "external_id,event,victim,act_type,date,place,place_id,place_admin,status,description,published"
)


def ids_in_table(html: str, path: str) -> list[str]:
    """The record of each row of a list page's table (its first link), in order."""
    found = TABLE.search(html)
    assert found is not None, "the page has no records table"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
    firsts = [re.search(rf'href="/{path}/([^"]+)"', row) for row in rows]
    return [first.group(1) for first in firsts if first is not None]


def get_ok(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    return response.text


def derived_status(html: str) -> str:
    found = re.search(r'id="derived-status">(.*?)</p>', html, re.S)
    assert found is not None, "the page shows no derived status"
    return found.group(1)


def add_rows(casebook: Casebook, kind: str, header: str, rows: list[str]) -> None:
    text = "\n".join([header, *rows]) + "\n"
    table = read_table(text.encode(), source=f"extra-{kind}.csv", file_format=FileFormat.CSV)
    import_table(casebook, KINDS[kind], table)


def synthetic_names() -> list[str]:
    """Every name of an invented individual in the demo persons.csv."""
    with (demo_data() / "persons.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if "[SYNTHETIC]" in row["description"]]
    names = []
    for row in rows:
        for column in ("name", "given_name", "patronymic", "family_name"):
            if row[column]:
                names.append(row[column])
        names.extend(alias for alias in row["aliases"].split(";") if alias)
    assert {"Хасанов", "Zelimkhan B.", "Officer A (invented)"} <= set(names)
    return names


def test_lists_filter_by_their_fields(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("documenter")
    events = get_ok(client, "/events")
    assert sorted(ids_in_table(events, "events")) == [
        "ev-argun",
        "ev-campaign",
        "ev-grozny",
        "ev-second-wave",
    ]
    assert ids_in_table(get_ok(client, "/events?q=argun"), "events") == ["ev-argun"]
    assert ids_in_table(get_ok(client, "/events?date_from=2018"), "events") == ["ev-second-wave"]
    assert ids_in_table(get_ok(client, "/events?place=Grozny"), "events") == ["ev-grozny"]

    def acts(query: str) -> list[str]:
        return sorted(ids_in_table(get_ok(client, f"/acts?{query}"), "acts"))

    assert acts("act_type=arbitrary_detention") == [
        "a-001",
        "a-004",
        "a-101",
        "a-103",
        "a-105",
        "a-109",
    ]
    # A broader type takes in its subtypes: torture, ill-treatment, threats.
    assert acts("act_type=personal_integrity_direct") == ["a-002", "a-102", "a-104", "a-106"]
    assert acts("event=ev-grozny") == ["a-103", "a-104"]
    assert acts("place=grozny") == ["a-103", "a-104", "a-109"]
    assert acts("date_from=2019-01-01&date_to=2019-12-31") == ["a-004", "a-109"]
    assert acts("act_type=killing&date_from=2017-04&date_to=2017-04") == ["a-003", "a-107"]

    persons = get_ok(client, "/persons?kind=group")
    assert sorted(ids_in_table(persons, "persons")) == [
        "grp-detained-2017",
        "grp-killed-2017",
        "grp-second-wave",
    ]
    assert ids_in_table(get_ok(client, "/persons?name=хасанов"), "persons") == ["p-001"]
    # Every word of the name is one of the person's names: given + family.
    assert ids_in_table(get_ok(client, "/persons?name=Ислам+Дудаев"), "persons") == ["p-002"]
    assert ids_in_table(get_ok(client, "/persons?name=Magomed+Khasanov"), "persons") == ["p-001"]
    assert ids_in_table(get_ok(client, "/persons?name=Nobody+Atall"), "persons") == []

    organizations = get_ok(client, "/organizations?org_type=police")
    assert sorted(ids_in_table(organizations, "organizations")) == [
        "org-argun-police",
        "org-mvd-chechnya",
        "org-mvd-russia",
    ]
    by_name = get_ok(client, "/organizations?name=city+police")
    assert ids_in_table(by_name, "organizations") == ["org-argun-police"]

    perpetrators = get_ok(client, "/perpetrators?kind=persons")
    assert sorted(ids_in_table(perpetrators, "perpetrators")) == [
        "persons/per-kadyrov",
        "persons/per-officer-a",
    ]

    # A bad filter is a message beside the form, status 400, and no rows.
    analyst = staffed_web.client_for("analyst")
    response = analyst.get("/acts?act_type=not_a_type")
    assert response.status_code == 400
    assert 'id="filter-error"' in response.text
    assert "not_a_type" in response.text
    assert ids_in_table(response.text, "acts") == []
    bad_date = analyst.get("/events?date_from=April")
    assert bad_date.status_code == 400
    assert "date from" in bad_date.text
    assert analyst.get("/perpetrators?status=jailed").status_code == 400
    # Looking up a name confirms who is in the casebook: only for roles that see identities.
    assert analyst.get("/persons?name=Хасанов").status_code == 403


def test_lists_page_by_fifty(staffed_web: StaffedWeb) -> None:
    extra = [
        f"x-{n:03d},ev-campaign,grp-detained-2017,arbitrary_detention,2020-01,Argun,,,,,true"
        for n in range(60)
    ]
    add_rows(staffed_web.casebook, "acts", ACTS_HEADER, extra)
    client = staffed_web.client_for("analyst")
    first = get_ok(client, "/acts")
    second = get_ok(client, "/acts?page=2")
    assert len(ids_in_table(first, "acts")) == 50
    assert len(ids_in_table(second, "acts")) == 73 - 50
    assert set(ids_in_table(first, "acts")).isdisjoint(ids_in_table(second, "acts"))
    assert '<span id="total">73</span>' in first
    assert 'rel="next" href="/acts?page=2"' in first
    assert 'rel="prev"' not in first
    # Filters survive paging.
    filtered = get_ok(client, "/acts?date_from=2020&page=2")
    assert len(ids_in_table(filtered, "acts")) == 10
    assert 'rel="prev" href="/acts?date_from=2020&amp;page=1"' in filtered
    assert client.get("/acts?page=0").status_code == 400


@pytest.mark.parametrize("role", ["analyst", "viewer"])
def test_roles_without_identities_never_see_a_synthetic_name(
    staffed_web: StaffedWeb, role: str
) -> None:
    client = staffed_web.client_for(role)
    names = synthetic_names()
    listing = get_ok(client, "/persons")
    pages = [listing]
    for reference in ids_in_table(listing, "persons"):
        assert reference.startswith("P-"), reference  # ids can be built from names
        pages.append(get_ok(client, f"/persons/{reference}"))
    if role == "analyst":
        act = get_ok(client, "/acts/a-101")
        assert "[protected P-" in act
        pages += [act, get_ok(client, "/persons/p-001"), get_ok(client, "/events/ev-argun")]
        pages.append(get_ok(client, "/perpetrators/persons/per-officer-a"))
        pages.append(get_ok(client, "/perpetrators"))
    pages.append(get_ok(client, "/acts"))
    for name in names:
        # The search box shows back what was typed; nothing else on the page may name anyone.
        pages.append(get_ok(client, f"/search?q={name}").replace(f'value="{name}"', ""))
    for page in pages:
        assert 'id="identity-section"' not in page
        for name in names:
            assert name not in page


def test_a_documenter_sees_names_and_the_reading_is_on_record(staffed_web: StaffedWeb) -> None:
    client = staffed_web.client_for("documenter")
    listing = get_ok(client, "/persons")
    assert "Zelimkhan B." in listing
    detail = get_ok(client, "/persons/p-001")
    for shown in ("Хасанов", "Magomed Khasanov", "1991-03-12", 'id="identity-section"'):
        assert shown in detail
    act = get_ok(client, "/acts/a-101")
    assert "Хасанов" in act
    assert "Officer A (invented)" in act
    found = get_ok(client, "/search?q=Хасанов")
    assert 'href="/persons/p-001"' in found
    get_ok(staffed_web.client_for("analyst"), "/persons/p-001")
    with staffed_web.casebook.engine.connect() as connection:
        reads = [e for e in audit.entries(connection) if e.action == audit.IDENTITIES_READ]
    places = {json.loads(entry.details)["command"] for entry in reads}
    assert {"web /persons", "web /persons/p-001", "web /acts/a-101", "web /search"} <= places
    assert {entry.actor for entry in reads} == {"documenter"}  # the analyst saw no identity


UNPUBLISHED = [
    "/events/ev-grozny",
    "/acts/a-101",
    "/persons/p-001",
    "/organizations/org-hotline",
    "/perpetrators/persons/per-officer-a",
]
UNKNOWN = [
    "/events/ev-nowhere",
    "/acts/a-999",
    "/persons/p-999",
    "/persons/P-0000000000",
    "/organizations/org-nowhere",
    "/perpetrators/organizations/org-nowhere",
    "/perpetrators/units/org-argun-police",
]


def test_a_viewer_sees_published_records_only_and_unknown_ids_are_not_found(
    staffed_web: StaffedWeb,
) -> None:
    viewer = staffed_web.client_for("viewer")
    documenter = staffed_web.client_for("documenter")
    for url in UNPUBLISHED:
        response = viewer.get(url)
        assert response.status_code == 404, url
        assert "Not found" in response.text
        assert "SYNTHETIC" not in response.text
        get_ok(documenter, url)
    for url in UNKNOWN:
        for client in (viewer, documenter):
            response = client.get(url)
            assert response.status_code == 404, url
            assert "Not found" in response.text
    assert "ev-grozny" not in ids_in_table(get_ok(viewer, "/events"), "events")
    assert sorted(ids_in_table(get_ok(viewer, "/acts"), "acts")) == [
        "a-001",
        "a-002",
        "a-003",
        "a-004",
    ]
    assert len(ids_in_table(get_ok(viewer, "/persons"), "persons")) == 5  # 3 groups, 2 officials
    assert "org-hotline" not in ids_in_table(get_ok(viewer, "/organizations"), "organizations")
    perpetrators = ids_in_table(get_ok(viewer, "/perpetrators"), "perpetrators")
    assert "organizations/org-argun-police" in perpetrators
    assert len(perpetrators) == 3  # two units and one official; Officer A is unpublished
    assert "ev-grozny" not in get_ok(viewer, "/search?q=Grozny")
    assert 'href="/events/ev-grozny"' in get_ok(documenter, "/search?q=Grozny")


def test_detail_pages_link_records_evidence_and_derived_status(
    staffed_web: StaffedWeb,
) -> None:
    client = staffed_web.client_for("analyst")
    act = get_ok(client, "/acts/a-001")
    assert 'href="/events/ev-argun"' in act
    for perpetrator in ("organizations/org-argun-police", "organizations/org-mvd-chechnya"):
        assert f'href="/perpetrators/{perpetrator}"' in act
    assert "Newspaper report of the detentions (reported)" in act  # c-001 → inf-press-2017-04-01
    assert "pr-complaint-2017" in act
    event = get_ok(client, "/events/ev-argun")
    assert 'href="/events/ev-campaign"' in event
    assert all(f'href="/acts/{a}"' in event for a in ("a-001", "a-002", "a-101", "a-107"))
    campaign = get_ok(client, "/events/ev-campaign")
    assert 'href="/events/ev-grozny"' in campaign
    assert "pr-call-2018" in campaign
    unit = get_ok(client, "/organizations/org-argun-police")
    assert 'href="/organizations/org-mvd-chechnya"' in unit
    assert "pr-refusal-2018" in unit

    page = get_ok(client, "/perpetrators/organizations/org-argun-police")
    assert "uncharged" in derived_status(page)
    for shown in ("pr-complaint-2017", "pr-refusal-2018", 'href="/acts/a-001"'):
        assert shown in page
    assert "Ministry of Internal Affairs of the Chechen Republic" in page  # chain of command
    assert "pr-sanction-2017" in get_ok(client, "/perpetrators/persons/per-kadyrov")

    # The status is derived: a charge recorded later changes it everywhere.
    add_rows(
        staffed_web.casebook,
        "proceedings",
        "external_id,type,date,body,outcome,targets,description,published",
        ["pr-charges-test,charges,2019-05,A court,Charged,organization:org-argun-police,,true"],
    )
    page = get_ok(client, "/perpetrators/organizations/org-argun-police")
    assert "facing charges" in derived_status(page)
    assert "2019-05-01" in derived_status(page)
    assert "pr-charges-test" in page
    unit = get_ok(client, "/organizations/org-argun-police")
    assert "facing charges" in unit
    listing = get_ok(client, "/perpetrators?status=facing_charges")
    assert ids_in_table(listing, "perpetrators") == ["organizations/org-argun-police"]


def _ingest(casebook: Casebook, tmp_path: Path, name: str) -> int:
    source = Path(__file__).resolve().parents[1] / "src" / "rightsledger" / "demo" / "documents"
    copy = tmp_path / name
    copy.write_bytes((source / name).read_bytes())
    ingest(casebook, [copy], provenance=Provenance(sensitivity="public"), actor="test")
    with casebook.reader() as session:
        found = session.scalar(select(Document.id).order_by(Document.id.desc()).limit(1))
    assert found is not None
    return found


def test_search_finds_records_and_documents_as_the_policy_allows(
    staffed_web: StaffedWeb, tmp_path: Path
) -> None:
    russian = _ingest(staffed_web.casebook, tmp_path, "article-ru.txt")
    documenter = staffed_web.client_for("documenter")
    found = get_ok(documenter, "/search?q=Argun")
    assert 'href="/events/ev-argun"' in found  # a word of its title
    assert 'href="/organizations/org-argun-police"' in found
    # «пытки» meets «пытками» in the article through the Russian stemmer.
    assert f'href="/documents/{russian}"' in get_ok(documenter, "/search?q=пытки")
    assert "/documents/" not in get_ok(documenter, "/search?q=Argun")
    analyst = staffed_web.client_for("analyst")
    assert f'href="/documents/{russian}"' in get_ok(analyst, "/search?q=пытки")
    viewer = staffed_web.client_for("viewer")
    assert "/documents/" not in get_ok(viewer, "/search?q=пытки")  # viewers search records only
    assert 'href="/events/ev-argun"' in get_ok(viewer, "/search?q=Argun")
