"""The shape of a composed report, shared by the HTML and the PDF renderers.

Text arrives here already translated; a run of text carries the numbers of the sources its
figure rests on, which both renderers turn into superscript footnote marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rightsledger.report.charts import Chart


@dataclass(frozen=True)
class Run:
    text: str
    notes: tuple[int, ...] = ()
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: str = "body"  # body | note


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Run, ...], ...]
    numeric: tuple[int, ...] = ()  # columns aligned right


Block = Paragraph | Table | Chart


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ReportDocument:
    lang: str
    title: str
    subtitle: str
    facts: list[tuple[str, str]]  # (label, value) lines under the title
    sections: list[Section]
    sources_title: str
    sources: list[str]
    manifest: dict[str, Any]


def para(*runs: Run | str, style: str = "body") -> Paragraph:
    return Paragraph(tuple(Run(r) if isinstance(r, str) else r for r in runs), style)
