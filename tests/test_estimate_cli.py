"""`rightsledger estimate` on plain CSV files: output shapes, strata, plots and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsledger.estimate.simulate import simulate
from tests.helpers import cli, write

DATA = Path(__file__).parent / "data" / "estimate"
KOSOVO = DATA / "kosovo_1999.csv"
FAST = ("--burn-in", "500", "--samples", "200", "--thinning", "2", "--seed", "5")


def test_loglinear_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(
        capsys,
        "estimate",
        KOSOVO,
        "--count-column",
        "Freq",
        "--method",
        "loglinear",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) >= {"method", "lists", "observed", "estimate", "model", "diagnostics"}
    assert result["strata"] is None
    assert result["lists"] == ["EXH", "ABA", "OSCE", "HRW"]
    assert result["observed"] == 4400
    assert result["estimate"]["point"] == pytest.approx(10356.5, abs=1)
    assert result["estimate"]["ci"] == [pytest.approx(8994, abs=2), pytest.approx(12110, abs=2)]
    assert result["estimate"]["level"] == 0.95
    assert result["diagnostics"]["ranked"][0]["model"] == result["model"]["name"]


def test_all_methods_with_a_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plot = tmp_path / "kosovo.svg"
    code, out, err = cli(
        capsys,
        "estimate",
        KOSOVO,
        "--count-column",
        "Freq",
        "--format",
        "json",
        "--plot",
        plot,
        "--level",
        "0.9",
        *FAST,
    )
    assert (code, err) == (0, "")
    combined = json.loads(out)
    assert combined["methods"] == ["loglinear", "lcmcr", "dga"]
    assert set(combined["results"]) == {"loglinear", "lcmcr", "dga"}
    lcmcr = combined["results"]["lcmcr"]
    assert lcmcr["estimate"]["level"] == 0.9
    assert lcmcr["estimate"]["point"] == lcmcr["estimate"]["median"]
    assert {"rhat", "ess"} <= set(lcmcr["diagnostics"])
    assert combined["results"]["dga"]["model"]["delta"] == 1 / 16
    assert plot.read_text().lstrip().startswith("<?xml")
    assert "lcmcr trace of N" in plot.read_text()


def test_table_output_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "estimate", KOSOVO, "--count-column", "Freq", "--method", "dga")
    assert code == 0
    assert "12,595" in out
    assert "9,827" in out


def test_strata_sum_to_a_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["year,A,B,C,count"]
    for year, seed in (("2017", 1), ("2018", 2)):
        histories = simulate(400, [[0.4, 0.3, 0.35]], seed=seed)
        rows += [f"{year},{r['A']},{r['B']},{r['C']},{r['count']}" for r in _rows(histories)]
    path = write(tmp_path / "by_year.csv", "\n".join(rows) + "\n")
    for method in ("loglinear", "lcmcr", "dga"):
        code, out, err = cli(
            capsys,
            "estimate",
            path,
            "--strata",
            "year",
            "--method",
            method,
            "--format",
            "json",
            *FAST,
        )
        assert (code, err) == (0, ""), method
        result = json.loads(out)
        by = result["strata"]["by"]
        assert [each["stratum"] for each in by] == ["2017", "2018"]
        assert result["observed"] == sum(each["observed"] for each in by)
        total, parts = result["estimate"], [each["estimate"] for each in by]
        assert total["point"] == pytest.approx(sum(p["point"] for p in parts), rel=0.03), method
        assert total["ci"][0] > sum(p["ci"][0] for p in parts) - 1, method
        assert total["ci"][1] < sum(p["ci"][1] for p in parts) + 1, method
        assert 600 < total["point"] < 1000
        assert result["strata"]["total"]


def _rows(histories):  # type: ignore[no-untyped-def]
    renamed = []
    for row in histories.as_rows():
        renamed.append({"A": row["L1"], "B": row["L2"], "C": row["L3"], "count": row["count"]})
    return renamed


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("", (), "bad.csv: the file is empty"),
        ("A,B,C,count\n1,0,x,3\n", (), 'bad.csv line 2, column C: "x" is not 0 or 1'),
        ("A,B,C,count\n1,0,1,-1\n", (), "bad.csv line 2, column count"),
        ("A,B,C,count\n1,0,0,3\n0,0,0,1\n", (), "bad.csv line 3: the all-zero pattern"),
        ("A,B,C,count\n1,0,0,3\n0,1,0,4\n0,0,1,5\n", (), "the lists never overlap"),
        ("A,B,count\n1,0,3\n1,1,2\n0,1,4\n", ("--method", "lcmcr"), "at least 3 lists"),
        ("A,B,count\n1,0,3\n1,1,2\n0,1,4\n", ("--method", "dga"), "at least 3 lists"),
        ("A,B,C,count\n1,0,1,3\n", ("--count-column", "n"), "bad.csv line 1: no column n"),
        ("A,B,C,count\n1,0,1,3\n", ("--strata", "year"), "no column year"),
        ("y,A,B,C,count\n,1,0,1,3\n", ("--strata", "y"), "line 2, column y: the stratum is empty"),
        (
            "y,A,B,C,count\nx,1,0,0,3\nx,0,1,0,2\nz,1,1,0,4\nz,1,0,0,1\n",
            ("--strata", "y"),
            'stratum "x" (y): no one is on more than one list',
        ),
        ("A,B,C,count\n1,1,1,3\n", ("--level", "1.5"), "--level must be between 0 and 1"),
        ("A,B,C,count\n1,1,1,3\n", ("--plot", "x.pdf"), "give a file ending in .png or .svg"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    args: tuple[str, ...],
    message: str,
) -> None:
    path = write(tmp_path / "bad.csv", text)
    code, out, err = cli(capsys, "estimate", path, "--method", "loglinear", *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.startswith("error: ")
    assert err.count("\n") == 1


def test_missing_file_and_no_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "estimate", tmp_path / "nope.csv")
    assert code == 2
    assert "nope.csv: no such file" in err
    code, _, err = cli(capsys, "estimate", "--casebook", tmp_path)
    assert code == 2
    assert "give a CSV file of capture histories, or --act-type" in err
