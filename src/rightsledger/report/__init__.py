"""Situation, perpetrator and event reports (HTML and PDF) built from figures that can be
re-derived and verified against the casebook."""

from rightsledger.report.build import render_report, write_report
from rightsledger.report.derive import Derived, derive
from rightsledger.report.parameters import ReportParameters
from rightsledger.report.verify import Verdict, verify_report

__all__ = [
    "Derived",
    "ReportParameters",
    "Verdict",
    "derive",
    "render_report",
    "verify_report",
    "write_report",
]
