"""Small helpers the tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsledger.cli.main import run
from rightsledger.demo.build import ORDER
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.exporter import ExportOptions, render
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat


def snapshot(casebook: Casebook) -> dict[str, str]:
    """Every kind exported as JSON lines: equal snapshots mean equal casebooks."""
    with casebook.reader() as session:
        options = ExportOptions(protector=casebook.protector(session.connection()))
        return {
            name: render(session, kind, FileFormat.JSONL, options) for name, kind in KINDS.items()
        }


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = run([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def demo_data() -> Path:
    return Path(__file__).resolve().parents[1] / "src" / "rightsledger" / "demo" / "data"


IMPORT_ORDER = ORDER  # the demo imports in reference order; so do the tests


def import_demo(casebook: Casebook) -> None:
    from rightsledger.store.io.importer import import_table
    from rightsledger.store.io.reading import read_table

    for kind in IMPORT_ORDER:
        path = demo_data() / f"{kind}.csv"
        table = read_table(path.read_bytes(), source=path.name, file_format=FileFormat.CSV)
        import_table(casebook, KINDS[kind], table)
