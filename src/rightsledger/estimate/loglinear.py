"""Log-linear capture-recapture models (as in Rcapture), fitted as Poisson GLMs by IRLS.

Each observed cell's count is Poisson with log mean = intercept + one effect per list + chosen
interactions (+ heterogeneity terms). The unobserved cell has every indicator 0, so its fitted
count is exp(intercept) and the total is ``n + exp(intercept)``.

Candidate models: every hierarchical model (an interaction is only allowed with all its lower
interactions; the ``t``-way one never, since it is confounded with the missing cell) when there
are at most four lists (113 models), a stepwise search (add or drop one term at a time while the
criterion improves) beyond; and the independence model
with one heterogeneity term (Rcapture's "Mth" models): Chao's lower bound, Poisson2 (2^s - 1),
Darroch (s^2 / 2) and Gamma3.5 (-log(1 + s / 3.5)), where ``s`` is the number of lists a pattern is
on. Chao's coefficients that come out negative are set to zero and the model refitted, as in
Rcapture.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import optimize, special

from rightsledger.errors import UserError
from rightsledger.estimate.data import CaptureHistories, pattern_matrix
from rightsledger.estimate.result import Curve, Estimate, MethodResult

Term = tuple[int, ...]
HETEROGENEITY = ("chao", "poisson2", "darroch", "gamma3.5")
CRITERIA = ("bic", "aic")
EXHAUSTIVE_MAX_LISTS = 4
# Coefficients beyond this mean a fitted cell is heading to 0: the MLE does not exist.
DIVERGED = 30.0


@dataclass(frozen=True)
class LoglinearModel:
    terms: tuple[Term, ...] = ()
    heterogeneity: str | None = None

    def name(self, lists: Sequence[str]) -> str:
        if self.heterogeneity:
            label = {"chao": "Chao", "poisson2": "Poisson2", "darroch": "Darroch"}.get(
                self.heterogeneity, "Gamma3.5"
            )
            return f"Mth {label} (independence + heterogeneity)"
        generators = [
            term for term in self.terms if not any(set(term) < set(other) for other in self.terms)
        ]
        if not generators:
            return "independence"
        return "[" + "][".join("·".join(lists[j] for j in term) for term in generators) + "]"


@dataclass(frozen=True, eq=False)
class Fit:
    model: LoglinearModel
    beta: NDArray[np.float64]
    columns: NDArray[np.float64]  # the design over all 2**t cells, row 0 the unobserved cell
    loglik: float
    deviance: float
    npar: int
    df: int
    missing: float
    se: float
    estimable: bool

    @property
    def n_hat(self) -> float:
        return float(self.missing)


def hierarchical_models(t: int) -> list[LoglinearModel]:
    """Every hierarchical model on ``t`` lists without the ``t``-way interaction."""
    terms = [term for size in range(2, t) for term in itertools.combinations(range(t), size)]
    models: list[LoglinearModel] = []

    def extend(position: int, chosen: list[Term]) -> None:
        if position == len(terms):
            models.append(LoglinearModel(tuple(chosen)))
            return
        extend(position + 1, chosen)
        term = terms[position]
        present = set(chosen)
        if len(term) == 2 or all(
            sub in present for sub in itertools.combinations(term, len(term) - 1)
        ):
            chosen.append(term)
            extend(position + 1, chosen)
            chosen.pop()

    extend(0, [])
    return models


def design(t: int, model: LoglinearModel) -> NDArray[np.float64]:
    patterns = pattern_matrix(t).astype(np.float64)
    sizes = patterns.sum(axis=1)
    columns = [np.ones(2**t), *patterns.T]
    columns += [patterns[:, list(term)].prod(axis=1) for term in model.terms]
    if model.heterogeneity == "chao":
        columns += [np.maximum(sizes - j + 1, 0.0) for j in range(3, t + 1)]
    elif model.heterogeneity == "poisson2":
        columns.append(2.0**sizes - 1.0)
    elif model.heterogeneity == "darroch":
        columns.append(sizes**2 / 2.0)
    elif model.heterogeneity == "gamma3.5":
        columns.append(-np.log(3.5 + sizes) + np.log(3.5))
    return np.column_stack(columns)


def poisson_irls(
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    start: NDArray[np.float64] | None = None,
    max_iter: int = 100,
) -> tuple[NDArray[np.float64], NDArray[np.float64], bool]:
    """Maximum-likelihood Poisson regression with log link; returns (beta, cov, converged)."""
    if start is None:
        mu = y + 0.5
        eta = np.log(mu)
    else:
        eta = x @ start
        mu = np.exp(eta)
    deviance = math.inf
    beta = np.zeros(x.shape[1])
    converged = False
    for _ in range(max_iter):
        z = eta + (y - mu) / mu
        weighted = x * mu[:, None]
        gram, target = weighted.T @ x, weighted.T @ z
        try:
            beta = np.asarray(np.linalg.solve(gram, target), dtype=np.float64)
        except np.linalg.LinAlgError:
            beta = np.asarray(np.linalg.lstsq(gram, target, rcond=None)[0], dtype=np.float64)
        eta = np.clip(x @ beta, -700.0, 700.0)
        mu = np.exp(eta)
        current = poisson_deviance(y, mu)
        if abs(deviance - current) <= 1e-10 * (abs(current) + 1.0):
            converged = True
            break
        deviance = current
    information = (x * mu[:, None]).T @ x
    try:
        cov = np.asarray(np.linalg.inv(information), dtype=np.float64)
    except np.linalg.LinAlgError:
        cov = np.full_like(information, np.inf)
    return beta, cov, converged


def poisson_deviance(y: NDArray[np.float64], mu: NDArray[np.float64]) -> float:
    ratio = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return float(2.0 * np.sum(ratio - (y - mu)))


def fit_model(histories: CaptureHistories, model: LoglinearModel) -> Fit:
    t = histories.t
    full = design(t, model)
    y = histories.cells[1:].astype(np.float64)
    keep = np.arange(full.shape[1])
    while True:
        x = full[:, keep]
        beta, cov, converged = poisson_irls(x[1:], y)
        if model.heterogeneity != "chao":
            break
        first_eta = t + 1 + len(model.terms)
        negative = [i for i, col in enumerate(keep) if col >= first_eta and beta[i] < 0]
        if not negative:
            break
        keep = np.delete(keep, negative)
    x = full[:, keep]
    mu = np.exp(np.clip(x[1:] @ beta, -700.0, 700.0))
    loglik = float(np.sum(special.xlogy(y, mu) - mu - special.gammaln(y + 1)))
    rank = int(np.linalg.matrix_rank(x[1:]))
    npar = x.shape[1]
    missing = float(np.exp(min(beta[0], 700.0)))
    estimable = bool(
        converged
        and rank == npar
        and np.all(np.abs(beta[1:]) < DIVERGED)
        and np.isfinite(missing)
        and missing < 1e9 * max(histories.observed, 1)
    )
    se = math.sqrt(missing + missing**2 * cov[0, 0]) if np.isfinite(cov[0, 0]) else math.inf
    return Fit(
        model=model,
        beta=beta,
        columns=x,
        loglik=loglik,
        deviance=poisson_deviance(y, mu),
        npar=npar,
        df=len(y) - npar,
        missing=missing,
        se=se,
        estimable=estimable,
    )


def criterion_value(fit: Fit, observed: int, criterion: str) -> float:
    penalty = math.log(observed) if criterion == "bic" else 2.0
    return -2.0 * fit.loglik + penalty * fit.npar


def candidate_models(t: int, heterogeneity: bool = True) -> list[LoglinearModel]:
    models = hierarchical_models(t) if t <= EXHAUSTIVE_MAX_LISTS else [LoglinearModel()]
    if heterogeneity and t >= 3:
        models += [LoglinearModel((), kind) for kind in HETEROGENEITY]
    return models


def search(
    histories: CaptureHistories, criterion: str = "bic", heterogeneity: bool = True
) -> list[tuple[float, Fit]]:
    """Fit the candidate models and rank those with an estimate by the criterion (best first)."""
    if criterion not in CRITERIA:
        raise UserError(f'criterion "{criterion}" is not one of {", ".join(CRITERIA)}')
    if histories.t > EXHAUSTIVE_MAX_LISTS:
        fits = [_stepwise(histories, criterion)]
        if heterogeneity:
            fits += [fit_model(histories, LoglinearModel((), kind)) for kind in HETEROGENEITY]
    else:
        fits = [
            fit_model(histories, model) for model in candidate_models(histories.t, heterogeneity)
        ]
    # A saturated model fits the observed cells exactly and leaves no evidence about the missing
    # one beyond its own assumption; keep it only when nothing else is estimable.
    ranked = [
        (criterion_value(fit, histories.observed, criterion), fit)
        for fit in fits
        if fit.estimable and fit.df > 0
    ]
    if not ranked:
        ranked = [
            (criterion_value(fit, histories.observed, criterion), fit)
            for fit in fits
            if fit.estimable
        ]
    ranked.sort(key=lambda pair: pair[0])
    return ranked


def _stepwise(histories: CaptureHistories, criterion: str) -> Fit:
    """Greedy search over hierarchical models: add or drop the one term that most improves."""
    t = histories.t
    current = fit_model(histories, LoglinearModel())
    score = criterion_value(current, histories.observed, criterion)
    all_terms = [term for size in range(2, t) for term in itertools.combinations(range(t), size)]
    improved = True
    while improved:
        improved = False
        present = set(current.model.terms)
        moves: list[LoglinearModel] = []
        for term in all_terms:
            if term in present:
                if not any(set(term) < set(other) for other in present):
                    moves.append(LoglinearModel(tuple(x for x in current.model.terms if x != term)))
            elif len(term) == 2 or all(
                sub in present for sub in itertools.combinations(term, len(term) - 1)
            ):
                moves.append(LoglinearModel((*current.model.terms, term)))
        for model in moves:
            fit = fit_model(histories, model)
            if not fit.estimable or fit.df <= 0:
                continue
            value = criterion_value(fit, histories.observed, criterion)
            if value < score - 1e-9:
                current, score, improved = fit, value, True
    return current


def profile_loglik(
    histories: CaptureHistories, columns: NDArray[np.float64], total: float
) -> float:
    """Multinomial log-likelihood of a population of ``total``, maximised over the model's
    parameters: the model is refitted with the unobserved cell set to ``total - n``."""
    observed = histories.observed
    missing = total - observed
    y = histories.cells.astype(np.float64)
    y[0] = missing
    beta, _, _ = poisson_irls(columns, y)
    mu = np.exp(np.clip(columns @ beta, -700.0, 700.0))
    return float(
        special.gammaln(total + 1)
        - special.gammaln(missing + 1)
        - np.sum(special.gammaln(histories.cells[1:] + 1.0))
        + np.sum(special.xlogy(y, mu / total))
    )


def profile_interval(
    histories: CaptureHistories, fit: Fit, level: float
) -> tuple[float, float, float, Curve]:
    """Profile-likelihood interval for N: every N whose deviance from the best is within the
    chi-square(1) quantile. Returns (lo, hi, N at the maximum, the curve)."""
    n = float(histories.observed)
    critical = float(special.chdtri(1, 1.0 - level))
    start = n + max(fit.missing, 1e-6)

    def loglik(total: float) -> float:
        return profile_loglik(histories, fit.columns, total)

    upper_search = max(start * 4.0, n + 10.0)
    best = optimize.minimize_scalar(
        lambda total: -loglik(total),
        bounds=(n, upper_search),
        method="bounded",
        options={"xatol": 1e-6 * start},
    )
    peak_n = float(best.x)
    peak = -float(best.fun)

    def excess(total: float) -> float:
        return 2.0 * (peak - loglik(total)) - critical

    lo = n
    if excess(n) > 0 and excess(peak_n) < 0:
        lo = float(optimize.brentq(excess, n, peak_n, xtol=1e-3))
    hi = math.inf
    bound = max(peak_n, n + 1.0)
    for _ in range(40):
        step = bound + max(bound - n, 1.0)
        if excess(step) > 0:
            hi = (
                float(optimize.brentq(excess, bound, step, xtol=1e-3))
                if excess(bound) < 0
                else bound
            )
            break
        bound = step
    right = hi if math.isfinite(hi) else bound
    grid = np.linspace(max(n, lo - 0.5 * (peak_n - lo)), right + 0.5 * (right - peak_n), 60)
    curve = Curve(
        "profile likelihood",
        grid,
        np.exp(np.array([loglik(float(total)) for total in grid]) - peak),
    )
    return lo, hi, peak_n, curve


def loglinear_estimate(
    histories: CaptureHistories,
    *,
    criterion: str = "bic",
    level: float = 0.95,
    heterogeneity: bool = True,
    shown: int = 10,
) -> MethodResult:
    """Select the best model by the criterion; its N̂ and profile-likelihood interval."""
    histories.require_identifiable()
    ranked = search(histories, criterion, heterogeneity)
    if not ranked:
        raise UserError(
            "no log-linear model has a finite estimate for these data (some lists never overlap "
            "enough to estimate their dependence)"
        )
    score, best = ranked[0]
    lo, hi, _, curve = profile_interval(histories, best, level)
    n = histories.observed
    warnings = []
    if not math.isfinite(hi):
        warnings.append("the profile likelihood does not fall off above: no finite upper bound")
    lists = histories.lists
    return MethodResult(
        method="loglinear",
        lists=lists,
        observed=n,
        estimate=Estimate(
            point=n + best.missing, median=None, mean=None, lo=lo, hi=hi, level=level
        ),
        model={
            "name": best.model.name(lists),
            "terms": [[lists[j] for j in term] for term in best.model.terms],
            "heterogeneity": best.model.heterogeneity,
            "criterion": criterion,
            "interval": "profile likelihood",
        },
        diagnostics={
            "se": round(best.se, 1),
            "deviance": round(best.deviance, 3),
            "df": best.df,
            criterion: round(score, 3),
            "models_fitted": len(candidate_models(histories.t, heterogeneity)),
            "models_ranked": len(ranked),
            "ranked": [
                {
                    "model": fit.model.name(lists),
                    "estimate": round(n + fit.missing, 1),
                    "se": round(fit.se, 1),
                    "deviance": round(fit.deviance, 3),
                    "df": fit.df,
                    criterion: round(value, 3),
                }
                for value, fit in ranked[:shown]
            ],
        },
        warnings=warnings,
        curve=curve,
    )
