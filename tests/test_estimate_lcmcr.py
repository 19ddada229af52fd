"""LCMCR: the compiled sampler against the published Kosovo results and the numpy reference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rightsledger.errors import UserError
from rightsledger.estimate.convergence import effective_sample_size, split_rhat
from rightsledger.estimate.data import CaptureHistories, parse_capture_csv
from rightsledger.estimate.lcmcr import LcmcrSettings, chain_seeds, lcmcr_estimate, run_chains
from rightsledger.estimate.lcmcr_reference import run_chain
from rightsledger.estimate.simulate import simulate

DATA = Path(__file__).parent / "data" / "estimate"


@pytest.fixture(scope="module")
def kosovo() -> CaptureHistories:
    return parse_capture_csv((DATA / "kosovo_1999.csv").read_bytes(), count_column="Freq").histories


def test_kosovo_with_the_package_example_settings(kosovo: CaptureHistories) -> None:
    # K = 10, a = b = 0.25, burn-in 10,000 as in the README; thinning 25 instead of 100 keeps
    # the test short (two chains of 1,000 draws each, 35,500 sweeps per chain).
    settings = LcmcrSettings(classes=10, burn_in=10_000, samples=1_000, thinning=25, seed=1)
    result = lcmcr_estimate(kosovo, settings)
    estimate = result.estimate
    assert 9_900 <= estimate.point <= 10_900
    assert estimate.lo <= 10_401 <= estimate.hi
    assert 8_500 <= estimate.lo <= 9_700
    assert 12_000 <= estimate.hi <= 15_500
    assert result.diagnostics["rhat"] < 1.05
    assert result.diagnostics["ess"] > 50
    assert result.draws is not None
    assert result.draws.shape == (2, 1_000)


def test_same_seed_same_draws_and_chains_differ(kosovo: CaptureHistories) -> None:
    settings = LcmcrSettings(classes=5, burn_in=500, samples=50, thinning=2, chains=2, seed=7)
    first = run_chains(kosovo, settings)
    again = run_chains(kosovo, settings, workers=1)
    assert [c.n.tolist() for c in first] == [c.n.tolist() for c in again]
    assert first[0].n.tolist() != first[1].n.tolist()
    assert chain_seeds(7, 3)[:2] == chain_seeds(7, 2)


def test_compiled_sampler_agrees_with_the_numpy_reference() -> None:
    histories = simulate(600, [[0.5, 0.4, 0.3, 0.35], [0.2, 0.3, 0.45, 0.25]], seed=11)
    settings = LcmcrSettings(classes=3, burn_in=1_000, samples=1_500, thinning=2, chains=2, seed=3)
    compiled = np.concatenate([c.n for c in run_chains(histories, settings, workers=1)])
    patterns = histories.patterns().astype(np.int64)
    freq = histories.cells[1:].astype(np.int64)
    keep = freq > 0
    reference = run_chain(
        patterns[keep], freq[keep], classes=3, burn_in=1_000, samples=1_500, thinning=2, seed=3
    ).n
    # Same posterior, different random streams: medians and quartiles agree within Monte
    # Carlo error (each has an effective size of a few hundred draws).
    for q in (0.25, 0.5, 0.75):
        a, b = np.quantile(compiled, q), np.quantile(reference, q)
        assert abs(a - b) < 0.04 * a, q


def test_intervals_cover_a_known_population() -> None:
    truth = 2000
    capture = [[0.6, 0.5, 0.2, 0.25, 0.4], [0.2, 0.25, 0.6, 0.5, 0.4]]
    covered = 0
    replicates = 20
    for seed in range(replicates):
        histories = simulate(truth, capture, seed=100 + seed)
        settings = LcmcrSettings(burn_in=3_000, samples=500, thinning=5, chains=1, seed=seed)
        estimate = lcmcr_estimate(histories, settings).estimate
        covered += estimate.lo <= truth <= estimate.hi
    # Nominal 95%: 19 of 20 expected; 16 or fewer would happen by chance less than 2% of times.
    assert covered >= 17


def test_convergence_diagnostics_flag_disagreeing_chains() -> None:
    rng = np.random.default_rng(0)
    agreeing = rng.normal(size=(2, 1000))
    assert split_rhat(agreeing) == pytest.approx(1.0, abs=0.01)
    assert effective_sample_size(agreeing) == pytest.approx(2000, rel=0.15)
    apart = agreeing + np.array([[0.0], [3.0]])
    assert split_rhat(apart) > 1.5
    sticky = np.cumsum(rng.normal(size=(2, 1000)), axis=1)
    assert effective_sample_size(sticky) < 100


def test_lcmcr_needs_three_lists_and_sane_settings() -> None:
    two = CaptureHistories.from_patterns(("A", "B"), {(1, 0): 5, (0, 1): 4, (1, 1): 2})
    with pytest.raises(UserError, match="at least 3 lists"):
        lcmcr_estimate(two)
    three = CaptureHistories.from_patterns(("A", "B", "C"), {(1, 0, 0): 5, (1, 1, 1): 2})
    with pytest.raises(UserError, match="--samples"):
        lcmcr_estimate(three, LcmcrSettings(samples=0))


def test_compiled_variates_have_the_right_moments() -> None:
    import numba

    from rightsledger.estimate import rng

    @numba.njit(cache=False)
    def draws(n: int, p: float, shape: float, reps: int) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[type-arg]
        state = rng.seed_state(42)
        binomials = np.empty(reps)
        gammas = np.empty(reps)
        for i in range(reps):
            binomials[i] = rng.binomial(state, n, p)
            # Both Gamma routines: log_gamma (any shape) and gamma (shapes from 1 up).
            if shape >= 1.0 and i % 2:
                gammas[i] = rng.gamma(state, shape)
            else:
                gammas[i] = np.exp(rng.log_gamma(state, shape))
        return binomials, gammas

    # Inversion (small mean), BTRS (large mean), the p > 1/2 flip; Marsaglia-Tsang and the
    # boost for shapes below 1.
    for n, p, shape in ((40, 0.05, 0.3), (1000, 0.3, 3.5), (200, 0.8, 250.0), (5, 0.5, 1.0)):
        binomials, gammas = draws(n, p, shape, 200_000)
        assert binomials.min() >= 0
        assert binomials.max() <= n
        assert binomials.mean() == pytest.approx(n * p, rel=0.01)
        assert binomials.var() == pytest.approx(n * p * (1 - p), rel=0.03)
        assert gammas.mean() == pytest.approx(shape, rel=0.01)
        assert gammas.var() == pytest.approx(shape, rel=0.03)


def test_compiled_normal_is_standard_normal_in_body_and_tails() -> None:
    import numba
    from scipy import stats

    from rightsledger.estimate import rng

    @numba.njit(cache=False)
    def draws(reps: int) -> np.ndarray:  # type: ignore[type-arg]
        state = rng.seed_state(11)
        out = np.empty(reps)
        for i in range(reps):
            out[i] = rng.normal(state)
        return out

    values = draws(1_000_000)
    assert stats.kstest(values, "norm").pvalue > 0.001
    assert values.mean() == pytest.approx(0.0, abs=0.005)
    assert values.var() == pytest.approx(1.0, rel=0.01)
    # Beyond the ziggurat's base (r = 3.654) the tail method takes over: both sides, right mass.
    tail = stats.norm.sf(rng._ZIGGURAT_TAIL)
    for side in (values > rng._ZIGGURAT_TAIL, values < -rng._ZIGGURAT_TAIL):
        assert side.mean() == pytest.approx(tail, rel=0.2)
    assert (np.abs(values) > 4.5).sum() > 0


def test_compiled_multinomial_split_has_multinomial_moments() -> None:
    import numba

    from rightsledger.estimate import rng
    from rightsledger.estimate.lcmcr_kernel import _split

    @numba.njit(cache=False)
    def splits(count: int, weights: np.ndarray, reps: int) -> np.ndarray:  # type: ignore[type-arg]
        state = rng.seed_state(5)
        classes = len(weights)
        order = np.arange(classes)
        tail = np.empty(classes)
        out = np.zeros(classes, dtype=np.int64)
        drawn = np.empty((reps, classes))
        for i in range(reps):
            _split(state, count, weights, order, tail, out)
            drawn[i] = out
        return drawn

    # Unsorted weights with an empty class; 3 people go one by one, 12 and 40 by small
    # binomials first (inversion), 900 by large ones (BTRS) first.
    weights = np.array([0.05, 0.0, 2.0, 0.6, 1.0, 0.01, 0.3])
    probs = weights / weights.sum()
    for count in (3, 12, 40, 900):
        drawn = splits(count, weights, 100_000)
        assert (drawn.sum(axis=1) == count).all()
        assert drawn[:, 1].max() == 0
        expected_var = count * probs * (1 - probs)
        # Means within 5 standard errors; variances within 5% for the well-filled classes.
        assert np.abs(drawn.mean(axis=0) - count * probs).max() < 5 * np.sqrt(
            expected_var.max() / 100_000
        )
        filled = count * probs > 1
        assert drawn.var(axis=0)[filled] == pytest.approx(expected_var[filled], rel=0.05)


def test_strata_share_one_pool_and_get_what_each_would_alone() -> None:
    from dataclasses import replace

    from rightsledger.estimate.run import EstimateOptions, estimate_stratified

    strata = {
        "2017": CaptureHistories.from_patterns(
            ("A", "B", "C"),
            {
                (1, 0, 0): 40,
                (0, 1, 0): 35,
                (0, 0, 1): 30,
                (1, 1, 0): 9,
                (1, 0, 1): 8,
                (0, 1, 1): 7,
                (1, 1, 1): 3,
            },
        ),
        "2018": CaptureHistories.from_patterns(
            ("A", "B", "C"),
            {
                (1, 0, 0): 20,
                (0, 1, 0): 25,
                (0, 0, 1): 15,
                (1, 1, 0): 6,
                (1, 0, 1): 5,
                (0, 1, 1): 4,
                (1, 1, 1): 2,
            },
        ),
    }
    settings = LcmcrSettings(classes=3, burn_in=200, samples=50, thinning=2, chains=2, seed=9)
    options = EstimateOptions(lcmcr=settings)
    together = estimate_stratified(strata, "lcmcr", options, column="year")
    assert together.strata is not None
    seeds = chain_seeds(9, 2)
    for index, (key, result) in enumerate(together.strata):
        alone = lcmcr_estimate(strata[key], replace(settings, seed=seeds[index]))
        assert result.draws is not None
        assert alone.draws is not None
        assert np.array_equal(result.draws, alone.draws)
    assert together.observed == 132 + 77


def test_one_worker_keeps_every_stratum_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from rightsledger.estimate.run import EstimateOptions, estimate_stratified

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr("rightsledger.estimate.lcmcr.ProcessPoolExecutor", no_pool)
    table = CaptureHistories.from_patterns(
        ("A", "B", "C"), {(1, 0, 0): 9, (0, 1, 0): 8, (0, 0, 1): 7, (1, 1, 0): 3, (1, 1, 1): 1}
    )
    settings = LcmcrSettings(classes=2, burn_in=50, samples=10, chains=1, seed=3)
    strata = {"a": table, "b": table}
    alone = EstimateOptions(lcmcr=settings, workers=1)
    assert estimate_stratified(strata, "lcmcr", alone, column="s").observed == 56
    with pytest.raises(AssertionError, match="process pool"):  # two strata: a pool by default
        estimate_stratified(strata, "lcmcr", EstimateOptions(lcmcr=settings), column="s")
