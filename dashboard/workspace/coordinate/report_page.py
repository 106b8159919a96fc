"""`GET /coordinate/report`: the printable progress report, a plain HTML page for coordinators.

No navigation and no scripts; a print stylesheet gives A4 pages: a cover with the headline numbers,
the summary and where the numbers come from, then the sections flowing on without near-empty
pages (headings kept with their content, charts and short tables never split), table headers
repeated on every page. Everything is rendered by Jinja with autoescaping, so a
partner called '<script>' prints as text. Residents are sent to the login page, analysts get 403.
"""

from __future__ import annotations

import dash
from flask import Response, redirect, render_template_string, request
from werkzeug.exceptions import Forbidden

from dashboard import queries
from dashboard.context import current, current_engine, current_programme, request_language
from dashboard.i18n import t
from dashboard.login_views import login_url
from dashboard.sections.targets_and_gap import pick_target
from dashboard.security import current_account, current_user_name, has_role
from dashboard.workspace.common.local_time import zone
from dashboard.workspace.common.nav import COORD_PROGRESS_PATH, COORD_REPORT_PATH
from dashboard.workspace.coordinate.report import build_report

KEEP_ROWS = 12  # a section whose table is this short prints whole: never a page of three rows

REPORT_PAGE = """<!DOCTYPE html>
<html lang="{{ r.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ r.title }} · {{ r.programme }}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem 3rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin: 0.25rem 0 0.25rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; border-bottom: 2px solid #004488; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.35rem; color: #004488; }
.meta { color: #4d4d4d; margin: 0 0 0.5rem; }
.cover { border-top: 8px solid #004488; padding-top: 0.75rem; margin-bottom: 1.5rem; }
.cover-grid { display: grid; grid-template-columns: 3fr 2fr; gap: 0 1.5rem; }
.provenance { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; font-size: 0.9rem; }
.provenance dt { color: #4d4d4d; }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
.contents { margin: 0; padding-left: 1.25rem; font-size: 0.9rem; }
.screen-only { background: #f3f5f8; border-left: 4px solid #004488; padding: 0.5rem 0.75rem; }
a { color: #004488; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0.75rem 0; }
.fact { border-left: 4px solid #004488; background: #f3f5f8; padding: 0.4rem 0.6rem; }
.fact dt { font-size: 0.85rem; color: #4d4d4d; }
.fact dd { margin: 0; font-size: 1.15rem; font-weight: 700; }
section { margin-top: 2rem; }
figure { margin: 0.5rem 0; }
.chart-key { font-size: 0.85rem; color: #4d4d4d; margin: 0.25rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid #c8c8c8; padding: 0.25rem 0.4rem; text-align: right; vertical-align: top; }
th:first-child, th.text, td.text { text-align: left; }
thead th { background: #f3f5f8; }
.confidential { font-size: 0.85rem; color: #4d4d4d; }
/* On a narrow screen a wide table scrolls inside its box, not the whole page (print: all of it). */
.table-scroll { overflow-x: auto; max-width: 100%; }
th[scope="col"] { overflow-wrap: break-word; }
@media (max-width: 40rem) { .cover-grid { grid-template-columns: 1fr; } table { font-size: 0.8rem; } }
@page { size: A4; margin: 14mm 13mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  .screen-only { display: none; }
  .table-scroll { overflow: visible; }
  /* The sections flow on from one another (no page per section, which left pages holding three
     rows); what must stay whole is kept whole: a heading with what follows it, a chart with its
     heading and sentence, a short section as a block, a table row. Long tables break between
     rows and repeat their header. */
  section { margin-top: 1.25rem; }
  h2, h3, caption, .lead { break-after: avoid; }
  .lead, figure, .facts, .fact, .keep, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Compact tables: names get the room (one line where they can), numbers never wrap. */
  table { font-size: 8.5pt; line-height: 1.25; }
  th, td { padding: 0.12rem 0.3rem; }
  tbody th { min-width: 11em; }
  td:not(.text) { white-space: nowrap; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<main>
<p class="screen-only">{{ hint }} <a href="{{ back }}">{{ back_text }}</a></p>
<header class="cover">
<h1>{{ r.title }}{{ colon }}{{ r.programme }}</h1>
<p class="meta">{{ target_label }}{{ colon }}{{ r.target_set }} · {{ made_text }}</p>
{% if r.facts %}<dl class="facts">{% for label, value in r.facts %}
<div class="fact"><dt>{{ label }}</dt><dd>{{ value }}</dd></div>{% endfor %}
</dl>{% endif %}
<div class="cover-grid">
<div>
<h2 id="report-summary-h">{{ summary_heading }}</h2>
<p>{{ r.summary }}</p>
<p class="confidential">{{ confidential }}</p>
</div>
<div>
<h3>{{ provenance_heading }}</h3>
<dl class="provenance">{% for label, value in r.provenance %}<dt>{{ label }}</dt><dd>{{ value }}</dd>{% endfor %}</dl>
<h3>{{ contents_heading }}</h3>
<ol class="contents">{% for s in r.sections %}<li><a href="#report-{{ s.key }}">{{ s.title }}</a></li>{% endfor %}</ol>
</div>
</div>
</header>
{% for s in r.sections %}
<section id="report-{{ s.key }}" aria-labelledby="report-{{ s.key }}-h"{% if not s.table or s.table.rows|length <= keep_rows %} class="keep"{% endif %}>
<div class="lead">
<h2 id="report-{{ s.key }}-h">{{ s.title }}</h2>
<p>{{ s.summary }}</p>
{% if s.chart %}<figure>{{ s.chart }}{% if s.lines %}<figcaption class="chart-key">{{ s.lines|join(" ") }}</figcaption>{% endif %}</figure>{% endif %}
</div>
{% if s.table %}<div class="table-scroll" role="region" tabindex="0" aria-label="{{ table_label(s.table.caption) }}"><table>
<caption>{{ s.table.caption }}</caption>
<thead><tr>{% for h in s.table.headers %}<th scope="col"{% if loop.first or s.table.text[loop.index0] %} class="text"{% endif %}>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in s.table.rows %}<tr><th scope="row" class="text">{{ row[0] }}</th>{% for cell in row[1:] %}<td{% if s.table.text[loop.index] %} class="text"{% endif %}>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table></div>{% endif %}
</section>
{% endfor %}
</main>
</body>
</html>
"""


def report_view() -> Response:
    """The report of the programme and target set in the query (?programme=, ?target=, ?lang=)."""
    if current_account() is None:
        return redirect(login_url(request.full_path.rstrip("?"), request_language()), code=303)
    if not has_role("coordinator"):
        raise Forbidden("The progress report needs the coordinator role.")
    lang = request_language()
    prog = current_programme(request.args.get("programme"))
    if prog is None:
        return Response(t("no_programme", lang), status=404, mimetype="text/plain")
    engine = current_engine()
    sets = queries.target_sets(engine, prog.id)
    target_id = pick_target(sets, request.args.get("target"))
    target = None if target_id is None else sets[sets["id"] == target_id].iloc[0]
    report = build_report(engine, prog, target, lang, current_user_name() or "",
                          tz=zone(current().settings.timezone))
    page = render_template_string(
        REPORT_PAGE, r=report, hint=t("coord_report_hint", lang), back=f"{COORD_PROGRESS_PATH}?lang={lang}",
        back_text=t("coord_report_back", lang), target_label=t("target_set", lang),
        made_text=t("coord_report_made", lang, date=report.made_on, name=report.made_by),
        confidential=t("coord_report_confidential", lang), keep_rows=KEEP_ROWS,
        summary_heading=t("report_cover_summary", lang), provenance_heading=t("report_cover_provenance", lang),
        contents_heading=t("report_cover_contents", lang), colon="\u00a0: " if lang == "fr" else ": ",
        table_label=lambda caption: t("table_of", lang, title=caption),
    )
    response = Response(page, mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"  # non-public figures: never cached
    return response


def register_report_route(dash_app: dash.Dash) -> None:
    """Add GET /coordinate/report to the app's server."""
    dash_app.server.add_url_rule(COORD_REPORT_PATH, "roadmap_coordinator_report",
                                 report_view, methods=["GET"])
