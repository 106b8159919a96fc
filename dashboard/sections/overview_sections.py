"""The overview's sections (headline, trajectory, commitments gap, sectors over time), also shown
on the coordinators' progress page and commitments page; the overview page itself only lays them
out and wires its controls."""

from __future__ import annotations

import dataclasses

import pandas as pd
from dash import html
from sqlalchemy import Engine

from dashboard import queries
from dashboard.cache import cached_section
from dashboard.components import ChartView, Column, chart_block, no_data
from dashboard.context import ProgrammeInfo, current_engine
from dashboard.embed_offer import embed_url
from dashboard.figures.gap import gap_figure
from dashboard.figures.per_inhabitant import (
    emissions_per_inhabitant,
    population_series,
    years_without_population,
)
from dashboard.figures.sectors import sector_area_figure, sector_table
from dashboard.figures.trajectory import milestone_levels, trajectory_figure
from dashboard.i18n import t
from dashboard.sections.per_inhabitant import PER_INHABITANT, PerInhabitant, shown_trajectory
from dashboard.sections.targets_and_gap import gap_view
from dashboard.summaries import (
    headline_facts,
    headline_sentences,
    missing_population_note,
    per_inhabitant_summary,
    sectors_summary,
    status_code,
    trajectory_summary,
)
from pipelines.vocab import SECTOR_BY_CODE, TOTAL


def main_content(prog: ProgrammeInfo, target_id: int | None, lang: str, per: str = "total",
                 offer_embeds: bool = False) -> list:
    """Headline figures, trajectory (in total or per inhabitant) and commitments gap for one
    target set, in their wire form (built once per data version and site: see
    dashboard/cache.py); with `offer_embeds` (the overview, not the printed report) each chart
    offers its embed."""
    site = embed_url("/", {}) if offer_embeds else None
    return _main_content(current_engine(), prog, target_id, lang, per, site)


@cached_section
def _main_content(engine: Engine, prog: ProgrammeInfo, target_id: int | None, lang: str, per: str,
                  site: str | None = None) -> list:
    summary = queries.summary(engine, prog.id, target_id) if target_id else {}
    view = trajectory_chart(prog, target_id, lang, per)
    if view is None:
        return [no_data(lang)]
    target_year = int(summary.get("target_year") or prog.target_year)
    state = {"lang": lang, "programme": prog.slug, "target": target_id, "per": per}
    return [
        headline_section(summary, prog.area_name or prog.name, target_year, lang),
        chart_block(view, lang, embed=embed_url("/embed/overview/emissions", state) if site else None),
        gap_block(summary, prog.id, lang,
                  embed=embed_url("/embed/overview/gap", {**state, "per": None}) if site else None),
    ]


def trajectory_chart(prog: ProgrammeInfo, target_id: int | None, lang: str, per: str = "total") -> ChartView | None:
    """The trajectory of one target set (measured totals only without one); None without data.
    `per` = "inhabitant": every series ÷ that year's population (figures.per_inhabitant)."""
    engine = current_engine()
    summary = queries.summary(engine, prog.id, target_id) if target_id else {}
    progress = queries.progress_series(engine, prog.id, target_id) if target_id else pd.DataFrame()
    if progress.empty or progress["actual_t"].isna().all():
        progress = _measured_totals(prog.id)
    if progress.empty:
        return None
    target_year = int(summary.get("target_year") or prog.target_year)
    stored = queries.milestones(engine, target_id) if target_id else None
    milestones, target = milestone_levels(summary, stored)
    table, per_inhabitant = shown_trajectory(prog.id, progress, milestones, target, lang, per)
    return trajectory_view(table, target_year, lang, per_inhabitant)


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


def trajectory_columns(lang: str, per_inhabitant: bool, keys: tuple[str, ...] | None = None) -> tuple[Column, ...]:
    """The trajectory table's columns (in kt, or in t per inhabitant with the population beside
    them); `keys` keeps those columns only (the sectors page shows fewer)."""
    unit, kind = ("per", "per") if per_inhabitant else ("kt", "kt")
    columns = (
        Column("year", t("col_year", lang), "year"),
        Column("actual_kt", t(f"col_actual_{unit}", lang), kind),
        *([Column("population", t("col_population", lang), "int")] if per_inhabitant else []),
        Column("complete_label", t("col_complete", lang), "text"),
        Column("incomplete_kt", t(f"col_incomplete_{unit}", lang), kind),
        Column("note", t("col_note", lang), "text"),
        Column("pathway_kt", t(f"col_pathway_{unit}", lang), kind),
        Column("milestone_kt", t(f"col_milestone_{unit}", lang), kind),
        Column("target_kt", t(f"col_target_{unit}", lang), kind),
        Column("projected_kt", t(f"col_projected_{unit}", lang), kind),
        Column("projected_low_kt", t(f"col_projected_low_{unit}", lang), kind),
        Column("projected_high_kt", t(f"col_projected_high_{unit}", lang), kind),
        Column("with_commitments_kt", t(f"col_with_commitments_{unit}", lang), kind),
    )
    return columns if keys is None else tuple(c for c in columns if c.key in keys)


def trajectory_view(table: pd.DataFrame, target_year: int, lang: str,
                    per_inhabitant: PerInhabitant | None = None) -> ChartView:
    """The trajectory's chart, table and summary; `per_inhabitant` when the table's values are
    t CO2e per inhabitant (sections.per_inhabitant.shown_trajectory)."""
    columns = trajectory_columns(lang, per_inhabitant is not None)
    if per_inhabitant is None:
        return ChartView(
            name="trajectory", title=t("trajectory_title", lang),
            summary=trajectory_summary(table, target_year, lang),
            figure=trajectory_figure(table, lang, t("axis_kt", lang), target_year=target_year), table=table,
            columns=columns,
        )
    return ChartView(
        name="trajectory", title=t("trajectory_title", lang),
        summary=per_inhabitant_summary(table, per_inhabitant.population, per_inhabitant.missing, lang),
        figure=trajectory_figure(table, lang, t("axis_t_per_inhabitant", lang), per_inhabitant=True,
                                 target_year=target_year),
        table=table, columns=columns,
    )


def gap_block(summary: dict, programme_id: int, lang: str, embed: str | None = None) -> html.Section:
    view, empty = gap_chart(summary, programme_id, lang)
    return chart_block(view, lang, empty=empty, embed=None if empty else embed)


def gap_chart(summary: dict, programme_id: int, lang: str) -> tuple[ChartView, bool]:
    """The commitments-gap waterfall, and whether it is empty (no target or no commitments)."""
    found = gap_view(current_engine(), programme_id, summary, lang)
    if found is None:
        message = t("gap_not_available", lang)
        return ChartView("gap", t("gap_title", lang), message, None, pd.DataFrame()), True
    view, labels = found
    figure = gap_figure(view.table, labels, lang, t("axis_kt", lang))
    return dataclasses.replace(view, figure=figure), False


def sectors_content(programme_id: int, breakdown: str, lang: str, per: str = "total",
                    target_year: int | None = None, embed_for: str | None = None) -> list:
    """The sector chart in its wire form (built once per data version and site); with
    `embed_for` (the programme's slug, on the overview) its embed offer."""
    site = embed_url("/", {}) if embed_for else None
    return _sectors_content(current_engine(), programme_id, breakdown, lang, per, target_year, embed_for, site)


@cached_section
def _sectors_content(engine: Engine, programme_id: int, breakdown: str, lang: str, per: str,
                     target_year: int | None, embed_for: str | None = None, site: str | None = None) -> list:
    view, empty = sectors_chart(programme_id, breakdown, lang, per, target_year)
    embed = (embed_url("/embed/overview/sectors", {"lang": lang, "programme": embed_for, "breakdown": breakdown,
                                                   "per": per}) if site and not empty else None)
    return [chart_block(view, lang, empty=empty, embed=embed)]


def sectors_chart(programme_id: int, breakdown: str, lang: str, per: str = "total",
                  target_year: int | None = None) -> tuple[ChartView, bool]:
    """Emissions by sector (absolute, per inhabitant or as shares), and whether there is nothing to
    draw; `target_year` gets a labelled tick beside the latest year."""
    emissions = queries.emissions_by_sector(current_engine(), programme_id)
    share = breakdown == "share"
    per_inhabitant = per == PER_INHABITANT and not share  # a share is the same per inhabitant
    missing: list[int] = []
    if per_inhabitant:
        population = population_series(queries.population(current_engine(), programme_id))
        missing = years_without_population(emissions.loc[emissions["value_t"].notna(), "year"], population)
        emissions = emissions_per_inhabitant(emissions, population)
    table = sector_table(emissions, share=share, per_inhabitant=per_inhabitant)
    title = t("sectors_title", lang)
    if len(table.columns) < 2:
        message = t("no_data_yet", lang)
        return ChartView("sectors", title, message, None, pd.DataFrame()), True
    labels = {c: SECTOR_BY_CODE[c].label(lang) for c in table.columns if c in SECTOR_BY_CODE}
    kind = "pct" if share else ("per" if per_inhabitant else "kt")
    columns = (Column("year", t("col_year", lang), "year"),) + tuple(
        Column(code, label, kind) for code, label in labels.items()
    ) + (Column("complete_label", t("col_complete", lang), "text"),)
    table = table.assign(complete_label=table["complete"].map(lambda c: t("yes" if c else "no", lang)))
    complete = table[table["complete"]].dropna(subset=list(labels), how="all")
    # No year with every sector: nothing to stack (the table still shows what is known).
    summary = (t("sectors_none_complete", lang) if complete.empty
               else sectors_summary(complete[["year", *labels]], labels, share, lang, per_inhabitant))
    left_out = [str(int(y)) for y in table.loc[~table["complete"], "year"]]
    if left_out:
        summary += " " + t("sectors_incomplete", lang, years=", ".join(left_out))
    if missing:
        summary += " " + missing_population_note(missing, lang)
    axis = t("axis_share", lang) if share else t("axis_t_per_inhabitant" if per_inhabitant else "axis_kt", lang)
    figure = None if complete.empty else sector_area_figure(table, lang, axis, target_year,
                                                             per_inhabitant=per_inhabitant)
    return ChartView(name="sectors", title=title, summary=summary, figure=figure, table=table,
                     columns=columns), False
