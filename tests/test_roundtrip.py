"""Exports are lossless: export, import into a new casebook, export again, and compare bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsledger.store.io.exporter import ExportOptions, render
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, read_table
from tests.helpers import IMPORT_ORDER, cli, import_demo


@pytest.mark.parametrize("file_format", [FileFormat.CSV, FileFormat.JSONL, FileFormat.JSON])
def test_every_kind_round_trips(make_casebook, file_format: FileFormat) -> None:  # type: ignore[no-untyped-def]
    first = make_casebook("first")
    import_demo(first)
    with first.reader() as session:
        options = ExportOptions(protector=first.protector(session.connection()))
        exported = {
            kind: render(session, KINDS[kind], file_format, options) for kind in IMPORT_ORDER
        }
    # Every kind holds records, so the comparison below is not vacuous.
    assert all(text.count("\n") >= 3 for text in exported.values())

    second = make_casebook("second")
    for kind in IMPORT_ORDER:
        table = read_table(
            exported[kind].encode(), source=f"{kind}.{file_format}", file_format=file_format
        )
        import_table(second, KINDS[kind], table)
    with second.reader() as session:
        options = ExportOptions(protector=second.protector(session.connection()))
        again = {kind: render(session, KINDS[kind], file_format, options) for kind in IMPORT_ORDER}
    assert again == exported


def test_export_command_writes_file_and_round_trips_through_cli(
    make_casebook,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    first = make_casebook("first")
    import_demo(first)
    second = make_casebook("second")
    for kind in IMPORT_ORDER:
        out = tmp_path / f"{kind}.jsonl"
        code, _, err = cli(
            capsys, "export", kind, "--format", "jsonl", "--output", out, "--casebook", first.path
        )
        assert (code, err) == (0, "")
        code, _, err = cli(capsys, "import", kind, out, "--casebook", second.path)
        assert (code, err) == (0, "")
    for kind in IMPORT_ORDER:
        code, first_out, _ = cli(capsys, "export", kind, "--casebook", first.path)
        code2, second_out, _ = cli(capsys, "export", kind, "--casebook", second.path)
        assert (code, code2) == (0, 0)
        assert first_out == second_out
        assert first_out.startswith("external_id,")


def test_csv_export_shape(casebook) -> None:  # type: ignore[no-untyped-def]
    import_demo(casebook)
    with casebook.reader() as session:
        text = render(session, KINDS["proceedings"], FileFormat.CSV)
    lines = text.splitlines()
    assert lines[0] == "external_id,type,date,body,outcome,targets,description,published"
    refusal = next(line for line in lines if line.startswith("pr-refusal-2018,"))
    assert ",investigation_refused,2018," in refusal
    assert "event:ev-campaign;organization:org-argun-police" in refusal
    assert refusal.endswith(",true")
