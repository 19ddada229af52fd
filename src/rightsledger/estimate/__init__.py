"""Multiple systems estimation: how many people in all, documented or not.

Three estimators over the same capture histories: log-linear models (``loglinear``, as Rcapture),
the Bayesian latent-class model (``lcmcr``, as LCMCR) and Bayesian averaging over decomposable
graphs (``dga``, as dga); lists built from a casebook in ``estimate.casebook``.
"""

from rightsledger.estimate.data import CaptureHistories, CaptureTable, parse_capture_csv
from rightsledger.estimate.dga import dga_estimate
from rightsledger.estimate.lcmcr import LcmcrSettings, lcmcr_estimate
from rightsledger.estimate.loglinear import loglinear_estimate
from rightsledger.estimate.result import Estimate, MethodResult
from rightsledger.estimate.run import EstimateOptions, estimate, estimate_stratified

__all__ = [
    "CaptureHistories",
    "CaptureTable",
    "Estimate",
    "EstimateOptions",
    "LcmcrSettings",
    "MethodResult",
    "dga_estimate",
    "estimate",
    "estimate_stratified",
    "lcmcr_estimate",
    "loglinear_estimate",
    "parse_capture_csv",
]
