"""The manifest every report embeds, and reading it back from an HTML or PDF file.

The manifest names the casebook, the signed heads of its custody and audit logs at report time,
the report's parameters, the software version, when it was made, and each figure's id, value and
inputs hash. In HTML it is a JSON data block (``<script type="application/json">``, which no
browser runs); in PDF it is an embedded file, readable with any PDF library.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from rightsledger import __version__
from rightsledger.errors import UserError
from rightsledger.heads import TreeHead
from rightsledger.ledger import utc_stamp
from rightsledger.model import tree_heads
from rightsledger.report.figures import FigureSet
from rightsledger.report.parameters import ReportParameters
from rightsledger.store.casebook import Casebook

FORMAT = "rightsledger-report/1"
ELEMENT_ID = "rightsledger-manifest"
PDF_ATTACHMENT = "rightsledger-manifest.json"
PDF_METADATA_KEY = "/RightsledgerManifest"
_HTML_BLOCK = re.compile(
    r'<script type="application/json" id="' + ELEMENT_ID + r'">(.*?)</script>', re.DOTALL
)


class NotAReport(UserError):
    """The file is not a rightsledger report (or its manifest is unreadable)."""

    code = "not_a_report"


def report_heads(casebook: Casebook, connection: Connection) -> list[TreeHead]:
    """Fresh signed heads of the custody and audit logs, or the latest stored ones.

    Signing needs the casebook's log key; a user working without it (a shared database) gets the
    latest heads the casebook signed before.
    """
    from rightsledger.vault.custody import sign_heads

    if casebook.signing_key_path.is_file():
        return sign_heads(casebook, connection)
    latest: dict[str, TreeHead] = {}
    for r in connection.execute(select(tree_heads).order_by(tree_heads.c.id)).mappings():
        latest[r["log"]] = TreeHead(
            log=r["log"],
            size=r["size"],
            root=r["root"],
            signed_at=r["signed_at"],
            public_key=r["public_key"],
            signature=r["signature"],
        )
    return list(latest.values())


def make_manifest(
    casebook: Casebook, params: ReportParameters, figures: FigureSet, heads: list[TreeHead]
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "casebook_id": casebook.config.casebook_id,
        "log_heads": [head.as_json() for head in heads],
        "parameters": params.to_json(),
        "software_version": __version__,
        "generated_at": utc_stamp(),
        "figures": [figure.manifest_entry() for figure in figures],
    }


def html_block(manifest: dict[str, Any]) -> str:
    """The manifest as an inert JSON block; "</" is escaped so the data cannot end the element."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" id="{ELEMENT_ID}">{text}</script>'


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest embedded in a report file; NotAReport with one line otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotAReport(f"{path}: no such file") from None
    except OSError as error:
        raise NotAReport(f"{path}: cannot read ({error.strerror})") from None
    text = _from_pdf(path, data) if data.startswith(b"%PDF") else _from_html(data)
    if text is None:
        raise NotAReport(f"{path}: not a rightsledger report (no embedded manifest)")
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotAReport(f"{path}: the embedded manifest is not valid JSON ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotAReport(f"{path}: not a rightsledger report (unknown manifest format)")
    if not isinstance(manifest.get("figures"), list) or not isinstance(
        manifest.get("parameters"), dict
    ):
        raise NotAReport(f"{path}: the embedded manifest lacks its figures or parameters")
    return manifest


def _from_html(data: bytes) -> str | None:
    match = _HTML_BLOCK.search(data.decode("utf-8", errors="replace"))
    return match.group(1) if match else None


def _from_pdf(path: Path, data: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        attached = reader.attachments.get(PDF_ATTACHMENT)
    except (PyPdfError, ValueError, KeyError) as error:
        raise NotAReport(f"{path}: not a readable PDF ({error})") from None
    if not attached:
        return None
    return attached[0].decode("utf-8")
