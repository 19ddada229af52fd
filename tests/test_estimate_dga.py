"""Decomposable graphical model averaging against the dga package's published figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rightsledger.estimate.data import CaptureHistories, parse_capture_csv
from rightsledger.estimate.dga import decomposable_graphs, dga_estimate, madigan_york_log_prior

DATA = Path(__file__).parent / "data" / "estimate"


def _read(name: str, **options: str) -> CaptureHistories:
    return parse_capture_csv((DATA / name).read_bytes(), **options).histories  # type: ignore[arg-type]


def test_graph_counts() -> None:
    assert [len(decomposable_graphs(t)) for t in (3, 4, 5)] == [8, 61, 822]


def test_madigan_york_three_lists() -> None:
    result = dga_estimate(
        _read("madigan_york_3list.csv"),
        delta=1.0,
        missing=np.arange(1, 301, dtype=np.float64),
        log_prior=madigan_york_log_prior(13.14, 55.17),
    )
    top = result.diagnostics["top_graphs"][0]
    assert round(top["weight"], 2) == 0.37
    assert round(top["bayes_estimate"]) == 731
    assert top["mode"] == 729
    assert round(result.diagnostics["bayes_estimate"]) == 731
    assert result.diagnostics["mode"] == 728


def test_madigan_york_five_lists_and_delta_sensitivity() -> None:
    histories = _read("madigan_york_5list.csv")
    median = dga_estimate(histories, delta=0.5).estimate.median
    assert median is not None
    assert abs(median - 616) <= 2
    # A larger delta pulls the cell probabilities toward uniform, i.e. toward lists that record
    # everyone alike: more weight on sparse graphs and a different total.
    heavy = dga_estimate(histories, delta=5.0).estimate.median
    light = dga_estimate(histories, delta=0.05).estimate.median
    assert heavy is not None
    assert light is not None
    assert heavy != median != light
    assert abs(heavy - light) > 5


def test_kosovo_matches_dga() -> None:
    result = dga_estimate(_read("kosovo_1999.csv", count_column="Freq"), delta=1 / 16)
    assert result.estimate.median == pytest.approx(12595, abs=2)
    assert result.estimate.lo == pytest.approx(9827, abs=2)
    assert result.estimate.hi == pytest.approx(16544, abs=2)
    assert result.estimate.mean == pytest.approx(12749, abs=2)
    top = result.diagnostics["top_graphs"][0]
    assert top["graph"] == "[EXH·ABA·OSCE][EXH·OSCE·HRW]"
    assert round(top["weight"], 3) == 0.986
    assert result.model["delta"] == 1 / 16


def test_a_short_grid_is_extended_or_reported() -> None:
    histories = _read("kosovo_1999.csv", count_column="Freq")
    short = dga_estimate(histories, missing=np.arange(0, 6001, dtype=np.float64))
    assert short.warnings
    assert "upper tail is cut off" in short.warnings[0]
    extended = dga_estimate(histories)
    assert not extended.warnings
    assert extended.diagnostics["tail_mass"] < 1e-4


def test_dga_refuses_two_or_six_lists() -> None:
    from rightsledger.errors import UserError

    two = CaptureHistories.from_patterns(("A", "B"), {(1, 0): 5, (0, 1): 4, (1, 1): 2})
    with pytest.raises(UserError, match="3 to 5 lists"):
        dga_estimate(two)
