"""What every chart shares: fonts, localised number separators, colours, the empty chart."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import plotly_separators
from pipelines.vocab import AXIS, CHART_SERIES, GRID, INK, PAPER, terms_by_code

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = INK
GRID_COLOUR = GRID
SERIES = terms_by_code(CHART_SERIES)


def series_colour(code: str) -> str:
    return SERIES[code].colour


def series_label(code: str, lang: str) -> str:
    return SERIES[code].label(lang)


LEGEND_LINE = 36  # characters: a legend entry longer than this is cut off on a 375 px phone


def plotly_text(text: str) -> str:
    """Text someone typed (a programme's, partner's, indicator's or theme's name, a file's note), as a
    chart shows it. Plotly reads <b>, <a href=...>, <span style=...> and <br> in trace names,
    axis labels and hover texts as markup: unescaped, a name became a link in a public chart.
    Plotly turns the entities back into the characters, so the reader sees the text as typed."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def legend_name(name: str) -> str:
    """A trace name for the legend, escaped (`plotly_text`) and broken into lines of at most
    LEGEND_LINE characters at spaces (Plotly does not wrap legend text; 'Agriculture, foresterie
    et utilisation des terres' ran off a phone's screen). The hover shows the same lines."""
    lines: list[str] = []
    for word in plotly_text(name).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= LEGEND_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def to_kt(values: pd.Series) -> pd.Series:
    """Tonnes to kilotonnes, rounded to what the charts and tables show (0.1 kt)."""
    return (pd.to_numeric(values, errors="coerce") / 1000.0).round(1)


def to_shown(values: pd.Series, per_inhabitant: bool = False) -> pd.Series:
    """Tonnes as the charts show them: kt (0.1), or t per inhabitant (0.01) when the values
    are per inhabitant already."""
    if per_inhabitant:
        return pd.to_numeric(values, errors="coerce").round(2)
    return to_kt(values)


def clean(values) -> list:
    """A column as a JSON-ready list: NaN and NA become None (a gap in a line)."""
    return [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in values]


def base_layout(lang: str, y_title: str, *, height: int = 380, x_title: str | None = None) -> dict:
    """Layout shared by every chart: readable fonts, localised numbers, legend below the plot."""
    return {
        "separators": plotly_separators(lang),
        "font": {"family": FONT, "size": 14, "color": TEXT_COLOUR},
        "height": height,
        "margin": {"l": 56, "r": 12, "t": 12, "b": 48},
        "paper_bgcolor": PAPER,
        "plot_bgcolor": PAPER,
        "hovermode": "x unified",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0},
        "xaxis": {
            "title": {"text": plotly_text(x_title)} if x_title else None,
            "gridcolor": GRID_COLOUR, "linecolor": AXIS, "tickformat": "d",
            "automargin": True, "fixedrange": True,
        },
        "yaxis": {
            "title": {"text": plotly_text(y_title)}, "gridcolor": GRID_COLOUR, "zerolinecolor": AXIS,
            "tickformat": ",~f", "automargin": True, "fixedrange": True, "rangemode": "tozero",
        },
    }
