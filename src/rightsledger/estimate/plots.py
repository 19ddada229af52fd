"""Figures: the posterior (or profile likelihood) of N with its interval, and LCMCR traces."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rightsledger.errors import UserError
from rightsledger.estimate.result import MethodResult

FORMATS = (".png", ".svg")


def check_plot_path(path: Path) -> str:
    """The image format for a file name; fails before any work is done."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"--plot {path}: give a file ending in .png or .svg")
    if not path.parent.is_dir():
        raise UserError(f"--plot {path}: the directory {path.parent} does not exist")
    return suffix[1:]


def write_plot(results: Sequence[MethodResult], path: Path) -> None:
    """One row per method: the curve, then (LCMCR) the trace of N per chain."""
    image_format = check_plot_path(path)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = len(results)
    columns = 2 if any(result.traces for result in results) else 1
    figure, axes = plt.subplots(rows, columns, figsize=(6 * columns, 3.2 * rows), squeeze=False)
    for row, result in enumerate(results):
        _curve(axes[row][0], result)
        if columns == 2:
            if result.traces:
                _trace(axes[row][1], result)
            else:
                axes[row][1].axis("off")
    figure.tight_layout()
    try:
        figure.savefig(path, format=image_format)
    except OSError as error:
        raise UserError(f"--plot {path}: cannot write ({error.strerror})") from None
    finally:
        plt.close(figure)


def _curve(axis, result: MethodResult) -> None:  # type: ignore[no-untyped-def]
    estimate = result.estimate
    curve = result.curve
    if curve is not None:
        if curve.kind == "posterior" and result.method == "lcmcr":
            axis.hist(
                np.repeat(curve.n, np.maximum((curve.value * 5000).astype(int), 0)),
                bins=60,
                color="0.6",
                density=True,
            )
        else:
            # Long grids (dga extends them until the tail is negligible) would squash the curve.
            shown = curve.value >= curve.value.max() * 1e-4
            axis.plot(curve.n[shown], curve.value[shown], color="0.2")
        axis.set_ylabel(curve.kind)
    axis.axvspan(estimate.lo, estimate.hi, color="tab:blue", alpha=0.15, label="interval")
    axis.axvline(estimate.point, color="tab:blue", label=f"estimate {estimate.point:,.0f}")
    axis.axvline(result.observed, color="tab:red", linestyle="--", label="documented")
    axis.set_xlabel("total N")
    axis.set_title(
        f"{result.method}: {estimate.point:,.0f} "
        f"[{estimate.lo:,.0f}, {estimate.hi:,.0f}] ({estimate.level:.0%})"
    )
    axis.legend(fontsize="small")


def _trace(axis, result: MethodResult) -> None:  # type: ignore[no-untyped-def]
    assert result.traces is not None
    for number, chain in enumerate(result.traces["N"]):
        axis.plot(chain, linewidth=0.5, label=f"chain {number + 1}")
    axis.set_xlabel("retained draw")
    axis.set_ylabel("N")
    axis.set_title("lcmcr trace of N")
    axis.legend(fontsize="small")
