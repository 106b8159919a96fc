"""Sector pages: one sector's emissions against its target, and its activity indicators."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, html
from sqlalchemy import Engine

from dashboard import queries
from dashboard.cache import cached_query
from dashboard.components import (
    ChartView,
    Column,
    chart_block,
    choice_group,
    hidden_controls,
    no_data,
    page_shell,
    register_choice_group,
    register_url_sync,
    state_id,
)
from dashboard.context import (
    ProgrammeInfo,
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.data_texts import name_in, unit_text
from dashboard.figures.indicators import indicator_figure, indicator_table
from dashboard.figures.trajectory import milestone_levels, trajectory_figure
from dashboard.i18n import fmt_auto, fmt_number, t
from dashboard.sections.overview_sections import trajectory_columns
from dashboard.sections.per_inhabitant import chosen_per, per_choice, shown_trajectory
from dashboard.sections.targets_and_gap import pick_target
from dashboard.summaries import (
    STATUS_TERMS,
    number,
    per_inhabitant_summary,
    status_code,
    trajectory_summary,
)
from pipelines.vocab import SECTOR_BY_CODE, SECTORS

PAGE = "sectors"
SECTOR_ID = "sectors-sector"
CONTENT_ID = "sectors-content"
PER_ID = "sectors-per"
CONTROLS = (("sector", SECTOR_ID, "data"), ("per", PER_ID, "data"))
TOP_LEVEL = tuple(s.code for s in SECTORS if s.parent is None)
# The columns of a sector's trajectory table: fewer than the overview's (no band, milestones or commitments).
SECTOR_TRAJECTORY_COLUMNS = ("year", "actual_kt", "population", "complete_label", "incomplete_kt", "note",
                             "pathway_kt", "projected_kt")

def placeholders() -> html.Div:
    return hidden_controls((SECTOR_ID, PER_ID), (CONTENT_ID,))


dash.register_page(__name__, path="/sectors", name="Sectors", title=page_title("nav_sectors"), order=1)


def sectors_with_data(programme_id: int) -> list[str]:
    """Top-level sectors with at least one emissions value, in the standard order."""
    emissions = queries.emissions_by_sector(current_engine(), programme_id)
    present = set(emissions.loc[emissions["value_t"].notna(), "sector_code"])
    return [code for code in TOP_LEVEL if code in present]


def layout(lang=None, sector=None, target=None, per=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    heading = t("sectors_heading", lang)
    prog = current_programme(programme)
    codes = sectors_with_data(prog.id) if prog else []
    if not codes:
        key = "no_programme" if prog is None else "no_data_yet"
        return page_shell(PAGE, lang, heading, [no_data(lang, key), placeholders()], {}, CONTROLS,
                          programme)
    sector = sector if sector in codes else codes[0]
    per = chosen_per(per)
    options = [{"label": SECTOR_BY_CODE[c].label(lang), "value": c} for c in codes]
    children = [
        html.P(t("sectors_intro", lang), className="lead"),
        choice_group(SECTOR_ID, t("sector_legend", lang), options, sector),
        per_choice(PER_ID, per, lang),
        html.Div(id=CONTENT_ID, children=sector_content(prog, sector, target, lang, per)),
    ]
    return page_shell(PAGE, lang, heading, children, {"sector": sector, "per": per}, CONTROLS, programme)


def sector_content(prog: ProgrammeInfo, sector: str, target, lang: str, per: str = "total") -> list:
    """The sector's status in words, its trajectory (in total or per inhabitant), and one chart
    per activity indicator (built once per data version: see dashboard/cache.py)."""
    return _sector_content(current_engine(), prog, sector, target, lang, per)


@cached_query
def _sector_content(engine: Engine, prog: ProgrammeInfo, sector: str, target, lang: str, per: str) -> list:
    name = SECTOR_BY_CODE[sector].label(lang)
    target_id = pick_target(queries.target_sets(engine, prog.id), target)
    summary = queries.summary(engine, prog.id, target_id, sector) if target_id else {}
    progress = queries.progress_series(engine, prog.id, target_id, sector) if target_id else pd.DataFrame()
    if progress.empty or progress["actual_t"].isna().all():
        emissions = queries.emissions_by_sector(engine, prog.id)
        rows = emissions[(emissions["sector_code"] == sector) & emissions["value_t"].notna()]
        progress = pd.DataFrame({"year": rows["year"], "actual_t": rows["value_t"],
                                 "complete": rows["complete"], "sectors_included": rows["sectors_included"]})
    milestones, target_point = milestone_levels(summary)
    table, per_inhabitant = shown_trajectory(prog.id, progress, milestones, target_point, lang, per)
    columns = trajectory_columns(lang, per_inhabitant is not None, SECTOR_TRAJECTORY_COLUMNS)
    if per_inhabitant:
        chart_summary = per_inhabitant_summary(table, per_inhabitant.population, per_inhabitant.missing, lang)
    else:
        chart_summary = trajectory_summary(table, prog.target_year, lang)
    axis = t("axis_t_per_inhabitant" if per_inhabitant else "axis_kt", lang)
    out = [html.H2(name, id="sector-name"), html.P(sector_sentence(table, summary, lang, per_inhabitant is not None))]
    out.append(chart_block(ChartView(
        name=f"sector-{sector}", title=t("sector_trajectory_title", lang, sector=name), summary=chart_summary,
        figure=trajectory_figure(table, lang, axis, per_inhabitant=per_inhabitant is not None,
                                 target_year=prog.target_year), table=table,
        columns=columns,
    ), lang))
    out += activity_blocks(prog.id, sector, lang, prog.target_year)
    return out


def sector_sentence(table: pd.DataFrame, summary: dict, lang: str, per_inhabitant: bool = False) -> str:
    measured = table.dropna(subset=["actual_kt"])
    if measured.empty:
        return t("no_data_yet", lang)
    first, last = measured.iloc[0], measured.iloc[-1]
    key, decimals = ("sector_sentence_per", 2) if per_inhabitant else ("sector_sentence", 1)
    text = t(key, lang, first_year=int(first["year"]), first=fmt_number(first["actual_kt"], lang, decimals),
             last_year=int(last["year"]), last=fmt_number(last["actual_kt"], lang, decimals))
    if number(summary, "progress_pct") is not None or summary.get("status"):
        text += " " + t("sector_status", lang, status=STATUS_TERMS[status_code(summary)].label(lang).lower())
    return text


def activity_blocks(programme_id: int, sector: str, lang: str, target_year: int | None = None) -> list:
    """A chart for every activity indicator of the sector or of its sub-sectors."""
    engine = current_engine()
    family = [sector] + [s.code for s in SECTORS if s.parent == sector]
    found = queries.indicators(engine, programme_id, kinds=["activity"], sectors=family)
    blocks = [html.H2(t("activity_heading", lang))]
    if found.empty:
        return blocks + [no_data(lang, "no_activity")]
    for row in found.itertuples(index=False):
        label = f"{name_in(row.name_nl, row.name_en, lang)} ({unit_text(row.unit, lang)})"
        series = queries.indicator_series(engine, programme_id, int(row.id))
        table = indicator_table({label: series})
        if table.empty:
            continue
        last = table.dropna().iloc[-1]
        summary = t("indicator_last_value", lang, name=label, period=last["period"],
                    value=fmt_auto(last[label], lang, 2))
        blocks.append(chart_block(ChartView(
            name=f"indicator-{row.code}", title=label, summary=summary,
            figure=indicator_figure(table, lang, unit_text(row.unit, lang), target_year), table=table,
            columns=(Column("period", t("col_period", lang), "text"), Column(label, label, "number")),
        ), lang))
    return blocks


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [placeholders()], {}, CONTROLS)


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, list(CONTROLS))
    register_choice_group(app, SECTOR_ID)
    register_choice_group(app, PER_ID)

    @app.callback(
        Output(CONTENT_ID, "children"), Input(SECTOR_ID, "data"), Input(PER_ID, "data"),
        State(state_id(PAGE), "data"), prevent_initial_call=True,
    )
    def update_sector(sector, per, state):
        prog = current_programme(state.get("programme"))
        if prog is None or sector not in sectors_with_data(prog.id):
            return no_data(state["lang"])
        return sector_content(prog, sector, None, state["lang"], chosen_per(per))
