"""Estimates per stratum (year, place...) and the total over strata.

The total of a Bayesian method is the posterior of the sum: LCMCR adds the strata's draws index by
index (each stratum ran its own independent chains); dga convolves the strata's posteriors on
their grids (the exact distribution of a sum of independent variables). The log-linear total adds
the point estimates; its interval treats each stratum's profile interval as two half-normals
(below and above its estimate) and adds their widths in quadrature, side by side: an
approximation, stated in the output.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy import signal, special

from rightsledger.errors import UserError
from rightsledger.estimate.data import CaptureHistories
from rightsledger.estimate.dga import quantile
from rightsledger.estimate.result import Curve, Estimate, MethodResult

Runner = Callable[[CaptureHistories, int], MethodResult]

TOTAL_RULES = {
    "lcmcr": "sum of the strata's posterior draws",
    "dga": "convolution of the strata's posteriors (sum of independent strata)",
    "loglinear": (
        "sum of the strata's estimates; interval from each stratum's profile interval as "
        "half-widths added in quadrature below and above (an approximation)"
    ),
}


def stratum_error(key: str, column: str, problem: UserError) -> UserError:
    return UserError(f'stratum "{key}" ({column}): {problem.message}')


def estimate_strata(
    strata: dict[str, CaptureHistories],
    run: Runner,
    *,
    column: str,
    level: float,
) -> MethodResult:
    """Run ``run(histories, index)`` on each stratum and combine into a total."""
    if not strata:
        raise UserError(f"no strata: the column {column} has no values")
    results: list[tuple[str, MethodResult]] = []
    for index, key in enumerate(sorted(strata)):
        try:
            results.append((key, run(strata[key], index)))
        except UserError as problem:
            raise stratum_error(key, column, problem) from problem
    first = results[0][1]
    method = first.method
    observed = sum(result.observed for _, result in results)
    if method == "lcmcr":
        estimate, curve = _sum_draws(results, level)
        draws = np.sum([_draws(result) for _, result in results], axis=0)
    elif method == "dga":
        estimate, curve = _convolve(results, level)
        draws = None
    else:
        estimate, curve = _add_intervals(results, level), None
        draws = None
    lists = first.lists
    return MethodResult(
        method=method,
        lists=lists,
        observed=observed,
        estimate=estimate,
        model={"per_stratum": True, **{k: v for k, v in first.model.items() if k != "name"}},
        diagnostics={"strata": len(results)},
        warnings=[f"{key}: {text}" for key, result in results for text in result.warnings],
        curve=curve,
        draws=draws,
        strata=results,
        stratum_column=column,
        extra={"total_rule": TOTAL_RULES[method]},
    )


def _draws(result: MethodResult) -> NDArray[np.float64]:
    assert result.draws is not None, "a Bayesian result keeps its draws"
    return result.draws


def _sum_draws(results: list[tuple[str, MethodResult]], level: float) -> tuple[Estimate, Curve]:
    total = np.sum([_draws(result) for _, result in results], axis=0).ravel()
    alpha = (1.0 - level) / 2.0
    lo, median, hi = np.quantile(total, [alpha, 0.5, 1.0 - alpha])
    values, counts = np.unique(total, return_counts=True)
    estimate = Estimate(
        float(median), float(median), float(total.mean()), float(lo), float(hi), level
    )
    return estimate, Curve("posterior", values.astype(np.float64), counts / counts.sum())


def _convolve(results: list[tuple[str, MethodResult]], level: float) -> tuple[Estimate, Curve]:
    start = 0.0
    pmf = np.ones(1)
    for _, result in results:
        assert result.curve is not None
        start += float(result.curve.n[0])
        pmf = np.clip(signal.fftconvolve(pmf, result.curve.value), 0.0, None)
    pmf /= pmf.sum()
    values = start + np.arange(len(pmf), dtype=np.float64)
    alpha = (1.0 - level) / 2.0
    median = quantile(pmf, values, 0.5)
    estimate = Estimate(
        median,
        median,
        float(np.sum(pmf * values)),
        quantile(pmf, values, alpha),
        quantile(pmf, values, 1.0 - alpha),
        level,
    )
    return estimate, Curve("posterior", values, pmf)


def _add_intervals(results: list[tuple[str, MethodResult]], level: float) -> Estimate:
    z = float(special.ndtri(0.5 + level / 2.0))
    point = sum(result.estimate.point for _, result in results)
    below = math.sqrt(sum(((r.estimate.point - r.estimate.lo) / z) ** 2 for _, r in results))
    above = math.sqrt(sum(((r.estimate.hi - r.estimate.point) / z) ** 2 for _, r in results))
    observed = sum(result.observed for _, result in results)
    return Estimate(point, None, None, max(point - z * below, observed), point + z * above, level)
