"""Linkage inside a casebook: clusters become canonical persons, uncertain pairs are reviewed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from rightsledger.estimate.casebook import capture_histories
from rightsledger.link.evaluate import pairwise_scores
from rightsledger.link.synthetic import generate
from rightsledger.model import LinkPair, Person
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import RawRow, RawTable
from tests.helpers import cli

NAME_COLUMNS = {
    "given_name": "given_name",
    "patronymic": "patronymic",
    "family_name": "family_name",
    "full_name": "name",
}


def load(casebook: Casebook, people: int = 120) -> dict[str, str]:
    """Synthetic lists from the linkage generator, imported as persons, acts and citations."""
    data = generate(people=people, seed=3)
    persons, acts, citations = [], [], []
    sources = sorted({row["source"] for row in data.records})
    for row in data.records:
        person = {
            "external_id": row["record_id"],
            "sex": "male" if row.get("sex") != "F" else "female",
        }
        for column, target in NAME_COLUMNS.items():
            if row.get(column):
                person[target] = row[column]
        if (
            row.get("birth_date")
            and len(row["birth_date"]) in (4, 7, 10)
            and row["birth_date"][:4].isdigit()
        ):
            person["birth_date"] = row["birth_date"]
        persons.append(person)
        acts.append(
            {
                "external_id": f"act-{row['record_id']}",
                "event": "ev-1",
                "victim": row["record_id"],
                "act_type": "arbitrary_detention",
                "date": "2017-04",
            }
        )
        citations.append(
            {
                "external_id": f"cite-{row['record_id']}",
                "record": f"act:act-{row['record_id']}",
                "information": f"list-{row['source']}",
            }
        )
    tables = [
        ("events", [{"external_id": "ev-1", "title": "Synthetic detentions"}]),
        (
            "information",
            [{"external_id": f"list-{s}", "title": f"List {s} (synthetic)"} for s in sources],
        ),
        ("persons", persons),
        ("acts", acts),
        ("citations", citations),
    ]
    for kind, rows in tables:
        columns = tuple(dict.fromkeys(key for row in rows for key in row))
        raw = [RawRow(line=i, values=row) for i, row in enumerate(rows, start=2)]
        import_table(casebook, KINDS[kind], RawTable(source=kind, columns=columns, rows=raw))
    return data.truth


def test_link_merges_people_and_feeds_the_count(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    truth = load(casebook)
    code, out, err = cli(capsys, "link", "--casebook", casebook.path)
    assert code == 0, err
    assert "uncertain pairs to review" in out
    with casebook.reader() as session:
        people = session.scalars(select(Person)).all()
        external = {p.id: p.external_id for p in people}
        found = {p.external_id: external[p.same_as_id or p.id] for p in people}
        documented = capture_histories(session, act_type="arbitrary_detention").documented
    scores = pairwise_scores(found, truth)
    assert scores.f1 > 0.6, scores
    assert documented == len(set(found.values()))  # counting sees linked records as one
    assert documented < len(found)


def test_review_links_accepts_and_rejects(
    casebook: Casebook, capsys: pytest.CaptureFixture[str]
) -> None:
    load(casebook)
    # A wide review band, so that this small population yields pairs to decide.
    assert cli(capsys, "link", "--review-band", "0.001,0.999", "--casebook", casebook.path)[0] == 0
    code, out, _ = cli(capsys, "review-links", "--format", "json", "--casebook", casebook.path)
    pairs = json.loads(out)
    assert code == 0
    assert len(pairs) >= 2
    first, second = pairs[0], pairs[1]
    assert {"left", "right", "evidence_for", "evidence_against"} <= set(first)
    assert (
        cli(capsys, "review-links", "--accept", str(first["id"]), "--casebook", casebook.path)[0]
        == 0
    )
    assert (
        cli(capsys, "review-links", "--reject", str(second["id"]), "--casebook", casebook.path)[0]
        == 0
    )
    with casebook.reader() as session:
        accepted = session.get_one(LinkPair, first["id"])
        left = session.get_one(Person, accepted.left_person_id)
        right = session.get_one(Person, accepted.right_person_id)
        assert (left.same_as_id or left.id) == (right.same_as_id or right.id)
    # Decisions survive linking again.
    assert cli(capsys, "link", "--casebook", casebook.path)[0] == 0
    with casebook.reader() as session:
        statuses = {p.id: p.status for p in session.scalars(select(LinkPair))}
        left = session.get_one(Person, accepted.left_person_id)
        right = session.get_one(Person, accepted.right_person_id)
        assert (left.same_as_id or left.id) == (right.same_as_id or right.id)
    assert statuses[first["id"]] == "accepted"
    assert statuses[second["id"]] == "rejected"
