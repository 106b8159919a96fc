"""What a page or callback needs from the running app: the engine, the settings, the language.

The app factory stores one `DashboardContext` on its Flask server (`server.extensions`), so pages
and callbacks find it through Flask's application context instead of a module global.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

import flask
from sqlalchemy import Engine

from dashboard import queries
from dashboard.cache import cached_query
from dashboard.i18n import pick_language
from pipelines.settings import Settings

EXTENSION_KEY = "roadmap_dashboard"


@dataclass(frozen=True)
class DashboardContext:
    settings: Settings
    engine: Engine  # for writes, all through pipelines' write functions
    read_engine: Engine  # the same pool, every transaction read-only (pipelines.db.read_only)


@dataclass(frozen=True)
class ProgrammeInfo:
    id: int
    slug: str
    name: str
    area_name: str | None
    baseline_year: int
    target_year: int
    scope_note: str | None
    population_indicator: str | None


def current() -> DashboardContext:
    """The context of the app serving the current request."""
    return flask.current_app.extensions[EXTENSION_KEY]


def current_engine() -> Engine:
    """The engine pages and callbacks read through: read-only in the database itself, so a bug in
    a page cannot write."""
    return current().read_engine


def write_engine() -> Engine:
    """The engine for a call into one of pipelines' write functions (a save, an import, an undo,
    and an import's dry run, which writes and rolls back), after the callback checked the role."""
    return current().engine


def current_programme(slug: str | None = None) -> ProgrammeInfo | None:
    """The programme the public pages show: the URL's, else the configured one, else the first."""
    ctx = current()
    known = _programmes(ctx.read_engine)
    for wanted in (slug, ctx.settings.programme):
        found = next((p for p in known if wanted and p.slug == wanted), None)
        if found:
            return found
    return known[0] if known else None


@cached_query
def _programmes(engine: Engine) -> tuple[ProgrammeInfo, ...]:
    """Every programme, by slug, kept per data version as small objects: every callback asks,
    and unpickling and filtering the programmes' DataFrame took longer than the rest of a
    cached callback's own work."""
    table = queries.programmes(engine)
    return tuple(_programme_info(table.iloc[i]) for i in range(len(table)))


def _programme_info(row) -> ProgrammeInfo:
    return ProgrammeInfo(
        id=int(row["id"]), slug=row["slug"], name=row["name"], area_name=row["area_name"],
        baseline_year=int(row["baseline_year"]), target_year=int(row["target_year"]),
        scope_note=row["scope_note"], population_indicator=row["population_indicator"],
    )


def _search_of_callback_request() -> str:
    """The page URL's query string, as a Dash callback request carries it (pages router input)."""
    body = flask.request.get_json(silent=True) or {}
    for item in body.get("inputs", []) + body.get("state", []):
        if isinstance(item, dict) and item.get("id") == "_pages_location" and item.get("property") == "search":
            return item.get("value") or ""
    return ""


def request_language(requested: str | None = None) -> str:
    """The language of this request: asked for, else the URL's `lang`, else Accept-Language."""
    if requested is None and flask.has_request_context():
        if flask.request.method == "GET":
            requested = flask.request.args.get("lang")
        else:
            values = parse_qs(_search_of_callback_request().lstrip("?")).get("lang")
            requested = values[0] if values else None
    header = flask.request.headers.get("Accept-Language") if flask.has_request_context() else None
    return pick_language(requested, header)


def page_title(key: str):
    """A Dash Pages title function: the page's name in the request's language."""
    from dashboard.i18n import t

    def title(**_path_variables) -> str:
        lang = request_language()
        return f"{t(key, lang)} · {t('site_name', lang)}"

    return title
