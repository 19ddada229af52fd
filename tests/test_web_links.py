"""Linkage review in the browser: pairs side by side, accept merges and keeps every record."""

from __future__ import annotations

import re

from sqlalchemy import select

from rightsledger.link.casebook import link_casebook
from rightsledger.link.review_casebook import pending_pairs
from rightsledger.model import LinkPair, Person
from rightsledger.store.casebook import Casebook
from tests import web_support
from tests.test_link_casebook import load
from tests.web_support import StaffedWeb

staffed_web = web_support.staffed_web  # the fixture, used by name


def root_of(casebook: Casebook, person_id: int) -> int:
    with casebook.reader() as session:
        person = session.get_one(Person, person_id)
        return person.same_as_id or person.id


def test_pairs_are_shown_side_by_side_and_accepting_merges_them(staffed_web: StaffedWeb) -> None:
    casebook = staffed_web.casebook
    load(casebook, people=40)
    # A high threshold and a wide review band: this small population leaves pairs to decide.
    link_casebook(casebook, threshold=0.9999, review_band=(0.001, 0.999), actor="test")
    pairs = pending_pairs(casebook)
    with casebook.reader() as session:
        stored = {pair.id: pair for pair in session.scalars(select(LinkPair))}
    apart = [
        pair
        for pair in pairs
        if root_of(casebook, stored[pair["id"]].left_person_id)
        != root_of(casebook, stored[pair["id"]].right_person_id)
    ]
    assert len(apart) >= 3
    chosen, rejected, skipped = apart[0], apart[1], apart[2]

    client = staffed_web.client_for("documenter")
    page = client.get("/links")
    assert page.status_code == 200
    section = page.text.split(f'id="pair-{chosen["id"]}"', 1)[1].split("</article>", 1)[0]
    assert chosen["left"]["name"] in section
    assert chosen["right"]["name"] in section
    assert chosen["left"]["external_id"] in section
    assert chosen["right"]["external_id"] in section
    assert f"{chosen['probability']:.2f}" in section
    assert re.search(r"weight\s+[+-]\d", section)  # each comparison with its weight
    for evidence in chosen["evidence_for"]:
        comparison = evidence.split(" ")[0]
        assert comparison in section

    token = staffed_web.csrf(client, "/links")
    response = client.post(
        f"/links/{chosen['id']}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    merged = client.get(response.headers["location"])
    assert merged.status_code == 200
    cluster = merged.text.split('id="merged-cluster"', 1)[1].split("</table>", 1)[0]
    assert chosen["left"]["external_id"] in cluster
    assert chosen["right"]["external_id"] in cluster
    pair = stored[chosen["id"]]
    assert root_of(casebook, pair.left_person_id) == root_of(casebook, pair.right_person_id)
    with casebook.reader() as session:
        assert session.get(Person, pair.left_person_id) is not None  # both records remain
        assert session.get(Person, pair.right_person_id) is not None
        assert session.get_one(LinkPair, chosen["id"]).reviewed_by == "documenter"

    for pair_id, decision in ((rejected["id"], "reject"), (skipped["id"], "skip")):
        done = client.post(
            f"/links/{pair_id}/{decision}", data={"csrf_token": token}, follow_redirects=False
        )
        assert done.status_code == 303
    with casebook.reader() as session:
        statuses = {p.id: p.status for p in session.scalars(select(LinkPair))}
    assert statuses[chosen["id"]] == "accepted"
    assert statuses[rejected["id"]] == "rejected"
    assert statuses[skipped["id"]] == "skipped"
    after = client.get("/links").text
    assert f'id="pair-{chosen["id"]}"' not in after
    assert f'id="pair-{rejected["id"]}"' not in after
    assert f'id="pair-{skipped["id"]}"' in after  # skipped pairs come back later
    assert client.post("/links/99999/accept", data={"csrf_token": token}).status_code == 404

    analyst = staffed_web.client_for("analyst")
    assert analyst.get("/links").status_code == 403
    analyst_token = staffed_web.csrf(analyst, "/")
    refused = analyst.post(f"/links/{skipped['id']}/accept", data={"csrf_token": analyst_token})
    assert refused.status_code == 403
    with casebook.reader() as session:
        assert session.get_one(LinkPair, skipped["id"]).status == "skipped"
