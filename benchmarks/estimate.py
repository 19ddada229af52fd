"""Speed of the estimators on the Kosovo table (4 lists, n = 4,400).

LCMCR with the R package example's settings (K = 10, burn-in 10,000, 1,000 samples thinned by
100: 110,500 sweeps with the warm-up) as one chain and as several chains in parallel processes;
then the log-linear model search with its profile interval, and dga over the 61 graphs.

    uv run python benchmarks/estimate.py [--chains N] [--classes K] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from rightsledger.estimate.data import CaptureHistories, parse_capture_csv
from rightsledger.estimate.dga import dga_estimate
from rightsledger.estimate.lcmcr import LcmcrSettings, chain_seeds, lcmcr_estimate, run_chains
from rightsledger.estimate.loglinear import loglinear_estimate
from rightsledger.estimate.run import EstimateOptions, estimate_stratified

KOSOVO = Path(__file__).resolve().parents[1] / "tests" / "data" / "estimate" / "kosovo_1999.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chains", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="runs of the single chain")
    args = parser.parse_args()
    histories = parse_capture_csv(KOSOVO.read_bytes(), count_column="Freq").histories
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load} (other work inflates every figure below)"
    )

    settings = LcmcrSettings(
        classes=args.classes, burn_in=10_000, samples=1_000, thinning=100, seed=args.seed, chains=1
    )
    run_chains(histories, LcmcrSettings(classes=args.classes, burn_in=0, samples=1, chains=1))
    # Several runs: on a shared machine one run can be slowed by neighbours; the fastest is the
    # sampler's own speed, the median what to expect.
    walls, cpus = [], []
    for _ in range(args.repeats):
        started, cpu = time.perf_counter(), time.process_time()
        (chain,) = run_chains(histories, settings)
        walls.append((time.perf_counter() - started) / settings.sweeps * 1e6)
        cpus.append((time.process_time() - cpu) / settings.sweeps * 1e6)
    print(
        f"lcmcr K={args.classes}, 1 chain, {settings.sweeps:,} sweeps, {args.repeats} runs: "
        f"{min(walls):.1f} µs/sweep wall at best, {np.median(walls):.1f} median "
        f"(runs: {', '.join(f'{w:.1f}' for w in walls)}); CPU {min(cpus):.1f} at best; "
        f"median N {np.median(chain.n):,.0f}"
    )

    several = LcmcrSettings(
        classes=args.classes,
        burn_in=10_000,
        samples=1_000,
        thinning=100,
        seed=args.seed,
        chains=args.chains,
    )
    started = time.perf_counter()
    chains = run_chains(histories, several)
    elapsed = time.perf_counter() - started
    sweeps = several.sweeps * several.chains
    print(
        f"lcmcr K={args.classes}, {args.chains} chains in parallel: {elapsed:.2f} s in all, "
        f"{elapsed / sweeps * 1e6:.1f} µs per sweep of all chains, medians "
        + ", ".join(f"{np.median(c.n):,.0f}" for c in chains)
    )

    strata_speed(histories, args.classes, args.seed)

    started = time.perf_counter()
    result = loglinear_estimate(histories)
    print(
        f"loglinear search of {result.diagnostics['models_fitted']} models + profile interval: "
        f"{time.perf_counter() - started:.2f} s, N̂ {result.estimate.point:,.1f}"
    )
    started = time.perf_counter()
    result = dga_estimate(histories)
    print(
        f"dga over 61 graphs, N up to {result.model['grid'][1]:,.0f}: "
        f"{time.perf_counter() - started:.2f} s, median {result.estimate.point:,.0f}"
    )


def strata_speed(histories: CaptureHistories, classes: int, seed: int) -> None:
    """Four strata (the Kosovo table four times), 1 chain each: one after another, as each
    stratum's own pool would run them, against all of them in one pool."""
    strata = {str(year): histories for year in range(1996, 2000)}
    settings = LcmcrSettings(
        classes=classes, burn_in=10_000, samples=1_000, thinning=10, seed=seed, chains=1
    )
    seeds = chain_seeds(seed, len(strata))
    started = time.perf_counter()
    for index, key in enumerate(sorted(strata)):
        lcmcr_estimate(strata[key], replace(settings, seed=seeds[index]))
    apart = time.perf_counter() - started
    started = time.perf_counter()
    estimate_stratified(strata, "lcmcr", EstimateOptions(lcmcr=settings), column="year")
    together = time.perf_counter() - started
    print(
        f"lcmcr K={classes}, 4 strata x 1 chain x {settings.sweeps:,} sweeps: one stratum after "
        f"another {apart:.2f} s, all in one pool {together:.2f} s"
    )


if __name__ == "__main__":
    main()
