"""One-form violation entry: records created or reused in one transaction, names sealed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from rightsledger.account.status import person_label
from rightsledger.entry import FIELDS, parse_entry, record_violation, suggest
from rightsledger.entry import record as entry_record
from rightsledger.errors import AccessDenied, InputError
from rightsledger.model import (
    Act,
    Citation,
    Document,
    Event,
    Information,
    Involvement,
    Organization,
    Person,
    PersonName,
)
from rightsledger.protect import audit
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody
from rightsledger.vault.intake import Provenance, ingest
from tests.helpers import import_demo, snapshot

# Invented for the tests: no real person has these names.
GIVEN, FAMILY = "Тимур", "Синтетов"
DOCUMENTER = Identity(user_id=1, username="doc", role="documenter")
ANALYST = Identity(user_id=2, username="ana", role="analyst")


def all_new() -> dict[str, str]:
    return {
        "event_title": "Detentions at a synthetic checkpoint",
        "event_date": "2017-04",
        "event_place": "Argun",
        "act_type": "arbitrary_detention",
        "act_date": "2017-04-03",
        "act_place": "Argun",
        "act_description": "[SYNTHETIC] Held for two days.",
        "victim_given_name": GIVEN,
        "victim_family_name": FAMILY,
        "victim_aliases": "Timur Sintetov; Timur Syntetov",
        "victim_sex": "male",
        "perpetrator_name": "Synthetic rapid response unit",
        "perpetrator_type": "police",
        "involvement_degree": "carried_out",
        "source_title": "[SYNTHETIC] Interview with the victim",
        "source_date": "2017-06-01",
        "source_type": "victim_testimony",
        "source_reliability": "highly_reliable",
    }


def reusing() -> dict[str, str]:
    return {
        "event_id": "ev-argun",
        "act_type": "torture",
        "victim_id": "grp-detained-2017",
        "perpetrator_id": "org-argun-police",
        "involvement_degree": "carried_out",
        "source_id": "inf-press-2017-04-01",
    }


def counts(casebook: Casebook) -> dict[str, int]:
    models: dict[str, Any] = {
        "events": Event,
        "persons": Person,
        "organizations": Organization,
        "acts": Act,
        "involvements": Involvement,
        "information": Information,
        "citations": Citation,
    }
    with casebook.reader() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in models.items()
        }


@pytest.fixture
def demo(casebook: Casebook) -> Casebook:
    import_demo(casebook)
    return casebook


def test_an_all_new_entry_creates_every_record_tied_together(demo: Casebook) -> None:
    before = counts(demo)
    with demo.engine.connect() as connection:
        audited = len(audit.entries(connection))
    result = record_violation(demo, parse_entry(all_new()), actor="doc")
    after = counts(demo)
    assert {kind: after[kind] - before[kind] for kind in after} == {
        "events": 1,
        "persons": 1,
        "organizations": 1,
        "acts": 1,
        "involvements": 1,
        "information": 1,
        "citations": 1,
    }
    assert result.act.startswith("act-")
    assert result.event.startswith("ev-")
    assert result.victim.startswith("per-")
    assert result.information is not None
    assert result.information.startswith("inf-")
    assert result.perpetrator is not None
    assert result.perpetrator.startswith("organization:org-")
    assert result.reused == ()
    with demo.reader() as session:
        act = session.scalars(select(Act).where(Act.external_id == result.act)).one()
        assert act.event.title == "Detentions at a synthetic checkpoint"
        assert act.act_type == "arbitrary_detention"
        assert act.date_edtf == "2017-04-03"
        assert act.victim.external_id == result.victim
        assert not act.victim.is_group
        (involvement,) = act.involvements
        assert involvement.degree == "carried_out"
        assert involvement.organization is not None
        assert involvement.organization.name == "Synthetic rapid response unit"
        citation = session.scalars(
            select(Citation).where(Citation.record_kind == "acts", Citation.record_id == act.id)
        ).one()
        assert citation.information is not None
        assert citation.information.source_type == "victim_testimony"
        assert citation.information.event_id == act.event_id
        parts = sorted(name.part for name in act.victim.names)
        assert parts == ["alias", "alias", "family", "given"]
    with demo.engine.connect() as connection:
        new_entries = audit.entries(connection)[audited:]
    changed = [entry for entry in new_entries if entry.action == "records_changed"]
    assert sorted(entry.subject or "" for entry in changed) == sorted(after)


def test_reusing_existing_records_makes_no_duplicates(demo: Casebook) -> None:
    before = counts(demo)
    result = record_violation(demo, parse_entry(reusing()), actor="doc")
    after = counts(demo)
    assert {kind: after[kind] - before[kind] for kind in after} == {
        "events": 0,
        "persons": 0,
        "organizations": 0,
        "acts": 1,
        "involvements": 1,
        "information": 0,
        "citations": 1,
    }
    assert result.event == "ev-argun"
    assert result.victim == "grp-detained-2017"
    assert result.perpetrator == "organization:org-argun-police"
    assert set(result.reused) == {
        "event:ev-argun",
        "person:grp-detained-2017",
        "organization:org-argun-police",
        "information:inf-press-2017-04-01",
    }
    with demo.reader() as session:
        act = session.scalars(select(Act).where(Act.external_id == result.act)).one()
        assert act.event.external_id == "ev-argun"
        assert act.involvements[0].organization is not None
        assert act.involvements[0].organization.external_id == "org-argun-police"
    # A record chosen among the suggestions counts as its id typed in.
    picked = reusing() | {"event_id": "", "event_pick": "ev-argun"}
    assert record_violation(demo, parse_entry(picked), actor="doc").event == "ev-argun"
    assert counts(demo)["events"] == before["events"]


def test_a_group_victim_keeps_its_low_best_and_high_counts(demo: Casebook) -> None:
    fields = all_new()
    for name in ("victim_given_name", "victim_family_name", "victim_aliases"):
        del fields[name]
    fields |= {
        "victim_kind": "group",
        "group_description": "Men held at the synthetic checkpoint",
        "group_unit": "individual",
        "group_low": "12",
        "group_best": "15",
        "group_high": "1,200",
        "group_qualifier": "between",
    }
    result = record_violation(demo, parse_entry(fields), actor="doc")
    assert result.victim.startswith("grp-")
    with demo.reader() as session:
        group = session.scalars(select(Person).where(Person.external_id == result.victim)).one()
        assert group.is_group
        assert group.counting_unit == "individual"
        assert (group.group_low, group.group_best, group.group_high) == (12, 15, 1200)
        assert group.group_qualifier == "between"


BAD_FIELDS: list[tuple[dict[str, str], str]] = [
    ({"act_date": "2017-13-45"}, "act_date"),
    ({"event_date": "next spring"}, "event_date"),
    ({"act_type": "not_an_act_type"}, "act_type"),
    ({"involvement_degree": "somewhat"}, "involvement_degree"),
    ({"victim_sex": "x"}, "victim_sex"),
    (
        {
            "victim_kind": "group",
            "victim_given_name": "",
            "victim_family_name": "",
            "victim_aliases": "",
            "group_description": "Men held",
            "group_low": "50",
            "group_best": "20",
        },
        "group_low",
    ),
    (
        {
            "victim_kind": "group",
            "victim_given_name": "",
            "victim_family_name": "",
            "victim_aliases": "",
            "group_description": "Men held",
            "group_best": "20",
            "group_high": "10",
        },
        "group_best",
    ),
    ({"event_title": ""}, "event_title"),
    ({"event_id": "ev-argun"}, "event_id"),  # an existing event and a new one at once
    # A unit typed again as new (in another case) would be a duplicate: pick the existing one.
    ({"perpetrator_name": "argun city police department"}, "perpetrator_name"),
    (
        {"source_title": "", "source_type": "", "source_date": "", "source_reliability": ""},
        "source_title",
    ),
]


def test_a_bad_field_is_named_and_nothing_is_written(demo: Casebook) -> None:
    before = snapshot(demo)
    for change, field in BAD_FIELDS:
        with pytest.raises(InputError) as caught:
            record_violation(demo, parse_entry(all_new() | change), actor="doc")
        assert caught.value.column == field, change
    assert snapshot(demo) == before


UNKNOWN_IDS: list[tuple[dict[str, str], str]] = [
    ({"event_id": "ev-missing"}, "event_id"),
    ({"victim_id": "nobody"}, "victim_id"),
    ({"perpetrator_id": "org-missing"}, "perpetrator_id"),
    ({"source_id": "inf-missing"}, "source_id"),
]


def test_unknown_ids_and_roles_that_may_not_create_are_refused_and_nothing_written(
    demo: Casebook,
) -> None:
    before = snapshot(demo)
    for change, field in UNKNOWN_IDS:
        with pytest.raises(InputError) as caught:
            record_violation(demo, parse_entry(reusing() | change), actor="doc")
        assert caught.value.column == field, change
    with pytest.raises(AccessDenied):
        record_violation(demo.acting_as(ANALYST), parse_entry(reusing()), actor="ana")
    assert snapshot(demo) == before


def test_a_failure_after_the_first_records_rolls_every_one_back(
    demo: Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Event, victim, organization, source and act are written before the citation fails."""
    before = snapshot(demo)

    def failing_citation(*_args: object, **_kwargs: object) -> str:
        raise InputError("the citation could not be written", column="source_title")

    monkeypatch.setattr(entry_record._Writer, "_cite", failing_citation)
    with pytest.raises(InputError):
        record_violation(demo, parse_entry(all_new()), actor="doc")
    assert snapshot(demo) == before


def test_the_new_name_is_sealed_and_opens_only_for_roles_that_may_see_it(
    demo: Casebook,
) -> None:
    result = record_violation(demo, parse_entry(all_new()), actor="doc")
    with demo.reader() as session:
        stored = session.scalars(
            select(PersonName.value).join(Person).where(Person.external_id == result.victim)
        ).all()
        assert stored
        assert all(value.startswith("enc1:") for value in stored)
        assert not any(GIVEN in value or FAMILY in value for value in stored)
        person = session.scalars(select(Person).where(Person.external_id == result.victim)).one()
        documenter = demo.acting_as(DOCUMENTER).protector(session.connection())
        analyst = demo.acting_as(ANALYST).protector(session.connection())
        assert person_label(person, documenter) == f"{GIVEN} {FAMILY}"
        assert person_label(person, analyst).startswith("[protected ")
    if demo.backend == "sqlite":
        raw = (demo.path / "casebook.db").read_bytes()
        assert GIVEN.encode() not in raw
        assert FAMILY.encode() not in raw


def test_suggestions_find_events_organizations_sources_and_exact_names(demo: Casebook) -> None:
    result = record_violation(demo, parse_entry(all_new()), actor="doc")
    with demo.reader() as session:
        protector = demo.protector(session.connection())

        def ids(kind: str, query: str) -> list[str]:
            found = suggest(session, kind, query, protector=protector, encrypted=True)
            return [item.external_id for item in found]

        assert "ev-argun" in ids("events", "argun")
        assert ids("events", "ARGUN former") == ["ev-argun"]
        assert ids("events", "") == []
        assert "org-argun-police" in ids("organizations", "Argun police")
        assert ids("information", "newspaper") == ["inf-press-2017-04-01"]
        # Any name part or alias as written, in any case; never a partial name.
        assert ids("persons", "timur sintetov") == [result.victim]
        assert ids("persons", "ТИМУР") == [result.victim]
        assert ids("persons", "синтетов тимур") == [result.victim]
        assert ids("persons", "Тимур Петров") == []
        assert ids("persons", "Тиму") == []
        found = suggest(session, "persons", "Timur Syntetov", protector=protector, encrypted=True)
        assert [item.label for item in found] == [f"{GIVEN} {FAMILY}"]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=30), max_size=12))
def test_any_form_is_cleaned_or_refused_with_a_field_named(fields: dict[str, str]) -> None:
    problem: InputError | None = None
    try:
        parse_entry(fields)
    except InputError as refused:
        problem = refused
    assert problem is None or problem.column in FIELDS


def test_a_vault_document_span_is_cited_and_the_citation_is_in_its_custody_log(
    demo: Casebook, tmp_path: Path
) -> None:
    text = "[SYNTHETIC] He was held for two days at the checkpoint."
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    [intake] = ingest(demo, [path], provenance=Provenance(collected_by="tester"))
    assert intake.document_id is not None
    start = text.index("held")
    fields = reusing() | {
        "source_id": "",
        "document_id": str(intake.document_id),
        "span_start": str(start),
        "span_end": str(start + 20),
        "quote": text[start : start + 20],
    }
    result = record_violation(demo, parse_entry(fields), actor="doc")
    with demo.reader() as session:
        citation = session.scalars(
            select(Citation).where(Citation.external_id == result.citation)
        ).one()
        assert citation.document_id == intake.document_id
        assert citation.information_id is None
        assert (citation.span_start, citation.span_end) == (start, start + 20)
        document = session.get_one(Document, intake.document_id)
        item = document.item
    with demo.engine.connect() as connection:
        actions = [entry.details for entry in custody.CUSTODY.entries(connection, subject=item)]
    assert any(result.citation in details for details in actions)

    before = snapshot(demo)
    for change, field in (
        ({"span_end": str(len(text) + 5)}, "span_end"),
        ({"document_id": "999999"}, "document_id"),
        ({"span_end": ""}, "span_start"),
    ):
        with pytest.raises(InputError) as caught:
            record_violation(demo, parse_entry(fields | change), actor="doc")
        assert caught.value.column == field
    assert snapshot(demo) == before
