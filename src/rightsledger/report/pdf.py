"""Render a composed report as PDF with ReportLab, the manifest attached as an embedded file.

ReportLab needs no browser, so a PDF can be made on any machine. The fonts are the DejaVu faces
that matplotlib ships (Latin and Cyrillic), so no system font is needed either.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# ReportLab ships no type information (no stubs, no py.typed): its imports are untyped here.
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as Para
from reportlab.platypus import Table as PdfTable

from rightsledger.report.charts import Chart
from rightsledger.report.document import Paragraph, ReportDocument, Run, Table
from rightsledger.report.manifest import PDF_ATTACHMENT

REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ACCENT = "#1f4e79"


@cache
def _fonts() -> None:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def _styles() -> dict[str, Any]:

    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, spaceAfter=5)
    return {
        "body": body,
        "note": ParagraphStyle("note", parent=body, fontSize=8, leading=10.5, textColor="#555555"),
        "kind": ParagraphStyle("kind", parent=body, fontSize=8, textColor=ACCENT, spaceAfter=2),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0),
        # Headers wrap between words only: a word cut in two is hard to read in either language.
        "head": ParagraphStyle(
            "head", parent=body, fontName=BOLD, fontSize=7.5, leading=9.5, splitLongWords=0
        ),
        "source": ParagraphStyle("source", parent=body, fontSize=7.5, leading=9.5, spaceAfter=2),
    }


def _markup(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text)
        parts.append(f"<b>{text}</b>" if run.bold else text)
        if run.notes:
            marks = ",".join(str(n) for n in run.notes)
            parts.append(f'<super><font size="6" color="{ACCENT}">{marks}</font></super>')
    return "".join(parts)


def render_pdf(report: ReportDocument) -> bytes:

    _fonts()
    styles = _styles()
    story: list[Any] = [
        Para(escape(report.subtitle.upper()), styles["kind"]),
        Para(escape(report.title), styles["title"]),
        Spacer(1, 4),
    ]
    for label, value in report.facts:
        story.append(Para(f"<b>{escape(label)}:</b> {escape(value)}", styles["note"]))
    width = A4[0] - 36 * mm
    for section in report.sections:
        story.append(Para(escape(section.title), styles["h2"]))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                story.append(Para(_markup(block.runs), styles[block.style]))
            elif isinstance(block, Table):
                story.append(_table(block, styles, width))
            else:
                story += _chart(block, styles, width)
    story.append(Para(escape(report.sources_title), styles["h2"]))
    for number, source in enumerate(report.sources, start=1):
        story.append(Para(f"{number}. {escape(source)}", styles["source"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{report.subtitle}: {report.title}",
        author="rightsledger",
        creator=f"rightsledger {report.manifest['software_version']}",
        lang=report.lang,
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return _attach_manifest(buffer.getvalue(), report.manifest)


def _column_widths(header: list[str] | tuple[str, ...], style: Any, width: float) -> list[float]:
    """The first column names things (an event, a type of act) and gets the widest share; every
    other column is at least as wide as the longest word of its header, which is never cut."""
    columns = len(header)
    padding = 8.0  # the table style's left and right cell padding, with a little air
    needed = [
        max(
            (pdfmetrics.stringWidth(word, style.fontName, style.fontSize) for word in h.split()),
            default=0.0,
        )
        + padding
        for h in header
    ]
    first = width * (0.34 if columns > 3 else 0.4)
    rest = [(width - first) / (columns - 1)] * (columns - 1) if columns > 1 else []
    widths = [first, *rest]
    for index in range(1, columns):
        if widths[index] < needed[index]:
            widths[0] -= needed[index] - widths[index]
            widths[index] = needed[index]
    return widths


def _table(block: Table, styles: dict[str, Any], width: float) -> Any:

    right = styles["cell"].clone("right", alignment=2)
    head_right = styles["head"].clone("head_right", alignment=2)
    header = [
        Para(escape(h), head_right if i in block.numeric else styles["head"])
        for i, h in enumerate(block.header)
    ]
    rows = [
        [
            Para(_markup((cell,)), right if i in block.numeric else styles["cell"])
            for i, cell in enumerate(row)
        ]
        for row in block.rows
    ]
    widths = _column_widths(block.header, styles["head"], width)
    table = PdfTable([header, *rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#cccccc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _chart(chart: Chart, styles: dict[str, Any], width: float) -> list[Any]:

    image = Image(io.BytesIO(chart.png))
    scale = min(1.0, width / image.drawWidth)
    image.drawWidth *= scale
    image.drawHeight *= scale
    return [KeepTogether([Para(f"<b>{escape(chart.title)}</b>", styles["note"]), image])]


def _footer(canvas: Any, document: Any) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor("#777777")
    canvas.drawRightString(
        document.pagesize[0] - document.rightMargin, 10 * 2.83, str(document.page)
    )
    canvas.restoreState()


def _attach_manifest(pdf: bytes, manifest: dict[str, Any]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    writer.add_attachment(PDF_ATTACHMENT, text.encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
