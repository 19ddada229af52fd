"""Charts drawn from figure values with matplotlib (Agg): inline SVG for HTML, PNG for PDF.

Charts take the values of figures, never the database, so a chart shows exactly what the
verified figures say. Text in SVG is drawn as paths: the file needs no font on the reader's side.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from rightsledger.report.language import Language

WIDTH, HEIGHT = 7.0, 3.2
PNG_DPI = 110
GREYS = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5")


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: str
    png: bytes


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "path",
            "svg.hashsalt": "rightsledger",  # stable ids: the same figures give the same SVG
            "font.family": "DejaVu Sans",
            "font.size": 8,
        }
    )
    return plt


def _render(key: str, title: str, figure: Any) -> Chart:
    plt = _pyplot()
    try:
        figure.tight_layout()
        svg = io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None})
        png = io.BytesIO()
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
    finally:
        plt.close(figure)
    text = svg.getvalue().decode("utf-8")
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype: inlined in HTML
    return Chart(key, title, text, png.getvalue())


def victims_over_time(values: list[dict[str, Any]], language: Language) -> Chart | None:
    """Stacked bars: victims of acts by the month the act began, one colour per act type."""
    shown = [v for v in values if v["victims"] is not None and v["month"] != "undated"]
    if not shown:
        return None
    plt = _pyplot()
    months = sorted({v["month"] for v in shown})
    types = sorted({v["act_type"] for v in shown})
    figure, axis = plt.subplots(figsize=(WIDTH, HEIGHT))
    bottom = [0] * len(months)
    for index, act_type in enumerate(types):
        heights = [
            sum(v["victims"] for v in shown if v["month"] == m and v["act_type"] == act_type)
            for m in months
        ]
        axis.bar(
            range(len(months)),
            heights,
            bottom=bottom,
            color=GREYS[index % len(GREYS)],
            label=language.term("act_types", act_type),
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    labels = [language._month(dt.date.fromisoformat(m + "-01")) for m in months]
    axis.set_xticks(range(len(months)), labels, rotation=30, ha="right")
    axis.set_ylabel(language._("victims"))
    axis.legend(fontsize="small", frameon=False)
    _tidy(axis)
    return _render("victims_by_month", language._("Acts over time"), figure)


def counts_by_type(values: list[dict[str, Any]], language: Language) -> Chart | None:
    """Horizontal bars of the best documented count, with a line from low to high."""
    shown = [v for v in values if v["best"] is not None]
    if not shown:
        return None
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(WIDTH, 0.5 + 0.45 * len(shown)))
    labels = [language.term("act_types", v["act_type"]) for v in shown]
    positions = range(len(shown))
    axis.barh(positions, [v["best"] for v in shown], color=GREYS[0], height=0.6)
    for y, v in zip(positions, shown, strict=True):
        low = v["low"] if v["low"] is not None else v["best"]
        high = v["high"]
        if high is not None and high > low:
            axis.plot([low, high], [y, y], color="black", linewidth=1.2)
    axis.set_yticks(list(positions), labels)
    axis.invert_yaxis()
    axis.set_xlabel(language._("victims (best figure; line: low to high)"))
    _tidy(axis)
    return _render("counts_by_type", language._("Documented victims by type of act"), figure)


def documented_vs_estimated(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]], language: Language
) -> Chart | None:
    """For each act type with an estimate: documented individuals beside the estimated total."""
    if not pairs:
        return None
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(WIDTH, 0.8 + 0.7 * len(pairs)))
    for y, (_documented, estimated) in enumerate(pairs):
        observed = estimated["observed"]
        if observed is not None:
            axis.barh(y - 0.18, observed, height=0.32, color=GREYS[6])
        point, lo, hi = estimated["point"], estimated["lo"], estimated["hi"]
        axis.barh(y + 0.18, point, height=0.32, color=GREYS[0])
        axis.errorbar(
            point,
            y + 0.18,
            xerr=[[point - lo], [hi - point]],
            fmt="none",
            ecolor="black",
            capsize=4,
            linewidth=1.2,
        )
    axis.set_yticks(
        range(len(pairs)), [language.term("act_types", d["act_type"]) for d, _ in pairs]
    )
    axis.invert_yaxis()
    axis.legend(
        handles=[
            plt.Rectangle((0, 0), 1, 1, color=GREYS[6]),
            plt.Rectangle((0, 0), 1, 1, color=GREYS[0]),
        ],
        labels=[language._("documented on the lists"), language._("estimated total, 95% interval")],
        fontsize="small",
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=2,
    )
    axis.set_xlabel(language._("victims"))
    _tidy(axis)
    return _render(
        "documented_vs_estimated", language._("Documented and estimated victims"), figure
    )


def proceedings_over_time(values: list[dict[str, Any]], language: Language) -> Chart | None:
    """Each dated proceeding as a mark on a time line, one row per type of proceeding."""
    dated = [v for v in values if v["earliest"]]
    if not dated:
        return None
    plt = _pyplot()
    types = list(dict.fromkeys(v["type"] for v in dated))
    figure, axis = plt.subplots(figsize=(WIDTH, 0.8 + 0.35 * len(types)))
    for v in dated:
        y = types.index(v["type"])
        axis.plot(dt.date.fromisoformat(v["earliest"]), y, "o", color=GREYS[1], markersize=6)
    axis.set_yticks(
        range(len(types)), [_short(language.term("proceeding_types", t)) for t in types]
    )
    axis.invert_yaxis()
    axis.margins(x=0.08, y=0.3)
    _tidy(axis)
    figure.autofmt_xdate()
    return _render("proceedings", language._("The timeline of proceedings"), figure)


def _short(label: str, limit: int = 38) -> str:
    head = label.split(" (", maxsplit=1)[0]
    return head if len(head) <= limit else head[: limit - 1] + "…"


def _tidy(axis: Any) -> None:
    axis.spines["top"].set_visible(False)
    axis.spines["right"].set_visible(False)
