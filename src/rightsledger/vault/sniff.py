"""Media types from content, never from the file name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import puremagic

TEXT_SAMPLE = 4096
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")


def sniff(head: bytes, path: Path) -> str:  # noqa: PLR0911 - one return per recognised type
    """Guess the media type of the stored bytes from their first bytes (and zip contents)."""
    if not head:
        return "application/x-empty"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"%pdf-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    if any(stripped.startswith(marker) for marker in _HTML_MARKERS) or (
        b"<html" in stripped[:1024] and _is_text(head)
    ):
        return "text/html"
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        matches = []
    for match in matches:
        if match.mime_type:
            return str(match.mime_type)
    if _is_text(head):
        return "text/plain"
    return "application/octet-stream"


def _zip_type(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "application/zip"
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if "xl/workbook.xml" in names:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "application/zip"


def _is_text(head: bytes) -> bool:
    sample = head[:TEXT_SAMPLE]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 4:
            return True  # a multibyte character cut by the sample's end
    # Legacy single-byte encodings (cp1251 Russian text): mostly printable bytes.
    printable = sum(1 for byte in sample if byte >= 0x20 or byte in b"\t\r\n")
    return printable / max(len(sample), 1) > 0.95
