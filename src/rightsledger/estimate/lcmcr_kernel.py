"""The LCMCR sweep compiled with numba: the same steps as ``lcmcr_reference``, in loops.

Compiled once and cached on disk (``cache=True``); where no cache directory is writable the
function is compiled in memory at first use instead. Draws come from ``rng`` (a xoshiro256**
stream seeded from the chain's seed), except the one Poisson draw per sweep.

Where it differs from the reference, for speed, without changing the distribution:

- class weights are products of ``lambda``, ``1 - lambda`` and ``nu / max(nu)`` rather than
  exponentials of sums of logarithms (a cell falls back to logarithms if its weights underflow);
  ``lambda`` and ``1 - lambda`` are each a Gamma draw over the sum of two, which keeps both
  accurate however close to 0 or 1 they are, so only the sticks need logarithms;
- each multinomial split takes the classes heaviest first (the order kept from the last sweep,
  re-sorted) so that the count is usually used up before the near-empty classes, and draws
  the last people one by one once no more are left than classes to share them.

The tests compare its posterior with the reference's (the random streams differ).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from rightsledger.estimate.lcmcr_reference import WARM_UP
from rightsledger.estimate.rng import (
    binomial,
    compile_function,
    gamma,
    log_gamma,
    seed_state,
    uniform,
)

_compile = compile_function

# Below this a cell's summed class weights may have lost precision to underflow.
_TINY = 1e-280
# People left per class still to split below which they are drawn one by one. Small binomials
# are cheap (inversion with an integer power), so this is low: measured best at 1 on Kosovo
# (279 one-by-one draws and 25 binomials per sweep at 4; 50 and 46 at 1: 10.9 -> 9.1 µs).
_DRAWS_PER_BINOMIAL = 1


@_compile
def _log_add(a: float, b: float) -> float:
    if a > b:
        return a + math.log1p(math.exp(b - a))
    return b + math.log1p(math.exp(a - b))


@_compile
def _split(rng: Any, count: int, weights: Any, order: Any, tail: Any, out: Any) -> None:
    """Multinomial(count, weights / sum(weights)) into ``out``; ``order`` is this cell's class
    order from the last sweep, updated here.

    Conditional binomials, heaviest class first, while many people are left; once few are
    left for the classes remaining, one categorical draw each. Any order of the classes gives
    the same distribution; heaviest first uses the count up in fewer binomials."""
    classes = len(weights)
    # Insertion sort from the last sweep's order, which is usually still nearly right.
    for i in range(1, classes):
        moving = order[i]
        at = i
        while at > 0 and weights[order[at - 1]] < weights[moving]:
            order[at] = order[at - 1]
            at -= 1
        order[at] = moving
    acc = 0.0
    for i in range(classes - 1, -1, -1):
        acc += weights[order[i]]
        tail[i] = acc
    for k in range(classes):
        out[k] = 0
    for i in range(classes - 1):
        if count <= _DRAWS_PER_BINOMIAL * (classes - 1 - i):
            # Inverse CDF over the remaining classes, without branches: tail decreases, and the
            # class drawn is the last one whose tail lies above the uniform.
            for _ in range(count):
                x = uniform(rng) * tail[i]
                at = i
                for t in range(i + 1, classes):
                    at += tail[t] > x
                out[order[at]] += 1
            return
        k = order[i]
        drawn = binomial(rng, count, weights[k] / tail[i])
        out[k] = drawn
        count -= drawn
    out[order[classes - 1]] += count


@_compile
def _cell_weights_in_logs(pattern: Any, lam: Any, not_lam: Any, log_nu: Any, weights: Any) -> float:
    """The slow, underflow-proof way to the class weights of one cell."""
    classes = len(log_nu)
    top = -np.inf
    for k in range(classes):
        value = log_nu[k]
        for j in range(len(pattern)):
            value += math.log(lam[j, k]) if pattern[j] else math.log(not_lam[j, k])
        weights[k] = value
        top = max(top, value)
    total = 0.0
    for k in range(classes):
        weights[k] = math.exp(weights[k] - top)
        total += weights[k]
    return total


@_compile
def _reorder(lam: Any, not_lam: Any, log_nu: Any, count0: Any) -> None:
    """Relabel the classes by decreasing weight, as the R package does after its warm-up."""
    order = np.argsort(-log_nu)
    lam[:, :] = lam[:, order].copy()
    not_lam[:, :] = not_lam[:, order].copy()
    log_nu[:] = log_nu[order].copy()
    count0[:] = count0[order].copy()


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
    cells, lists = patterns.shape
    n = 0
    for m in range(cells):
        n += freq[m]
    lam = init_lam.copy()
    not_lam = 1.0 - init_lam
    log_nu = np.log(init_nu)
    nu = np.empty(classes)
    alpha = 0.3 / classes
    n0 = 0
    count0 = np.zeros(classes, dtype=np.int64)
    ones = np.zeros((lists, classes), dtype=np.int64)
    in_class = np.zeros(classes, dtype=np.int64)
    weights = np.empty(classes)
    tail = np.empty(classes)
    orders = np.empty((cells + 1, classes), dtype=np.int64)
    for m in range(cells + 1):
        for k in range(classes):
            orders[m, k] = k
    row = np.zeros(classes, dtype=np.int64)
    out_n = np.empty(samples)
    out_alpha = np.empty(samples)
    out_occupied = np.empty(samples)
    kept = 0
    total = WARM_UP + burn_in + samples * thinning
    for sweep in range(total):
        # 1. split each observed cell's count across the classes
        top = log_nu.max()
        for k in range(classes):
            nu[k] = math.exp(log_nu[k] - top)
        ones[:, :] = 0
        for k in range(classes):
            in_class[k] = count0[k]
        for m in range(cells):
            norm = 0.0
            for k in range(classes):
                value = nu[k]
                for j in range(lists):
                    value *= lam[j, k] if patterns[m, j] else not_lam[j, k]
                weights[k] = value
                norm += value
            if norm < _TINY:
                _cell_weights_in_logs(patterns[m], lam, not_lam, log_nu, weights)
            _split(rng, freq[m], weights, orders[m], tail, row)
            for k in range(classes):
                if row[k]:
                    in_class[k] += row[k]
                    for j in range(lists):
                        if patterns[m, j]:
                            ones[j, k] += row[k]
        # 2. lambda from Betas, as ratios of Gammas (both shapes are at least 1)
        for j in range(lists):
            for k in range(classes):
                g1 = gamma(rng, 1.0 + ones[j, k])
                g2 = gamma(rng, 1.0 + in_class[k] - ones[j, k])
                lam[j, k] = g1 / (g1 + g2)
                not_lam[j, k] = g2 / (g1 + g2)
        # 3. sticks, in logs: the weights of the last classes can be far below 1e-308
        remaining = n + n0
        rest = 0.0
        for k in range(classes - 1):
            remaining -= in_class[k]
            g1 = gamma(rng, 1.0 + in_class[k])
            shape = alpha + remaining
            if shape >= 1.0:
                g2 = gamma(rng, shape)
                log_nu[k] = math.log(g1 / (g1 + g2)) + rest
                rest += math.log(g2 / (g1 + g2))
            else:
                lg1 = math.log(g1)
                lg2 = log_gamma(rng, shape)
                norm = _log_add(lg1, lg2)
                log_nu[k] = lg1 - norm + rest
                rest += lg2 - norm
        log_nu[classes - 1] = rest
        # 4. the never documented: how many, then their classes
        top = log_nu.max()
        norm = 0.0
        for k in range(classes):
            value = math.exp(log_nu[k] - top)
            for j in range(lists):
                value *= not_lam[j, k]
            weights[k] = value
            norm += value
        p0 = norm * math.exp(top)
        if norm < _TINY:
            no_pattern = np.zeros(lists, dtype=patterns.dtype)
            norm = _cell_weights_in_logs(no_pattern, lam, not_lam, log_nu, weights)
            p0 = 0.0
            for k in range(classes):
                value = log_nu[k]
                for j in range(lists):
                    value += math.log(not_lam[j, k])
                p0 += math.exp(value)
        if p0 > 0.0:
            p0 = min(p0, 1.0 - 1e-12)
            rate = gamma(rng, float(n)) * p0 / (1.0 - p0)
            n0 = np.random.poisson(rate)
        else:
            n0 = 0
        _split(rng, n0, weights, orders[cells], tail, count0)
        # 5. concentration, held fixed during the warm-up
        if sweep >= WARM_UP:
            shape = a_alpha + classes - 1.0
            alpha = math.exp(log_gamma(rng, shape)) / (b_alpha - log_nu[classes - 1])
        if sweep == WARM_UP - 1:
            _reorder(lam, not_lam, log_nu, count0)
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
