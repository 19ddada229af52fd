"""Synthetic populations with a known size, for checking that intervals cover the truth.

People fall into latent groups that differ in how likely each list is to record them
(heterogeneous capture); within a group the lists record independently. This is the situation
LCMCR is built for, and the one that biases the independence model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from rightsledger.estimate.data import CaptureHistories


def simulate(
    size: int,
    capture: Sequence[Sequence[float]] | NDArray[np.float64],
    shares: Sequence[float] | None = None,
    *,
    seed: int | None = None,
    names: Sequence[str] | None = None,
) -> CaptureHistories:
    """Capture histories of a population of ``size`` people.

    ``capture[g][j]`` is the chance that list ``j`` records a person of group ``g``; ``shares``
    are the groups' proportions (equal by default).
    """
    rng = np.random.default_rng(seed)
    probabilities = np.asarray(capture, dtype=np.float64)
    groups, lists = probabilities.shape
    weights = np.full(groups, 1.0 / groups) if shares is None else np.asarray(shares, float)
    membership = rng.choice(groups, size=size, p=weights / weights.sum())
    recorded = rng.random((size, lists)) < probabilities[membership]
    cells = np.bincount(recorded @ (1 << np.arange(lists)), minlength=2**lists).astype(np.int64)
    cells[0] = 0
    labels = tuple(names) if names else tuple(f"L{j + 1}" for j in range(lists))
    return CaptureHistories(labels, cells)
