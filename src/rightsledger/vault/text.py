"""Text out of documents, into a derived item; the original bytes are only ever read.

Each extractor is limited: large files are not pulled into memory for text, and a DOCX whose
archive would expand beyond a limit (a decompression bomb) is refused before it is opened.
"""

from __future__ import annotations

import codecs
import contextlib
import zipfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

MAX_TEXT_SOURCE = 64 * 1024 * 1024  # larger files are kept and hashed, not read for text
MAX_DOCX_EXPANDED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 100
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Extracted:
    status: str  # extracted | no_text | unsupported | failed
    text: str | None = None
    tool: str = ""
    note: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # embedded, keyed "origin:name"


def _tool(package: str) -> str:
    return f"{package} {version(package)}"


def extract(path: Path, media_type: str, size: int) -> Extracted:
    if media_type.startswith(("image/",)):
        return Extracted(
            status="no_text", note="images are kept without text", metadata=_image_metadata(path)
        )
    if media_type.startswith(("audio/", "video/")):
        return Extracted(status="no_text", note="audio and video are kept without text")
    extractor = _EXTRACTORS.get(media_type)
    if extractor is None:
        return Extracted(
            status="unsupported", note=f"no text extractor for {media_type}; the original is kept"
        )
    if size > MAX_TEXT_SOURCE:
        return Extracted(
            status="no_text",
            note=f"larger than {MAX_TEXT_SOURCE // 2**20} MiB; kept and hashed, text not extracted",
        )
    try:
        return extractor(path)
    except Exception as error:  # a malformed file must never stop an intake
        return Extracted(status="failed", note=f"text extraction failed: {_first_line(error)}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode plain text in any common encoding; returns (text, encoding)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("the text is in no encoding that could be recognised")
    return str(best), best.encoding


def _plain(path: Path) -> Extracted:
    text, encoding = decode_text(path.read_bytes())
    return Extracted(status="extracted", text=text, tool=f"rightsledger decode ({encoding})")


def _html(path: Path) -> Extracted:
    import trafilatura

    html, _ = decode_text(path.read_bytes())
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    found: dict[str, Any] = {}
    if isinstance(result, dict):
        found = result
    elif result is not None:
        found = result.as_dict()
    text = found.get("text") or ""
    if not text.strip():
        return Extracted(
            status="no_text", tool=_tool("trafilatura"), note="no main text found in the page"
        )
    metadata = {
        f"html:{key}": found[key]
        for key in ("title", "author", "date", "sitename", "url", "description")
        if found.get(key)
    }
    return Extracted(
        status="extracted",
        text=text,
        tool=_tool("trafilatura"),
        title=found.get("title"),
        author=found.get("author"),
        published=found.get("date"),
        metadata=metadata,
    )


def _pdf(path: Path) -> Extracted:
    from pypdf import PdfReader

    reader = PdfReader(path, strict=True)
    metadata: dict[str, Any] = {}
    info: dict[str, Any] = dict(reader.metadata or {})
    for key, value in info.items():
        metadata[f"pdf:{key}"] = str(value)
    pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n\f\n".join(pages).strip("\n")
    title = info.get("/Title") if info else None
    author = info.get("/Author") if info else None
    if not text.strip():
        return Extracted(
            status="no_text",
            tool=_tool("pypdf"),
            metadata=metadata,
            note="the PDF has no text layer (a scan?)",
        )
    return Extracted(
        status="extracted",
        text=text,
        tool=_tool("pypdf"),
        metadata=metadata,
        title=str(title) if title else None,
        author=str(author) if author else None,
    )


def _docx(path: Path) -> Extracted:
    with zipfile.ZipFile(path) as archive:
        expanded = sum(item.file_size for item in archive.infolist())
        packed = sum(item.compress_size for item in archive.infolist()) or 1
    if expanded > MAX_DOCX_EXPANDED or expanded / packed > MAX_DOCX_RATIO:
        return Extracted(
            status="failed",
            note=f"refused: the archive would expand to {expanded // 2**20} MiB "
            f"({expanded // packed}× its size), a likely decompression bomb",
        )
    import docx

    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    core = document.core_properties
    metadata = {
        f"docx:{key}": str(getattr(core, key))
        for key in ("author", "title", "created", "modified", "last_modified_by")
        if getattr(core, key, None)
    }
    return Extracted(
        status="extracted",
        text="\n".join(parts),
        tool=_tool("python-docx"),
        metadata=metadata,
        title=core.title or None,
        author=core.author or None,
    )


def _image_metadata(path: Path) -> dict[str, Any]:
    from PIL import ExifTags, Image

    metadata: dict[str, Any] = {}
    with contextlib.suppress(Exception), Image.open(path) as image:
        for tag, value in image.getexif().items():
            name = ExifTags.TAGS.get(tag, str(tag))
            text = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
            metadata[f"exif:{name}"] = text[:1000]
    return metadata


_EXTRACTORS = {
    "text/plain": _plain,
    "text/html": _html,
    "application/pdf": _pdf,
    DOCX: _docx,
}
