"""Log-linear models against Rcapture's published Kosovo figures, and their behaviour."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from rightsledger.estimate.data import CaptureHistories, parse_capture_csv
from rightsledger.estimate.loglinear import (
    LoglinearModel,
    fit_model,
    hierarchical_models,
    loglinear_estimate,
)
from rightsledger.estimate.simulate import simulate

DATA = Path(__file__).parent / "data" / "estimate"


@pytest.fixture(scope="module")
def kosovo() -> CaptureHistories:
    return parse_capture_csv((DATA / "kosovo_1999.csv").read_bytes(), count_column="Freq").histories


def test_kosovo_best_bic_model_estimate_and_profile_interval(kosovo: CaptureHistories) -> None:
    result = loglinear_estimate(kosovo)
    assert result.model["name"] == "[EXH·HRW][OSCE·HRW][EXH·ABA·OSCE]"
    assert result.estimate.point == pytest.approx(10356.5, abs=1)
    assert result.estimate.lo == pytest.approx(8994, abs=2)
    assert result.estimate.hi == pytest.approx(12110, abs=2)
    assert result.diagnostics["bic"] == pytest.approx(203.0, abs=0.1)
    assert result.diagnostics["deviance"] == pytest.approx(9.32, abs=0.01)
    assert result.diagnostics["df"] == 4
    assert result.diagnostics["se"] == pytest.approx(786, abs=1)
    ranked = result.diagnostics["ranked"]
    assert [row["bic"] for row in ranked] == sorted(row["bic"] for row in ranked)


def test_kosovo_independence_and_all_two_way_models(kosovo: CaptureHistories) -> None:
    independence = fit_model(kosovo, LoglinearModel())
    assert kosovo.observed + independence.missing == pytest.approx(7395, abs=1)
    pairs = tuple(itertools.combinations(range(4), 2))
    assert kosovo.observed + fit_model(kosovo, LoglinearModel(pairs)).missing == pytest.approx(
        14402, abs=1
    )


def test_aic_can_choose_a_different_model(kosovo: CaptureHistories) -> None:
    result = loglinear_estimate(kosovo, criterion="aic")
    assert result.model["criterion"] == "aic"
    assert "aic" in result.diagnostics
    # AIC penalises parameters less than BIC (log 4400 = 8.4 per parameter): a larger model.
    assert result.model["name"] != "[EXH·HRW][OSCE·HRW][EXH·ABA·OSCE]"


def test_hierarchical_models_are_counted_and_closed_under_subsets() -> None:
    assert len(hierarchical_models(3)) == 8
    models = hierarchical_models(4)
    assert len(models) == 113
    for model in models:
        terms = set(model.terms)
        for term in terms:
            if len(term) > 2:
                assert all(sub in terms for sub in itertools.combinations(term, len(term) - 1))


def test_heterogeneity_models_fit_and_darroch_raises_the_estimate() -> None:
    # Two groups seen at very different rates: independence underestimates, heterogeneity
    # models (Rcapture's Mth) correct upward.
    histories = simulate(3000, [[0.5, 0.5, 0.5, 0.5], [0.1, 0.1, 0.1, 0.1]], seed=3)
    independence = fit_model(histories, LoglinearModel()).missing
    for kind in ("chao", "poisson2", "darroch", "gamma3.5"):
        fit = fit_model(histories, LoglinearModel((), kind))
        assert fit.estimable
        assert fit.missing > independence, kind
    # Lower bounds all: a tenth of the second group is never seen by any model of these data.
    assert histories.observed + independence == pytest.approx(2160, abs=1)
    darroch = histories.observed + fit_model(histories, LoglinearModel((), "darroch")).missing
    assert darroch == pytest.approx(2373, abs=1)


def test_two_lists_give_lincoln_petersen() -> None:
    histories = CaptureHistories.from_patterns(("A", "B"), {(1, 0): 60, (0, 1): 40, (1, 1): 20})
    result = loglinear_estimate(histories)
    # N = n_A n_B / m = 80 * 60 / 20
    assert result.estimate.point == pytest.approx(240.0, rel=1e-6)
    assert result.estimate.lo < 240 < result.estimate.hi


def test_profile_interval_covers_the_truth_on_independent_lists() -> None:
    truth = 800
    covered = 0
    for seed in range(20):
        histories = simulate(truth, [[0.3, 0.25, 0.35]], seed=seed)
        estimate = loglinear_estimate(histories, heterogeneity=False).estimate
        covered += estimate.lo <= truth <= estimate.hi
    assert covered >= 16


def test_strong_heterogeneity_defeats_the_log_linear_intervals() -> None:
    # The coverage check above can fail: when a group is rarely seen by any list, no log-linear
    # model of the observed cells sees it, and the intervals miss the truth.
    truth = 3000
    covered = 0
    for seed in range(8):
        histories = simulate(truth, [[0.5, 0.5, 0.5, 0.5], [0.1, 0.1, 0.1, 0.1]], seed=seed)
        estimate = loglinear_estimate(histories, heterogeneity=False).estimate
        covered += estimate.lo <= truth <= estimate.hi
    assert covered <= 2


def test_many_lists_use_the_stepwise_search() -> None:
    histories = simulate(2000, [[0.3, 0.25, 0.35, 0.3, 0.2, 0.3]], seed=1)
    result = loglinear_estimate(histories, heterogeneity=False)
    assert result.lists == ("L1", "L2", "L3", "L4", "L5", "L6")
    assert 1700 < result.estimate.point < 2300
    assert np.isfinite(result.estimate.hi)
