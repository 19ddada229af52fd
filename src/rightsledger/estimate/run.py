"""One entry point for every method, with or without strata."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rightsledger.errors import UserError
from rightsledger.estimate.data import CaptureHistories
from rightsledger.estimate.dga import dga_estimate
from rightsledger.estimate.lcmcr import (
    LcmcrSettings,
    chain_seeds,
    check_table,
    lcmcr_estimate,
    lcmcr_estimates,
)
from rightsledger.estimate.loglinear import loglinear_estimate
from rightsledger.estimate.result import MethodResult
from rightsledger.estimate.strata import estimate_strata, stratum_error

METHODS = ("loglinear", "lcmcr", "dga")


@dataclass(frozen=True)
class EstimateOptions:
    level: float = 0.95
    criterion: str = "bic"
    heterogeneity: bool = True
    lcmcr: LcmcrSettings = field(default_factory=LcmcrSettings)
    delta: float | None = None
    # Processes for lcmcr's chains: None = one per core; 1 = all in this process (a threaded
    # web server must not fork).
    workers: int | None = None

    def check(self) -> None:
        if not 0.0 < self.level < 1.0:
            raise UserError("--level must be between 0 and 1 (e.g. 0.95)")
        self.lcmcr.check()


def methods_for(name: str) -> tuple[str, ...]:
    if name == "all":
        return METHODS
    if name not in METHODS:
        raise UserError(f'method "{name}" is not one of {", ".join((*METHODS, "all"))}')
    return (name,)


def estimate(
    histories: CaptureHistories, method: str, options: EstimateOptions | None = None
) -> MethodResult:
    options = options or EstimateOptions()
    options.check()
    if method == "loglinear":
        return loglinear_estimate(
            histories,
            criterion=options.criterion,
            level=options.level,
            heterogeneity=options.heterogeneity,
        )
    if method == "lcmcr":
        return lcmcr_estimate(
            histories, options.lcmcr, level=options.level, workers=options.workers
        )
    if method == "dga":
        return dga_estimate(histories, delta=options.delta, level=options.level)
    raise UserError(f'method "{method}" is not one of {", ".join(METHODS)}')


def estimate_stratified(
    strata: dict[str, CaptureHistories],
    method: str,
    options: EstimateOptions | None = None,
    *,
    column: str,
) -> MethodResult:
    """Per-stratum estimates and their total; each stratum's chains get their own seeds."""
    options = options or EstimateOptions()
    options.check()
    seeds = chain_seeds(options.lcmcr.seed, len(strata))
    if method == "lcmcr":
        # Every stratum's chains in one pool of processes; the total is made as for any method.
        done = _lcmcr_strata(strata, options, seeds, column)
        return estimate_strata(
            strata, lambda histories, index: done[index], column=column, level=options.level
        )

    def run(histories: CaptureHistories, index: int) -> MethodResult:
        settings = replace(options.lcmcr, seed=seeds[index])
        return estimate(histories, method, replace(options, lcmcr=settings))

    return estimate_strata(strata, run, column=column, level=options.level)


def _lcmcr_strata(
    strata: dict[str, CaptureHistories], options: EstimateOptions, seeds: list[int], column: str
) -> list[MethodResult]:
    """lcmcr on every stratum, in the order estimate_strata visits them (sorted keys)."""
    tables = []
    for index, key in enumerate(sorted(strata)):
        table = (strata[key], replace(options.lcmcr, seed=seeds[index]))
        try:
            check_table(*table)
        except UserError as problem:
            raise stratum_error(key, column, problem) from problem
        tables.append(table)
    return lcmcr_estimates(tables, level=options.level, workers=options.workers)


def check_lists(histories: CaptureHistories, methods: tuple[str, ...]) -> None:
    """Fail before any work when a chosen method cannot use this many lists."""
    t = histories.t
    for method in methods:
        if method in ("lcmcr", "dga") and t < 3:
            raise UserError(f"{method} needs at least 3 lists; these data have {t}")
        if method == "dga" and t > 5:
            raise UserError(f"dga handles 3 to 5 lists; these data have {t} (use --lists)")
