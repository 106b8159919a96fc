"""Static SVG charts for the printable report: they print sharply and need no JavaScript.

Pure functions from the same tables the dashboard's charts draw; every text is escaped, numbers are
in the report's language, and each chart has a title and a description for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup, escape

from dashboard.figures.line_styles import year_ticks
from dashboard.i18n import fmt_number
from pipelines.vocab import AXIS, GRID, INK

WIDTH = 640
FONT = f"font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"{INK}\""


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (steps of 1, 2 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(int(math.ceil((high - first) / step)) + 1)]


def _svg(height: int, title: str, description: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img"><title>{escape(title)}</title><desc>{escape(description)}</desc>'
        + "".join(body) + "</svg>"
    )


def steps_svg(table: pd.DataFrame, labels: dict[str, str], colours: dict[str, str], lang: str,
              title: str, description: str) -> Markup:
    """The commitments gap as horizontal bars: each step from `from_kt` to `to_kt` (kt CO2e)."""
    left, right, row = 230, 70, 30
    height = 30 + row * len(table)
    top = max(1.0, float(table[["from_kt", "to_kt"]].to_numpy().max()))
    scale = (WIDTH - left - right) / top
    body = [f'<line x1="{left}" y1="10" x2="{left}" y2="{height - 10}" stroke="{AXIS}"/>']
    for i, r in enumerate(table.itertuples(index=False)):
        y = 14 + i * row
        start, end = sorted((float(r.from_kt), float(r.to_kt)))
        x, width = left + start * scale, max(1.0, (end - start) * scale)
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" {FONT}>{escape(labels[r.step])}</text>')
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row - 10}" '
                    f'fill="{colours[r.step]}" stroke="{INK}" stroke-width="0.5"/>')
        body.append(f'<text x="{x + width + 6:.1f}" y="{y + 15}" {FONT}>{fmt_number(r.change_kt, lang, 1)}</text>')
    return _svg(height, title, description, body)


def _segments(xs: list[float], ys: list[float | None]) -> list[list[tuple[float, float]]]:
    """Runs of points without gaps (a missing value breaks the line)."""
    runs, current = [], []
    for x, y in zip(xs, ys, strict=True):
        if y is None or pd.isna(y):
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, float(y)))
    return runs + ([current] if current else [])


@dataclass(frozen=True)
class SvgSeries:
    """One series of `lines_svg`: a line (dash pattern, marker on each point) or, with
    `line=False`, points alone (milestones, the target)."""

    column: str
    label: str
    colour: str
    dash: str = ""  # stroke-dasharray; "" = solid
    marker: str | None = None  # circle | square | triangle-down | diamond | star
    width: float = 2.5
    line: bool = True


def _marker(shape: str, x: float, y: float, colour: str, size: float = 4.5) -> str:
    """A marker centred on (x, y), outlined in near-black so it shows on any line."""
    edge = f'fill="{colour}" stroke="{INK}" stroke-width="0.8"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size * 0.8:.1f}" {edge}/>'
    if shape == "square":
        return f'<rect x="{x - size * 0.75:.1f}" y="{y - size * 0.75:.1f}" width="{size * 1.5:.1f}" height="{size * 1.5:.1f}" {edge}/>'
    if shape == "diamond":
        d = size * 1.3
        points = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    elif shape == "star":
        points = [(x + math.cos(math.pi / 2 + i * math.pi / 5) * (size * 1.6 if i % 2 == 0 else size * 0.7),
                   y - math.sin(math.pi / 2 + i * math.pi / 5) * (size * 1.6 if i % 2 == 0 else size * 0.7))
                  for i in range(10)]
    else:  # triangle-down
        points = [(x - size, y - size * 0.8), (x + size, y - size * 0.8), (x, y + size)]
    return f'<polygon points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in points)}" {edge}/>'


def _legend_key(s: SvgSeries, x: float, y: float) -> str:
    key = ""
    if s.line:
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        key = (f'<line x1="{x}" x2="{x + 30}" y1="{y:.1f}" y2="{y:.1f}" stroke="{s.colour}" '
               f'stroke-width="{s.width}"{dash}/>')
    return key + (_marker(s.marker, x + 15, y, s.colour) if s.marker else "")


def lines_svg(table: pd.DataFrame, series: list[SvgSeries], lang: str, title: str, description: str,
              y_title: str, *, band: tuple[str, str, str, str] | None = None,
              marked_years: list[int | None] | None = None) -> Markup:
    """Lines over `table['year']`, each with its own dash pattern and marker (not colour alone).

    band: (low column, high column, legend label, fill colour), drawn under the lines;
    marked_years: years that always get a labelled tick (the latest measured year, the target year).
    """
    left, right, top, bottom, height = 70, 24, 34, 40, 300
    years = [int(y) for y in table["year"]]
    series = [s for s in series if pd.to_numeric(table[s.column]).notna().any()]  # no empty legend keys
    columns = [s.column for s in series] + ([band[0], band[1]] if band else [])
    values = pd.concat([pd.to_numeric(table[c]) for c in columns]).dropna()
    ticks = nice_ticks(min(0.0, float(values.min()) if len(values) else 0.0),
                       float(values.max()) if len(values) else 1.0)
    x0, x1, y0, y1 = min(years), max(max(years), min(years) + 1), ticks[0], ticks[-1]
    px = lambda x: left + (x - x0) / (x1 - x0) * (WIDTH - left - right)  # noqa: E731
    py = lambda y: top + (y1 - y) / (y1 - y0) * (height - top - bottom)  # noqa: E731
    body = [f'<text x="8" y="14" {FONT}>{escape(y_title)}</text>']
    for tick in ticks:
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(tick):.1f}" y2="{py(tick):.1f}" stroke="{GRID}"/>')
        body.append(f'<text x="{left - 6}" y="{py(tick) + 4:.1f}" text-anchor="end" {FONT}>'
                    f'{fmt_number(tick, lang, 0)}</text>')
    tick_years, tick_texts = year_ticks(x0, x1, marked_years or [])
    for year, text in zip(tick_years, tick_texts, strict=True):
        body.append(f'<line x1="{px(year):.1f}" x2="{px(year):.1f}" y1="{height - bottom}" '
                    f'y2="{height - bottom + 4}" stroke="{AXIS}"/>')
        body.append(f'<text class="year-tick" x="{px(year):.1f}" y="{height - bottom + 18}" '
                    f'text-anchor="middle" {FONT}>{text}</text>')
    if band:
        low, high, *_ = band
        rows = table[pd.to_numeric(table[low]).notna() & pd.to_numeric(table[high]).notna()]
        if len(rows):
            edge = [(px(int(r.year)), py(float(getattr(r, low)))) for r in rows.itertuples(index=False)]
            edge += [(px(int(r.year)), py(float(getattr(r, high)))) for r in list(rows.itertuples(index=False))[::-1]]
            body.append(f'<polygon class="band" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in edge)}" '
                        f'fill="{band[3]}" stroke="none"/>')
    for s in series:
        runs = _segments(years, list(table[s.column]))
        if s.line:
            dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
            for run in runs:
                points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in run)
                body.append(f'<polyline points="{points}" fill="none" stroke="{s.colour}" '
                            f'stroke-width="{s.width}"{dash}/>')
        if s.marker:
            body.extend(_marker(s.marker, px(x), py(y), s.colour) for run in runs for x, y in run)
    keys = list(series) + ([None] if band else [])  # None: the band's key
    per_row, row_height = 2, 20
    legend_top = height + 4
    for i, s in enumerate(keys):
        lx, ly = left + (i % per_row) * 280, legend_top + (i // per_row) * row_height
        if s is None:
            body.append(f'<rect x="{lx}" y="{ly - 6}" width="30" height="12" fill="{band[3]}" stroke="{AXIS}" '
                        f'stroke-width="0.5"/><text x="{lx + 38}" y="{ly + 4}" {FONT}>{escape(band[2])}</text>')
        else:
            body.append(_legend_key(s, lx, ly) + f'<text x="{lx + 38}" y="{ly + 4}" {FONT}>{escape(s.label)}</text>')
    rows = (len(keys) + per_row - 1) // per_row
    return _svg(legend_top + rows * row_height, title, description, body)
