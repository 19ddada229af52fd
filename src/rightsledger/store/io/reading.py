"""Read CSV, JSON and JSON-lines files into rows that remember their line numbers.

Every problem is reported as an ``InputError`` naming the file and the line, because the person
fixing it has the file open in a spreadsheet or an editor, not a debugger.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rightsledger.errors import InputError

# Spreadsheet cells can be large (descriptions, testimonies); the csv default of 128 KiB is not.
csv.field_size_limit(16 * 1024 * 1024)


class FileFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


EXTENSIONS = {
    ".csv": FileFormat.CSV,
    ".json": FileFormat.JSON,
    ".jsonl": FileFormat.JSONL,
    ".ndjson": FileFormat.JSONL,
}


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int
    values: dict[str, Any]


@dataclass(frozen=True)
class RawTable:
    source: str
    columns: tuple[str, ...]  # CSV header, or the union of keys seen in JSON
    rows: list[RawRow]
    header_line: int | None = None  # CSV names its columns on line 1; JSON rows name their own


def detect_format(path: str, explicit: FileFormat | None) -> FileFormat:
    if explicit is not None:
        return explicit
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise InputError(
        f"cannot tell the format from the extension {suffix or '(none)'!r}; "
        "use .csv, .json or .jsonl, or pass --format",
        source=path,
    )


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; name the line of a bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"not valid UTF-16 ({error.reason})", source=source) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1].hex()
        raise InputError(
            f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8", source=source, line=line
        ) from error


def read_table(data: bytes, *, source: str, file_format: FileFormat) -> RawTable:
    text = decode(data, source)
    if not text.strip():
        raise InputError("the file is empty", source=source)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(
            "contains a NUL character: is this a binary file?", source=source, line=line
        )
    if file_format is FileFormat.CSV:
        return _read_csv(text, source)
    if file_format is FileFormat.JSONL:
        return _table(source, list(_read_jsonl(text, source)))
    return _table(source, list(_read_json_array(text, source)))


def _table(source: str, rows: list[RawRow]) -> RawTable:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row.values))
    return RawTable(source=source, columns=tuple(columns), rows=rows)


def _read_csv(text: str, source: str) -> RawTable:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        raise InputError(f"malformed CSV ({error})", source=source, line=1) from error
    columns = [name.strip().lower() for name in header]
    for index, name in enumerate(columns):
        if not name:
            raise InputError(f"header cell {index + 1} is empty", source=source, line=1)
        if name in columns[:index]:
            raise InputError("appears twice in the header", source=source, line=1, column=name)
    rows: list[RawRow] = []
    while True:
        # The reader's line_num after a record is the last physical line it consumed, so the
        # record's own first line is one past the previous record's end.
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InputError(f"malformed CSV ({error})", source=source, line=start) from error
        if not cells or all(not cell.strip() for cell in cells):
            continue  # blank lines between records are harmless
        if len(cells) != len(columns):
            raise InputError(
                f"{len(cells)} fields, but the header has {len(columns)}",
                source=source,
                line=start,
            )
        rows.append(RawRow(line=start, values=dict(zip(columns, cells, strict=True))))
    return RawTable(source=source, columns=tuple(columns), rows=rows, header_line=1)


def _object_row(value: Any, *, source: str, line: int) -> RawRow:
    if not isinstance(value, dict):
        raise InputError(
            f"expected a JSON object, found {type(value).__name__}", source=source, line=line
        )
    return RawRow(line=line, values={str(key).strip().lower(): item for key, item in value.items()})


def _read_jsonl(text: str, source: str) -> Iterator[RawRow]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not valid JSON ({error.msg})", source=source, line=number) from error
        yield _object_row(value, source=source, line=number)


def _read_json_array(text: str, source: str) -> Iterator[RawRow]:
    """Walk a top-level array element by element so each object keeps the line it starts on."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)

    def line_at(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    if position >= len(text) or text[position] != "[":
        raise InputError(
            "a JSON file must hold an array of objects (use .jsonl for one object per line)",
            source=source,
            line=line_at(position),
        )
    position = _skip_space(text, position + 1)
    if position < len(text) and text[position] == "]":
        _expect_end(text, position + 1, source, line_at)
        return
    while True:
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise InputError(
                f"not valid JSON ({error.msg})", source=source, line=line_at(error.pos)
            ) from error
        yield _object_row(value, source=source, line=line_at(position))
        position = _skip_space(text, end)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
            continue
        if position < len(text) and text[position] == "]":
            _expect_end(text, position + 1, source, line_at)
            return
        raise InputError(
            "expected ',' or ']' after an array element", source=source, line=line_at(position)
        )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _expect_end(text: str, position: int, source: str, line_at: Any) -> None:
    position = _skip_space(text, position)
    if position != len(text):
        raise InputError(
            "unexpected text after the JSON array", source=source, line=line_at(position)
        )
