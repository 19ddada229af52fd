"""Small server-drawn SVG charts: no script, no library in the browser, readable when printed.

Each chart carries a <title> and a table fallback is rendered beside it by the template, so the
figures are available to screen readers and without images.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# Colour-blind safe palette (Okabe–Ito), in a fixed order so a type keeps its colour.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)


@dataclass(frozen=True)
class Series:
    label: str
    values: dict[str, int]  # category (e.g. a year) → value


def stacked_bars(
    categories: list[str], series: list[Series], *, title: str, width: int = 640, height: int = 260
) -> str:
    """A stacked bar chart as an SVG string (categories along x, one colour per series)."""
    left, right, top, bottom = 44, 12, 12, 28
    columns = 2  # legend columns: long vocabulary labels need the room
    legend_height = 18 * ((len(series) + columns - 1) // columns)
    plot_w = width - left - right
    plot_h = height - top - bottom
    total_height = height + legend_height
    totals = [sum(s.values.get(c, 0) for s in series) for c in categories]
    peak = max(totals, default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_height}" '
        f'role="img" class="chart" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for tick in _ticks(peak):
        y = top + plot_h - plot_h * tick / peak
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    slot = plot_w / max(len(categories), 1)
    bar = max(4.0, slot * 0.7)
    for index, category in enumerate(categories):
        x = left + slot * index + (slot - bar) / 2
        base = float(top + plot_h)
        for number, item in enumerate(series):
            value = item.values.get(category, 0)
            if not value:
                continue
            h = plot_h * value / peak
            base -= h
            colour = PALETTE[number % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(item.label)}, {escape(category)}: '
                f"{value}</title></rect>"
            )
        if len(categories) <= 24 or index % max(1, len(categories) // 12) == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" '
                f'text-anchor="middle">{escape(category)}</text>'
            )
    for number, item in enumerate(series):
        column, row = number % columns, number // columns
        x = left + column * (plot_w / columns)
        y = height + row * 18
        colour = PALETTE[number % len(PALETTE)]
        label = item.label if len(item.label) <= 40 else item.label[:39] + "…"
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 10}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def interval_bar(
    documented: int, low: float, point: float, high: float, *, title: str, width: int = 640
) -> str:
    """Documented count beside the estimate and its interval on one axis."""
    left, right, height = 12, 12, 70
    peak = max(high, documented, 1.0) * 1.05
    span = width - left - right

    def x(value: float) -> float:
        return left + span * value / peak

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<rect x="{left}" y="10" width="{x(documented) - left:.1f}" height="18" '
        f'fill="{PALETTE[0]}"/>'
        f'<line x1="{x(low):.1f}" x2="{x(high):.1f}" y1="46" y2="46" stroke="{PALETTE[5]}" '
        f'stroke-width="3"/>'
        f'<line x1="{x(low):.1f}" x2="{x(low):.1f}" y1="38" y2="54" stroke="{PALETTE[5]}" '
        f'stroke-width="2"/>'
        f'<line x1="{x(high):.1f}" x2="{x(high):.1f}" y1="38" y2="54" stroke="{PALETTE[5]}" '
        f'stroke-width="2"/>'
        f'<circle cx="{x(point):.1f}" cy="46" r="5" fill="{PALETTE[5]}"/>'
        f"</svg>"
    )


def _ticks(peak: int) -> list[int]:
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if peak / candidate <= 5:
            break
    else:
        step = max(1, peak // 5)
    return list(range(0, peak + 1, step))
