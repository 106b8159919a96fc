"""A sector's charts, for the sectors page and its embeds (/embed/sectors/<sector>): the sector's
trajectory against its target (in total or per inhabitant) and one chart per activity indicator."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from dashboard import queries
from dashboard.components import ChartView, Column
from dashboard.data_texts import name_in, unit_text
from dashboard.figures.indicators import indicator_figure, indicator_table
from dashboard.figures.trajectory import milestone_levels, trajectory_figure
from dashboard.i18n import fmt_auto, t
from dashboard.sections.overview_sections import trajectory_columns
from dashboard.sections.per_inhabitant import shown_trajectory
from dashboard.sections.targets_and_gap import pick_target
from dashboard.summaries import per_inhabitant_summary, trajectory_summary
from pipelines.vocab import SECTOR_BY_CODE, SECTORS

# The columns of a sector's trajectory table: fewer than the overview's (no band, milestones or commitments).
SECTOR_TRAJECTORY_COLUMNS = ("year", "actual_kt", "population", "complete_label", "incomplete_kt", "note",
                             "pathway_kt", "projected_kt")


@dataclass(frozen=True)
class SectorTrajectory:
    view: ChartView
    summary: dict  # the sector's derived summary (status, progress) of the target set
    target_id: int | None
    per_inhabitant: bool


def sector_trajectory(engine: Engine, prog, sector: str, target, lang: str, per: str) -> SectorTrajectory:
    """The sector's measured emissions against its target set's pathway (the primary set unless
    `target` names another), in kt or t per inhabitant."""
    name = SECTOR_BY_CODE[sector].label(lang)
    target_id = pick_target(queries.target_sets(engine, prog.id), target)
    summary = queries.summary(engine, prog.id, target_id, sector) if target_id else {}
    progress = queries.progress_series(engine, prog.id, target_id, sector) if target_id else pd.DataFrame()
    if progress.empty or progress["actual_t"].isna().all():
        emissions = queries.emissions_by_sector(engine, prog.id)
        rows = emissions[(emissions["sector_code"] == sector) & emissions["value_t"].notna()]
        progress = pd.DataFrame({"year": rows["year"], "actual_t": rows["value_t"],
                                 "complete": rows["complete"], "sectors_included": rows["sectors_included"]})
    # The shown target set's own target year (a set may aim at 2035 or 2050 in a 2030 programme).
    target_year = int(summary.get("target_year") or prog.target_year)
    milestones, target_point = milestone_levels(summary)
    table, per_inhabitant = shown_trajectory(prog.id, progress, milestones, target_point, lang, per)
    columns = trajectory_columns(lang, per_inhabitant is not None, SECTOR_TRAJECTORY_COLUMNS)
    if per_inhabitant:
        chart_summary = per_inhabitant_summary(table, per_inhabitant.population, per_inhabitant.missing, lang)
    else:
        chart_summary = trajectory_summary(table, target_year, lang)
    axis = t("axis_t_per_inhabitant" if per_inhabitant else "axis_kt", lang)
    view = ChartView(
        name=f"sector-{sector}", title=t("sector_trajectory_title", lang, sector=name), summary=chart_summary,
        figure=trajectory_figure(table, lang, axis, per_inhabitant=per_inhabitant is not None,
                                 target_year=target_year), table=table,
        columns=columns,
    )
    return SectorTrajectory(view, summary, target_id, per_inhabitant is not None)


def activity_views(engine: Engine, programme_id: int, sector: str, lang: str,
                   target_year: int | None = None) -> list[tuple[str, ChartView]]:
    """(indicator code, chart) for every activity indicator of the sector or its sub-sectors that
    has values."""
    family = [sector] + [s.code for s in SECTORS if s.parent == sector]
    found = queries.indicators(engine, programme_id, kinds=["activity"], sectors=family)
    views = []
    for row in found.itertuples(index=False):
        name, name_lang = name_in(row.name_nl, row.name_en, row.name_fr, lang)
        label = f"{name} ({unit_text(row.unit, lang)})"
        series = queries.indicator_series(engine, programme_id, int(row.id))
        table = indicator_table({label: series})
        if table.empty:
            continue
        last = table.dropna().iloc[-1]
        summary = t("indicator_last_value", lang, name=label, period=last["period"],
                    value=fmt_auto(last[label], lang, 2))
        views.append((row.code, ChartView(
            name=f"indicator-{row.code}", title=label, summary=summary, title_lang=name_lang,
            figure=indicator_figure(table, lang, unit_text(row.unit, lang), target_year), table=table,
            columns=(Column("period", t("col_period", lang), "text"), Column(label, label, "number")),
        )))
    return views
