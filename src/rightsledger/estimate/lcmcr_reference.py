"""The LCMCR Gibbs sampler in plain numpy: the readable reference the compiled one is tested with.

Model (Manrique-Vallier 2016): each person belongs to a latent class ``k`` with probability
``nu[k]`` (a stick-breaking prior truncated at K classes, concentration ``alpha`` with a
Gamma(a, b) prior); given the class, the person is on list ``j`` with probability
``lambda[j, k]`` (Beta(1, 1) priors), independently across lists; p(N) is proportional to 1/N.

One sweep works on the observed cells, never on individuals:

1. split each observed cell's count across the classes (a multinomial draw);
2. draw every ``lambda[j, k]`` from its Beta, counting the imputed unobserved people as absent;
3. draw the sticks, hence ``nu``;
4. draw the number never documented, ``n0 ~ NegBin(n, 1 - p0)`` with
   ``p0 = sum_k nu[k] prod_j (1 - lambda[j, k])``, and split it across the classes;
5. draw ``alpha``.

The first ``WARM_UP`` sweeps keep ``alpha`` fixed; after them the classes are relabelled by
decreasing weight. The truncated stick-breaking prior is not symmetric in the labels and the Gibbs
sampler does not swap labels, so starting from the ordering the prior favours matters (the R
package does the same).

Betas and sticks are drawn in log space (as log-gamma ratios): a plain Beta draw can round to
exactly 1 on real data (it does on Kosovo), which makes ``p0`` or a class probability 0 and stalls
the sampler.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

WARM_UP = 500


@dataclass(frozen=True)
class ChainOutput:
    n: NDArray[np.float64]  # retained draws of N
    alpha: NDArray[np.float64]
    occupied: NDArray[np.float64]  # latent classes holding at least one person


def log_gamma_draw(rng: np.random.Generator, shape: float) -> float:
    """log of a Gamma(shape, 1) draw, accurate for tiny shapes where the draw underflows."""
    if shape >= 1.0:
        return float(np.log(rng.gamma(shape)))
    return float(np.log(rng.gamma(shape + 1.0)) + np.log(rng.random()) / shape)


def initial_state(
    patterns: NDArray[np.int64], freq: NDArray[np.int64], classes: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Every class starts at the lists' marginal frequencies; the first classes carry most
    weight (the R package's starting point)."""
    n = freq.sum()
    marginal = (patterns * freq[:, None]).sum(axis=0) / n
    marginal = np.clip(marginal, 1e-3, 1 - 1e-3)
    lam = np.repeat(marginal[:, None], classes, axis=1)
    if classes > 4:
        nu = np.concatenate([np.full(4, 0.225), np.full(classes - 4, 0.1 / (classes - 4))])
    else:
        nu = np.full(classes, 1.0 / classes)
    return lam, nu


def _by_weight(
    log_lam: NDArray[np.float64],
    log_not: NDArray[np.float64],
    log_nu: NDArray[np.float64],
    count0: NDArray[np.int64],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]:
    """The classes relabelled by decreasing weight."""
    order = np.argsort(-log_nu)
    return log_lam[:, order], log_not[:, order], log_nu[order], count0[order]


def run_chain(
    patterns: NDArray[np.int64],
    freq: NDArray[np.int64],
    *,
    classes: int,
    burn_in: int,
    samples: int,
    thinning: int,
    seed: int,
    a_alpha: float = 0.25,
    b_alpha: float = 0.25,
) -> ChainOutput:
    rng = np.random.default_rng(seed)
    n = int(freq.sum())
    lists = patterns.shape[1]
    lam, nu = initial_state(patterns, freq, classes)
    log_lam, log_not = np.log(lam), np.log1p(-lam)
    log_nu = np.log(nu)
    alpha = 0.3 / classes
    n0 = 0
    count0 = np.zeros(classes, dtype=np.int64)
    total = WARM_UP + burn_in + samples * thinning
    out_n = np.empty(samples)
    out_alpha = np.empty(samples)
    out_occupied = np.empty(samples)
    kept = 0
    for sweep in range(total):
        # 1. split each observed cell's count across the classes
        log_p = log_nu[None, :] + patterns @ log_lam + (1 - patterns) @ log_not
        probs = np.exp(log_p - log_p.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        split = np.array([rng.multinomial(f, p) for f, p in zip(freq, probs, strict=True)])
        # 2. lambda from Betas, the unobserved people counted as on no list
        ones = patterns.T @ split
        in_class = split.sum(axis=0) + count0
        zeros = in_class[None, :] - ones
        for j in range(lists):
            for k in range(classes):
                g1 = log_gamma_draw(rng, 1.0 + ones[j, k])
                g2 = log_gamma_draw(rng, 1.0 + zeros[j, k])
                norm = np.logaddexp(g1, g2)
                log_lam[j, k], log_not[j, k] = g1 - norm, g2 - norm
        # 3. sticks
        remaining = n + n0
        rest = 0.0
        for k in range(classes - 1):
            remaining -= in_class[k]
            g1 = log_gamma_draw(rng, 1.0 + in_class[k])
            g2 = log_gamma_draw(rng, alpha + remaining)
            norm = np.logaddexp(g1, g2)
            log_nu[k] = g1 - norm + rest
            rest += g2 - norm
        log_nu[classes - 1] = rest
        # 4. the never documented: how many, then their classes
        log_zero = log_nu + log_not.sum(axis=0)
        p0 = float(np.exp(log_zero).sum())
        n0 = int(rng.negative_binomial(n, 1.0 - p0)) if p0 > 0 else 0
        weights = np.exp(log_zero - log_zero.max())
        count0 = rng.multinomial(n0, weights / weights.sum())
        # 5. concentration (held fixed during the warm-up, as the R package does)
        if sweep >= WARM_UP:
            alpha = rng.gamma(a_alpha + classes - 1.0, 1.0 / (b_alpha - log_nu[classes - 1]))
        if sweep == WARM_UP - 1:
            log_lam, log_not, log_nu, count0 = _by_weight(log_lam, log_not, log_nu, count0)
        after = sweep - WARM_UP - burn_in
        if after >= 0 and (after + 1) % thinning == 0:
            out_n[kept] = n + n0
            out_alpha[kept] = alpha
            out_occupied[kept] = np.count_nonzero(in_class)
            kept += 1
    return ChainOutput(out_n, out_alpha, out_occupied)
