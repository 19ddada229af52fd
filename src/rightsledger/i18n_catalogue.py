"""Keep a gettext catalogue in step with the code: extract message ids and merge them in.

``uv run python -m rightsledger.i18n_catalogue web`` adds every new ``_("…")`` of the web
templates and handlers to ``locale/ru/LC_MESSAGES/web.po`` with an empty translation (existing
translations are kept; ids no longer used are dropped); ``reports`` does the same for the
reports' catalogue. A test fails while any id has no translation.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent
Keywords = dict[str, tuple[int, ...] | None]
WEB_KEYWORDS: Keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "mark": None}
REPORT_KEYWORDS: Keywords = {"_": None, "t": None, "N_": None, "n_": (1, 2)}
DOMAINS: dict[str, tuple[Path, list[tuple[str, str]], Keywords]] = {
    "web": (
        PACKAGE / "web",
        [("templates/**.html", "jinja2"), ("**.py", "python")],
        WEB_KEYWORDS,
    ),
    "reports": (PACKAGE / "report", [("**.py", "python")], REPORT_KEYWORDS),
}


def catalogue_path(domain: str, language: str = "ru") -> Path:
    return PACKAGE / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def extracted(domain: str) -> Iterator[tuple[str | tuple[str, ...], str, int]]:
    """(message id, file, line) for every marked message of ``domain``."""
    directory, method_map, keywords = DOMAINS[domain]
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(directory), method_map=method_map, keywords=keywords
    ):
        yield message, filename, lineno


def merge(domain: str, language: str = "ru") -> tuple[int, int]:
    """Add new ids and drop unused ones; returns (ids, untranslated)."""
    path = catalogue_path(domain, language)
    with path.open("rb") as handle:
        old = read_po(handle, locale=language)
    new = Catalog(locale=language, project="rightsledger", header_comment=old.header_comment)
    new.mime_headers = old.mime_headers
    new.fuzzy = False
    new.creation_date = old.creation_date  # keep the file stable between runs
    new.revision_date = old.revision_date
    for message, filename, lineno in extracted(domain):
        known = old.get(message[0] if isinstance(message, tuple) else message)
        existing = new.get(message[0] if isinstance(message, tuple) else message)
        if existing is not None:
            existing.locations.append((filename, lineno))
            continue
        new.add(
            message,
            known.string if known is not None else None,
            locations=[(filename, lineno)],
        )
    with path.open("wb") as handle:
        write_po(handle, new, width=100, omit_header=False, include_lineno=False, sort_output=True)
    untranslated = sum(
        1
        for item in new
        if item.id
        and (not item.string or (isinstance(item.string, tuple) and not all(item.string)))
    )
    return len(new), untranslated


def main() -> int:
    domains = sys.argv[1:] or list(DOMAINS)
    for domain in domains:
        total, missing = merge(domain)
        print(f"{domain}: {total} messages, {missing} without a translation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
