"""Bayesian model averaging over decomposable graphical models (Madigan & York 1997, as dga).

For each decomposable graph on the lists and each candidate number missing, the complete table
(observed cells plus the unobserved one) has a closed-form marginal likelihood under the
hyper-Dirichlet prior: a Dirichlet on each clique's margin with ``delta * 2**(t - |clique|)`` per
cell, so that the margins of all cliques agree. The graph's likelihood is the product over its
cliques divided by the product over its separators; with a perfect elimination ordering that is
the product over vertices of ML(vertex + earlier neighbours) / ML(earlier neighbours). The
posterior over (graph, N) is exact on the grid: no MCMC.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special

from rightsledger.errors import UserError
from rightsledger.estimate.data import CaptureHistories, pattern_matrix
from rightsledger.estimate.result import Curve, Estimate, MethodResult

MIN_LISTS, MAX_LISTS = 3, 5
# Posterior mass allowed in the last tenth of the grid before the grid is extended.
TAIL_MASS = 1e-4
MAX_EXTENSIONS = 8

LogPrior = Callable[[NDArray[np.float64]], NDArray[np.float64]]


@dataclass(frozen=True)
class Graph:
    """A decomposable graph: its edges and, for the likelihood, (vertex set, sign) factors."""

    edges: tuple[tuple[int, int], ...]
    factors: tuple[tuple[int, int], ...]  # (bit mask of a complete set, +1 or -1)
    cliques: tuple[int, ...]

    def name(self, lists: tuple[str, ...]) -> str:
        return "".join(
            "[" + "·".join(lists[j] for j in range(len(lists)) if mask >> j & 1) + "]"
            for mask in self.cliques
        )


def decomposable_graphs(t: int) -> list[Graph]:
    """All decomposable (chordal) graphs on ``t`` labelled vertices: 8, 61, 822 for 3, 4, 5."""
    pairs = list(itertools.combinations(range(t), 2))
    graphs = []
    for chosen in itertools.product((False, True), repeat=len(pairs)):
        edges = tuple(pair for pair, on in zip(pairs, chosen, strict=True) if on)
        neighbours = [0] * t
        for a, b in edges:
            neighbours[a] |= 1 << b
            neighbours[b] |= 1 << a
        factors = _elimination_factors(t, neighbours)
        if factors is not None:
            graphs.append(Graph(edges, factors, _cliques(t, neighbours)))
    return graphs


def _elimination_factors(t: int, neighbours: list[int]) -> tuple[tuple[int, int], ...] | None:
    """Maximum cardinality search; None when the graph is not chordal."""
    numbered = 0
    factors: list[tuple[int, int]] = []
    for _ in range(t):
        vertex = max(
            (v for v in range(t) if not numbered >> v & 1),
            key=lambda v: bin(neighbours[v] & numbered).count("1"),
        )
        earlier = neighbours[vertex] & numbered
        for u in range(t):
            if earlier >> u & 1 and (earlier & ~(1 << u)) & ~neighbours[u]:
                return None
        factors.append((earlier | 1 << vertex, 1))
        if earlier:
            factors.append((earlier, -1))
        numbered |= 1 << vertex
    return tuple(factors)


def _cliques(t: int, neighbours: list[int]) -> tuple[int, ...]:
    complete = [
        mask
        for mask in range(1, 2**t)
        if all((mask & ~(1 << v)) & ~neighbours[v] == 0 for v in range(t) if mask >> v & 1)
    ]
    return tuple(m for m in complete if not any(m != o and m & o == m for o in complete))


def posterior_weights(
    histories: CaptureHistories,
    missing: NDArray[np.float64],
    delta: float,
    graphs: list[Graph],
    log_prior: LogPrior,
) -> NDArray[np.float64]:
    """Normalised posterior probabilities, one row per graph, one column per number missing."""
    t = histories.t
    cells = histories.cells.astype(np.float64)
    total_alpha = delta * 2**t
    observed = histories.observed
    patterns = pattern_matrix(t)
    margin_ml: dict[int, NDArray[np.float64]] = {}
    weights_of_mask = 2 ** np.arange(t)

    def margin_loglik(mask: int) -> NDArray[np.float64]:
        if mask not in margin_ml:
            members = [j for j in range(t) if mask >> j & 1]
            alpha = delta * 2 ** (t - len(members))
            keys = patterns[:, members] @ weights_of_mask[: len(members)]
            margin = np.bincount(keys, weights=cells, minlength=2 ** len(members))
            fixed = np.sum(special.gammaln(margin[1:] + alpha)) - 2 ** len(members) * (
                special.gammaln(alpha)
            )
            margin_ml[mask] = (
                fixed
                + special.gammaln(margin[0] + missing + alpha)
                + special.gammaln(total_alpha)
                - special.gammaln(observed + missing + total_alpha)
            )
        return margin_ml[mask]

    log_weights = np.empty((len(graphs), len(missing)))
    base = (
        special.gammaln(observed + missing + 1)
        - np.sum(special.gammaln(cells[1:] + 1))
        - special.gammaln(missing + 1)
        + log_prior(observed + missing)
    )
    for row, graph in enumerate(graphs):
        value = base.copy()
        for mask, sign in graph.factors:
            value += sign * margin_loglik(mask)
        log_weights[row] = value
    log_weights -= log_weights.max()
    weights = np.exp(log_weights)
    return weights / weights.sum()  # type: ignore[no-any-return]


def inverse_n_prior(total: NDArray[np.float64]) -> NDArray[np.float64]:
    return -np.log(total)


def bayes_estimator(weights: NDArray[np.float64], total: NDArray[np.float64]) -> float:
    """Madigan and York's estimator under relative squared error loss: E[1/N] / E[1/N^2]."""
    return float(np.sum(weights / total) / np.sum(weights / total**2))


def quantile(pmf: NDArray[np.float64], values: NDArray[np.float64], q: float) -> float:
    cdf = np.cumsum(pmf) / pmf.sum()
    return float(values[min(int(np.searchsorted(cdf, q)), len(values) - 1)])


def dga_estimate(
    histories: CaptureHistories,
    *,
    delta: float | None = None,
    level: float = 0.95,
    missing: NDArray[np.float64] | None = None,
    log_prior: LogPrior | None = None,
    prior_name: str = "1/N",
    shown: int = 5,
) -> MethodResult:
    """Model-averaged posterior of N on a grid of numbers missing, extended while its end
    carries non-negligible mass (only when the grid was not given)."""
    t = histories.t
    if not MIN_LISTS <= t <= MAX_LISTS:
        raise UserError(f"dga needs 3 to 5 lists; these data have {t}")
    histories.require_identifiable()
    delta = 2.0**-t if delta is None else delta
    if delta <= 0:
        raise UserError("--delta must be positive")
    prior = log_prior or inverse_n_prior
    graphs = decomposable_graphs(t)
    warnings: list[str] = []
    fixed_grid = missing is not None
    grid = (
        missing
        if missing is not None
        else np.arange(0, max(2000, 10 * histories.observed) + 1, dtype=np.float64)
    )
    for _ in range(MAX_EXTENSIONS):
        weights = posterior_weights(histories, grid, delta, graphs, prior)
        pmf = weights.sum(axis=0)
        tail = float(pmf[int(len(pmf) * 0.9) :].sum())
        if tail <= TAIL_MASS or fixed_grid:
            break
        grid = np.arange(0, 4 * (grid[-1] + 1), dtype=np.float64)
    if tail > TAIL_MASS:
        warnings.append(
            f"{tail:.2%} of the posterior lies in the last tenth of the grid of N "
            f"(up to {histories.observed + grid[-1]:.0f}); the upper tail is cut off"
        )
    total = histories.observed + grid
    model_weights = weights.sum(axis=1)
    order = np.argsort(-model_weights)
    alpha = (1.0 - level) / 2.0
    mean = float(np.sum(pmf * total))
    top = order[0]
    return MethodResult(
        method="dga",
        lists=histories.lists,
        observed=histories.observed,
        estimate=Estimate(
            point=quantile(pmf, total, 0.5),
            median=quantile(pmf, total, 0.5),
            mean=mean,
            lo=quantile(pmf, total, alpha),
            hi=quantile(pmf, total, 1.0 - alpha),
            level=level,
        ),
        model={
            "graphs": len(graphs),
            "delta": delta,
            "prior_n": prior_name,
            "grid": [float(total[0]), float(total[-1])],
            "top_graph": graphs[top].name(histories.lists),
        },
        diagnostics={
            "bayes_estimate": round(bayes_estimator(pmf, total), 1),
            "mode": float(total[int(np.argmax(pmf))]),
            "tail_mass": tail,
            "top_graphs": [
                {
                    "graph": graphs[i].name(histories.lists),
                    "weight": round(float(model_weights[i]), 4),
                    "bayes_estimate": round(bayes_estimator(weights[i], total), 1),
                    "mode": float(total[int(np.argmax(weights[i]))]),
                }
                for i in order[:shown]
            ],
        },
        warnings=warnings,
        curve=Curve("posterior", total, pmf),
    )


def madigan_york_log_prior(a: float, b: float) -> LogPrior:
    """The negative-binomial-type prior on N of Madigan and York's example."""

    def prior(total: NDArray[np.float64]) -> NDArray[np.float64]:
        return (  # type: ignore[no-any-return]
            total * math.log(b)
            - (total + a) * math.log(1 + b)
            + special.gammaln(total + a)
            - special.gammaln(total + 1)
            - special.gammaln(a)
        )

    return prior
