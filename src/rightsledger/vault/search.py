"""Full-text search in English and Russian, the same on SQLite (FTS5) and PostgreSQL (tsvector).

Words are stemmed here with the Snowball stemmers (the algorithms PostgreSQL's own dictionaries
use, in PyStemmer's C build), Latin words as English and Cyrillic words as Russian, so «пытками»
and «пытки» meet, as do "detained" and "detain". The index holds only stems; confidential
documents are not indexed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from sqlalchemy import text
from sqlalchemy.orm import Session

from rightsledger.model import Document
from rightsledger.store.dialects import Dialect

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_WIDTH = 80


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=200_000)  # word frequencies are Zipfian: a cache absorbs most of the work
def stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return str(_stemmer("russian").stemWord(word))
    if word.isascii() and word.isalpha():
        return str(_stemmer("english").stemWord(word))
    return word


def stems(text_: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(text_)]


def index_document(session: Session, dialect: Dialect, document_id: int, body: str) -> None:
    session.execute(
        text("DELETE FROM document_search WHERE document_id = :id"), {"id": document_id}
    )
    session.execute(
        text("INSERT INTO document_search (document_id, stems) VALUES (:id, :stems)"),
        {"id": document_id, "stems": " ".join(stems(body))},
    )


@dataclass(frozen=True)
class Hit:
    document_id: int
    sha256: str
    title: str | None
    original_name: str | None
    language: str | None
    sensitivity: str
    rank: float
    snippet: str


def search(session: Session, dialect: Dialect, query: str, *, limit: int = 20) -> list[Hit]:
    wanted = [s for s in dict.fromkeys(stems(query)) if s]
    if not wanted:
        return []
    if dialect.name == "sqlite":
        # Quoted FTS5 strings: user text can never be read as query syntax.
        expression = " ".join('"' + s.replace('"', '""') + '"' for s in wanted)
    else:
        expression = " ".join(wanted)
    rows = session.execute(text(dialect.search_query()), {"query": expression, "limit": limit})
    hits = []
    for document_id, rank in rows.all():
        document = session.get(Document, document_id)
        if document is None:
            continue
        body = document.text.text if document.text else ""
        hits.append(
            Hit(
                document_id=document_id,
                sha256=document.sha256,
                title=document.title,
                original_name=document.original_name,
                language=document.language,
                sensitivity=document.sensitivity,
                rank=float(rank),
                snippet=snippet(body, set(wanted)),
            )
        )
    return hits


def snippet(body: str, wanted: set[str]) -> str:
    """A window of the original text around the first matching word, the match in [brackets]."""
    for match in _WORD.finditer(body):
        if stem(match.group()) in wanted:
            start = max(0, match.start() - SNIPPET_WIDTH)
            end = min(len(body), match.end() + SNIPPET_WIDTH)
            before = ("…" if start else "") + body[start : match.start()]
            after = body[match.end() : end] + ("…" if end < len(body) else "")
            return " ".join(f"{before}[{match.group()}]{after}".split())
    return " ".join(body[: 2 * SNIPPET_WIDTH].split())
