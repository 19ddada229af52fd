"""Claims in a casebook: drawn from a document's text, reviewed by a person, turned into records.

Accepting a claim writes its record through the importer (so the same cleaning, vocabulary
checks and encryption apply as for a file) and then a Citation that points at the claim and the
exact character span of the document it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from rightsledger.errors import InvalidValue, NotFound, UserError
from rightsledger.extract import extract_text
from rightsledger.model import Citation, Claim, Document
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import RawRow, RawTable
from rightsledger.values import FuzzyDate
from rightsledger.vault import custody, reading

UNITS = {"person": "individual", "family": "family", "group": "group"}
NEAR = 400  # characters: how far a date or place may sit from an act and still belong to it
EDITABLE = {
    "count": ("low", "best", "high", "qualifier", "unit", "subject"),
    "date": ("edtf",),
    "place": ("name", "gazetteer_id", "admin1"),
    "act": ("category",),
    "actor": ("name", "actor_type", "role_hint"),
    "quote": ("speaker", "quote"),
    "call": ("demand", "by", "addressee"),
}


@dataclass(frozen=True)
class ClaimView:
    id: int
    document_id: int
    kind: str
    start: int
    end: int
    text: str
    status: str
    record: str | None
    payload: dict[str, Any]


def _owner(document_id: int) -> str:
    return f"documents:{document_id}"


def _view(claim: Claim, casebook: Casebook, connection: Any) -> ClaimView:
    protector = casebook.protector(connection)
    owner = _owner(claim.document_id)
    text = protector.reveal(owner, "claims.text", claim.text) or ""
    payload_text = protector.reveal(owner, "claims.payload", claim.payload) or "{}"
    try:
        payload = json.loads(payload_text)
    except json.JSONDecodeError:
        payload = {"protected": payload_text}
    return ClaimView(
        id=claim.id,
        document_id=claim.document_id,
        kind=claim.kind,
        start=claim.span_start,
        end=claim.span_end,
        text=text,
        status=claim.status,
        record=claim.record,
        payload=payload,
    )


def extract_document(casebook: Casebook, document_id: int, *, actor: str) -> list[ClaimView]:
    """Run the extractor over a document's text and store its claims as proposals.

    Proposals from an earlier run are replaced; accepted and rejected claims are kept, and a new
    proposal at the same span and kind as a reviewed claim is not proposed again.
    """
    with casebook.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(f"no document has id {document_id}")
        connection = session.connection()
        protector = casebook.protector(connection)
        body = reading.text_of(document, protector)
        if body is None:
            raise UserError(
                f"document {document_id} has no extracted text ({document.text_status})"
            )
        if document.encrypted and not protector.available:
            raise UserError("extracting from a confidential document needs the casebook's key")
        extraction = extract_text(
            body, language=document.language if document.language in ("en", "ru") else None
        )
        session.execute(
            delete(Claim).where(Claim.document_id == document_id, Claim.status == "proposed")
        )
        reviewed = {
            (c.kind, c.span_start, c.span_end)
            for c in session.scalars(select(Claim).where(Claim.document_id == document_id))
        }
        stored = []
        for found in extraction.claims:
            if (found.kind, found.start, found.end) in reviewed:
                continue
            payload = json.dumps(found.to_json(), ensure_ascii=False)
            text = found.text
            if document.encrypted:
                payload = protector.encrypt(_owner(document_id), "claims.payload", payload)
                text = protector.encrypt(_owner(document_id), "claims.text", text)
            claim = Claim(
                document_id=document_id,
                kind=found.kind,
                span_start=found.start,
                span_end=found.end,
                text=text,
                payload=payload,
                rule=found.rule,
                confidence=found.confidence,
                status="proposed",
            )
            session.add(claim)
            stored.append(claim)
        session.flush()
        custody.record(
            connection,
            action="annotated",
            item=document.item,
            actor=actor,
            details={"claims_proposed": len(stored), "language": extraction.language},
        )
        return [_view(claim, casebook, connection) for claim in stored]


def list_claims(
    casebook: Casebook, *, document_id: int | None = None, status: str | None = "proposed"
) -> list[ClaimView]:
    with casebook.reader() as session:
        query = select(Claim).order_by(Claim.document_id, Claim.span_start, Claim.id)
        if document_id is not None:
            query = query.where(Claim.document_id == document_id)
        if status is not None:
            query = query.where(Claim.status == status)
        connection = session.connection()
        return [_view(claim, casebook, connection) for claim in session.scalars(query)]


def _load(session: Any, claim_id: int) -> Claim:
    claim: Claim | None = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim has id {claim_id}")
    return claim


def edit(casebook: Casebook, claim_id: int, changes: dict[str, str], *, actor: str) -> ClaimView:
    """Correct fields of a proposed claim before accepting it."""
    with casebook.session() as session:
        claim = _load(session, claim_id)
        if claim.status != "proposed":
            raise UserError(f"claim {claim_id} was already {claim.status}")
        connection = session.connection()
        view = _view(claim, casebook, connection)
        payload = dict(view.payload)
        for key, value in changes.items():
            if key not in EDITABLE.get(claim.kind, ()):
                allowed = ", ".join(EDITABLE.get(claim.kind, ())) or "nothing"
                raise UserError(
                    f"a {claim.kind} claim has no editable field {key!r} (editable: {allowed})"
                )
            payload[key] = _clean_edit(claim.kind, key, value)
        if claim.kind == "date":
            date = FuzzyDate.parse(payload["edtf"])
            payload.update(
                edtf=str(date),
                earliest=str(date.earliest) if date.earliest else None,
                latest=str(date.latest) if date.latest else None,
            )
        text = json.dumps(payload, ensure_ascii=False)
        protector = casebook.protector(connection)
        document = session.get_one(Document, claim.document_id)
        claim.payload = (
            protector.encrypt(_owner(claim.document_id), "claims.payload", text)
            if document.encrypted
            else text
        )
        claim.rule = f"{claim.rule} (edited by {actor})"
        session.flush()
        return _view(claim, casebook, connection)


def _clean_edit(kind: str, key: str, value: str) -> Any:
    if key in ("low", "best", "high"):
        if value.strip() == "":
            return None
        if not value.strip().isdigit():
            raise InvalidValue(f'"{value}" is not a whole number for {key}')
        return int(value)
    if kind == "act" and key == "category":
        from rightsledger import vocab

        return vocab.load("act_types").clean(value)
    return value.strip() or None


def reject(casebook: Casebook, claim_id: int, *, actor: str) -> ClaimView:
    with casebook.session() as session:
        claim = _load(session, claim_id)
        if claim.status != "proposed":
            raise UserError(f"claim {claim_id} was already {claim.status}")
        claim.status, claim.reviewed_by = "rejected", actor
        claim.reviewed_at = dt.datetime.now(dt.UTC)
        session.flush()
        return _view(claim, casebook, session.connection())


def accept(
    casebook: Casebook,
    claim_id: int,
    *,
    actor: str,
    event: str | None = None,
    victim: str | None = None,
    record: str | None = None,
) -> str:
    """Turn a proposed claim into a record (or a change to one) cited to its span.

    Returns the record as "kind:external_id". ``event`` and ``victim`` are external ids for an
    act; ``record`` ("act:a-1", "event:ev-2"…) is the record a date, place, quote or call is about.
    """
    with casebook.reader() as session:
        claim = _load(session, claim_id)
        if claim.status != "proposed":
            raise UserError(f"claim {claim_id} was already {claim.status}")
        view = _view(claim, casebook, session.connection())
        others = [
            _view(c, casebook, session.connection())
            for c in session.scalars(
                select(Claim).where(
                    Claim.document_id == claim.document_id, Claim.status != "rejected"
                )
            )
        ]
    kind, row, field = _record_for(view, others, event=event, victim=victim, record=record)
    table = RawTable(source=f"claim {claim_id}", columns=tuple(row), rows=[RawRow(1, row)])
    import_table(casebook, KINDS[kind], table)
    target = f"{KINDS[kind].singular}:{row['external_id']}"
    with casebook.session() as session:
        model = KINDS[kind].model
        record_id = session.scalar(select(model.id).where(model.external_id == row["external_id"]))
        assert record_id is not None  # imported just above
        stored = _load(session, claim_id)
        session.add(
            Citation(
                external_id=f"claim-{claim_id}-citation",
                record_kind=kind,
                record_id=record_id,
                field=field,
                document_id=view.document_id,
                span_start=view.start,
                span_end=view.end,
                claim_id=claim_id,
                note=f"accepted by {actor} from claim {claim_id} ({view.kind})",
            )
        )
        stored.status, stored.record, stored.reviewed_by = "accepted", target, actor
        stored.reviewed_at = dt.datetime.now(dt.UTC)
        document = session.get_one(Document, view.document_id)
        custody.record(
            session.connection(),
            action="annotated",
            item=document.item,
            actor=actor,
            details={"claim": claim_id, "accepted_as": target},
        )
    return target


def _nearest(view: ClaimView, others: list[ClaimView], kind: str) -> ClaimView | None:
    candidates = [c for c in others if c.kind == kind and abs(c.start - view.start) <= NEAR]
    return min(candidates, key=lambda c: abs(c.start - view.start), default=None)


def _split_record(record: str | None, what: str) -> tuple[str, str]:
    if not record or ":" not in record:
        raise UserError(f"say which record the {what} is about: --record act:ID or event:ID")
    singular, _, external_id = record.partition(":")
    kinds = {"act": "acts", "event": "events"}
    if singular not in kinds:
        raise UserError(f"a {what} can be attached to an act or an event, not {singular!r}")
    return kinds[singular], external_id


def _record_for(  # noqa: PLR0911, PLR0912 - one branch per claim kind reads best
    view: ClaimView,
    others: list[ClaimView],
    *,
    event: str | None,
    victim: str | None,
    record: str | None,
) -> tuple[str, dict[str, Any], str | None]:
    """(kind, import row, cited field) for an accepted claim."""
    payload = view.payload
    base = f"claim-{view.id}"
    if view.kind == "count":
        row = {
            "external_id": f"{base}-group",
            "name": payload.get("subject") or view.text,
            "is_group": "true",
            "counting_unit": UNITS.get(payload.get("unit") or "", "group"),
            "group_low": payload.get("low"),
            "group_best": payload.get("best"),
            "group_high": payload.get("high"),
            "group_qualifier": payload.get("qualifier"),
            "description": f"From document {view.document_id}: «{view.text}»",
        }
        return "persons", row, "group_best"
    if view.kind == "act":
        if not event:
            raise UserError("say which event the act belongs to: --event EVENT_ID")
        victim = victim or _latest_group(others)
        if not victim:
            raise UserError(
                "say who the victim is (--victim PERSON_ID), or accept a count of "
                "victims from this document first"
            )
        row = {
            "external_id": f"{base}-act",
            "event": event,
            "victim": victim,
            "act_type": payload["category"],
            "description": f"From document {view.document_id}: «{view.text}»",
        }
        date, place = _nearest(view, others, "date"), _nearest(view, others, "place")
        if date is not None:
            row["date"] = date.payload.get("edtf")
        if place is not None:
            row["place"] = place.payload.get("name")
        return "acts", row, "act_type"
    if view.kind == "date":
        kind, external_id = _split_record(record, "date")
        return kind, {"external_id": external_id, "date": payload.get("edtf")}, "date"
    if view.kind == "place":
        kind, external_id = _split_record(record, "place")
        row = {"external_id": external_id, "place": payload.get("name")}
        if payload.get("gazetteer_id"):
            row["place_id"] = f"geonames:{payload['gazetteer_id']}"
        return kind, row, "place"
    if view.kind == "actor":
        is_org = payload.get("actor_type") == "organization"
        name = payload.get("name") or view.text
        if is_org:
            return "organizations", {"external_id": f"{base}-actor", "name": name}, "name"
        return "persons", {"external_id": f"{base}-actor", "name": name}, "name"
    if view.kind == "call":
        row = {
            "external_id": f"{base}-call",
            "type": "call_for_investigation",
            "body": payload.get("by"),
            "outcome": payload.get("demand"),
            "description": f"From document {view.document_id}: «{view.text}»",
        }
        date = _nearest(view, others, "date")
        if date is not None:
            row["date"] = date.payload.get("edtf")
        if record:
            row["targets"] = record
        return "proceedings", row, "type"
    raise UserError(
        f"a {view.kind} claim is kept as a proposal to cite; accept a count, act, "
        "date, place, actor or call"
    )


def _latest_group(others: list[ClaimView]) -> str | None:
    groups = [c.record for c in others if c.kind == "count" and c.status == "accepted" and c.record]
    return groups[-1].partition(":")[2] if groups else None
