"""Embeds: one chart of the overview or the sectors page on a page of its own, for an iframe on
the city's site.

`/embed/overview/<chart>?lang=nl&programme=leuven&target=…&breakdown=…&per=inhabitant` draws the chart the
overview shows with the same query (its permalink state); `/embed/sectors/<sector>?target=…&per=…`
the sector's trajectory as the sectors page shows it, and `/embed/sectors/<sector>?indicator=CODE`
one of its activity indicators. Each with its title, its text summary, a source line and a link to
the whole page; no navigation. Who may frame these pages is the
EMBED_FRAME_ANCESTORS setting (dashboard/http_headers.py); the other pages keep FRAME_ANCESTORS.
"""

from __future__ import annotations

from datetime import date

import dash
from dash import html

from dashboard import queries
from dashboard.components import ChartView, chart_figure, image_source, no_data, page_href
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
from dashboard.sections.sector_charts import activity_views, sector_trajectory
from dashboard.sections.targets_and_gap import pick_target
from pipelines.vocab import SECTOR_BY_CODE

# chart name in the URL → what draws it; "emissions" is the overview's trajectory.
OVERVIEW_CHARTS = ("emissions", "sectors", "gap")

dash.register_page(__name__, path_template="/embed/<section>/<chart>", name="Embed",
                   title=page_title("site_name"))


def layout(section=None, chart=None, lang=None, programme=None, target=None, breakdown=None, per=None,
           indicator=None, **_query) -> html.Main:
    lang = request_language(lang)
    prog = current_programme(programme)
    if prog is None:
        return _main(lang, programme, t("site_name", lang), [no_data(lang, "no_programme")])
    per = chosen_per(per)
    if section == "sectors" and chart in SECTOR_BY_CODE and SECTOR_BY_CODE[chart].parent is None:
        return _sector_embed(prog, chart, target, per, indicator, lang)
    if section != "overview" or chart not in OVERVIEW_CHARTS:
        charts = ", ".join([*(f"/embed/overview/{name}" for name in OVERVIEW_CHARTS), "/embed/sectors/<sector>"])
        return _main(lang, programme, t("site_name", lang),
                     [no_data(lang, "no_data_yet"), html.P(t("embed_unknown_chart", lang, charts=charts))])
    target_id = pick_target(queries.target_sets(current_engine(), prog.id), target)
    view = _view(prog, chart, target_id, breakdown, per, lang)
    params = {"lang": lang, "programme": prog.slug, "target": target_id,
              "breakdown": breakdown if chart == "sectors" else None, "per": per}
    return _chart_page(view, lang, prog, params, "/")


def _sector_embed(prog: ProgrammeInfo, sector: str, target, per: str, indicator, lang: str) -> html.Main:
    """The sector's trajectory, or (`indicator`) one of its activity indicators, as the sectors page draws it."""
    engine = current_engine()
    if indicator is None:
        trajectory = sector_trajectory(engine, prog, sector, target, lang, per)
        view: ChartView | None = trajectory.view
        params = {"lang": lang, "programme": prog.slug, "sector": sector, "target": trajectory.target_id, "per": per}
    else:
        found = dict(activity_views(engine, prog.id, sector, lang, prog.target_year))
        view = found.get(indicator)
        params = {"lang": lang, "programme": prog.slug, "sector": sector}
    return _chart_page(view, lang, prog, params, "/sectors")


def _chart_page(view: ChartView | None, lang: str, prog: ProgrammeInfo, params: dict, page: str) -> html.Main:
    if view is None:
        return _main(lang, prog.slug, t("overview_heading", lang), [no_data(lang)], params, page=page)
    return _main(lang, prog.slug, view.title, [chart_figure(view, lang)], params, prog, page)


def _view(prog: ProgrammeInfo, chart: str, target_id: int | None, breakdown, per: str,
          lang: str) -> ChartView | None:
    if chart == "emissions":
        return trajectory_chart(prog, target_id, lang, per)
    if chart == "sectors":
        return sectors_chart(prog.id, "share" if breakdown == "share" else "absolute", lang, per, prog.target_year)[0]
    summary = queries.summary(current_engine(), prog.id, target_id) if target_id else {}
    return gap_chart(summary, prog.id, lang)[0]


def _main(lang: str, programme: str | None, title: str, children: list, params: dict | None = None,
          prog: ProgrammeInfo | None = None, page: str = "/") -> html.Main:
    """Title, content, source line and a link to the whole page (in a new tab: the frame stays)."""
    footer = []
    if prog is not None:
        source = t("image_source", lang, name=prog.name, site=t("site_name", lang), date=fmt_date(date.today(), lang))
        footer.append(html.P(source, className="embed-source"))
    footer.append(html.P(html.A(t("embed_full_page", lang, site=t("site_name", lang)),
                                href=page_href(page, params or {"lang": lang, "programme": programme}),
                                target="_blank", rel="noopener")))
    return html.Main(id="main", className="embed", children=[html.H1(title), *children, *footer],
                     **image_source(programme, lang))
