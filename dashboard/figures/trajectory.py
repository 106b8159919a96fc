"""The trajectory chart: measured emissions, the target pathway, milestones and the target at their
own values, the trend and its interval, and the line if every commitment delivers.

An incomplete year (a sector missing, no reported total) is never a measured point: its partial
sum is drawn apart as a hollow marker, not joined to the line, with the reason on hover, and the
table says `complete` = no for it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import (
    base_layout,
    clean,
    plotly_text,
    series_colour,
    series_label,
    to_shown,
)
from dashboard.figures.line_styles import LINE_STYLES, set_year_axis
from dashboard.i18n import t
from pipelines.analytics.pathways import target_level
from pipelines.vocab import INK, SECTOR_BY_CODE

COLUMNS = (
    "year", "actual_kt", "incomplete_kt", "complete", "complete_label", "note", "pathway_kt", "milestone_kt",
    "target_kt", "projected_kt", "projected_low_kt", "projected_high_kt", "with_commitments_kt",
)


def trajectory_table(
    progress: pd.DataFrame, milestones: dict[int, float] | None = None,
    target: tuple[int, float] | None = None, lang: str = "en", per_inhabitant: bool = False,
) -> pd.DataFrame:
    """What the chart shows, in kt CO2e per year: one row per year, one column per series.

    `milestones`: year → the milestone's own level in t (not the pathway's value that year);
    `target`: (target year, target in t). `complete` is True/False for years with a value.
    `per_inhabitant`: every value (progress, milestones, target) is t CO2e per inhabitant
    already (figures.per_inhabitant); the *_kt columns then hold t per inhabitant (0.01).
    """
    if progress.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    out = pd.DataFrame({"year": progress["year"].astype(int).to_numpy()})
    for source in ("actual", "pathway", "projected", "projected_low", "projected_high",
                   "with_commitments"):
        column = f"{source}_t"
        out[f"{source}_kt"] = to_shown(progress[column], per_inhabitant).to_numpy() if column in progress else float("nan")
    measured = out["actual_kt"].notna()
    flags = progress["complete"] if "complete" in progress else pd.Series(True, index=progress.index)
    complete = flags.astype(object).where(flags.notna(), True).astype(bool).to_numpy()
    out["complete"] = pd.Series(complete, dtype=object).where(measured.to_numpy(), None)
    out["incomplete_kt"] = out["actual_kt"].where(measured & ~complete)
    out["actual_kt"] = out["actual_kt"].where(complete)
    out["complete_label"] = out["complete"].map(
        lambda c: "" if c is None else t("yes" if c else "no", lang))
    out["note"] = [_note(row, lang) for row in _rows(progress, measured, complete)]
    levels = {int(y): v for y, v in (milestones or {}).items()}
    out["milestone_kt"] = to_shown(out["year"].map(levels), per_inhabitant)
    out["target_kt"] = float("nan")
    if target is not None:
        out.loc[out["year"] == int(target[0]), "target_kt"] = to_shown(
            pd.Series([float(target[1])]), per_inhabitant).iloc[0]
    return out[list(COLUMNS)].reset_index(drop=True)


def milestone_levels(
    summary: dict, stored: pd.DataFrame | None = None,
) -> tuple[dict[int, float], tuple[int, float] | None]:
    """The milestones at their own levels (t) and the target (year, t), from a status summary;
    a summary computed before it listed milestones falls back on the `stored` ones (year, kind,
    value) on the summary's baseline."""
    milestones = {int(m["year"]): float(m["value_t"]) for m in summary.get("milestones") or []
                  if m.get("value_t") is not None}
    baseline_t = summary.get("baseline_t")
    if "milestones" not in summary and stored is not None and baseline_t is not None:
        milestones = {int(r.year): target_level(r.kind, float(r.value), float(baseline_t))
                      for r in stored.itertuples(index=False)}
    target_t, target_year = summary.get("target_t"), summary.get("target_year")
    target = (int(target_year), float(target_t)) if target_t is not None and target_year else None
    return milestones, target


def _rows(progress: pd.DataFrame, measured, complete) -> list[tuple]:
    source = progress["source"] if "source" in progress else pd.Series(None, index=progress.index)
    included = (progress["sectors_included"] if "sectors_included" in progress
                else pd.Series(None, index=progress.index))
    return list(zip(measured, complete, source, included, strict=True))


def _note(row: tuple, lang: str) -> str:
    measured, complete, source, included = row
    if not measured:
        return ""
    if not complete:
        codes = [c for c in str(included or "").split(",") if c in SECTOR_BY_CODE]
        names = ", ".join(SECTOR_BY_CODE[c].label(lang) for c in codes) or "–"
        return t("note_incomplete", lang, sectors=names)
    return t("note_reported", lang) if source == "reported" else ""


def _line(table: pd.DataFrame, column: str, code: str, lang: str, unit: str = "%{y:,.1f} kt",
          **style) -> dict | None:
    rows = table[table[column].notna()]
    if rows.empty:
        return None
    trace = {
        "type": "scatter", "mode": "lines", "name": series_label(code, lang),
        "x": clean(rows["year"]), "y": clean(rows[column]),
        "line": {"color": series_colour(code), "width": 2},
        "hovertemplate": f"{unit}<extra>%{{fullData.name}}</extra>",
    }
    for key, value in style.items():
        trace[key] = {**trace.get(key, {}), **value} if isinstance(value, dict) else value
    return trace


def _band(table: pd.DataFrame, lang: str) -> list[dict]:
    rows = table[table["projected_low_kt"].notna() & table["projected_high_kt"].notna()]
    if rows.empty:
        return []
    x = clean(rows["year"])
    low = {"type": "scatter", "mode": "lines", "x": x, "y": clean(rows["projected_low_kt"]),
           "line": {"width": 0}, "hoverinfo": "skip", "showlegend": False,
           "name": series_label("trend_band", lang)}
    high = {"type": "scatter", "mode": "lines", "x": x, "y": clean(rows["projected_high_kt"]),
            "fill": "tonexty", "fillcolor": series_colour("trend_band"), "line": {"width": 0},
            "name": series_label("trend_band", lang), "hoverinfo": "skip"}
    return [low, high]


def _measured(table: pd.DataFrame, lang: str, unit: str) -> dict | None:
    """Measured complete years; a gap in the line where an incomplete year sits between them."""
    shown = table["actual_kt"].notna() | table["incomplete_kt"].notna()
    if "no_population" in table:  # per inhabitant: a measured year without population is a gap
        shown |= table["no_population"].astype(bool)
    rows = table[shown]
    if table["actual_kt"].notna().sum() == 0:
        return None
    trace = _line(rows, "year", "actual", lang, unit, mode="lines+markers", line={"width": 3},
                  marker={"size": 6, "color": series_colour("actual")})
    trace["y"] = clean(rows["actual_kt"])  # None at an incomplete year: the line breaks there
    trace["customdata"] = [None if note is None else plotly_text(str(note)) for note in clean(rows["note"])]
    trace["connectgaps"] = False
    trace["hovertemplate"] = f"{unit} %{{customdata}}<extra>%{{fullData.name}}</extra>"
    return trace


def _incomplete(table: pd.DataFrame, lang: str, unit: str) -> dict | None:
    rows = table[table["incomplete_kt"].notna()]
    if rows.empty:
        return None
    colour = series_colour("incomplete")
    return {
        "type": "scatter", "mode": "markers", "name": series_label("incomplete", lang),
        "x": clean(rows["year"]), "y": clean(rows["incomplete_kt"]),
        "marker": {"symbol": "circle-open", "size": 11, "color": colour, "line": {"width": 2}},
        "customdata": clean(rows["note"]),
        "hovertemplate": f"{unit}: %{{customdata}}<extra>%{{fullData.name}}</extra>",
    }


def _styled(code: str) -> dict:
    """Dash pattern, width and marker of a line (line_styles.LINE_STYLES): not colour alone."""
    style = LINE_STYLES[code]
    extra = {"line": {"dash": style.dash, "width": style.width}}
    if style.marker:
        extra |= {"mode": "lines+markers", "marker": {"symbol": style.marker, "size": 7,
                                                      "color": series_colour(code)}}
    return extra


def trajectory_figure(table: pd.DataFrame, lang: str, y_title: str, target_year: int | None = None, *,
                      per_inhabitant: bool = False) -> dict:
    """Figure dict of the trajectory; series without values are left out. The latest measured
    year and the target year always have a labelled tick."""
    unit = "%{y:,.2f} t" if per_inhabitant else "%{y:,.1f} kt"
    point = {"symbol": "diamond", "size": 12, "line": {"color": INK, "width": 1}}
    traces = _band(table, lang) + [
        _line(table, "projected_kt", "trend", lang, unit, **_styled("trend")),
        _line(table, "with_commitments_kt", "with_commitments", lang, unit, **_styled("with_commitments")),
        _line(table, "pathway_kt", "pathway", lang, unit, **_styled("pathway")),
        _line(table, "milestone_kt", "milestone", lang, unit, mode="markers",
              marker={**point, "color": series_colour("milestone")}),
        _line(table, "target_kt", "target", lang, unit, mode="markers", cliponaxis=False,  # 0 t: whole star
              marker={**point, "symbol": "star", "size": 15, "color": series_colour("target")}),
        _measured(table, lang, unit),
        _incomplete(table, lang, unit),
    ]
    layout = base_layout(lang, y_title)
    if per_inhabitant:
        layout["yaxis"]["tickformat"] = ",~r"  # 4.5, not 5: small values keep their decimals
    measured = table[table["actual_kt"].notna() | table["incomplete_kt"].notna()]
    latest = int(measured["year"].max()) if len(measured) else None
    target_rows = table[table["target_kt"].notna()]
    target = target_year or (int(target_rows["year"].max()) if len(target_rows) else None)
    set_year_axis(layout, table["year"], [latest, target])
    return {"data": [t for t in traces if t is not None], "layout": layout}
