"""Results as JSON for programs and as tables for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from rightsledger.estimate.result import MethodResult


def results_json(
    results: Sequence[MethodResult], *, combined: bool, documented: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One method: its result object. Several (``--method all``): ``{"methods": [...],
    "results": {method: result}}``. From a casebook, ``documented`` sits beside either."""
    if combined:
        out: dict[str, Any] = {
            "methods": [result.method for result in results],
            "results": {result.method: result.to_json() for result in results},
        }
    else:
        out = results[0].to_json()
    if documented is not None:
        out["documented"] = documented
    return out


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def _model(result: MethodResult) -> str:
    model = result.model
    if result.method == "loglinear":
        return f"{model.get('name', 'per stratum')} ({model.get('criterion', 'bic')})"
    if result.method == "lcmcr":
        return (
            f"K={model['classes']}, {model['chains']} chains × {model['samples']} draws "
            f"(thinning {model['thinning']}, burn-in {model['burn_in']})"
        )
    top = model.get("top_graph")
    return f"δ={model['delta']:.4g}" + (f", top graph {top}" if top else "")


def _diagnostics(result: MethodResult) -> str:
    d = result.diagnostics
    if result.method == "lcmcr" and "rhat" in d:
        return f"R-hat {d['rhat']:.3f}, ESS {d['ess']:,.0f}"
    if result.method == "loglinear" and "deviance" in d:
        return f"deviance {d['deviance']:.2f} on {d['df']} df"
    if result.method == "dga" and "top_graphs" in d:
        return f"top graph weight {d['top_graphs'][0]['weight']:.1%}"
    return ""


def results_table(
    results: Sequence[MethodResult], *, documented: dict[str, Any] | None = None
) -> Group:
    first = results[0]
    title = f"Estimated total over lists {', '.join(first.lists)}"
    table = Table(title=title)
    stratified = any(result.strata for result in results)
    columns = ("method", "stratum", "documented", "estimate", "interval", "model", "checks")
    for column in columns if stratified else tuple(c for c in columns if c != "stratum"):
        table.add_column(column, overflow="fold")
    for result in results:
        rows = [("total" if result.strata else "", result)]
        rows += list(result.strata or [])
        for stratum, each in rows:
            estimate = each.estimate
            table.add_row(
                result.method,
                *((stratum,) if stratified else ()),
                f"{each.observed:,}",
                _number(estimate.point),
                f"{_number(estimate.lo)} – {_number(estimate.hi)} ({estimate.level:.0%})",
                _model(each),
                _diagnostics(each),
            )
    parts: list[Any] = [table]
    if documented is not None:
        groups = documented["groups"]
        high = "no upper bound" if groups["high"] is None else f"{groups['high']:,}"
        parts.append(
            Text(
                f"Documented individuals: {documented['individuals']:,} "
                f"({documented['individuals_on_no_list']:,} on no source's list). "
                f"Documented in groups: {groups['low']:,} / {groups['best']:,} / {high} "
                f"(low / best / high, {groups['groups']} group records; not in the estimate)."
            )
        )
    for result in results:
        for warning in result.warnings:
            parts.append(Text(f"warning ({result.method}): {warning}"))
        if result.strata:
            parts.append(Text(f"{result.method} total: {result.extra.get('total_rule', '')}"))
    return Group(*parts)
