"""Turn one ``ViolationEntry`` into records: all of them in one transaction, or none.

New records are written by the importer, one small table per kind, inside one unit of work, so
that names are sealed, the blind index filled, vocabulary and references checked and the audit
entry ``records_changed`` written exactly as for a file import. Only the citation is written
here directly: a citation of a vault document has no import column. Existing records are
referred to by external id and checked before anything is written, so a typo names its field.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rightsledger.entry.form import (
    DocumentSpan,
    NewEvent,
    NewGroup,
    NewIndividual,
    NewInformation,
    NewOrganization,
    PersonNames,
    ViolationEntry,
)
from rightsledger.errors import InputError, UserError
from rightsledger.model import (
    Act,
    Citation,
    Document,
    Event,
    Information,
    Organization,
    Person,
)
from rightsledger.protect import audit, policy
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.columns import SINGULAR, Ref
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import RawRow, RawTable
from rightsledger.vault import custody, intake, reading

SOURCE = "violation entry"
PREFIXES = {
    "events": "ev-",
    "persons": "per-",
    "organizations": "org-",
    "acts": "act-",
    "involvements": "inv-",
    "information": "inf-",
    "citations": "cit-",
}
GROUP_PREFIX = "grp-"
_MODELS: dict[str, Any] = {
    "events": Event,
    "persons": Person,
    "organizations": Organization,
    "information": Information,
}
# Which form field an import column of a kind came from, to name it if the importer objects.
_FIELD_OF = {
    ("events", "title"): "event_title",
    ("events", "date"): "event_date",
    ("events", "place"): "event_place",
    ("acts", "act_type"): "act_type",
    ("acts", "date"): "act_date",
    ("acts", "place"): "act_place",
    ("acts", "status"): "act_status",
    ("acts", "description"): "act_description",
    ("organizations", "name"): "perpetrator_name",
    ("organizations", "type"): "perpetrator_type",
    ("involvements", "degree"): "involvement_degree",
    ("information", "title"): "source_title",
    ("information", "url"): "source_url",
    ("information", "date"): "source_date",
    ("information", "source_type"): "source_type",
    ("information", "reliability"): "source_reliability",
}


@dataclass(frozen=True)
class EntryResult:
    """What the entry wrote or reused, as ``kind:external_id`` references."""

    act: str  # the new act's external id
    event: str
    victim: str
    perpetrator: str | None  # "person:…" or "organization:…"
    involvement: str | None
    information: str | None
    citation: str
    created: tuple[str, ...] = field(default=())  # "event:ev-…", "act:act-…", … in that order
    reused: tuple[str, ...] = field(default=())


def record_violation(casebook: Casebook, entry: ViolationEntry, *, actor: str) -> EntryResult:
    """Write the entry's records in one transaction; on any problem nothing is written.

    ``actor`` is who is entering it (for the custody log of a cited document); the audit entries
    name ``casebook.identity`` as imports do.
    """
    _require_grants(casebook, entry)
    with casebook.session() as session:
        writer = _Writer(casebook, session)
        result = writer.write(entry, actor=actor)
    return result


def _require_grants(casebook: Casebook, entry: ViolationEntry) -> None:
    kinds = ["acts", "citations"]
    if isinstance(entry.event, NewEvent):
        kinds.append("events")
    if not isinstance(entry.victim, Ref):
        kinds.append("persons")
    if entry.perpetrator is not None:
        kinds.append("involvements")
        if isinstance(entry.perpetrator.who, NewOrganization):
            kinds.append("organizations")
        elif isinstance(entry.perpetrator.who, NewIndividual):
            kinds.append("persons")
    if isinstance(entry.source.information, NewInformation):
        kinds.append("information")
    for kind in kinds:
        policy.require(casebook.identity, "create", kind=kind)


class _Writer:
    def __init__(self, book: Casebook, session: Session) -> None:
        self.book = book
        self.session = session
        self.created: list[str] = []
        self.reused: list[str] = []

    # -- the entry, section by section ------------------------------------------------------------

    def write(self, entry: ViolationEntry, *, actor: str) -> EntryResult:
        # Existing records first: a wrong id is reported before anything is written.
        event = victim = None
        if isinstance(entry.event, Ref):
            event = self._existing(entry.event, "event_id")
        if isinstance(entry.victim, Ref):
            victim = self._existing(entry.victim, "victim_id")
        perpetrator = None
        if entry.perpetrator is not None and isinstance(entry.perpetrator.who, Ref):
            perpetrator = self._existing(entry.perpetrator.who, "perpetrator_id")
        if entry.perpetrator is not None and isinstance(entry.perpetrator.who, NewOrganization):
            self._refuse_known_organization(entry.perpetrator.who.name)
        information = None
        if isinstance(entry.source.information, Ref):
            information = self._existing(entry.source.information, "source_id")
        document = self._document(entry.source.document) if entry.source.document else None

        if event is None:
            assert isinstance(entry.event, NewEvent)
            event = ("events", self._new_event(entry.event))
        if victim is None:
            assert not isinstance(entry.victim, Ref)
            victim = ("persons", self._new_victim(entry.victim))
        if entry.perpetrator is not None and perpetrator is None:
            perpetrator = self._new_perpetrator(entry.perpetrator.who)
        if isinstance(entry.source.information, NewInformation):
            information = ("information", self._new_information(entry.source.information, event))
        act = self._import(
            "acts",
            "event_id",
            {
                "event": event[1],
                "victim": victim[1],
                "act_type": entry.act.act_type,
                "date": entry.act.date,
                "place": entry.act.place,
                "status": entry.act.status,
                "description": entry.act.description,
            },
        )
        involvement = None
        if entry.perpetrator is not None and perpetrator is not None:
            involvement = self._import(
                "involvements",
                "perpetrator_id",
                {
                    "act": act,
                    "perpetrator": f"{SINGULAR[perpetrator[0]]}:{perpetrator[1]}",
                    "degree": entry.perpetrator.degree,
                },
            )
        citation = self._cite(act, information, document, entry.source.document, actor=actor)
        return EntryResult(
            act=act,
            event=event[1],
            victim=victim[1],
            perpetrator=(
                f"{SINGULAR[perpetrator[0]]}:{perpetrator[1]}" if perpetrator is not None else None
            ),
            involvement=involvement,
            information=information[1] if information is not None else None,
            citation=citation,
            created=tuple(self.created),
            reused=tuple(self.reused),
        )

    def _new_event(self, event: NewEvent) -> str:
        row = {"title": event.title, "date": event.date, "place": event.place}
        return self._import("events", "event_title", row)

    def _new_victim(self, victim: NewIndividual | NewGroup) -> str:
        if isinstance(victim, NewIndividual):
            row = _name_cells(victim.names) | {
                "sex": victim.sex,
                "description": victim.description,
            }
            return self._import("persons", "victim_name", row)
        row = {
            "name": victim.description,
            "is_group": "true",
            "counting_unit": victim.unit,
            "group_low": victim.count.low,
            "group_best": victim.count.best,
            "group_high": victim.count.high,
            "group_qualifier": victim.count.qualifier,
            "sex": victim.sex,
            "description": victim.notes,
        }
        return self._import("persons", "group_description", row, prefix=GROUP_PREFIX)

    def _new_perpetrator(self, who: NewOrganization | NewIndividual | Ref) -> tuple[str, str]:
        if isinstance(who, NewOrganization):
            row = {"name": who.name, "type": who.org_type}
            return "organizations", self._import("organizations", "perpetrator_name", row)
        assert isinstance(who, NewIndividual)
        return "persons", self._import("persons", "perpetrator_name", _name_cells(who.names))

    def _new_information(self, information: NewInformation, event: tuple[str, str]) -> str:
        row = {
            "title": information.title,
            "event": event[1],
            "url": information.url,
            "date": information.date,
            "source_type": information.source_type,
            "reliability": information.reliability,
        }
        return self._import("information", "source_title", row)

    # -- existing records -------------------------------------------------------------------------

    def _existing(self, ref: Ref, field_name: str) -> tuple[str, str]:
        found = [
            kind
            for kind in ref.kinds
            if self.session.scalar(
                select(_MODELS[kind].id).where(_MODELS[kind].external_id == ref.external_id)
            )
            is not None
        ]
        names = " or ".join(SINGULAR[kind] for kind in ref.kinds)
        if not found:
            raise InputError(f'no {names} has the id "{ref.external_id}"', column=field_name)
        if len(found) > 1:
            spelled = " or ".join(f"{SINGULAR[kind]}:{ref.external_id}" for kind in found)
            message = f'"{ref.external_id}" is ambiguous; write {spelled}'
            raise InputError(message, column=field_name)
        self.reused.append(f"{SINGULAR[found[0]]}:{ref.external_id}")
        return found[0], ref.external_id

    def _refuse_known_organization(self, name: str) -> None:
        # The same unit typed twice is the commonest duplicate; a person's name, by contrast, is
        # no proof of being the same person (that is record linkage's question).
        known = self.session.scalar(
            select(Organization.external_id)
            .where(func.lower(Organization.name) == name.lower())
            .limit(1)
        )
        if known is not None:
            raise InputError(
                f'an organization named "{name}" exists already ({known}); choose it as the '
                "existing perpetrator",
                column="perpetrator_name",
            )

    def _document(self, span: DocumentSpan) -> Document:
        try:
            found = intake.find_document(self.book, span.document)
        except UserError as problem:
            raise InputError(str(problem), column="document_id") from None
        document = self.session.get_one(Document, found.id)
        if span.end is not None:
            protector = self.book.protector(self.session.connection())
            text = reading.text_of(document, protector)
            if text is None or (document.encrypted and not protector.available):
                raise InputError(
                    f"document {document.id} has no text that can be read here; cite it "
                    "without a span",
                    column="span_start",
                )
            if span.end > len(text):
                raise InputError(
                    f"the span ends at {span.end} but the document's text has {len(text)} "
                    "characters",
                    column="span_end",
                )
        return document

    # -- writing ----------------------------------------------------------------------------------

    def _new_id(self, kind: str, prefix: str) -> str:
        model = KINDS[kind].model
        while True:
            candidate = prefix + secrets.token_hex(5)
            taken = self.session.scalar(select(model.id).where(model.external_id == candidate))
            if taken is None:
                return candidate

    def _import(
        self, kind: str, field_name: str, values: Mapping[str, Any], *, prefix: str = ""
    ) -> str:
        """Import one new record of ``kind``; returns its generated external id."""
        external_id = self._new_id(kind, prefix or PREFIXES[kind])
        cells = {"external_id": external_id} | {
            name: _cell(value) for name, value in values.items() if _present(value)
        }
        table = RawTable(source=SOURCE, columns=tuple(cells), rows=[RawRow(1, cells)])
        try:
            # Every kind in the one unit of work: a problem in the last rolls back the first.
            import_table(self.book, KINDS[kind], table, session=self.session)
        except InputError as problem:
            # The row was cleaned from the form already; what is left (a name too long for its
            # column, a key not available) is reported on the field the section started from.
            named = _FIELD_OF.get((kind, problem.column or ""), field_name)
            raise InputError(problem.reason, column=named) from None
        self.created.append(f"{SINGULAR[kind]}:{external_id}")
        return external_id

    def _cite(
        self,
        act: str,
        information: tuple[str, str] | None,
        document: Document | None,
        span: DocumentSpan | None,
        *,
        actor: str,
    ) -> str:
        act_id = self.session.scalar(select(Act.id).where(Act.external_id == act))
        information_id = None
        if information is not None:
            information_id = self.session.scalar(
                select(Information.id).where(Information.external_id == information[1])
            )
        assert act_id is not None
        external_id = self._new_id("citations", PREFIXES["citations"])
        self.session.add(
            Citation(
                external_id=external_id,
                record_kind="acts",
                record_id=act_id,
                information_id=information_id,
                document_id=document.id if document is not None else None,
                span_start=span.start if span is not None else None,
                span_end=span.end if span is not None else None,
                quote=span.quote if span is not None else None,
            )
        )
        self.session.flush()
        connection = self.session.connection()
        audit.record(
            connection,
            actor=self.book.identity,
            action="records_changed",
            subject="citations",
            details={"source": SOURCE, "created": 1, "updated": 0},
        )
        if document is not None:
            # Citing evidence is an action on it: its custody log says who cited it for what.
            custody.record(
                connection,
                action="annotated",
                item=document.item,
                actor=actor,
                details={"cited_by": f"act:{act}", "citation": external_id},
            )
        self.created.append(f"citation:{external_id}")
        return external_id


def _name_cells(names: PersonNames) -> dict[str, Any]:
    return {
        "name": names.full,
        "given_name": names.given,
        "patronymic": names.patronymic,
        "family_name": names.family,
        "aliases": names.aliases,
    }


def _present(value: Any) -> bool:
    return value is not None and value not in ("", ())


def _cell(value: Any) -> str:
    """A cleaned value back as the cell text the importer reads (it cleans it once more)."""
    if isinstance(value, tuple | list):
        return ";".join(str(item) for item in value)
    return str(value)
