"""`rightsledger extract`: JSON lines per file, bad files reported without stopping the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli

GOLD_DOCS = Path(__file__).parent / "data" / "extract_gold" / "documents"


def test_jsonl_one_object_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [GOLD_DOCS / "en-01.txt", GOLD_DOCS / "ru-01.txt"]
    code, out, err = cli(capsys, "extract", *paths)
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["path"] for line in lines] == [str(p) for p in paths]
    assert [line["language"] for line in lines] == ["en", "ru"]
    counts = [c for c in lines[1]["claims"] if c["kind"] == "count"]
    assert counts[0]["text"] == "более ста мужчин"
    assert (counts[0]["low"], counts[0]["best"], counts[0]["high"]) == (100, 100, None)
    text = paths[1].read_text(encoding="utf-8")
    for claim in lines[1]["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_json_and_table_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "extract", "--format", "json", GOLD_DOCS / "en-05.txt")
    assert code == 0
    (document,) = json.loads(out)
    assert any(c["kind"] == "place" and c["name"] == "Tbilisi" for c in document["claims"])
    code, out, _ = cli(capsys, "extract", "--format", "table", GOLD_DOCS / "en-05.txt")
    assert code == 0
    assert "37/37/37 exact" in out


def test_bad_files_are_reported_and_the_rest_still_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    french = tmp_path / "fr.txt"
    french.write_text("Ceci est un rapport sur la ville et les gens qui y vivent.", "utf-8")
    legacy = tmp_path / "cp1251.txt"
    legacy.write_bytes("Трое задержанных в Грозном.".encode("cp1251"))
    good = GOLD_DOCS / "en-01.txt"
    code, out, err = cli(
        capsys, "extract", empty, binary, tmp_path / "missing.txt", french, legacy, good
    )
    assert code == 2
    assert [json.loads(line)["path"] for line in out.splitlines()] == [
        str(french),
        str(legacy),
        str(good),
    ]
    assert f"error: {empty}: the file is empty" in err
    assert f"error: {binary}: looks binary" in err
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in err
    assert f"warning: {french}: no claims" in err
    assert f"warning: {legacy}: not UTF-8: decoded as Windows-1251" in err
    assert err.rstrip().endswith("error: 3 of 6 files could not be read (see above)")
    assert "Traceback" not in err


def test_language_override(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Трое", "utf-8")
    code, out, _ = cli(capsys, "extract", "--language", "ru", short)
    assert code == 0
    assert json.loads(out)["language"] == "ru"
