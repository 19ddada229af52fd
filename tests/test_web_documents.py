"""The documents screens: upload with provenance, the text with claims marked, review of claims."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rightsledger.demo.build import DOCUMENTS, review_news_article
from rightsledger.extract import review
from rightsledger.model import Citation, Claim, Document, Person
from rightsledger.protect import audit
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody
from rightsledger.vault.intake import ingest
from tests import web_support
from tests.web_support import StaffedWeb, make_staffed_web

NEWS, TESTIMONY = "news-en.txt", "testimony-003.txt"

staffed_web = web_support.staffed_web  # the fixture, used by name


def add_demo_documents(casebook: Casebook, folder: Path) -> dict[str, int]:
    """The demo's English article (reviewed as the demo does) and a confidential testimony."""
    ids = {}
    for name, provenance in DOCUMENTS:
        if name in (NEWS, TESTIMONY):
            copy = folder / name
            copy.write_bytes((files("rightsledger.demo") / "documents" / name).read_bytes())
            (result,) = ingest(casebook, [copy], provenance=provenance, actor="demo")
            assert result.document_id is not None
            ids[name] = result.document_id
    assert ids[NEWS] == 1  # the demo's review works on document 1
    review_news_article(casebook)
    return ids


@pytest.fixture
def evidence_web(casebook: Casebook, tmp_path: Path) -> Iterator[tuple[StaffedWeb, dict[str, int]]]:
    web = make_staffed_web(casebook)
    ids = add_demo_documents(casebook, tmp_path)
    yield web, ids
    for client in web.clients:
        client.close()


def custody_actions(casebook: Casebook, document_id: int) -> list[str]:
    with casebook.reader() as session:
        item = session.get_one(Document, document_id).item
        return [e.action for e in custody.CUSTODY.entries(session.connection(), subject=item)]


def claim_status(casebook: Casebook, claim_id: int) -> str:
    with casebook.reader() as session:
        return session.get_one(Claim, claim_id).status


def test_upload_stores_the_file_with_provenance_and_custody(
    staffed_web: StaffedWeb,
) -> None:
    client = staffed_web.client_for("documenter")
    form = {
        "csrf_token": staffed_web.csrf(client, "/documents"),
        "source_url": "https://example.org/report",
        "collected_by": "researcher-7",
        "collected_at": "2017-04-03",
        "method": "saved from a browser",
        "sensitivity": "restricted",
    }
    upload = {
        "file": ("note.txt", b"Three men were detained in Argun [SYNTHETIC].\n", "text/plain")
    }
    response = client.post("/documents", data=form, files=upload, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"].endswith("?intake=new")
    document_id = int(response.headers["location"].split("/")[2].split("?")[0])
    with staffed_web.casebook.reader() as session:
        document = session.get_one(Document, document_id)
        assert (document.source_url, document.collected_by) == (
            "https://example.org/report",
            "researcher-7",
        )
        assert document.original_name == "note.txt"
        assert document.sensitivity == "restricted"
    assert custody_actions(staffed_web.casebook, document_id) == ["ingested", "text_extracted"]
    page = client.get(response.headers["location"])
    assert "The file is in the vault." in page.text
    assert "researcher-7" in page.text
    assert "Three men were detained" in page.text

    # The same bytes again: one document, a second intake on record.
    again = client.post("/documents", data=form, files=upload, follow_redirects=True)
    assert again.status_code == 200
    assert "already in the vault" in again.text
    with staffed_web.casebook.reader() as session:
        assert session.scalar(select(func.count(Document.id))) == 1
    assert custody_actions(staffed_web.casebook, document_id).count("ingested") == 2

    # A bad claimed date is refused next to the form, and nothing is stored.
    bad = dict(form, collected_at="sometime in spring")
    other = {"file": ("other.txt", b"Another synthetic note.\n", "text/plain")}
    refused = client.post("/documents", data=bad, files=other)
    assert refused.status_code == 400
    assert "is not a date or date-time" in refused.text
    with staffed_web.casebook.reader() as session:
        assert session.scalar(select(func.count(Document.id))) == 1

    # Analysts may not add evidence.
    analyst = staffed_web.client_for("analyst")
    token = staffed_web.csrf(analyst, "/documents")
    assert (
        analyst.post("/documents", data=dict(form, csrf_token=token), files=other).status_code
        == 403
    )


def test_text_marks_claims_at_their_spans_and_review_writes_records(
    evidence_web: tuple[StaffedWeb, dict[str, int]],
) -> None:
    web, ids = evidence_web
    casebook, news = web.casebook, ids[NEWS]
    client = web.client_for("documenter")
    claims = review.list_claims(casebook, document_id=news, status=None)
    with casebook.reader() as session:
        text = session.get_one(Document, news).text
        assert text is not None
        body = text.text
    page = client.get(f"/documents/{news}")
    assert page.status_code == 200
    assert custody_actions(casebook, news)[-1] == "viewed"
    marks = {
        int(found.group(2)): (found.group(1), html.unescape(found.group(3)))
        for found in re.finditer(
            r'<mark class="claim (\w+)" id="claim-(\d+)"[^>]*>([^<]*)</mark>', page.text
        )
    }
    date = next(c for c in claims if c.kind == "date" and c.id in marks)
    assert marks[date.id] == ("proposed", body[date.start : date.end])
    accepted = next(c for c in claims if c.status == "accepted" and c.id in marks)
    assert marks[accepted.id] == ("accepted", body[accepted.start : accepted.end])

    token = web.csrf(client, f"/documents/{news}")
    # Accept a proposed count: a group record, cited to the exact span.
    count = next(c for c in claims if c.kind == "count" and c.status == "proposed")
    response = client.post(
        f"/documents/{news}/claims/{count.id}/accept",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{news}#claim-row-{count.id}"
    with casebook.reader() as session:
        stored = session.get_one(Claim, count.id)
        assert stored.status == "accepted"
        assert stored.reviewed_by == "documenter"
        assert stored.record == f"person:claim-{count.id}-group"
        group = session.scalar(
            select(Person).where(Person.external_id == f"claim-{count.id}-group")
        )
        assert group is not None
        assert group.is_group
        citation = session.scalar(select(Citation).where(Citation.claim_id == count.id))
        assert citation is not None
        assert (citation.record_id, citation.span_start, citation.span_end) == (
            group.id,
            count.start,
            count.end,
        )

    # Accepting a date without saying which record it is about: the one-line reason, no change.
    date_refused = client.post(
        f"/documents/{news}/claims/{date.id}/accept", data={"csrf_token": token}
    )
    assert date_refused.status_code == 400
    assert "say which record the date is about" in date_refused.text
    assert claim_status(casebook, date.id) == "proposed"

    # Edit a proposed act's type; a wrong value is refused and leaves the claim as it was.
    act = next(c for c in claims if c.kind == "act" and c.status == "proposed")
    new_type = "torture" if act.payload.get("category") != "torture" else "arbitrary_detention"
    bad = client.post(
        f"/documents/{news}/claims/{act.id}/edit",
        data={"csrf_token": token, "category": "not-a-type"},
    )
    assert bad.status_code == 400
    edited = client.post(
        f"/documents/{news}/claims/{act.id}/edit",
        data={"csrf_token": token, "category": new_type},
        follow_redirects=False,
    )
    assert edited.status_code == 303
    with casebook.reader() as session:
        stored = session.get_one(Claim, act.id)
        assert json.loads(stored.payload)["category"] == new_type
        assert stored.status == "proposed"
        assert "edited by documenter" in stored.rule

    # Reject another; it is marked as rejected in the text.
    other = next(c for c in claims if c.kind == "place" and c.status == "proposed")
    rejected = client.post(
        f"/documents/{news}/claims/{other.id}/reject",
        data={"csrf_token": token},
        follow_redirects=True,
    )
    assert rejected.status_code == 200
    assert claim_status(casebook, other.id) == "rejected"
    assert f'<mark class="claim rejected" id="claim-{other.id}"' in rejected.text
    again = client.post(f"/documents/{news}/claims/{other.id}/reject", data={"csrf_token": token})
    assert again.status_code == 400
    assert "already rejected" in again.text

    # Extracting again keeps the reviewed claims and proposes the rest anew.
    extracted = client.post(
        f"/documents/{news}/extract", data={"csrf_token": token}, follow_redirects=False
    )
    assert extracted.status_code == 303
    assert claim_status(casebook, count.id) == "accepted"
    assert claim_status(casebook, other.id) == "rejected"


def test_review_and_confidential_documents_need_their_roles(
    evidence_web: tuple[StaffedWeb, dict[str, int]],
) -> None:
    web, ids = evidence_web
    casebook, news, testimony = web.casebook, ids[NEWS], ids[TESTIMONY]
    pending = review.list_claims(casebook, document_id=news)[0]

    analyst = web.client_for("analyst")
    page = analyst.get(f"/documents/{news}")
    assert page.status_code == 200
    assert "/accept" not in page.text
    assert "Extract claims" not in page.text
    token = web.csrf(analyst, f"/documents/{news}")
    refused = analyst.post(
        f"/documents/{news}/claims/{pending.id}/accept", data={"csrf_token": token}
    )
    assert refused.status_code == 403
    assert claim_status(casebook, pending.id) == "proposed"
    assert analyst.post(f"/documents/{news}/extract", data={"csrf_token": token}).status_code == 403
    assert analyst.get(f"/documents/{testimony}").status_code == 403
    assert analyst.get(f"/documents/{testimony}/original").status_code == 403

    viewer = web.client_for("viewer")
    listing = viewer.get("/documents")
    assert listing.status_code == 200
    assert f'href="/documents/{news}"' in listing.text
    assert f'href="/documents/{testimony}"' not in listing.text
    assert viewer.get(f"/documents/{testimony}").status_code == 404
    assert viewer.get("/documents/999").status_code == 404

    documenter = web.client_for("documenter")
    original = documenter.get(f"/documents/{news}/original")
    assert original.status_code == 200
    assert original.headers["content-disposition"].startswith("attachment")
    expected = (files("rightsledger.demo") / "documents" / NEWS).read_bytes()
    assert original.content == expected
    assert custody_actions(casebook, news)[-1] == "exported"
    sealed = documenter.get(f"/documents/{testimony}/original")
    assert sealed.status_code == 200
    assert sealed.content == (files("rightsledger.demo") / "documents" / TESTIMONY).read_bytes()
    opened = documenter.get(f"/documents/{testimony}")
    assert opened.status_code == 200
    with casebook.reader() as session:
        reads = [
            e.action
            for e in custody.AUDIT.entries(session.connection())
            if e.action == audit.CONFIDENTIAL_READ
        ]
    assert reads  # opening a confidential document is on the audit trail
