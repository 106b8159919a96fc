"""Comparison page (/compare): 2 to 6 programmes side by side, and a ranking of them all.

The choice is in the URL (`/compare?programmes=leiden,leuven`), so a comparison is a permalink.
The picker is a text box with the programmes as suggestions (a native datalist: keyboard and
phone friendly) and an Add button; each chosen programme has its own Remove button.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html

from dashboard import queries
from dashboard.cache import cached_query
from dashboard.components import (
    ChartView,
    Column,
    chart_block,
    chart_csv,
    choice_group,
    format_cell,
    hidden_controls,
    no_data,
    page_shell,
    register_choice_group,
    register_url_sync,
    state_id,
)
from dashboard.context import current_engine, page_title, request_language
from dashboard.figures import compare as fig
from dashboard.i18n import fmt_number, fmt_pct, t, tn
from dashboard.summaries import STATUS_TERMS
from pipelines.read import fold
from pipelines.vocab import SECTOR_BY_CODE

PAGE = "compare"
CHOSEN_ID = "compare-chosen"
SEARCH_ID = "compare-search"
OPTIONS_ID = "compare-options"
ADD_ID = "compare-add"
MESSAGE_ID = "compare-message"
CHOSEN_LIST_ID = "compare-chosen-list"
CONTENT_ID = "compare-content"
SORT_ID = "compare-sort"
RANKING_ID = "compare-ranking"
RANKING_BODY_ID = "compare-ranking-body"
RANKING_ROWS_ID = "compare-ranking-rows"
CONTROLS = (("programmes", CHOSEN_ID, "data"), ("sort", SORT_ID, "data"))
MIN_CHOSEN, MAX_CHOSEN = 2, 6
MAX_ASKED = 50  # slugs a choice callback looks up at most
SORT_KEYS = ("per_capita_t", "change_pct", "progress_pct", "programme")

dash.register_page(__name__, path="/compare", name="Compare", title=page_title("compare_heading"), order=4)


def parse_choice(text: str | None, known: list[str]) -> list[str]:
    """The URL's `programmes=a,b` as known slugs, each once, at most six, in the order given."""
    out = []
    for slug in (text or "").split(","):
        slug = slug.strip()
        if slug in known and slug not in out:
            out.append(slug)
    return out[:MAX_CHOSEN]


def layout(lang=None, programmes=None, sort=None, **_query) -> html.Div:
    lang = request_language(lang)
    # Every programme's slug, name and ranking row in one read: the picker and the ranking share it.
    ranked = queries.ranking(current_engine())
    if ranked.empty:
        return page_shell(PAGE, lang, t("compare_heading", lang), [no_data(lang, "no_programme"), placeholders()],
                          {}, CONTROLS)
    names = dict(zip(ranked["slug"], ranked["programme"], strict=True))
    chosen = parse_choice(programmes, list(names))
    sort = sort if sort in SORT_KEYS else SORT_KEYS[0]
    children = [
        html.P(t("compare_intro", lang), className="lead"),
        picker(names, chosen, lang),
        html.Div(id=CONTENT_ID, children=comparison(chosen, lang)),
        html.Div(id=RANKING_ID, children=ranking(ranked, lang, choice_group(
            SORT_ID, t("cmp_sort_legend", lang), [{"label": t(f"cmp_sort_{k}", lang), "value": k} for k in SORT_KEYS],
            sort))),
    ]
    return page_shell(PAGE, lang, t("compare_heading", lang), children,
                      {"programmes": ",".join(chosen) or None, "sort": sort}, CONTROLS)


def placeholders() -> html.Div:
    return hidden_controls((CHOSEN_ID, SORT_ID, RANKING_ROWS_ID),
                           (CONTENT_ID, RANKING_ID, CHOSEN_LIST_ID, MESSAGE_ID, RANKING_BODY_ID, OPTIONS_ID),
                           (dcc.Input(id=SEARCH_ID), html.Button(id=ADD_ID)))


def picker(names: dict[str, str], chosen: list[str], lang: str) -> html.Fieldset:
    """Search box with suggestions, Add button, the chosen programmes (`names`: slug → name) with
    Remove buttons. The suggestions are every programme's name, which the ranking's rows already
    carry to the page: the browser makes them (`roadmap.programmeOptions`), so the names are not
    sent twice and hundreds of option components are not built here for each page."""
    return html.Fieldset(className="choice compare-picker", children=[
        html.Legend(t("compare_picker_legend", lang)),
        html.Div(id=CHOSEN_LIST_ID, children=chosen_list(chosen, names, lang)),
        html.Label(t("compare_search_label", lang), htmlFor=SEARCH_ID),
        html.Div(className="compare-search", children=[
            dcc.Input(id=SEARCH_ID, type="text", list=OPTIONS_ID, autoComplete="off", debounce=False,
                      n_submit=0, value=""),
            html.Button(t("compare_add", lang), id=ADD_ID, className="button", type="button", n_clicks=0),
        ]),
        html.Datalist(id=OPTIONS_ID),
        html.P(id=MESSAGE_ID, role="status", className="compare-message"),
        dcc.Store(id=CHOSEN_ID, data=chosen),
    ])


def chosen_list(chosen: list[str], names: dict[str, str], lang: str) -> html.Ul | html.P:
    if not chosen:
        return html.P(t("compare_none_chosen", lang))
    return html.Ul(className="toggles compare-chosen", children=[
        html.Li(html.Button(
            [names.get(slug, slug), html.Span(" ×", **{"aria-hidden": "true"})],
            id={"remove": slug}, type="button", className="toggle", n_clicks=0,
            **{"aria-label": t("compare_remove", lang, name=names.get(slug, slug))},
        )) for slug in chosen
    ])


def names_of(table: pd.DataFrame) -> dict[str, str]:
    """slug → name of the programmes a query read (`queries.programmes`, `queries.chosen_programmes`)."""
    return dict(zip(table["slug"], table["name"], strict=True))


def find_programme(text: str, table: pd.DataFrame) -> tuple[str | None, list[str]]:
    """The slug a typed text names (exact name or slug, else the one name containing it), and
    the names that match when several do."""
    wanted = fold(text or "")
    if not wanted:
        return None, []
    for row in table.itertuples(index=False):
        if wanted in (fold(row.name), fold(row.slug), fold(row.area_name or "")):
            return row.slug, []
    matches = [row for row in table.itertuples(index=False) if wanted in fold(row.name)]
    if len(matches) == 1:
        return matches[0].slug, []
    return None, [m.name for m in matches[:5]]


def comparison(chosen: list[str], lang: str) -> list:
    """The four charts of the chosen programmes, or a request to choose 2 to 6."""
    if len(chosen) < MIN_CHOSEN:
        return [no_data(lang, "compare_choose_more")]
    return comparison_blocks(current_engine(), tuple(chosen), lang)


def _comparison_blocks(engine, chosen: tuple[str, ...], lang: str) -> list:
    # Only the chosen programmes' rows, not every programme's: a deployment may hold hundreds.
    data = queries.comparison_data(engine, chosen)
    picked = data.programmes.set_index("slug").loc[list(chosen)].reset_index()
    totals, status, sectors = data.totals, data.status, data.sectors
    return [
        chart_block(per_capita_view(picked, totals, lang), lang),
        chart_block(index_view(picked, totals, lang), lang),
        chart_block(progress_view(picked, status, totals, lang), lang),
        chart_block(sector_mix_view(picked, sectors, lang), lang),
    ]


# Public and the same for everyone: a comparison once drawn is kept per data version, like the
# queries (a permalink shared around is drawn once).
comparison_blocks = cached_query(_comparison_blocks)


def per_capita_view(picked: pd.DataFrame, totals: pd.DataFrame, lang: str) -> ChartView:
    table = fig.per_capita_table(picked, totals)
    table["complete_label"] = table["complete"].map(lambda c: t("yes" if c else "no", lang))
    table["population_label"] = table["has_population"].map(lambda c: t("yes" if c else "no", lang))
    known = table["per_capita_t"].notna().any()
    return ChartView(
        name="compare-per-capita", title=t("cmp_pc_title", lang), summary=per_capita_sentence(table, lang),
        # No programme with a population figure: its sentence says so and the table shows every
        # year as unknown; an empty frame with each programme in its legend would look drawn.
        figure=fig.line_figure(table, "per_capita_t", lang, t("cmp_pc_axis", lang), t("cmp_incomplete", lang))
        if known else None,
        table=table, columns=(
            Column("year", t("col_year", lang), "year"), Column("programme", t("col_programme", lang), "text"),
            Column("per_capita_t", t("col_per_capita", lang), "number"),
            Column("complete_label", t("col_complete", lang), "text"),
            Column("population_label", t("col_population_known", lang), "text"),
        ))


def per_capita_sentence(table: pd.DataFrame, lang: str) -> str:
    missing = sorted(set(table.loc[~table["has_population"], "programme"]))
    known = table.dropna(subset=["per_capita_t"])
    if known.empty:
        return t("cmp_pc_no_population", lang, names=", ".join(missing) or "–")
    year = int(known["year"].max())
    last = known[known["year"] == year].sort_values("per_capita_t")
    text = t("cmp_pc_summary", lang, year=year, high=last.iloc[-1]["programme"],
             high_value=fmt_number(last.iloc[-1]["per_capita_t"], lang, 2), low=last.iloc[0]["programme"],
             low_value=fmt_number(last.iloc[0]["per_capita_t"], lang, 2))
    return text + (" " + t("cmp_pc_no_population", lang, names=", ".join(missing)) if missing else "")


def index_view(picked: pd.DataFrame, totals: pd.DataFrame, lang: str) -> ChartView:
    table = fig.index_table(picked, totals)
    table["complete_label"] = table["complete"].map(lambda c: t("yes" if c else "no", lang))
    later = table[table["year"] > table["base_year"]].dropna(subset=["index"])
    if later.empty:
        summary = t("cmp_index_one_year", lang)
    else:
        last = later.sort_values("year").groupby("programme").tail(1).sort_values("index")
        best, worst = last.iloc[0], last.iloc[-1]
        summary = t("cmp_index_summary", lang, best=best["programme"], best_value=fmt_number(best["index"], lang, 1),
                    best_year=int(best["year"]), worst=worst["programme"],
                    worst_value=fmt_number(worst["index"], lang, 1), worst_year=int(worst["year"]))
    return ChartView(
        name="compare-index", title=t("cmp_index_title", lang), summary=summary,
        figure=fig.line_figure(table, "index", lang, t("cmp_index_axis", lang), t("cmp_incomplete", lang)),
        table=table, columns=(
            Column("year", t("col_year", lang), "year"), Column("programme", t("col_programme", lang), "text"),
            Column("index", t("col_index", lang), "number"), Column("base_year", t("col_base_year", lang), "year"),
            Column("complete_label", t("col_complete", lang), "text"),
        ))


def _status_labels(lang: str) -> dict[str, str]:
    return {**{code: term.label(lang) for code, term in STATUS_TERMS.items()}, "no_target": t("cmp_no_target", lang)}


def progress_view(picked: pd.DataFrame, status: pd.DataFrame, totals: pd.DataFrame, lang: str) -> ChartView:
    table = fig.progress_table(picked, status, totals)
    labels = _status_labels(lang)
    table["status_label"] = table["status"].map(lambda s: labels.get(s, s))
    known = table.dropna(subset=["progress_pct"]).sort_values("progress_pct", ascending=False)
    missing = list(table.loc[table["progress_pct"].isna(), "programme"])
    if known.empty:
        summary = t("cmp_progress_none", lang)
    else:
        summary = t("cmp_progress_summary", lang, best=known.iloc[0]["programme"],
                    best_value=fmt_pct(known.iloc[0]["progress_pct"], lang, 1))
        summary += t("cmp_progress_missing", lang, names=", ".join(missing)) if missing else ""
    return ChartView(
        name="compare-progress", title=t("cmp_progress_title", lang), summary=summary,
        # No progress known yet: its sentence and the table of statuses, no empty frame of bars.
        figure=None if known.empty else fig.progress_figure(table, lang, t("cmp_progress_axis", lang), labels),
        table=table,
        columns=(
            Column("programme", t("col_programme", lang), "text"),
            Column("progress_pct", t("col_progress", lang), "number"),
            Column("status_label", t("col_status", lang), "text"),
            Column("target_year", t("col_target_year", lang), "year"),
            Column("latest_year", t("col_latest_year", lang), "year"),
        ))


def sector_mix_view(picked: pd.DataFrame, sectors: pd.DataFrame, lang: str) -> ChartView:
    table = fig.sector_mix_table(picked, sectors)
    codes = [c for c in table.columns if c in SECTOR_BY_CODE]
    table["missing_label"] = table["missing"].map(
        lambda m: ", ".join(SECTOR_BY_CODE[c].label(lang) for c in m.split(",") if c in SECTOR_BY_CODE))
    items = []
    for row in table.itertuples(index=False):
        shares = {c: getattr(row, c) for c in codes if pd.notna(getattr(row, c))}
        if shares:
            top = max(shares, key=shares.get)
            items.append(f"{row.programme} {SECTOR_BY_CODE[top].label(lang).lower()} ({fmt_pct(shares[top], lang, 0)})")
    summary = t("cmp_mix_summary", lang, items="; ".join(items)) if items else t("cmp_mix_none", lang)
    # A year with a sector missing (suppressed, unknown): its shares are of the known sectors only,
    # which the chart's label and this sentence say (Oegstgeest's transport is 93 % of what is known).
    partial = [f"{row.programme} {int(row.year)}: {row.missing_label}" for row in table.itertuples(index=False)
               if row.missing_label and pd.notna(row.year)]
    if partial:
        summary += " " + t("cmp_mix_partial", lang, items="; ".join(partial))
    return ChartView(
        name="compare-sector-mix", title=t("cmp_mix_title", lang), summary=summary,
        figure=fig.sector_mix_figure(table, lang, t("cmp_mix_axis", lang), t("cmp_mix_incomplete", lang)),
        table=table,
        columns=(
            Column("programme", t("col_programme", lang), "text"), Column("year", t("col_year", lang), "year"),
            *(Column(c, f"{SECTOR_BY_CODE[c].label(lang)} (%)", "number") for c in codes),
            Column("missing_label", t("col_missing_sectors", lang), "text"),
        ))


def ranking(table: pd.DataFrame, lang: str, sort_choice: html.Fieldset) -> html.Section:
    """Every programme of the deployment (`queries.ranking`, by slug) in a table the browser sorts
    (`roadmap.sortRanking`): the rows, formatted here once, go to the page in a Store; a sort costs no request."""
    columns = (
        Column("programme", t("col_programme", lang), "text"),
        Column("latest_year", t("col_latest_year", lang), "year"),
        Column("per_capita_t", t("col_per_capita", lang), "number"),
        Column("change_pct", t("col_change", lang), "number"),
        Column("progress_pct", t("col_progress", lang), "number"),
    )
    view = ChartView(name="compare-ranking", title=t("cmp_rank_title", lang),
                     summary=tn("cmp_rank_summary", lang, len(table)), figure={}, table=table, columns=columns)
    rows = [{"cells": [format_cell(getattr(r, c.key), c.kind, lang) for c in columns],
             "sort": {k: (None if pd.isna(getattr(r, k)) else getattr(r, k)) for k in SORT_KEYS}}
            for r in table.itertuples(index=False)]
    ids = {k: {"role": k, "chart": view.name} for k in ("csv-button", "csv-download", "csv-data")}
    header = html.Tr([html.Th(c.label, scope="col", className="text" if c.kind == "text" else None) for c in columns])
    return html.Section(className="chart-block", **{"aria-labelledby": "compare-ranking-heading"}, children=[
        html.H2(view.title, id="compare-ranking-heading"),
        html.P(view.summary, className="chart-summary"),
        sort_choice,
        html.Div(className="table-scroll", tabIndex="0", role="region",
                 **{"aria-label": t("table_of", lang, title=view.title)},
                 children=html.Table(className="data-table", children=[
                     html.Caption(view.title), html.Thead(header), html.Tbody(id=RANKING_BODY_ID)])),
        dcc.Store(id=RANKING_ROWS_ID, data=rows),
        html.Button(t("download_csv", lang), id=ids["csv-button"], className="button", n_clicks=0, type="button"),
        dcc.Download(id=ids["csv-download"]),
        dcc.Store(id=ids["csv-data"], data={"filename": f"{view.name}.csv", "content": chart_csv(view)}),
    ])


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [placeholders()], {}, CONTROLS)


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, list(CONTROLS))
    register_choice_group(app, SORT_ID)

    @app.callback(
        Output(CHOSEN_ID, "data"), Output(SEARCH_ID, "value"), Output(MESSAGE_ID, "children"),
        Input(ADD_ID, "n_clicks"), Input(SEARCH_ID, "n_submit"), Input({"remove": ALL}, "n_clicks"),
        State(SEARCH_ID, "value"), State(CHOSEN_ID, "data"), State(state_id(PAGE), "data"),
        prevent_initial_call=True,
    )
    def change_choice(_add, _submit, _removes, text, chosen, state):
        return choose(ctx.triggered_id, ctx.triggered[0]["value"] if ctx.triggered else None,
                      text, list(chosen or []), state["lang"])

    @app.callback(
        Output(CHOSEN_LIST_ID, "children"), Output(CONTENT_ID, "children"),
        Input(CHOSEN_ID, "data"), State(state_id(PAGE), "data"), prevent_initial_call=True,
    )
    def show_choice(chosen, state):
        text = ",".join(chosen or [])
        # Only the programmes asked for are read (a few rows, not every programme); a Store the
        # page filled holds at most six, so a longer list (not from the page) is cut before the query.
        asked = tuple(dict.fromkeys(slug.strip() for slug in text.split(",") if slug.strip()))[:MAX_ASKED]
        names = names_of(queries.chosen_programmes(current_engine(), asked))
        chosen = parse_choice(text, list(names))
        return chosen_list(chosen, names, state["lang"]), comparison(chosen, state["lang"])

    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="sortRanking"),
        Output(RANKING_BODY_ID, "children"), Input(SORT_ID, "data"), Input(RANKING_ROWS_ID, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="programmeOptions"),
        Output(OPTIONS_ID, "children"), Input(RANKING_ROWS_ID, "data"),
    )


def choose(trigger, value, text: str | None, chosen: list[str], lang: str) -> tuple:
    """(new choice, text box, message) after an Add or a Remove."""
    no = dash.no_update
    table = queries.programmes(current_engine())
    names = names_of(table)
    if isinstance(trigger, dict):  # a Remove button (a new one appearing has no click yet)
        slug = trigger.get("remove")
        if not value or slug not in chosen:
            return no, no, no
        chosen.remove(slug)
        return chosen, no, t("compare_removed", lang, name=names.get(slug, slug))
    slug, several = find_programme(text or "", table)
    if slug is None:
        key = "compare_ambiguous" if several else "compare_not_found"
        return no, no, t(key, lang, text=(text or "").strip()[:80], names=", ".join(several))
    if slug in chosen:
        return no, "", t("compare_already", lang, name=names[slug])
    if len(chosen) >= MAX_CHOSEN:
        return no, no, t("compare_too_many", lang)
    return chosen + [slug], "", t("compare_added", lang, name=names[slug])
