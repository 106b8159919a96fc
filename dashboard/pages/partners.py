"""Partners and commitments: who does what, searchable and filterable, with each partner's story.

Partner names, descriptions and links are typed by people: they are rendered as text only (Dash
escapes text children), and links only when they are http(s).
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import queries
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
    table_block,
)
from dashboard.context import current_engine, current_programme, page_title, request_language
from dashboard.figures.partners import status_figure, status_table
from dashboard.i18n import fmt_date, fmt_number, t, tn
from dashboard.sections.partner_cards import partner_cards, sorted_commitments
from pipelines.vocab import (
    COMMITMENT_STATUSES,
    PARTNER_TYPES,
    SECTOR_BY_CODE,
    SECTORS,
    TOP_LEVEL_SECTORS,
)

PAGE = "partners"
SEARCH_ID, TYPE_ID, SECTOR_ID, STATUS_ID, SORT_ID = (
    "partners-search", "partners-type", "partners-sector", "partners-status", "partners-sort",
)
CONTENT_ID = "partners-content"
SORTS = ("partner", "reduction", "target_year", "status")
CONTROLS = (
    ("q", SEARCH_ID, "value"), ("type", TYPE_ID, "data"), ("sector", SECTOR_ID, "data"),
    ("status", STATUS_ID, "data"), ("sort", SORT_ID, "data"),
)

def placeholders() -> html.Div:
    return hidden_controls((TYPE_ID, SECTOR_ID, STATUS_ID, SORT_ID), (CONTENT_ID,),
                           (dcc.Input(id=SEARCH_ID, type="hidden"),))


dash.register_page(__name__, path="/partners", name="Partners", title=page_title("nav_partners"), order=2)


def _listed(value, allowed) -> list[str]:
    """A comma-separated URL value (or list) narrowed to the allowed codes."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    return [v for v in items if v in allowed]


def layout(lang=None, q=None, type=None, sector=None, status=None, sort=None, programme=None, **_query):
    lang = request_language(lang)
    heading = t("partners_heading", lang)
    prog = current_programme(programme)
    if prog is None:
        return page_shell(PAGE, lang, heading, [no_data(lang, "no_programme"), placeholders()], {},
                          CONTROLS, programme)
    types = _listed(type, {p.code for p in PARTNER_TYPES})
    sectors = _listed(sector, TOP_LEVEL_SECTORS)
    statuses = _listed(status, {s.code for s in COMMITMENT_STATUSES})
    sort = sort if sort in SORTS else "partner"
    search = (q or "")[:100]
    children = [
        html.P(t("partners_intro", lang), className="lead"),
        html.Label(t("search_label", lang), htmlFor=SEARCH_ID, className="search-label"),
        dcc.Input(id=SEARCH_ID, type="search", value=search, debounce=0.4, className="search-input",
                  autoComplete="off", maxLength=100),
        choice_group(TYPE_ID, t("filter_type", lang),
                     [{"label": p.label(lang), "value": p.code} for p in PARTNER_TYPES], types, multi=True),
        choice_group(SECTOR_ID, t("filter_sector", lang),
                     [{"label": SECTOR_BY_CODE[c].label(lang), "value": c} for c in TOP_LEVEL_SECTORS], sectors,
                     multi=True),
        choice_group(STATUS_ID, t("filter_status", lang),
                     [{"label": s.label(lang), "value": s.code} for s in COMMITMENT_STATUSES], statuses,
                     multi=True),
        choice_group(SORT_ID, t("sort_legend", lang),
                     [{"label": t(f"sort_{s}", lang), "value": s} for s in SORTS], sort),
        html.Div(id=CONTENT_ID, children=partners_content(prog.id, search, types, sectors, statuses, sort, lang)),
    ]
    params = {"q": search, "type": ",".join(types), "sector": ",".join(sectors),
              "status": ",".join(statuses), "sort": sort}
    return page_shell(PAGE, lang, heading, children, params, CONTROLS, programme)


def _with_children(sectors: list[str]) -> list[str]:
    return sectors + [s.code for s in SECTORS if s.parent in sectors]


def partners_content(programme_id, search, types, sectors, statuses, sort, lang) -> list:
    engine = current_engine()
    found = queries.commitments(
        engine, programme_id, partner_types=types, sectors=_with_children(sectors),
        statuses=statuses, search=search,
    )
    count = html.P(
        t("result_count", lang, commitments=len(found), partners=found["partner_id"].nunique()),
        className="result-count", role="status",
    )
    if found.empty:
        filtered = bool(search or types or sectors or statuses)
        return [count, no_data(lang, "no_commitments_match" if filtered else "no_commitments_yet")]
    counts = found.groupby("status").agg(count=("id", "size"), reduction_t=("reduction_t_per_year", "sum"))
    table = status_table(counts.reset_index())
    status_labels = {s.code: s.label(lang) for s in COMMITMENT_STATUSES}
    status_view = ChartView(
        name="status-counts", title=t("status_chart_title", lang),
        summary=status_sentence(table, status_labels, lang),
        figure=status_figure(table, lang, t("axis_commitments", lang)),
        table=table.assign(label=table["status"].map(status_labels)),
        columns=(Column("label", t("col_status", lang), "text"), Column("count", t("col_count", lang), "int"),
                 Column("reduction_kt", t("col_reduction_kt", lang), "kt")),
    )
    ordered = sorted_commitments(found, sort)
    # The summary first, then the partners (each card opens on a click); the long table last,
    # folded: the page stays short enough to scan on a phone.
    return [count, chart_block(status_view, lang),
            html.H2(t("stories_heading", lang)), partner_cards(engine, programme_id, ordered, lang),
            html.Details(className="table-view all-commitments", children=[
                html.Summary(tn("all_commitments_table", lang, len(ordered))),
                commitments_table(ordered, status_labels, lang),
            ])]


def status_sentence(table: pd.DataFrame, labels: dict[str, str], lang: str) -> str:
    parts = [f"{int(r.count)} {labels[r.status].lower()}" for r in table.itertuples() if r.count]
    return t("status_summary", lang, parts=", ".join(parts))


def commitments_table(found: pd.DataFrame, status_labels: dict[str, str], lang: str) -> html.Section:
    frame = found.assign(
        status_label=found["status"].map(status_labels),
        sector_label=found["sector_code"].map(lambda c: SECTOR_BY_CODE[c].label(lang) if c in SECTOR_BY_CODE else ""),
        last_update_text=found["last_update"].map(lambda d: fmt_date(d, lang) if pd.notna(d) else ""),
    )
    view = ChartView(
        name="commitments", title=t("commitments_table_title", lang),
        summary=t("commitments_table_summary", lang, count=fmt_number(len(frame), lang)),
        figure={}, table=frame,
        columns=(
            Column("partner", t("col_partner", lang), "written"),
            Column("title", t("col_commitment", lang), "written"),
            Column("sector_label", t("col_sector", lang), "text"),
            Column("status_label", t("col_status", lang), "text"),
            Column("reduction_t_per_year", t("col_reduction_t", lang), "int"),
            Column("target_year", t("col_target_year", lang), "year"),
            Column("progress_pct", t("col_progress", lang), "pct"),
        ),
    )
    return table_block(view, lang)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [placeholders()], {}, CONTROLS)


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, list(CONTROLS))
    for group in (TYPE_ID, SECTOR_ID, STATUS_ID):
        register_choice_group(app, group, multi=True)
    register_choice_group(app, SORT_ID)

    @app.callback(
        Output(CONTENT_ID, "children"),
        [Input(cid, prop) for _, cid, prop in CONTROLS],
        State(state_id(PAGE), "data"),
        prevent_initial_call=True,
    )
    def update_partners(search, types, sectors, statuses, sort, state):
        prog = current_programme(state.get("programme"))
        if prog is None:
            return no_data(state["lang"], "no_programme")
        return partners_content(
            prog.id, (search or "")[:100], _listed(types, {p.code for p in PARTNER_TYPES}),
            _listed(sectors, TOP_LEVEL_SECTORS), _listed(statuses, {s.code for s in COMMITMENT_STATUSES}),
            sort if sort in SORTS else "partner", state["lang"],
        )
