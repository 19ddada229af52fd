"""LCMCR: the Bayesian latent-class capture-recapture model, run as several chains at once.

The sampler is ``lcmcr_kernel`` (compiled); ``lcmcr_reference`` is the same algorithm in plain
numpy. Chains run in separate processes with seeds derived from one seed, and their draws of N are
pooled; split R-hat and the effective sample size say whether they agree.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from rightsledger.errors import UserError
from rightsledger.estimate.convergence import effective_sample_size, split_rhat
from rightsledger.estimate.data import CaptureHistories
from rightsledger.estimate.lcmcr_reference import WARM_UP, ChainOutput, initial_state
from rightsledger.estimate.result import Curve, Estimate, MethodResult

RHAT_WARNING = 1.05


@dataclass(frozen=True)
class LcmcrSettings:
    classes: int = 5
    burn_in: int = 10_000
    samples: int = 1_000
    thinning: int = 10
    chains: int = 2
    a_alpha: float = 0.25
    b_alpha: float = 0.25
    seed: int | None = None

    def check(self) -> None:
        if self.classes < 1:
            raise UserError("--classes must be at least 1")
        if self.burn_in < 0 or self.samples < 1 or self.thinning < 1 or self.chains < 1:
            raise UserError(
                "--burn-in must be 0 or more; --samples, --thinning and --chains at least 1"
            )
        if self.a_alpha <= 0 or self.b_alpha <= 0:
            raise UserError("the Gamma prior on the concentration needs positive a and b")

    @property
    def sweeps(self) -> int:
        return WARM_UP + self.burn_in + self.samples * self.thinning


def chain_seeds(seed: int | None, chains: int) -> list[int]:
    """Independent 32-bit seeds for each chain, all determined by one seed."""
    sequence = np.random.SeedSequence(seed)
    return [int(child.generate_state(1)[0]) for child in sequence.spawn(chains)]


def _observed_cells(histories: CaptureHistories) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    patterns = histories.patterns().astype(np.int64)
    freq = histories.cells[1:].astype(np.int64)
    keep = freq > 0
    return np.ascontiguousarray(patterns[keep]), np.ascontiguousarray(freq[keep])


def _one_chain(
    patterns: NDArray[np.int64], freq: NDArray[np.int64], settings: LcmcrSettings, seed: int
) -> ChainOutput:
    from rightsledger.estimate.lcmcr_kernel import run_chain_compiled

    lam, nu = initial_state(patterns, freq, settings.classes)
    n, alpha, occupied = run_chain_compiled(
        patterns,
        freq,
        settings.classes,
        settings.burn_in,
        settings.samples,
        settings.thinning,
        seed,
        settings.a_alpha,
        settings.b_alpha,
        lam,
        nu,
    )
    return ChainOutput(n, alpha, occupied)


@dataclass(frozen=True)
class ChainJob:
    """One chain to run: a table's observed cells, the settings and the chain's own seed."""

    patterns: NDArray[np.int64]
    freq: NDArray[np.int64]
    settings: LcmcrSettings
    seed: int


def chain_jobs(histories: CaptureHistories, settings: LcmcrSettings) -> list[ChainJob]:
    patterns, freq = _observed_cells(histories)
    return [
        ChainJob(patterns, freq, settings, seed)
        for seed in chain_seeds(settings.seed, settings.chains)
    ]


def _run_job(job: ChainJob) -> ChainOutput:
    return _one_chain(job.patterns, job.freq, job.settings, job.seed)


def run_jobs(jobs: list[ChainJob], workers: int | None = None) -> list[ChainOutput]:
    """Every chain, in order; in parallel processes when there are several and several cores.

    Chains of different tables (strata) share one pool, so a core that finishes one stratum's
    chain starts on the next stratum's instead of waiting for its sibling chains.
    """
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers <= 1:
        return [_run_job(job) for job in jobs]
    # Compile (or load from the cache) once here, so forked workers inherit the machine code.
    first = jobs[0]
    _one_chain(
        first.patterns,
        first.freq,
        LcmcrSettings(classes=first.settings.classes, burn_in=0, samples=1),
        1,
    )
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_run_job, jobs))


def run_chains(
    histories: CaptureHistories, settings: LcmcrSettings, workers: int | None = None
) -> list[ChainOutput]:
    """Every chain of the run; in parallel processes when there are several and several cores."""
    return run_jobs(chain_jobs(histories, settings), workers)


def check_table(histories: CaptureHistories, settings: LcmcrSettings) -> None:
    """Raise UserError when lcmcr cannot run on this table with these settings."""
    settings.check()
    if histories.t < 3:
        raise UserError(f"lcmcr needs at least 3 lists; these data have {histories.t}")
    histories.require_identifiable()


def lcmcr_estimate(
    histories: CaptureHistories,
    settings: LcmcrSettings | None = None,
    *,
    level: float = 0.95,
    workers: int | None = None,
) -> MethodResult:
    settings = settings or LcmcrSettings()
    check_table(histories, settings)
    outputs = run_chains(histories, settings, workers)
    return summarise(histories, settings, outputs, level)


def lcmcr_estimates(
    tables: list[tuple[CaptureHistories, LcmcrSettings]],
    *,
    level: float = 0.95,
    workers: int | None = None,
) -> list[MethodResult]:
    """``lcmcr_estimate`` of several tables (the strata of one run), all chains in one pool.

    The caller checks each table first (``check_table``), so that it can say which one is wrong.
    """
    jobs = [chain_jobs(histories, settings) for histories, settings in tables]
    outputs = run_jobs([job for table_jobs in jobs for job in table_jobs], workers)
    results = []
    start = 0
    for (histories, settings), table_jobs in zip(tables, jobs, strict=True):
        chains = outputs[start : start + len(table_jobs)]
        start += len(table_jobs)
        results.append(summarise(histories, settings, chains, level))
    return results


def summarise(
    histories: CaptureHistories,
    settings: LcmcrSettings,
    outputs: list[ChainOutput],
    level: float,
) -> MethodResult:
    draws = np.stack([out.n for out in outputs])
    pooled = draws.ravel()
    alpha = (1.0 - level) / 2.0
    lo, median, hi = np.quantile(pooled, [alpha, 0.5, 1.0 - alpha])
    rhat = split_rhat(draws)
    warnings = []
    if np.isfinite(rhat) and rhat > RHAT_WARNING:
        warnings.append(
            f"R-hat is {rhat:.3f}: the chains disagree; run longer (--burn-in, --samples) or "
            "with more thinning before trusting this estimate"
        )
    values, counts = np.unique(pooled, return_counts=True)
    return MethodResult(
        method="lcmcr",
        lists=histories.lists,
        observed=histories.observed,
        estimate=Estimate(
            point=float(median),
            median=float(median),
            mean=float(pooled.mean()),
            lo=float(lo),
            hi=float(hi),
            level=level,
        ),
        model={
            "classes": settings.classes,
            "a_alpha": settings.a_alpha,
            "b_alpha": settings.b_alpha,
            "burn_in": settings.burn_in,
            "samples": settings.samples,
            "thinning": settings.thinning,
            "chains": settings.chains,
            "seed": settings.seed,
            "prior_n": "1/N",
        },
        diagnostics={
            "rhat": round(rhat, 4),
            "ess": round(effective_sample_size(draws), 1),
            "chain_medians": [float(np.median(row)) for row in draws],
            "occupied_classes_mean": round(float(np.mean([o.occupied.mean() for o in outputs])), 2),
            "alpha_mean": round(float(np.mean([o.alpha.mean() for o in outputs])), 4),
        },
        warnings=warnings,
        curve=Curve("posterior", values.astype(np.float64), counts / counts.sum()),
        draws=draws,
        traces={
            "N": draws,
            "alpha": np.stack([out.alpha for out in outputs]),
            "occupied classes": np.stack([out.occupied for out in outputs]),
        },
    )
