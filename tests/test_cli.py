"""The command line as a user meets it: demo, list, show, vocab, help and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsledger.store.io.kinds import KINDS
from tests.helpers import cli, import_demo


def test_demo_builds_and_summarises_with_derived_statuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "demo", tmp_path / "demo")
    assert (code, err) == (0, "")
    assert "SYNTHETIC" in out
    assert "4 events" in out
    assert "13 acts" in out
    # The synthetic lists: a documented count beside a log-linear estimate with its interval.
    assert "104 acts" in out
    assert "documented 108; log-linear estimate of the total" in out
    assert "Torture" in out
    # Statuses are derived from proceedings: the refused investigation shows, nobody is charged.
    assert "uncharged" in out
    assert "facing" not in out
    # The synthetic documents went into the vault and verify holds.
    assert "report-2017.pdf" in out
    assert "custody log of 14 entries rebuilt" in out
    # Claims drawn from the English article and accepted into cited records.
    assert "More than 100 men" in out
    assert "act:claim-" in out
    assert "proceeding:claim-" in out
    assert ": holds." in out
    # Building again over an earlier demo re-creates it instead of refusing.
    assert cli(capsys, "demo", tmp_path / "demo")[0] == 0


def test_demo_refuses_to_overwrite_a_directory_it_did_not_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("precious")
    code, _, err = cli(capsys, "demo", tmp_path / "mine")
    assert code == 2
    assert "is not a rightsledger demo" in err
    assert (tmp_path / "mine" / "thesis.docx").read_text() == "precious"


def test_list_filters_and_formats(casebook, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    import_demo(casebook)
    code, out, _ = cli(
        capsys,
        "list",
        "acts",
        "--filter",
        "act_type=torture",
        "--format",
        "json",
        "--casebook",
        casebook.path,
    )
    assert code == 0
    rows = json.loads(out)
    assert sorted(row["external_id"] for row in rows) == ["a-002", "a-102"]
    code, out, _ = cli(
        capsys,
        "list",
        "events",
        "--filter",
        "title~ARGUN",
        "--format",
        "csv",
        "--casebook",
        casebook.path,
    )
    assert out.splitlines()[1].startswith("ev-argun,")
    assert len(out.splitlines()) == 2
    code, out, _ = cli(capsys, "list", "persons", "--limit", "2", "--casebook", casebook.path)
    assert code == 0
    assert "2 persons" in out
    code, _, err = cli(
        capsys, "list", "acts", "--filter", "colour=red", "--casebook", casebook.path
    )
    assert code == 2
    assert "must be COLUMN=VALUE" in err


def test_show_prints_links_and_derived_status(casebook, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    import_demo(casebook)
    code, out, _ = cli(
        capsys,
        "show",
        "organizations",
        "org-argun-police",
        "--format",
        "json",
        "--casebook",
        casebook.path,
    )
    assert code == 0
    shown = json.loads(out)
    assert shown["record"]["parent"] == "org-mvd-chechnya"
    assert shown["related"]["status"] == "uncharged"
    assert shown["related"]["proceedings"] == ["pr-complaint-2017", "pr-refusal-2018"]
    assert set(shown["related"]["involvements"]) == {"i-001", "i-002", "i-103", "i-104"}
    code, out, _ = cli(capsys, "show", "acts", "a-105", "--casebook", casebook.path)
    assert code == 0
    assert "c-004" in out
    code, _, err = cli(capsys, "show", "acts", "a-999", "--casebook", casebook.path)
    assert code == 2
    assert err.strip() == 'error: no act has external_id "a-999"'


def test_vocab_lists_and_prints_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "vocab", "--format", "json")
    assert code == 0
    names = {row["name"] for row in json.loads(out)}
    assert {"act_types", "proceeding_types", "involvement_degrees"} <= names
    code, out, _ = cli(capsys, "vocab", "proceeding_types", "--lang", "ru", "--format", "json")
    assert code == 0
    rows = {row["slug"]: row["label"] for row in json.loads(out)}
    assert any("\u0400" <= ch <= "\u04ff" for ch in rows["investigation_refused"])


def test_import_help_documents_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "import", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for kind in KINDS.values():
        for column in kind.columns:
            assert f"{column.name}:" in flat, f"{kind.name}.{column.name} is not documented"


def test_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "list", "victims")
    assert code == 2
    assert "victims" in err


def test_not_a_casebook_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "list", "events", "--casebook", tmp_path)
    assert code == 2
    assert err.startswith(f"error: {tmp_path} is not a casebook")
