"""The overview's sections (headline, trajectory, commitments gap, sectors over time), also shown
on the coordinators' progress page and commitments page; the overview page itself only lays them
out and wires its controls."""

from __future__ import annotations

import dataclasses

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components import ChartView, Column, chart_block, no_data
from dashboard.context import ProgrammeInfo, current_engine
from dashboard.figures.common import empty_figure
from dashboard.figures.gap import gap_figure
from dashboard.figures.sectors import sector_area_figure, sector_table
from dashboard.figures.trajectory import milestone_levels, trajectory_figure, trajectory_table
from dashboard.i18n import t
from dashboard.sections.targets_and_gap import gap_view
from dashboard.summaries import (
    headline_facts,
    headline_sentences,
    sectors_summary,
    status_code,
    trajectory_summary,
)
from pipelines.vocab import SECTOR_BY_CODE, TOTAL


def main_content(prog: ProgrammeInfo, target_id: int | None, lang: str) -> list:
    """Headline figures, trajectory and commitments gap for one target set."""
    engine = current_engine()
    programme_id = prog.id
    summary = queries.summary(engine, programme_id, target_id) if target_id else {}
    progress = queries.progress_series(engine, programme_id, target_id) if target_id else pd.DataFrame()
    if progress.empty or progress["actual_t"].isna().all():
        progress = _measured_totals(programme_id)
    if progress.empty:
        return [no_data(lang)]
    target_year = int(summary.get("target_year") or prog.target_year)
    stored = queries.milestones(engine, target_id) if target_id else None
    milestones, target = milestone_levels(summary, stored)
    table = trajectory_table(progress, milestones, target, lang)
    return [
        headline_section(summary, prog.area_name or prog.name, target_year, lang),
        chart_block(trajectory_view(table, target_year, lang), lang),
        gap_block(summary, programme_id, lang),
    ]


def _measured_totals(programme_id: int) -> pd.DataFrame:
    """Total emissions as a progress frame with only measured values (no target set yet)."""
    emissions = queries.emissions_by_sector(current_engine(), programme_id)
    totals = emissions[(emissions["sector_code"] == TOTAL) & emissions["value_t"].notna()]
    return pd.DataFrame({"year": totals["year"], "actual_t": totals["value_t"],
                         "complete": totals["complete"], "source": totals["source"],
                         "sectors_included": totals["sectors_included"]})


def headline_section(summary: dict, area: str, target_year: int, lang: str) -> html.Section:
    facts = headline_facts(summary, target_year, lang)
    status = status_code(summary)
    items = [
        html.Div(className=f"fact fact-{status}" if i == 3 else "fact", children=[
            html.Dt(label), html.Dd(value),
        ])
        for i, (label, value) in enumerate(facts)
    ]
    return html.Section(className="headline", **{"aria-labelledby": "headline-heading"}, children=[
        html.H2(t("headline_heading", lang), id="headline-heading"),
        html.Dl(items, className="facts"),
        html.P(" ".join(headline_sentences(summary, area, target_year, lang)), className="headline-text"),
    ])


def trajectory_view(table: pd.DataFrame, target_year: int, lang: str) -> ChartView:
    columns = (
        Column("year", t("col_year", lang), "year"),
        Column("actual_kt", t("col_actual_kt", lang), "kt"),
        Column("complete_label", t("col_complete", lang), "text"),
        Column("incomplete_kt", t("col_incomplete_kt", lang), "kt"),
        Column("note", t("col_note", lang), "text"),
        Column("pathway_kt", t("col_pathway_kt", lang), "kt"),
        Column("milestone_kt", t("col_milestone_kt", lang), "kt"),
        Column("target_kt", t("col_target_kt", lang), "kt"),
        Column("projected_kt", t("col_projected_kt", lang), "kt"),
        Column("projected_low_kt", t("col_projected_low_kt", lang), "kt"),
        Column("projected_high_kt", t("col_projected_high_kt", lang), "kt"),
        Column("with_commitments_kt", t("col_with_commitments_kt", lang), "kt"),
    )
    return ChartView(
        name="trajectory", title=t("trajectory_title", lang),
        summary=trajectory_summary(table, target_year, lang),
        figure=trajectory_figure(table, lang, t("axis_kt", lang), target_year), table=table, columns=columns,
    )


def gap_block(summary: dict, programme_id: int, lang: str) -> html.Section:
    found = gap_view(current_engine(), programme_id, summary, lang)
    if found is None:
        message = t("gap_not_available", lang)
        view = ChartView("gap", t("gap_title", lang), message, empty_figure(lang, message), pd.DataFrame())
        return chart_block(view, lang, empty=True)
    view, labels = found
    figure = gap_figure(view.table, labels, lang, t("axis_kt", lang))
    return chart_block(dataclasses.replace(view, figure=figure), lang)


def sectors_content(programme_id: int, breakdown: str, lang: str) -> list:
    emissions = queries.emissions_by_sector(current_engine(), programme_id)
    share = breakdown == "share"
    table = sector_table(emissions, share=share)
    title = t("sectors_title", lang)
    if len(table.columns) < 2:
        message = t("no_data_yet", lang)
        return [chart_block(ChartView("sectors", title, message, empty_figure(lang, message),
                                      pd.DataFrame()), lang, empty=True)]
    labels = {c: SECTOR_BY_CODE[c].label(lang) for c in table.columns if c in SECTOR_BY_CODE}
    kind = "pct" if share else "kt"
    columns = (Column("year", t("col_year", lang), "year"),) + tuple(
        Column(code, label, kind) for code, label in labels.items()
    ) + (Column("complete_label", t("col_complete", lang), "text"),)
    table = table.assign(complete_label=table["complete"].map(lambda c: t("yes" if c else "no", lang)))
    complete = table[table["complete"]]
    summary = sectors_summary(complete[["year", *labels]], labels, share, lang)
    left_out = [str(int(y)) for y in table.loc[~table["complete"], "year"]]
    if left_out:
        summary += " " + t("sectors_incomplete", lang, years=", ".join(left_out))
    axis = t("axis_share", lang) if share else t("axis_kt", lang)
    return [chart_block(ChartView(
        name="sectors", title=title, summary=summary,
        figure=sector_area_figure(table, lang, axis), table=table, columns=columns,
    ), lang)]
