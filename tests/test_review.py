"""Claims drawn from a document in the casebook, reviewed into records cited to their spans."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import select

from rightsledger.model import Act, Citation, Claim, Person, Proceeding
from rightsledger.store.casebook import Casebook
from rightsledger.vault.intake import Provenance, ingest
from tests.helpers import cli, import_demo


def claims_of(capsys: pytest.CaptureFixture[str], casebook: Casebook, *args: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = cli(
        capsys, "review", "list", *args, "--format", "json", "--casebook", casebook.path
    )
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.fixture
def reviewed(casebook: Casebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    import_demo(casebook)
    article = tmp_path / "news-en.txt"
    article.write_bytes((files("rightsledger.demo") / "documents" / "news-en.txt").read_bytes())
    [result] = ingest(casebook, [article], provenance=Provenance(sensitivity="public"))
    assert result.document_id is not None
    code, out, _ = cli(
        capsys, "review", "extract", str(result.document_id), "--casebook", casebook.path
    )
    assert code == 0
    assert "claims proposed" in out
    return result.document_id


def test_accepted_claims_become_cited_records(
    casebook: Casebook, reviewed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    proposed = claims_of(capsys, casebook, str(reviewed))
    count = next(c for c in proposed if c["kind"] == "count" and c["text"].startswith("More than"))
    torture = next(
        c for c in proposed if c["kind"] == "act" and c["claim"]["category"] == "torture"
    )
    call = next(c for c in proposed if c["kind"] == "call")
    assert cli(capsys, "review", "accept", str(count["id"]), "--casebook", casebook.path)[0] == 0
    code, _, err = cli(
        capsys,
        "review",
        "accept",
        str(torture["id"]),
        "--event",
        "ev-argun",
        "--casebook",
        casebook.path,
    )
    assert code == 0, err
    assert (
        cli(
            capsys,
            "review",
            "accept",
            str(call["id"]),
            "--record",
            "event:ev-argun",
            "--casebook",
            casebook.path,
        )[0]
        == 0
    )
    with casebook.reader() as session:
        group = session.scalar(
            select(Person).where(Person.external_id == f"claim-{count['id']}-group")
        )
        assert group is not None
        assert (
            group.is_group,
            group.group_low,
            group.group_best,
            group.group_high,
            group.group_qualifier,
        ) == (True, 100, 100, None, "more_than")
        act = session.scalar(select(Act).where(Act.external_id == f"claim-{torture['id']}-act"))
        assert act is not None
        assert act.act_type == "torture"
        assert act.victim_id == group.id  # the group accepted just before
        assert act.event.external_id == "ev-argun"
        proceeding = session.scalar(
            select(Proceeding).where(Proceeding.external_id == f"claim-{call['id']}-call")
        )
        assert proceeding is not None
        assert proceeding.proceeding_type == "call_for_investigation"
        citation = session.scalar(select(Citation).where(Citation.claim_id == torture["id"]))
        assert citation is not None
        assert (citation.record_kind, citation.record_id, citation.document_id) == (
            "acts",
            act.id,
            reviewed,
        )
        assert (citation.span_start, citation.span_end) == (
            torture["claim"]["start"],
            torture["claim"]["end"],
        )
        statuses = dict(session.execute(select(Claim.id, Claim.status)).all())
    assert statuses[count["id"]] == "accepted"
    remaining = claims_of(capsys, casebook, str(reviewed))
    assert count["id"] not in {c["id"] for c in remaining}


def test_edit_then_accept_and_reject(
    casebook: Casebook, reviewed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    proposed = claims_of(capsys, casebook, str(reviewed))
    count = next(c for c in proposed if c["kind"] == "count" and c["text"].startswith("More than"))
    code, out, _ = cli(
        capsys, "review", "edit", str(count["id"]), "--set", "high=200", "--casebook", casebook.path
    )
    assert code == 0
    assert "high=200" in out
    code, _, err = cli(
        capsys,
        "review",
        "edit",
        str(count["id"]),
        "--set",
        "colour=red",
        "--casebook",
        casebook.path,
    )
    assert code == 2
    assert "no editable field 'colour'" in err
    assert cli(capsys, "review", "accept", str(count["id"]), "--casebook", casebook.path)[0] == 0
    with casebook.reader() as session:
        group = session.scalar(
            select(Person).where(Person.external_id == f"claim-{count['id']}-group")
        )
        assert group is not None
        assert group.group_high == 200
    other = next(c for c in proposed if c["kind"] == "place")
    assert cli(capsys, "review", "reject", str(other["id"]), "--casebook", casebook.path)[0] == 0
    code, _, err = cli(capsys, "review", "accept", str(other["id"]), "--casebook", casebook.path)
    assert code == 2
    assert "already rejected" in err
    # Extracting again proposes nothing already reviewed.
    cli(capsys, "review", "extract", str(reviewed), "--casebook", casebook.path)
    again = claims_of(capsys, casebook, str(reviewed))
    spans = {(c["kind"], c["span"]) for c in again}
    assert (other["kind"], other["span"]) not in spans
    assert (count["kind"], count["span"]) not in spans


def test_act_needs_its_event(
    casebook: Casebook, reviewed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    proposed = claims_of(capsys, casebook, str(reviewed))
    act = next(c for c in proposed if c["kind"] == "act")
    code, _, err = cli(capsys, "review", "accept", str(act["id"]), "--casebook", casebook.path)
    assert code == 2
    assert "--event" in err
