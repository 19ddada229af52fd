"""Render a composed report as one self-contained HTML file: inline CSS and SVG, no script to
run, nothing fetched from the network; printable from any browser."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from rightsledger.report.document import ReportDocument
from rightsledger.report.manifest import html_block


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("rightsledger.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_html(report: ReportDocument) -> bytes:
    template = _environment().get_template("report.html")
    text = template.render(report=report, manifest_block=html_block(report.manifest))
    return text.encode("utf-8")
