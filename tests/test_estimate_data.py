"""Reading capture histories from CSV: counts per pattern, and every bad input named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsledger.errors import InputError, UserError
from rightsledger.estimate.data import (
    CaptureHistories,
    parse_capture_csv,
    pattern_index,
    pattern_matrix,
)

DATA = Path(__file__).parent / "data" / "estimate"


def test_kosovo_reads_with_its_list_totals() -> None:
    table = parse_capture_csv((DATA / "kosovo_1999.csv").read_bytes(), count_column="Freq")
    histories = table.histories
    assert histories.lists == ("EXH", "ABA", "OSCE", "HRW")
    assert histories.observed == 4400
    assert histories.list_totals() == {"EXH": 1910, "ABA": 1528, "OSCE": 1786, "HRW": 685}
    assert histories.cells[0] == 0
    # EXH and HRW only: bits 0 and 3.
    assert histories.cells[0b1001] == 106


def test_rows_without_a_count_column_are_one_person_each() -> None:
    table = parse_capture_csv("A,B,C\n1,0,0\n1,0,0\n1,1,1\n0,1,1\n", source="people.csv")
    assert table.histories.observed == 4
    assert table.histories.cells[pattern_index((1, 0, 0))] == 2


def test_chosen_lists_and_strata() -> None:
    text = "year,A,B,C,note,count\n2017,1,0,0,x,3\n2017,1,1,0,y,2\n2018,0,1,1,z,4\n"
    table = parse_capture_csv(text, lists=["A", "B", "C"], stratum_column="year")
    assert table.strata is not None
    assert sorted(table.strata) == ["2017", "2018"]
    assert table.strata["2017"].observed == 5
    assert table.strata["2018"].cells[pattern_index((0, 1, 1))] == 4
    assert table.histories.observed == 9


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        ("", {}, "f.csv: the file is empty"),
        ("A,B,C,count\n", {}, "f.csv: has a header but no rows"),
        ("A,B,C,count\n1,0,2,5\n", {}, 'f.csv line 2, column C: "2" is not 0 or 1'),
        ("A,B,C,count\n1,0,1,-3\n", {}, 'f.csv line 2, column count: "-3" is negative'),
        ("A,B,C,count\n1,0,1,2.5\n", {}, 'column count: "2.5" is not a whole number'),
        ("A,B,C,count\n1,0,1,\n", {}, "f.csv line 2, column count: the count is empty"),
        ("A,B,C,count\n1,0,1,3\n0,0,0,9\n", {}, "f.csv line 3: the all-zero pattern"),
        ("A,B,C\n1,0,1\n", {"count_column": "n"}, "f.csv line 1: no column n"),
        ("A,B,C\n1,0,1\n", {"lists": ["A", "D"]}, "no column D"),
        ("A,B,C\n1,0,1\n", {"stratum_column": "year"}, "no column year"),
        ("A,B,C,count\n1,0\n", {}, "f.csv line 2: has 2 cells but the header has 4"),
        ("A,A,C\n1,0,1\n", {}, "column A appears twice"),
        ("A,count\n1,4\n", {}, "needs at least two list columns"),
        ("A,B,Freq\n1,0,306\n", {}, "is it the count column? use --count-column"),
        ("y,A,B,C\n,1,0,1\n", {"stratum_column": "y"}, "line 2, column y: the stratum is empty"),
        ("y,A,B,C,count\nx,1,0,1,0\n", {"stratum_column": "y"}, 'stratum "x" has no one'),
    ],
)
def test_bad_input_names_file_line_and_column(
    text: str, options: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError) as raised:
        parse_capture_csv(text, source="f.csv", **options)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_lists_that_never_overlap_are_not_identifiable() -> None:
    histories = parse_capture_csv("A,B,C,count\n1,0,0,5\n0,1,0,3\n0,0,1,2\n").histories
    with pytest.raises(UserError, match=r"never overlap.*not identifiable"):
        histories.require_identifiable()


def test_invalid_utf8_names_the_line() -> None:
    with pytest.raises(InputError, match="line 2"):
        parse_capture_csv(b"A,B,C\n1,0,\xff\n", source="f.csv")


patterns = st.lists(st.integers(0, 1), min_size=3, max_size=3).filter(any)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(patterns, st.integers(0, 50)), min_size=1, max_size=30))
def test_parser_round_trips_counts_per_pattern(rows: list[tuple[list[int], int]]) -> None:
    text = "A,B,C,count\n" + "".join(f"{a},{b},{c},{n}\n" for (a, b, c), n in rows)
    histories = parse_capture_csv(text).histories
    expected = np.zeros(8, dtype=np.int64)
    for pattern, count in rows:
        expected[pattern_index(pattern)] += count
    assert histories.cells.tolist() == expected.tolist()
    assert histories.observed == sum(count for _, count in rows)
    rebuilt = CaptureHistories.from_patterns(
        histories.lists,
        {tuple(row[name] for name in "ABC"): row["count"] for row in histories.as_rows()},
    )
    assert rebuilt.cells.tolist() == histories.cells.tolist()


@settings(max_examples=60, deadline=None)
@given(
    cell=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=4).filter(
        lambda text: (
            text.strip() not in ("0", "1")
            and "," not in text
            and '"' not in text
            and "\n" not in text
            and "\r" not in text
        )
    )
)
def test_any_other_membership_value_is_rejected_with_its_place(cell: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_capture_csv(f"A,B,C\n1,0,1\n0,{cell},1\n", source="x.csv")
    assert "x.csv line 3" in str(raised.value)
    assert "column B" in str(raised.value)


@settings(max_examples=40, deadline=None)
@given(
    count=st.text(max_size=5).filter(lambda t: not (t.strip().isascii() and t.strip().isdigit()))
)
def test_any_count_that_is_not_a_whole_number_is_rejected(count: str) -> None:
    if any(ch in count for ch in ',"\n\r'):
        return
    with pytest.raises(InputError, match="column count"):
        parse_capture_csv(f"A,B,C,count\n1,0,1,{count}\n", source="x.csv")


def test_pattern_matrix_orders_cells_by_bit() -> None:
    matrix = pattern_matrix(3)
    assert matrix[5].tolist() == [1, 0, 1]
    assert all(pattern_index(matrix[c].tolist()) == c for c in range(8))
