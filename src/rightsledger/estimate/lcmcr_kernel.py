"""The LCMCR sweep compiled with numba: the same steps as ``lcmcr_reference``, in loops.

Compiled once and cached on disk (``cache=True``); where no cache directory is writable the
function is compiled in memory at first use instead. Draws come from ``rng`` (a xoshiro256**
stream seeded from the chain's seed), except the one Poisson draw per sweep.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from rightsledger.estimate.lcmcr_reference import WARM_UP
from rightsledger.estimate.rng import binomial, compile_function, log_gamma, seed_state, uniform

_compile = compile_function


@_compile
def _log_add(a: float, b: float) -> float:
    if a > b:
        return a + math.log1p(math.exp(b - a))
    return b + math.log1p(math.exp(a - b))


@_compile
def _multinomial(rng: Any, count: int, probs: Any, total: float, out: Any) -> None:
    """Split ``count`` over ``probs`` (summing to ``total``) by successive binomials."""
    out[:] = 0
    if count == 1:
        u = uniform(rng) * total
        k = 0
        last = len(probs) - 1
        while k < last and u >= probs[k]:
            u -= probs[k]
            k += 1
        out[k] = 1
        return
    rest = total
    for k in range(len(probs) - 1):
        if count == 0:
            return
        p = probs[k] / rest if rest > 0.0 else 1.0
        if p >= 1.0:
            out[k] = count
            return
        drawn = binomial(rng, count, p)
        out[k] = drawn
        count -= drawn
        rest -= probs[k]
    out[len(probs) - 1] = count


@_compile
def _order_classes(log_lam: Any, log_not: Any, log_nu: Any, count0: Any) -> None:
    """Relabel the classes by decreasing weight, as the R package does after its warm-up."""
    order = np.argsort(-log_nu)
    lam_before = log_lam.copy()
    not_before = log_not.copy()
    nu_before = log_nu.copy()
    count_before = count0.copy()
    for new_k in range(len(order)):
        old_k = order[new_k]
        log_nu[new_k] = nu_before[old_k]
        count0[new_k] = count_before[old_k]
        for j in range(log_lam.shape[0]):
            log_lam[j, new_k] = lam_before[j, old_k]
            log_not[j, new_k] = not_before[j, old_k]


@_compile
def run_chain_compiled(  # noqa: PLR0912, PLR0915 - one sweep's five steps belong together for speed
    patterns: Any,
    freq: Any,
    classes: int,
    burn_in: int,
    samples: int,
    thinning: int,
    seed: int,
    a_alpha: float,
    b_alpha: float,
    init_lam: Any,
    init_nu: Any,
) -> Any:
    np.random.seed(seed)
    rng = seed_state(seed)
    spare = np.zeros(2)
    cells, lists = patterns.shape
    n = 0
    for m in range(cells):
        n += freq[m]
    log_lam = np.log(init_lam)
    log_not = np.log(1.0 - init_lam)
    log_nu = np.log(init_nu)
    alpha = 0.3 / classes
    n0 = 0
    count0 = np.zeros(classes, dtype=np.int64)
    split = np.zeros((cells, classes), dtype=np.int64)
    ones = np.zeros((lists, classes), dtype=np.int64)
    in_class = np.zeros(classes, dtype=np.int64)
    probs = np.empty(classes)
    row = np.zeros(classes, dtype=np.int64)
    out_n = np.empty(samples)
    out_alpha = np.empty(samples)
    out_occupied = np.empty(samples)
    kept = 0
    total = WARM_UP + burn_in + samples * thinning
    for sweep in range(total):
        # 1. split each observed cell's count across the classes
        ones[:, :] = 0
        for k in range(classes):
            in_class[k] = count0[k]
        for m in range(cells):
            top = -np.inf
            for k in range(classes):
                value = log_nu[k]
                for j in range(lists):
                    value += log_lam[j, k] if patterns[m, j] else log_not[j, k]
                probs[k] = value
                top = max(top, value)
            norm = 0.0
            for k in range(classes):
                probs[k] = math.exp(probs[k] - top)
                norm += probs[k]
            _multinomial(rng, freq[m], probs, norm, row)
            for k in range(classes):
                split[m, k] = row[k]
                in_class[k] += row[k]
                if row[k]:
                    for j in range(lists):
                        if patterns[m, j]:
                            ones[j, k] += row[k]
        # 2. lambda from Betas in log space
        for j in range(lists):
            for k in range(classes):
                g1 = log_gamma(rng, spare, 1.0 + ones[j, k])
                g2 = log_gamma(rng, spare, 1.0 + in_class[k] - ones[j, k])
                norm = _log_add(g1, g2)
                log_lam[j, k] = g1 - norm
                log_not[j, k] = g2 - norm
        # 3. sticks
        remaining = n + n0
        rest = 0.0
        for k in range(classes - 1):
            remaining -= in_class[k]
            g1 = log_gamma(rng, spare, 1.0 + in_class[k])
            g2 = log_gamma(rng, spare, alpha + remaining)
            norm = _log_add(g1, g2)
            log_nu[k] = g1 - norm + rest
            rest += g2 - norm
        log_nu[classes - 1] = rest
        # 4. the never documented
        top = -np.inf
        for k in range(classes):
            value = log_nu[k]
            for j in range(lists):
                value += log_not[j, k]
            probs[k] = value
            top = max(top, value)
        p0 = 0.0
        norm = 0.0
        for k in range(classes):
            p0 += math.exp(probs[k])
            probs[k] = math.exp(probs[k] - top)
            norm += probs[k]
        if p0 > 0.0:
            p0 = min(p0, 1.0 - 1e-12)
            rate = math.exp(log_gamma(rng, spare, float(n))) * p0 / (1.0 - p0)
            n0 = np.random.poisson(rate)
        else:
            n0 = 0
        _multinomial(rng, n0, probs, norm, count0)
        # 5. concentration, held fixed during the warm-up
        if sweep >= WARM_UP:
            shape = a_alpha + classes - 1.0
            alpha = math.exp(log_gamma(rng, spare, shape)) / (b_alpha - log_nu[classes - 1])
        if sweep == WARM_UP - 1:
            _order_classes(log_lam, log_not, log_nu, count0)
        after = sweep - WARM_UP - burn_in
        if after >= 0 and (after + 1) % thinning == 0:
            out_n[kept] = n + n0
            out_alpha[kept] = alpha
            occupied = 0
            for k in range(classes):
                if in_class[k] > 0:
                    occupied += 1
            out_occupied[kept] = occupied
            kept += 1
    return out_n, out_alpha, out_occupied
