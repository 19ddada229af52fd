"""The numbered list of sources: every figure points at the citations of the records behind it.

A source is an Information record (title, date, address), a document (its id and the start of
its SHA-256, a span of it) or a claim drawn from a document (its span). A public report cites
only published citations and published information.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from rightsledger.model import Citation, Claim, Document, Information
from rightsledger.protect.envelope import is_ciphertext
from rightsledger.report.figures import Figure
from rightsledger.report.language import Language
from rightsledger.report.parameters import ReportParameters

Key = tuple[str, int, int | None, int | None]  # (what, id, span start, span end)
UNCITED: Key = ("uncited", 0, None, None)
QUOTE_LIMIT = 120


class Sources:
    """Numbers sources in the order figures first cite them."""

    def __init__(self, session: Session, params: ReportParameters, language: Language) -> None:
        self._session = session
        self._params = params
        self._language = language
        self._numbers: dict[Key, int] = {}
        self.entries: list[str] = []

    def notes(self, figure: Figure | None) -> tuple[int, ...]:
        """The source numbers of a figure (numbering any source not seen before)."""
        if figure is None:
            return ()
        keys = self._keys(figure)
        if not keys:
            keys = [UNCITED]
        return tuple(sorted({self._number(key) for key in keys}))

    def _number(self, key: Key) -> int:
        if key not in self._numbers:
            self.entries.append(self._describe(key))
            self._numbers[key] = len(self.entries)
        return self._numbers[key]

    def _keys(self, figure: Figure) -> list[Key]:
        by_kind: dict[str, set[int]] = defaultdict(set)
        direct: set[int] = set()
        for item in figure.inputs:
            if item.kind == "citations":
                direct.add(item.record_id)
            elif item.record_id:
                by_kind[item.kind].add(item.record_id)
        citations: list[Citation] = []
        for kind, ids in sorted(by_kind.items()):
            citations += self._citations(
                (Citation.record_kind == kind) & Citation.record_id.in_(sorted(ids))
            )
        if direct:
            citations += self._citations(Citation.id.in_(sorted(direct)))
        keys: list[Key] = []
        for citation in sorted(citations, key=lambda c: c.id):
            keys += list(_keys_of(citation))
        if self._params.published_only:
            keys = [key for key in keys if key[0] != "information" or self._published(key[1])]
        return list(dict.fromkeys(keys))

    def _citations(self, condition: ColumnElement[bool]) -> list[Citation]:
        query = select(Citation).where(condition)
        if self._params.published_only:
            query = query.where(Citation.published.is_(True))
        return list(self._session.scalars(query))

    def _published(self, information_id: int) -> bool:
        found = self._session.get(Information, information_id)
        return found is not None and found.published

    def _describe(self, key: Key) -> str:
        what, record_id, start, end = key
        t = self._language._
        if what == "information":
            information = self._session.get(Information, record_id)
            assert information is not None
            parts = [information.title or information.external_id]
            if information.date_edtf:
                parts.append(self._language.fuzzy(information.date_edtf))
            if information.reliability:
                parts.append(
                    t(
                        "reliability: {value}",
                        value=self._language.term("reliability", information.reliability),
                    )
                )
            if information.url:
                parts.append(information.url)
            parts.append(t("information {id}", id=information.external_id))
            return "; ".join(parts)
        if what == "document":
            document = self._session.get(Document, record_id)
            assert document is not None
            return self._document(document, start, end)
        if what == "claim":
            claim = self._session.get(Claim, record_id)
            assert claim is not None
            document = self._session.get(Document, claim.document_id)
            assert document is not None
            text = (
                t("claim {id}", id=claim.id)
                + ", "
                + self._document(document, claim.span_start, claim.span_end)
            )
            if not is_ciphertext(claim.text) and document.sensitivity == "public":
                quote = claim.text if len(claim.text) <= QUOTE_LIMIT else claim.text[:QUOTE_LIMIT]
                text += f": “{quote}”"
            return text
        return t("Recorded in the casebook; no source is cited for these records.")

    def _document(self, document: Document, start: int | None, end: int | None) -> str:
        t = self._language._
        text = t("document {id}, SHA-256 {prefix}…", id=document.id, prefix=document.sha256[:16])
        if document.source_url and document.sensitivity == "public":
            text += f", {document.source_url}"
        if start is not None and end is not None:
            text += ", " + t("characters {start}–{end}", start=start, end=end)
        return text


def _keys_of(citation: Citation) -> Iterable[Key]:
    if citation.information_id is not None:
        yield ("information", citation.information_id, None, None)
    if citation.claim_id is not None:
        yield ("claim", citation.claim_id, None, None)
    elif citation.document_id is not None:
        yield ("document", citation.document_id, citation.span_start, citation.span_end)
