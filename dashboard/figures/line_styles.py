"""How each line of the trajectory looks, shared by the screen chart (Plotly) and the printed one
(SVG): a dash pattern and a marker as well as a colour, so "current trend", "if every commitment
delivers" and the pathway stay apart in grey print and for people who do not see the colours."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class LineStyle:
    dash: str  # Plotly's line.dash
    svg_dash: str  # the same pattern as an SVG stroke-dasharray ("" = solid)
    marker: str | None  # Plotly marker symbol drawn on each year (None: a plain line)
    width: float


LINE_STYLES: dict[str, LineStyle] = {
    "actual": LineStyle("solid", "", "circle", 3),
    "pathway": LineStyle("solid", "", None, 2),
    "trend": LineStyle("dash", "9 5", "triangle-down", 2),
    "with_commitments": LineStyle("dot", "2 4", "square", 3),
}


def year_ticks(first: int, last: int, marked: list[int | None]) -> tuple[list[int], list[str]]:
    """Tick values and texts for a time axis from `first` to `last`: round years (every 5 years
    on a long axis, 2 or 1 on a short one) plus every `marked` year (the latest measured year, the
    target year) in that range, which always gets its own labelled tick; a round year closer than
    half a step to a marked one is left out so their labels do not overlap."""
    span = max(1, last - first)
    step = 5 if span > 12 else 2 if span > 6 else 1
    marks = sorted({int(y) for y in marked if y is not None and first <= int(y) <= last})
    regular = [y for y in range(first + (-first) % step, last + 1, step)
               if all(abs(y - m) * 2 >= step for m in marks if m != y)]
    values = sorted(set(regular) | set(marks))
    return values, [str(y) for y in values]


PHONE_TICKS = 5  # year labels a phone's plot (about 280 px) holds side by side, level
PHONE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


def phone_year_ticks(first: int, last: int, marked: list[int | None]) -> tuple[list[int], list[str]]:
    """`year_ticks` for a phone: the marked years and as few round years as keep at most
    PHONE_TICKS labels, each round one at least three quarters of a step from a marked one. On a
    phone the desktop's ticks (1990 … 2035 every 5 years) were turned on their side and cut off."""
    marks = sorted({int(y) for y in marked if y is not None and first <= int(y) <= last})
    regular: list[int] = []
    for step in PHONE_STEPS:
        regular = [y for y in range(first + (-first) % step, last + 1, step)
                   if all(abs(y - m) * 4 >= step * 3 for m in marks if m != y)]
        if len(set(regular) | set(marks)) <= PHONE_TICKS:
            break
    values = sorted(set(regular) | set(marks))
    return values, [str(y) for y in values]


def set_year_axis(layout: dict, years, marked: list[int | None]) -> None:
    """The x-axis of `layout` as `year_axis`, and in its meta the phone's fewer ticks, which
    assets/dashboard.js puts in place on a narrow screen."""
    axis = year_axis(years, marked)
    layout["xaxis"].update(axis)
    if axis:
        first, last = (int(v + 0.5) for v in axis["range"])
        values, texts = phone_year_ticks(first, last, [first, *marked])
        layout.setdefault("meta", {})["phone_xticks"] = {"tickvals": values, "ticktext": texts}


def year_axis(years, marked: list[int | None]) -> dict:
    """Plotly x-axis settings for `year_ticks` over the years a chart draws, widened to reach the
    marked years (a target year after the last value is still on the axis); empty without years."""
    found = [int(y) for y in years if y is not None and not pd.isna(y)]
    if not found:
        return {}
    first = min(found + [int(m) for m in marked if m is not None])
    last = max(found + [int(m) for m in marked if m is not None])
    # The first year drawn is marked too: a series that starts off the round years (CDP's 2016
    # before a 2019 baseline) must not begin at a point with no year under it.
    values, texts = year_ticks(first, last, [first, *marked])
    return {"tickmode": "array", "tickvals": values, "ticktext": texts, "range": [first - 0.5, last + 0.5]}
