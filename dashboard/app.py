"""The app factory: `create_app()` builds the Dash app (public pages + the workspace's auth hook)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import dash
import flask
from sqlalchemy import Engine

from dashboard.callback_errors import error_region, report_callback_error
from dashboard.compressed_assets import serve_assets_compressed
from dashboard.context import EXTENSION_KEY, DashboardContext, request_language
from pipelines.settings import Settings

HERE = Path(__file__).resolve().parent
PUBLIC_PAGES = ("overview", "sectors", "partners", "indicators", "compare", "methodology")
# Logged-in pages (each registered with `required_role`); their callbacks check the role too.
WORKSPACE_PAGES = (
    "upload", "imports",
    "progress_view", "coordinate_commitments", "coordinate_partners", "coordinate_targets", "coordinate_log",
    "coordinate_scenarios",
    "admin_users", "admin_programmes",
)

# No <footer> around the scripts (Dash's default puts one there: a second contentinfo
# landmark); `lang` is replaced per request, and by the pages when the language changes.
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <noscript>This dashboard needs JavaScript. Deze pagina heeft JavaScript nodig.</noscript>
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


_LOCALE_SCRIPT = re.compile(r'<script src="[^"]*/assets/plotly-locale-(\w+)\.js[^"]*"></script>\s*')
# Dash's babel polyfill (core-js for old browsers: ~300 ms of a page's main thread here) is replaced
# by assets/regenerator-runtime.js, the one global Dash's bundles call; no page uses dash_table.
_UNUSED_SCRIPTS = re.compile(
    r'<script src="[^"]*/_dash-component-suites/dash/(?:deps/polyfill@|dash_table/bundle)[^"]*"></script>\s*')


class RoadmapDash(dash.Dash):
    """Dash, with `<html lang>` set from the request's language on the first page load."""

    def interpolate_index(self, **kwargs) -> str:
        html = super().interpolate_index(**kwargs)
        lang = request_language() if flask.has_request_context() else "en"
        # Only the page's own plotly locale (English is plotly's own): a language change is a new
        # page load (the header's links), so the other locales would never be used on this one.
        html = _LOCALE_SCRIPT.sub(lambda found: found.group(0) if found.group(1) == lang else "", html)
        html = _UNUSED_SCRIPTS.sub("", html)
        return html.replace('<html lang="en">', f'<html lang="{lang}">', 1)


def use_skeleton_validation_layout(app: dash.Dash) -> None:
    """Ship page skeletons, not rendered pages, as Dash's validation layout.

    Left to itself, Dash Pages renders every page on the first request, with that request's data
    and session, and embeds the result in every page's HTML (300 kB for the demo): stale numbers,
    and for logged-in pages possibly private ones. Rendering them also cost that first request
    (each web worker's, each test's app) 0.2 s on the demo, and more on a big database. So the app
    starts with callback checks suppressed, which makes Dash skip that render; on the first
    request, after Dash's own first-request set-up, the pages' `validation_layout()` skeletons
    (all their callback ids, no data) become the validation layout and the checks are turned back
    on. Pages without a skeleton are left out.
    """

    @app.server.before_request
    def replace_validation_layout() -> None:
        if app.server.extensions.get("roadmap_skeleton_validation"):
            return
        skeletons = []
        for page in dash.page_registry.values():
            module = importlib.import_module(page["module"])
            if hasattr(module, "validation_layout"):
                skeletons.append(module.validation_layout())
        app.validation_layout = dash.html.Div([dash.page_container, *skeletons])
        app.config.suppress_callback_exceptions = False
        app.server.extensions["roadmap_skeleton_validation"] = True


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> dash.Dash:
    """Build the dashboard on `engine` (default: one for `settings.database_url`)."""
    from pipelines.db import make_engine, read_only

    settings = settings or Settings.from_env()
    engine = engine or make_engine(settings.database_url)
    app = RoadmapDash(
        "dashboard",  # the package: Dash Pages then names page modules dashboard.pages.*
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        compress=True,
        title="Climate roadmap",
        update_title=None,
        index_string=INDEX_STRING,
        serve_locally=True,
        on_error=report_callback_error,  # words on the page and a log line, never a blank
        suppress_callback_exceptions=True,  # until the first request: use_skeleton_validation_layout
    )
    app.server.extensions[EXTENSION_KEY] = DashboardContext(settings=settings, engine=engine,
                                                                 read_engine=read_only(engine))
    serve_assets_compressed(app.server)
    from dashboard.cache import install_cache
    from dashboard.proxies import trust_proxies

    install_cache(app.server, settings, engine)
    trust_proxies(app.server, settings)
    app.layout = dash.html.Div([dash.page_container, error_region()])
    use_skeleton_validation_layout(app)
    from dashboard.components import register_chart_callbacks

    register_chart_callbacks(app)
    for name in PUBLIC_PAGES + WORKSPACE_PAGES:
        importlib.import_module(f"dashboard.pages.{name}").register_callbacks(app)
    from dashboard.auth import install_auth
    from dashboard.http_headers import install_security_headers
    from dashboard.request_checks import install_request_checks

    install_auth(app, settings, engine)
    from dashboard.year_turn_check import install_year_turn_check

    install_year_turn_check(app.server, engine)
    install_security_headers(app, settings)
    install_request_checks(app)
    from dashboard.api import register_api

    register_api(app.server)
    from dashboard.request_limits import limit_request_bodies

    limit_request_bodies(app.server, settings)  # first of the before_request hooks
    return app
