"""Convergence diagnostics for MCMC draws: split R-hat and effective sample size.

Both follow Gelman et al., Bayesian Data Analysis (3rd ed.), ch. 11: each chain is split in
halves so that a drifting chain shows as disagreement between its halves; the effective size sums
the chains' pooled autocorrelations up to the first negative pair (Geyer's initial positive
sequence).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def _split(draws: NDArray[np.float64]) -> NDArray[np.float64]:
    chains = np.atleast_2d(np.asarray(draws, dtype=np.float64))
    half = chains.shape[1] // 2
    return np.concatenate([chains[:, :half], chains[:, half : 2 * half]], axis=0)


def split_rhat(draws: NDArray[np.float64]) -> float:
    """Potential scale reduction; near 1 (below about 1.01-1.05) when the chains agree."""
    chains = _split(draws)
    n = chains.shape[1]
    if n < 2:
        return math.nan
    within = float(chains.var(axis=1, ddof=1).mean())
    between = float(n * chains.mean(axis=1).var(ddof=1))
    if within == 0.0:
        return 1.0 if between == 0.0 else math.inf
    pooled = (n - 1) / n * within + between / n
    return math.sqrt(pooled / within)


def effective_sample_size(draws: NDArray[np.float64]) -> float:
    chains = _split(draws)
    m, n = chains.shape
    if n < 4:
        return math.nan
    centred = chains - chains.mean(axis=1, keepdims=True)
    size = 1 << (2 * n - 1).bit_length()
    spectrum = np.fft.rfft(centred, n=size, axis=1)
    autocov = np.fft.irfft(spectrum * np.conj(spectrum), n=size, axis=1)[:, :n] / n
    within = float(chains.var(axis=1, ddof=1).mean())
    between = float(n * chains.mean(axis=1).var(ddof=1)) if m > 1 else 0.0
    pooled = (n - 1) / n * within + between / n
    if pooled == 0.0:
        return float(m * n)
    rho = 1.0 - (within - autocov.mean(axis=0)) / pooled
    rho[0] = 1.0
    total = 0.0
    for lag in range(0, n - 1, 2):
        pair = rho[lag] + rho[lag + 1]
        if pair < 0:
            break
        total += pair
    tau = max(2.0 * total - 1.0, 1.0 / math.log10(max(m * n, 10)))
    return float(m * n / tau)
