"""What every method returns: the estimate of the total, the model, diagnostics and curves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class Estimate:
    """The estimated total population (documented plus never documented)."""

    point: float
    median: float | None
    mean: float | None
    lo: float
    hi: float
    level: float

    def to_json(self) -> dict[str, Any]:
        return {
            "point": _round(self.point),
            "median": _round(self.median),
            "mean": _round(self.mean),
            "ci": [_round(self.lo), _round(self.hi)],
            "level": self.level,
        }


@dataclass(frozen=True, eq=False)
class Curve:
    """A curve over N: a posterior probability mass or a relative profile likelihood."""

    kind: str  # "posterior" or "profile likelihood"
    n: NDArray[np.float64]
    value: NDArray[np.float64]


@dataclass(eq=False)
class MethodResult:
    method: str
    lists: tuple[str, ...]
    observed: int
    estimate: Estimate
    model: dict[str, Any]
    diagnostics: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    curve: Curve | None = None
    # Posterior draws of N, one row per chain (LCMCR), kept for totals over strata and plots.
    draws: NDArray[np.float64] | None = None
    traces: dict[str, NDArray[np.float64]] | None = None
    strata: list[tuple[str, MethodResult]] | None = None
    stratum_column: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method,
            "lists": list(self.lists),
            "observed": self.observed,
            "estimate": self.estimate.to_json(),
            "model": self.model,
            "diagnostics": self.diagnostics,
            "strata": None,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.strata is not None:
            out["strata"] = {
                "column": self.stratum_column,
                "total": self.extra.get("total_rule", ""),
                "by": [
                    {"stratum": key, **{k: v for k, v in each.to_json().items() if k != "strata"}}
                    for key, each in self.strata
                ],
            }
        out.update(self.extra.get("json", {}))
        return out


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    if not np.isfinite(value):
        return None
    return round(float(value), 1)
