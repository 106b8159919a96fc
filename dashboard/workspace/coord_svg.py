"""Static SVG charts for the printable report: they print sharply and need no JavaScript.

Pure functions from the same tables the dashboard's charts draw; every text is escaped, numbers are
in the report's language, and each chart has a title and a description for screen readers.
"""

from __future__ import annotations

import math

import pandas as pd
from markupsafe import Markup, escape

from dashboard.i18n import fmt_number

WIDTH = 640
FONT = "font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#1a1a1a\""


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
    body = [f'<line x1="{left}" y1="10" x2="{left}" y2="{height - 10}" stroke="#767676"/>']
    for i, r in enumerate(table.itertuples(index=False)):
        y = 14 + i * row
        start, end = sorted((float(r.from_kt), float(r.to_kt)))
        x, width = left + start * scale, max(1.0, (end - start) * scale)
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" {FONT}>{escape(labels[r.step])}</text>')
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row - 10}" '
                    f'fill="{colours[r.step]}" stroke="#1a1a1a" stroke-width="0.5"/>')
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


def lines_svg(table: pd.DataFrame, series: list[tuple[str, str, str, bool]], lang: str, title: str,
              description: str, y_title: str) -> Markup:
    """Lines over `table['year']`; series: (column, legend label, colour, dashed)."""
    left, right, top, bottom, height = 70, 16, 34, 70, 338
    years = [int(y) for y in table["year"]]
    values = pd.concat([pd.to_numeric(table[c]) for c, *_ in series]).dropna()
    ticks = nice_ticks(min(0.0, float(values.min()) if len(values) else 0.0),
                       float(values.max()) if len(values) else 1.0)
    x0, x1, y0, y1 = min(years), max(max(years), min(years) + 1), ticks[0], ticks[-1]
    px = lambda x: left + (x - x0) / (x1 - x0) * (WIDTH - left - right)  # noqa: E731
    py = lambda y: top + (y1 - y) / (y1 - y0) * (height - top - bottom)  # noqa: E731
    body = [f'<text x="8" y="14" {FONT}>{escape(y_title)}</text>']
    for tick in ticks:
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(tick):.1f}" y2="{py(tick):.1f}" stroke="#d9d9d9"/>')
        body.append(f'<text x="{left - 6}" y="{py(tick) + 4:.1f}" text-anchor="end" {FONT}>'
                    f'{fmt_number(tick, lang, 0)}</text>')
    step = 5 if x1 - x0 > 12 else 1
    for year in range(x0 - x0 % step + (step if x0 % step else 0), x1 + 1, step):
        body.append(f'<text x="{px(year):.1f}" y="{height - bottom + 18}" text-anchor="middle" {FONT}>{year}</text>')
    for i, (column, label, colour, dashed) in enumerate(series):
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        for run in _segments(years, list(table[column])):
            points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in run)
            body.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
        lx, ly = left + (i % 2) * 280, height - bottom + 40 + (i // 2) * 18
        body.append(f'<line x1="{lx}" x2="{lx + 24}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" '
                    f'stroke-width="2.5"{dash}/><text x="{lx + 30}" y="{ly}" {FONT}>{escape(label)}</text>')
    return _svg(height + 18 * ((len(series) - 1) // 2), title, description, body)
