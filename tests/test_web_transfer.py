"""Import and export in the browser: line-exact import errors, identity rules on export."""

from __future__ import annotations

import csv
import io

from rightsledger.store.casebook import Casebook
from tests import web_support
from tests.helpers import demo_data, snapshot
from tests.web_support import StaffedWeb

staffed_web = web_support.staffed_web  # the fixture, used by name


def synthetic_names() -> set[str]:
    """Every name part of the demo's invented individuals."""
    names = set()
    with (demo_data() / "persons.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "[SYNTHETIC]" in row["description"] and row["is_group"] != "true":
                for column in ("name", "given_name", "family_name"):
                    if row[column]:
                        names.add(row[column])
                names.update(alias for alias in row["aliases"].split(";") if alias)
    return names


def test_a_bad_file_names_its_line_and_writes_nothing(staffed_web: StaffedWeb) -> None:
    casebook: Casebook = staffed_web.casebook
    client = staffed_web.client_for("documenter")
    token = staffed_web.csrf(client, "/transfer")
    before = snapshot(casebook)
    bad = (
        "external_id,title,date\n"
        "ev-web-1,A synthetic event [SYNTHETIC],2017-04\n"
        "ev-web-2,Another synthetic event [SYNTHETIC],the fourth of never\n"
    )
    response = client.post(
        "/transfer/import",
        data={"csrf_token": token, "kind": "events"},
        files={"file": ("events.csv", bad.encode(), "text/csv")},
    )
    assert response.status_code == 400
    assert "events.csv line 3" in response.text
    assert "column date" in response.text
    assert "Nothing was written" in response.text
    assert snapshot(casebook) == before

    good = "external_id,title,date\nev-web-1,A synthetic event [SYNTHETIC],2017-04\n"
    imported = client.post(
        "/transfer/import",
        data={"csrf_token": token, "kind": "events"},
        files={"file": ("events.csv", good.encode(), "text/csv")},
    )
    assert imported.status_code == 200
    assert "1 created, 0 updated" in imported.text
    assert snapshot(casebook) != before

    wrong_format = client.post(
        "/transfer/import",
        data={"csrf_token": token, "kind": "events"},
        files={"file": ("events.txt", good.encode(), "text/plain")},
    )
    assert wrong_format.status_code == 400
    assert "cannot tell the format from the extension" in wrong_format.text

    analyst = staffed_web.client_for("analyst")
    analyst_token = staffed_web.csrf(analyst, "/transfer")
    assert 'id="import-form"' not in analyst.get("/transfer").text
    refused = analyst.post(
        "/transfer/import",
        data={"csrf_token": analyst_token, "kind": "events"},
        files={"file": ("events.csv", good.encode(), "text/csv")},
    )
    assert refused.status_code == 403


def test_exports_keep_identities_from_roles_that_may_not_see_them(staffed_web: StaffedWeb) -> None:
    names = synthetic_names()
    assert names

    documenter = staffed_web.client_for("documenter").get(
        "/transfer/export", params={"kind": "persons", "format": "csv"}
    )
    assert documenter.status_code == 200
    assert documenter.headers["content-disposition"] == 'attachment; filename="persons.csv"'
    assert any(name in documenter.text for name in names)

    analyst = staffed_web.client_for("analyst")
    for file_format in ("csv", "jsonl"):
        export = analyst.get("/transfer/export", params={"kind": "persons", "format": file_format})
        assert export.status_code == 200
        assert not [name for name in names if name in export.text]
    rows = list(csv.DictReader(io.StringIO(analyst.get("/transfer/export?kind=persons").text)))
    assert rows
    assert all(not row["given_name"] for row in rows if row["is_group"] == "false")

    viewer = staffed_web.client_for("viewer")
    assert viewer.get("/transfer/export", params={"kind": "persons"}).status_code == 403
    bad_kind = staffed_web.client_for("documenter").get("/transfer/export?kind=secrets")
    assert bad_kind.status_code == 400
