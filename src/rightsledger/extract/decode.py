"""Reading a file's bytes as text, with a clear error when they are not text.

Accepted: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and — as a documented
fallback for legacy Russian files — Windows-1251 when the bytes are not UTF-8 but read as
Cyrillic text. Offsets of claims index the decoded text, BOM removed.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import NamedTuple

from rightsledger.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")


class Decoded(NamedTuple):
    text: str
    encoding: str


def decode(data: bytes, *, source: str) -> Decoded:
    if not data:
        raise InputError("the file is empty", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as problem:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but byte "
                    f"{problem.start} is not {encoding.upper()}",
                    source=source,
                ) from None
    head = data[:65_536]
    if b"\x00" in head:
        raise InputError("looks binary (it contains NUL bytes), not text", source=source)
    if sum(1 for byte in head if byte < 9 or 13 < byte < 32) > 0.02 * len(head):
        raise InputError("looks binary (many control bytes), not text", source=source)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as problem:
        legacy = _windows_1251(data)
        if legacy is None:
            raise InputError(
                f"is not valid UTF-8 (byte 0x{data[problem.start]:02x} at offset "
                f"{problem.start}) and does not read as Windows-1251 Russian text either",
                source=source,
            ) from None
        text, encoding = legacy, "cp1251"
    sample = text[:65_536]
    if len(_CONTROL.findall(sample)) > 0.05 * max(1, len(sample)):
        raise InputError("looks binary (many control characters), not text", source=source)
    return Decoded(text, encoding)


def _windows_1251(data: bytes) -> str | None:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    # Latin-1 bytes also decode as cp1251, but into lone Cyrillic letters inside Latin words;
    # Russian text is mostly Cyrillic letters.
    sample = text[:65_536]
    high = [ch for ch in sample if ord(ch) >= 0x80]
    cyrillic = sum(1 for ch in high if _CYRILLIC.match(ch))
    letters = len(_LETTER.findall(sample))
    if high and cyrillic >= 0.8 * len(high) and cyrillic >= 0.5 * letters:
        return text
    return None


def read_text(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=str(path)) from None
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except OSError as problem:
        raise InputError(f"cannot be read ({problem.strerror})", source=str(path)) from None
    return decode(data, source=str(path))
