"""Sector pages: one sector's emissions against its target, and its activity indicators."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, html
from sqlalchemy import Engine

from dashboard import queries
from dashboard.cache import cached_query, cached_section
from dashboard.components import (
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
from dashboard.embed_offer import embed_url
from dashboard.i18n import fmt_number, t
from dashboard.sections.per_inhabitant import chosen_per, per_choice
from dashboard.sections.sector_charts import activity_views, sector_trajectory
from dashboard.summaries import (
    STATUS_TERMS,
    number,
    status_code,
)
from pipelines.vocab import SECTOR_BY_CODE, TOP_LEVEL_SECTORS

PAGE = "sectors"
SECTOR_ID = "sectors-sector"
CONTENT_ID = "sectors-content"
PER_ID = "sectors-per"
CONTROLS = (("sector", SECTOR_ID, "data"), ("per", PER_ID, "data"))

def placeholders() -> html.Div:
    return hidden_controls((SECTOR_ID, PER_ID), (CONTENT_ID,))


dash.register_page(__name__, path="/sectors", name="Sectors", title=page_title("nav_sectors"), order=1)


def sectors_with_data(programme_id: int) -> list[str]:
    """Top-level sectors with at least one emissions value, in the standard order."""
    return _sectors_with_data(current_engine(), programme_id)


@cached_query
def _sectors_with_data(engine: Engine, programme_id: int) -> list[str]:
    emissions = queries.emissions_by_sector(engine, programme_id)
    present = set(emissions.loc[emissions["value_t"].notna(), "sector_code"])
    return [code for code in TOP_LEVEL_SECTORS if code in present]


@cached_query
def _sectors_without_values(engine: Engine, programme_id: int) -> dict[str, list[int]]:
    """Top-level sector -> the years it has rows for but never a value (a suppressed or unknown
    figure, as Klimaatmonitor's -1 for Oegstgeest's built environment): not in the picker, but
    named, so a sector is never gone without a word."""
    emissions = queries.emissions_by_sector(engine, programme_id)
    rows = emissions[emissions["sector_code"].isin(TOP_LEVEL_SECTORS)]
    valued = set(rows.loc[rows["value_t"].notna(), "sector_code"])
    gaps = rows[rows["value_t"].isna() & ~rows["sector_code"].isin(valued)]
    return {code: sorted(int(y) for y in gaps.loc[gaps["sector_code"] == code, "year"])
            for code in TOP_LEVEL_SECTORS if code in set(gaps["sector_code"])}


def without_values_note(programme_id: int, lang: str) -> list:
    gaps = _sectors_without_values(current_engine(), programme_id)
    if not gaps:
        return []
    named = ", ".join(f"{SECTOR_BY_CODE[code].label(lang)} ({', '.join(map(str, years))})"
                      for code, years in gaps.items())
    return [html.P(t("sectors_without_values", lang, sectors=named), className="chart-summary")]


def layout(lang=None, sector=None, target=None, per=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    heading = t("sectors_heading", lang)
    prog = current_programme(programme)
    codes = sectors_with_data(prog.id) if prog else []
    if not codes:
        key = "no_programme" if prog is None else "no_data_yet"
        notes = without_values_note(prog.id, lang) if prog else []
        return page_shell(PAGE, lang, heading, [no_data(lang, key), *notes, placeholders()], {}, CONTROLS,
                          programme)
    sector = sector if sector in codes else codes[0]
    per = chosen_per(per)
    options = [{"label": SECTOR_BY_CODE[c].label(lang), "value": c} for c in codes]
    children = [
        html.P(t("sectors_intro", lang), className="lead"),
        choice_group(SECTOR_ID, t("sector_legend", lang), options, sector),
        *without_values_note(prog.id, lang),
        per_choice(PER_ID, per, lang),
        html.Div(id=CONTENT_ID, children=sector_content(prog, sector, target, lang, per)),
    ]
    return page_shell(PAGE, lang, heading, children, {"sector": sector, "per": per}, CONTROLS, programme)


def sector_content(prog: ProgrammeInfo, sector: str, target, lang: str, per: str = "total") -> list:
    """The sector's status in words, its trajectory (in total or per inhabitant), and one chart
    per activity indicator, each with its embed, in their wire form (built once per data version
    and site: see dashboard/cache.py)."""
    return _sector_content(current_engine(), prog, sector, target, lang, per, embed_url("/", {}))


@cached_section
def _sector_content(engine: Engine, prog: ProgrammeInfo, sector: str, target, lang: str, per: str,
                    _site: str) -> list:
    trajectory = sector_trajectory(engine, prog, sector, target, lang, per)
    name = SECTOR_BY_CODE[sector].label(lang)
    state = {"lang": lang, "programme": prog.slug, "target": trajectory.target_id, "per": per}
    return [
        html.H2(name, id="sector-name"),
        html.P(sector_sentence(trajectory.view.table, trajectory.summary, lang, trajectory.per_inhabitant)),
        chart_block(trajectory.view, lang, embed=embed_url(f"/embed/sectors/{sector}", state)),
        *activity_blocks(prog, sector, lang),
    ]


def sector_sentence(table: pd.DataFrame, summary: dict, lang: str, per_inhabitant: bool = False) -> str:
    measured = table.dropna(subset=["actual_kt"])
    if measured.empty:
        return t("no_data_yet", lang)
    first, last = measured.iloc[0], measured.iloc[-1]
    key, decimals = ("sector_sentence_per", 2) if per_inhabitant else ("sector_sentence", 1)
    if len(measured) == 1:  # "went from 320 kt in 2019 to 320 kt in 2019" says nothing
        key += "_one_year"
    text = t(key, lang, first_year=int(first["year"]), first=fmt_number(first["actual_kt"], lang, decimals),
             last_year=int(last["year"]), last=fmt_number(last["actual_kt"], lang, decimals))
    if number(summary, "progress_pct") is not None or summary.get("status"):
        text += " " + t("sector_status", lang, status=STATUS_TERMS[status_code(summary)].label(lang).lower())
    return text


def activity_blocks(prog: ProgrammeInfo, sector: str, lang: str) -> list:
    """A chart for every activity indicator of the sector or of its sub-sectors."""
    blocks = [html.H2(t("activity_heading", lang))]
    views = activity_views(current_engine(), prog.id, sector, lang, prog.target_year)
    if not views:
        return blocks + [no_data(lang, "no_activity")]
    return blocks + [
        chart_block(view, lang, embed=embed_url(f"/embed/sectors/{sector}",
                                                {"lang": lang, "programme": prog.slug, "indicator": code}))
        for code, view in views
    ]


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
