"""Build a report file from a casebook: sign the log heads, derive, compose, render, write."""

from __future__ import annotations

import secrets
from pathlib import Path

from rightsledger.errors import UserError
from rightsledger.report.compose import Composer
from rightsledger.report.derive import derive
from rightsledger.report.html import render_html
from rightsledger.report.language import Language
from rightsledger.report.manifest import make_manifest, report_heads
from rightsledger.report.parameters import ReportParameters
from rightsledger.store.casebook import Casebook

FORMATS = ("html", "pdf")


def render_report(casebook: Casebook, params: ReportParameters, file_format: str) -> bytes:
    """The report's bytes; ``file_format`` is html or pdf."""
    if file_format not in FORMATS:
        raise UserError(f'--format must be one of {", ".join(FORMATS)}, not "{file_format}"')
    with casebook.engine.begin() as connection:
        heads = report_heads(casebook, connection)
    with casebook.reader() as session:
        protector = casebook.protector(session.connection())
        derived = derive(session, params, protector)
        manifest = make_manifest(casebook, params, derived.figures, heads)
        document = Composer(session, derived, Language.of(params.lang)).compose(manifest)
    if file_format == "html":
        return render_html(document)
    from rightsledger.report.pdf import render_pdf

    return render_pdf(document)


def write_report(
    casebook: Casebook, params: ReportParameters, output: Path, file_format: str
) -> int:
    """Write the report to ``output`` whole or not at all; returns the number of figures."""
    if not output.parent.is_dir():
        raise UserError(f"--output {output}: the directory {output.parent} does not exist")
    data = render_report(casebook, params, file_format)
    # Written beside the target and renamed: a reader never sees half a report.
    scratch = output.parent / f".{output.name}.{secrets.token_hex(6)}.partial"
    try:
        with scratch.open("xb") as out:
            out.write(data)
        scratch.replace(output)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    from rightsledger.report.manifest import read_manifest

    return len(read_manifest(output)["figures"])


def format_of(output: Path, requested: str | None) -> str:
    """The format asked for, else the one the file name ends with, else html."""
    if requested is not None:
        return requested.lower()
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "html"
