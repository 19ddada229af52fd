"""Random variates for the compiled sampler, on a small explicit generator state.

numba's ``np.random`` gamma and binomial cost about 100-130 ns a draw; a sweep of the LCMCR sampler
needs a few hundred, so they set its speed. These are the textbook fast methods on xoshiro256**
(Blackman & Vigna), seeded through splitmix64:

- normal: the ziggurat (Marsaglia & Tsang, 2000) with 256 layers, taking the layer, the sign and
  the uniform from separate bits of one 64-bit draw (Doornik's remedy for the original's
  correlation); no logarithm or square root for 99% of draws, where the polar method needs both;
- gamma: Marsaglia & Tsang (2000) for shapes from 1 up, no logarithm on the usual path;
- log-gamma: the same, returned as a logarithm, for tiny shapes (below 1, by
  Gamma(a + 1) * U^(1/a)) whose draws can underflow;
- binomial: inversion when the mean is below 10 (a table of 1/k in its loop), else Hörmann's
  BTRS (1993), with log k! from Stirling's series instead of lgamma, worked out only when the
  quick acceptance test fails.

The state is a uint64 array of 4 words.

numba's disk cache keys the compiled sampler on ``lcmcr_kernel.py`` alone: after editing this file,
delete ``src/rightsledger/estimate/__pycache__`` or the sampler keeps the old code.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numba
import numpy as np


def compile_function(func: Callable[..., Any]) -> Any:
    """njit with an on-disk cache, or in memory where no cache directory is writable."""
    try:
        return numba.njit(cache=True, nogil=True)(func)
    except RuntimeError:
        return numba.njit(cache=False, nogil=True)(func)


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 1.0 / 9007199254740992.0  # 2**-53
_SMALL_LOG_FACTORIALS = np.array([math.lgamma(k + 1.0) for k in range(16)])
_HALF_LOG_TWO_PI = 0.5 * math.log(2.0 * math.pi)
_RECIPROCAL_COUNT = 64
_INVERSION_MEAN = 10.0
_RECIPROCALS = np.array([0.0] + [1.0 / k for k in range(1, _RECIPROCAL_COUNT)])


def _ziggurat_tables(layers: int = 256) -> tuple[Any, Any, float]:
    """Edges x[0..layers] and heights f(x) of the normal ziggurat, and where its tail starts.

    Layer i is the box [0, x[i]] x [f(x[i]), f(x[i+1])]; all boxes have the area ``v``; the
    bottom one (i = 0) is the box under f(r) widened to area v, the part beyond r standing for
    the tail. r and v are Marsaglia & Tsang's constants for 256 layers.
    """
    r, v = 3.6541528853610088, 0.00492867323399
    edges = np.zeros(layers + 1)
    edges[0] = v / math.exp(-0.5 * r * r)
    edges[1] = r
    for i in range(1, layers - 1):
        edges[i + 1] = math.sqrt(-2.0 * math.log(v / edges[i] + math.exp(-0.5 * edges[i] ** 2)))
    edges[layers] = 0.0
    return edges, np.exp(-0.5 * edges * edges), r


_ZIGGURAT_EDGES, _ZIGGURAT_HEIGHTS, _ZIGGURAT_TAIL = _ziggurat_tables()


@compile_function
def _rotl(x: Any, k: int) -> Any:
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


@compile_function
def seed_state(seed: int) -> Any:
    state = np.empty(4, dtype=np.uint64)
    z = np.uint64(seed)
    for i in range(4):
        z = z + _GOLDEN
        x = z
        x = (x ^ (x >> np.uint64(30))) * _MIX1
        x = (x ^ (x >> np.uint64(27))) * _MIX2
        state[i] = x ^ (x >> np.uint64(31))
    return state


@compile_function
def next_u64(s: Any) -> Any:
    result = _rotl(s[1] * np.uint64(5), 7) * np.uint64(9)
    t = s[1] << np.uint64(17)
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = _rotl(s[3], 45)
    return result


@compile_function
def uniform(s: Any) -> float:
    """In [0, 1)."""
    return float(next_u64(s) >> np.uint64(11)) * _TO_UNIT


@compile_function
def log_factorial(k: float) -> float:
    """log k! for whole k >= 0: a table, then Stirling's series (error below 1e-12)."""
    if k < 16.0:
        return float(_SMALL_LOG_FACTORIALS[int(k)])
    inverse = 1.0 / k
    inverse2 = inverse * inverse
    return (
        (k + 0.5) * math.log(k)
        - k
        + _HALF_LOG_TWO_PI
        + inverse * (1.0 / 12.0 - inverse2 * (1.0 / 360.0 - inverse2 / 1260.0))
    )


@compile_function
def normal(s: Any) -> float:
    """A standard normal draw (ziggurat)."""
    while True:
        bits = next_u64(s)
        layer = int(bits & np.uint64(255))
        negative = (bits >> np.uint64(8)) & np.uint64(1)
        x: float = float(bits >> np.uint64(11)) * _TO_UNIT * float(_ZIGGURAT_EDGES[layer])
        if x < _ZIGGURAT_EDGES[layer + 1]:  # inside the part of the box wholly under the curve
            return -x if negative else x
        if layer == 0:  # beyond r: Marsaglia's tail method
            while True:
                beyond = -math.log(1.0 - uniform(s)) / _ZIGGURAT_TAIL
                if -2.0 * math.log(1.0 - uniform(s)) > beyond * beyond:
                    x = _ZIGGURAT_TAIL + beyond
                    return -x if negative else x
        low = _ZIGGURAT_HEIGHTS[layer]
        if low + uniform(s) * (_ZIGGURAT_HEIGHTS[layer + 1] - low) < math.exp(-0.5 * x * x):
            return -x if negative else x


@compile_function
def log_gamma(s: Any, shape: float) -> float:
    """log of a Gamma(shape, 1) draw."""
    if shape < 1.0:
        u: float = 1.0 - uniform(s)  # in (0, 1]
        boosted: float = _log_gamma_above_one(s, shape + 1.0)
        return boosted + math.log(u) / shape
    drawn: float = _log_gamma_above_one(s, shape)
    return drawn


@compile_function
def gamma(s: Any, shape: float) -> float:
    """A Gamma(shape, 1) draw for shape >= 1 (Marsaglia & Tsang); no logarithm on the usual path."""
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = normal(s)
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = uniform(s)
        x2 = x * x
        drawn: float = d * v
        if u < 1.0 - 0.0331 * x2 * x2:
            return drawn
        if u > 0.0 and math.log(u) < 0.5 * x2 + d * (1.0 - v + math.log(v)):
            return drawn


@compile_function
def _log_gamma_above_one(s: Any, shape: float) -> float:
    return math.log(gamma(s, shape))


@compile_function
def binomial(s: Any, n: int, p: float) -> int:
    if n <= 0 or p <= 0.0:
        return 0
    if p >= 1.0:
        return n
    # Work with the smaller of p and 1 - p; the two methods are separate functions so that the
    # short one (most calls in the sampler) stays cheap to call.
    flip = p > 0.5
    small = 1.0 - p if flip else p
    drawn: int = (
        _binomial_inversion(s, n, small)
        if n * small < _INVERSION_MEAN
        else _binomial_btrs(s, n, small)
    )
    return n - drawn if flip else drawn


@compile_function
def _power(x: float, n: int) -> float:
    """x ** n for whole n >= 0 by repeated squaring: a few multiplications, where exp(n log x)
    costs two transcendental functions (the sampler draws many binomials of small counts)."""
    result = 1.0
    while n:
        if n & 1:
            result *= x
        x *= x
        n >>= 1
    return result


@compile_function
def _binomial_inversion(s: Any, n: int, p: float) -> int:
    """Walk up the probabilities from 0 (mean below 10, so a few steps)."""
    q = 1.0 - p
    start = _power(q, n) if n < 256 else math.exp(n * math.log(q))
    ratio = p / q
    while True:
        u = uniform(s)
        k = 0
        mass = start
        while u > mass:
            u -= mass
            k += 1
            if k > n:
                break
            # A table of 1/k keeps a division out of this loop, the sampler's hottest.
            step = _RECIPROCALS[k] if k < _RECIPROCAL_COUNT else 1.0 / k
            mass *= ratio * (n - k + 1) * step
        if k <= n:
            return k


@compile_function
def _binomial_btrs(s: Any, n: int, p: float) -> int:
    """Hörmann's transformed rejection with squeeze, for n p >= 10 and p <= 1/2."""
    q = 1.0 - p
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - 4.2 / b
    alpha = (2.83 + 5.1 / b) * spq
    # The logarithms for the slow acceptance test are worked out only when it is first needed:
    # most draws are accepted by the quick test before it.
    lpq = 0.0
    m = 0.0
    h = 0.0
    slow_test_ready = False
    while True:
        u = uniform(s) - 0.5
        v = uniform(s)
        us = 0.5 - abs(u)
        k = math.floor((2.0 * a / us + b) * u + c) if us > 0.0 else -1
        if k < 0 or k > n:
            continue
        if us >= 0.07 and v <= v_r:
            return int(k)
        if v <= 0.0:
            continue
        if not slow_test_ready:
            slow_test_ready = True
            lpq = math.log(p / q)
            m = math.floor((n + 1) * p)
            h = log_factorial(m) + log_factorial(n - m)
        v = math.log(v * alpha / (a / (us * us) + b))
        if v <= h - log_factorial(k) - log_factorial(n - k) + (k - m) * lpq:
            return int(k)
