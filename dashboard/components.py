"""Shared page parts: the page shell (header, navigation, language switch, main, footer), chart
blocks with their table view, CSV download and text summary, and accessible form controls."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
from dash import ClientsideFunction, Input, Output, State, dcc, html

from dashboard.context import current_programme
from dashboard.data_texts import data_language
from dashboard.embed_offer import embed_offer
from dashboard.i18n import fmt_auto, fmt_date, fmt_number, fmt_pct, is_missing, t
from dashboard.language_switch import language_switch, switch_languages, switch_link_id
from dashboard.security import current_account
from dashboard.workspace.common.nav import (
    drawn_for_visitor,
    logged_in_line,
    with_lang,
    workspace_home,
)
from pipelines.csv_safe import safe_frame
from pipelines.programme_registry import slug_for

# (page key, path): the public pages in navigation order.
PAGES = (
    ("overview", "/"),
    ("sectors", "/sectors"),
    ("partners", "/partners"),
    ("indicators", "/indicators"),
    ("compare", "/compare"),
    ("methodology", "/methodology"),
)
PAGE_PATHS = dict(PAGES)
GRAPH_CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False}


def graph_config(lang: str) -> dict:
    """Plotly's own labels (month names on date axes) in the page's language
    (assets/plotly-locale-nl.js, plotly-locale-fr.js; English is plotly's own)."""
    return {**GRAPH_CONFIG, "locale": lang} if lang in ("nl", "fr") else GRAPH_CONFIG


def url_id(page: str) -> str:
    return f"{page}-url"


def state_id(page: str) -> str:
    return f"{page}-state"


def page_href(path: str, params: dict) -> str:
    kept = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(kept)}" if kept else path


def page_shell(
    page: str,
    lang: str,
    heading: str,
    children: list,
    params: dict,
    controls: tuple = (),
    programme: str | None = None,
) -> html.Div:
    """A whole page: skip link, header with language switch, navigation, main, footer, URL state.

    `controls` are the page's (query parameter, component id, property) kept in the URL.
    """
    fixed = {"lang": lang, "programme": programme}
    params = {**fixed, **params}
    path = PAGE_PATHS[page]
    return html.Div(className="page", children=[
        html.A(t("skip_to_content", lang), href="#main", className="skip-link"),
        html.Header(className="site-header", children=[
            html.P(t("site_name", lang), className="site-name"),
            *_workspace_way_back(lang),
            language_switch(lang, lambda code: page_href(path, {**params, "lang": code}), page),
        ]),
        html.Nav(_nav_items(page, lang, programme), className="site-nav", **{"aria-label": t("nav_label", lang)}),
        html.Main(id="main", tabIndex="-1", className="content", children=[html.H1(heading), *children],
                  **image_source(programme, lang)),
        html.Footer(className="site-footer", children=[
            html.P(t("footer_text", lang)),
            html.P(dcc.Link(t("nav_methodology", lang), href=page_href("/methodology", {"lang": lang}))),
        ]),
        dcc.Location(id=url_id(page), refresh=False),
        dcc.Store(id=state_id(page), data={
            "path": path, "lang": lang, "languages": switch_languages(), "fixed": fixed, "programme": programme,
            "keys": [key for key, _, _ in controls],
        }),
    ])


def image_source(programme: str | None, lang: str) -> dict:
    """The data attributes a chart image takes from its page (assets/dashboard.js `saveChartImage`):
    the programme's slug for the file name and the source line; {date} is the day of the download."""
    prog = current_programme(programme)
    if prog is None:
        return {}
    return {"data-programme": prog.slug,
            "data-image-source": t("image_source", lang, name=prog.name, site=t("site_name", lang), date="{date}")}


def _workspace_way_back(lang: str) -> list:
    """For a logged-in visitor: who they are and a link back to their workspace home.

    Only while the page is drawn for its visitor (Dash's router); the skeletons Dash sends to
    everyone never name anyone.
    """
    account = current_account() if drawn_for_visitor() else None
    home = workspace_home(account.role) if account is not None else None
    if home is None:
        return []
    return [html.Div(className="ws-way-back", children=[
        logged_in_line(account.name, account.role, lang),
        html.A(t("to_workspace", lang), href=with_lang(home, lang)),
    ])]


def _nav_items(page: str, lang: str, programme: str | None) -> html.Ul:
    items = []
    for key, path in PAGES:
        label = [t(f"nav_{key}", lang)]
        if key == page:
            label.append(html.Span(f" ({t('current_page', lang)})", className="sr-only"))
        items.append(html.Li(dcc.Link(label, href=page_href(path, {"lang": lang, "programme": programme}),
                                      className="active" if key == page else None)))
    return html.Ul(items)


def register_url_sync(app, page: str, controls: list[tuple[str, str, str]]) -> None:
    """Keep the page's URL query (and the language switch's link) in step with its controls.

    `controls`: (query parameter, component id, property). Runs in the browser: no request.
    """
    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="syncUrl"),
        Output(url_id(page), "search"),
        *[Output(switch_link_id(page, code), "href") for code in switch_languages()],
        [Input(cid, prop) for _, cid, prop in controls] or [Input(state_id(page), "data")],
        State(state_id(page), "data"),
    )


def hidden_controls(store_ids: tuple[str, ...], container_ids: tuple[str, ...], extra: tuple = ()) -> html.Div:
    """The ids a page's callbacks expect, empty and hidden: a page with no data renders these
    instead of its controls, so the browser never looks for a component that is not there."""
    children = [dcc.Store(id=i) for i in store_ids] + [html.Div(id=i) for i in container_ids]
    return html.Div([*children, *extra], hidden=True)


def no_data(lang: str, message_key: str = "no_data_yet") -> html.Div:
    return html.Div(className="notice", role="status", children=[html.P(t(message_key, lang))])


def choice_group(
    group_id: str, legend: str, options: list[dict], value, multi: bool = False
) -> html.Fieldset:
    """Options as toggle buttons (aria-pressed) in a fieldset with a legend; the choice is in the
    Store `group_id` (a string, or a list of strings when `multi`).

    Dash 4's RadioItems/Checklist put role="option" on labels holding inputs and the Dropdown
    hides a focusable input: both fail axe. Plain buttons work with keyboard and screen reader.
    """
    chosen = {str(v) for v in value} if multi else {str(value)}
    buttons = [
        html.Button(
            option["label"], type="button", className="toggle",
            id={"toggle": group_id, "value": str(option["value"])},
            **({"lang": option["lang"]} if option.get("lang") else {}),  # a name not in the page's language
            **{"aria-pressed": "true" if str(option["value"]) in chosen else "false"},
        )
        for option in options
    ]
    data = sorted(chosen) if multi else (None if value is None else str(value))
    return html.Fieldset(className="choice", children=[
        html.Legend(legend),
        html.Div(buttons, className="toggles"),
        dcc.Store(id=group_id, data=data),
    ])


def register_choice_group(app, group_id: str, multi: bool = False) -> None:
    """In the browser: a click on an option updates the group's Store and the pressed states."""
    from dash import ALL

    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="toggleMulti" if multi else "toggleOne"),
        Output(group_id, "data"),
        Output({"toggle": group_id, "value": ALL}, "aria-pressed"),
        Input({"toggle": group_id, "value": ALL}, "n_clicks"),
        State({"toggle": group_id, "value": ALL}, "id"),
        State(group_id, "data"),
        prevent_initial_call=True,
    )


# --- charts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "number"  # year | int | number | kt | per (t per inhabitant) | pct | date | text | written
    lang: str | None = None  # the header's language when not the page's (a name without French)


@dataclass(frozen=True)
class ChartView:
    name: str
    title: str
    summary: str
    figure: dict | None  # None: nothing to draw (the summary says why), though there may be a table
    table: pd.DataFrame
    columns: tuple[Column, ...] = field(default_factory=tuple)
    title_lang: str | None = None  # the title's language when not the page's (a name without French)


def format_cell(value, kind: str, lang: str) -> str:
    if kind in ("text", "written"):
        if isinstance(value, str):  # first: is_missing would try float() on every name and raise
            return value
        return "" if is_missing(value) else str(value)
    if is_missing(value):
        return "–"
    if kind == "year":
        return str(int(value))
    if kind == "date":
        return fmt_date(value, lang)
    if kind == "int":
        return fmt_number(value, lang, 0)
    if kind == "kt":
        return fmt_number(value, lang, 1)
    if kind == "per":
        return fmt_number(value, lang, 2)
    if kind == "pct":
        return fmt_pct(value, lang, 1)
    return fmt_auto(value, lang, 6)


def chart_csv(view: ChartView) -> str:
    """The chart's data exactly as shown, as CSV (comma-separated, decimal point, UTF-8), with
    text that a spreadsheet could run as a formula quoted (pipelines.csv_safe)."""
    frame = view.table[[c.key for c in view.columns]].copy()
    frame.columns = [c.label for c in view.columns]
    return safe_frame(frame).to_csv(index=False, lineterminator="\n")


def table_content(view: ChartView, lang: str) -> dict:
    """What the chart's data table shows, formatted for `lang`: caption, columns (label, whether
    it holds text, the label's language, the language its cells are marked with) and the rows'
    cells as text. One source for the table drawn here (`data_table`) and the folded one drawn in
    the browser (`folded_table`)."""
    texts = ("text", "written")
    # What partners wrote is marked with its language when that is not the page's.
    written = data_language()
    columns = [{"label": c.label, "text": c.kind in texts, "lang": c.lang or None,
                "mark": written if c.kind == "written" and written != lang else None}
               for c in view.columns]
    rows = [[format_cell(v, c.kind, lang) for v, c in zip(row, view.columns, strict=True)]
            for row in view.table[[c.key for c in view.columns]].itertuples(index=False)]
    return {"caption": view.title, "captionLang": view.title_lang or None, "columns": columns, "rows": rows}


def _table_box(view: ChartView, lang: str, children, **extra) -> html.Div:
    """The scrollable, labelled region a data table sits in (scrollable on a phone)."""
    return html.Div(className="table-scroll", tabIndex="0", role="region",
                    **{"aria-label": t("table_of", lang, title=view.title)}, **extra, children=children)


def data_table(view: ChartView, lang: str) -> html.Div:
    """The chart's data as an HTML table (first column as row headers), scrollable on a phone."""
    content = table_content(view, lang)
    columns = content["columns"]

    def marked(column: dict, key: str) -> dict:
        return {"lang": column[key]} if column[key] else {}

    header = html.Tr([html.Th(c["label"], scope="col", className="text" if c["text"] else None, **marked(c, "lang"))
                      for c in columns])
    body = [html.Tr([html.Th(row[0], scope="row", **marked(columns[0], "mark"))] + [
        html.Td(v, className="text" if c["text"] else None, **marked(c, "mark"))
        for v, c in zip(row[1:], columns[1:], strict=True)
    ]) for row in content["rows"]]
    return _table_box(view, lang, html.Table(className="data-table", children=[
        html.Caption(view.title, **_lang_of(view)), html.Thead(header), html.Tbody(body),
    ]))


def folded_table(view: ChartView, lang: str) -> html.Details:
    """The chart's data table folded under "Show as a table". Its cells are drawn in the browser
    when it is opened (assets/dashboard.js, from the box's data-table attribute: the same
    `table_content`). Drawn with the page, the hidden cells of a page's folded tables (540
    components on the overview) cost React about 120 ms before the first chart is drawn."""
    box = _table_box(view, lang, [], id={"role": "table", "chart": view.name},
                     **{"data-table": json.dumps(table_content(view, lang), ensure_ascii=False)})
    return html.Details(className="table-view", children=[html.Summary(t("show_table", lang)), box])


def _lang_of(view: ChartView) -> dict:
    return {"lang": view.title_lang} if view.title_lang else {}


def chart_block(view: ChartView, lang: str, empty: bool = False, embed: str | None = None) -> html.Section:
    """Heading, chart, one-sentence summary, table view and CSV download of one chart; with
    `embed` (the chart's /embed/ address) an iframe snippet to copy."""
    ids = {k: {"role": k, "chart": view.name} for k in ("graph", "csv-button", "csv-download", "csv-data")}
    heading_id = f"{view.name}-heading"
    children = [html.H2(view.title, id=heading_id, **_lang_of(view)), chart_figure(view, lang, ids["graph"])]
    if not empty:
        children += [
            folded_table(view, lang),
            html.Div(className="chart-downloads", children=[
                html.Button(t("download_csv", lang), id=ids["csv-button"], className="button",
                            n_clicks=0, type="button"),
                *(image_buttons(view, lang) if view.figure is not None else []),
            ]),
            dcc.Download(id=ids["csv-download"]),
            dcc.Store(id=ids["csv-data"], data={"filename": f"{view.name}.csv", "content": chart_csv(view)}),
        ]
        if embed and view.figure is not None:  # a frame of a table-only block would show one sentence
            children.append(embed_offer(view.name, view.title, embed, lang))
    return html.Section(className="chart-block", children=children,
                        **{"aria-labelledby": heading_id})


def chart_figure(view: ChartView, lang: str, graph_id: dict | None = None) -> html.Figure | html.P:
    """The chart with its summary as caption; only the summary when there is nothing to draw (an
    empty frame of axes, or a sentence drawn into the chart, would be cut on a phone and read
    twice by a screen reader)."""
    if view.figure is None:
        return html.P(view.summary, className="chart-summary chart-none")
    graph = dcc.Graph(figure=view.figure, config=graph_config(lang), **({"id": graph_id} if graph_id else {}))
    return html.Figure(className="chart", **{"aria-label": view.summary}, children=[
        graph, html.Figcaption(view.summary, className="chart-summary"),
    ])


def image_buttons(view: ChartView, lang: str) -> list[html.Button]:
    """PNG and SVG downloads of the chart as shown, drawn in the browser by Plotly (no request):
    a click is handled in assets/dashboard.js, which adds the title, source line and date."""
    return [
        html.Button(t(f"download_{kind}", lang), type="button", className="button",
                    **{"data-image": kind, "data-title": view.title, "data-stem": slug_for(view.title)})
        for kind in ("png", "svg")
    ]


def table_block(view: ChartView, lang: str) -> html.Section:
    """A table shown as such (no chart) with its heading, summary and CSV download."""
    ids = {k: {"role": k, "chart": view.name} for k in ("csv-button", "csv-download", "csv-data")}
    heading_id = f"{view.name}-heading"
    return html.Section(className="chart-block", **{"aria-labelledby": heading_id}, children=[
        html.H2(view.title, id=heading_id, **_lang_of(view)),
        html.P(view.summary, className="chart-summary"),
        data_table(view, lang),
        html.Button(t("download_csv", lang), id=ids["csv-button"], className="button", n_clicks=0,
                    type="button"),
        dcc.Download(id=ids["csv-download"]),
        dcc.Store(id=ids["csv-data"], data={"filename": f"{view.name}.csv", "content": chart_csv(view)}),
    ])


def register_chart_callbacks(app) -> None:
    """The CSV download of every chart, in the browser from the data the chart shows."""
    from dash import MATCH

    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="downloadCsv"),
        Output({"role": "csv-download", "chart": MATCH}, "data"),
        Input({"role": "csv-button", "chart": MATCH}, "n_clicks"),
        State({"role": "csv-data", "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
