"""Embeds: one chart of the overview on a page of its own, for an iframe on the city's site.

`/embed/overview/<chart>?lang=nl&programme=leuven&target=…&breakdown=…&per=inhabitant` draws the chart the
overview shows with the same query (its permalink state), with its title, its text summary, a
source line and a link to the whole page; no navigation. Who may frame these pages is the
EMBED_FRAME_ANCESTORS setting (dashboard/http_headers.py); the other pages keep FRAME_ANCESTORS.
"""

from __future__ import annotations

from datetime import date

import dash
from dash import dcc, html

from dashboard import queries
from dashboard.components import ChartView, graph_config, image_source, no_data, page_href
from dashboard.context import (
    ProgrammeInfo,
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.i18n import fmt_date, t
from dashboard.sections.overview_sections import (
    gap_chart,
    sectors_chart,
    trajectory_chart,
)
from dashboard.sections.per_inhabitant import chosen_per
from dashboard.sections.targets_and_gap import pick_target

# chart name in the URL → what draws it; "emissions" is the overview's trajectory.
OVERVIEW_CHARTS = ("emissions", "sectors", "gap")

dash.register_page(__name__, path_template="/embed/<section>/<chart>", name="Embed",
                   title=page_title("site_name"))


def layout(section=None, chart=None, lang=None, programme=None, target=None, breakdown=None, per=None,
           **_query) -> html.Main:
    lang = request_language(lang)
    prog = current_programme(programme)
    if prog is None:
        return _main(lang, programme, t("site_name", lang), [no_data(lang, "no_programme")])
    if section != "overview" or chart not in OVERVIEW_CHARTS:
        charts = ", ".join(f"/embed/overview/{name}" for name in OVERVIEW_CHARTS)
        return _main(lang, programme, t("site_name", lang),
                     [no_data(lang, "no_data_yet"), html.P(t("embed_unknown_chart", lang, charts=charts))])
    target_id = pick_target(queries.target_sets(current_engine(), prog.id), target)
    per = chosen_per(per)
    view = _view(prog, chart, target_id, breakdown, per, lang)
    params = {"lang": lang, "programme": prog.slug, "target": target_id,
              "breakdown": breakdown if chart == "sectors" else None, "per": per}
    if view is None:
        return _main(lang, programme, t("overview_heading", lang), [no_data(lang)], params)
    return _main(lang, programme, view.title, [
        html.Figure(className="chart", **{"aria-label": view.summary}, children=[
            dcc.Graph(figure=view.figure, config=graph_config(lang)),
            html.Figcaption(view.summary, className="chart-summary"),
        ]),
    ], params, prog)


def _view(prog: ProgrammeInfo, chart: str, target_id: int | None, breakdown, per: str,
          lang: str) -> ChartView | None:
    if chart == "emissions":
        return trajectory_chart(prog, target_id, lang, per)
    if chart == "sectors":
        return sectors_chart(prog.id, "share" if breakdown == "share" else "absolute", lang, per, prog.target_year)[0]
    summary = queries.summary(current_engine(), prog.id, target_id) if target_id else {}
    return gap_chart(summary, prog.id, lang)[0]


def _main(lang: str, programme: str | None, title: str, children: list, params: dict | None = None,
          prog: ProgrammeInfo | None = None) -> html.Main:
    """Title, content, source line and a link to the whole page (in a new tab: the frame stays)."""
    footer = []
    if prog is not None:
        source = t("image_source", lang, name=prog.name, site=t("site_name", lang), date=fmt_date(date.today(), lang))
        footer.append(html.P(source, className="embed-source"))
    footer.append(html.P(html.A(t("embed_full_page", lang, site=t("site_name", lang)),
                                href=page_href("/", params or {"lang": lang, "programme": programme}),
                                target="_blank", rel="noopener")))
    return html.Main(id="main", className="embed", children=[html.H1(title), *children, *footer],
                     **image_source(programme, lang))
