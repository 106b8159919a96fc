"""The open data API's endpoints under /api/v1/: read-only, public, JSON and CSV."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import flask
from sqlalchemy import Engine, select
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from dashboard import queries
from dashboard.api import http, tables
from dashboard.api.csv_text import csv_response
from dashboard.api.emissions import emissions_table
from dashboard.api.http import ApiError, conditional, json_response
from dashboard.context import current_engine
from pipelines import open_data
from pipelines.errors import Bilingual, UserError
from pipelines.schema import Programme

blueprint = flask.Blueprint("open_data_api", __name__, url_prefix=http.PREFIX)
PROGRAMME_FIELDS = (
    "slug", "name", "area_name", "area_code", "baseline_year", "target_year", "scope_note",
)


@dataclass(frozen=True)
class ApiProgramme:
    id: int
    slug: str
    name: str
    area_name: str | None
    area_code: str | None
    baseline_year: int
    target_year: int
    scope_note: str | None
    data_version: str

    def public(self) -> dict:
        return {name: getattr(self, name) for name in PROGRAMME_FIELDS}


def programme_rows(engine: Engine, slug: str | None = None) -> list[ApiProgramme]:
    """Every programme (or the one with `slug`) with its data version, by slug."""
    p = Programme
    query = select(
        p.id, p.slug, p.name, p.area_name, p.area_code, p.baseline_year, p.target_year,
        p.scope_note, p.data_version,
    ).order_by(p.slug)
    if slug is not None:
        query = query.where(p.slug == slug)
    with engine.connect() as conn:
        return [ApiProgramme(**row._asdict()) for row in conn.execute(query)]


def find_programme(engine: Engine, slug: str) -> ApiProgramme:
    """The programme with this slug and its current data version (404 when there is none)."""
    # PostgreSQL refuses NUL in text; no slug holds one.
    found = programme_rows(engine, slug) if "\x00" not in slug else []
    if not found:
        raise ApiError(404, "unknown_programme", Bilingual(
            f"No programme {slug!r}; /api/v1/programmes lists them.",
            f"Geen programma {slug!r}; /api/v1/programmes somt ze op.",
            f"Pas de programme {slug!r} ; /api/v1/programmes les énumère.",
        ))
    return found[0]


def get(rule: str) -> Callable:
    """Register a GET-only view (HEAD comes with it; any other method gets the API's 405)."""
    def register(view: Callable) -> Callable:
        blueprint.add_url_rule(rule, view_func=view, methods=["GET"], provide_automatic_options=False)
        return view

    return register


def programme_view(rule: str) -> Callable:
    """A view of one programme: gets it (and the engine), answers 304 while its data is unchanged."""
    def register(build: Callable[[Engine, ApiProgramme], flask.Response]) -> Callable:
        def view(slug: str, **_more_path) -> flask.Response:
            engine = current_engine()
            programme = find_programme(engine, slug)
            # Parameters are checked first: a bad one is a 400 even for a client holding an ETag.
            build_now = build(engine, programme)
            return conditional(f"{programme.data_version} {http.request_variant()}", build_now)

        view.__name__ = build.__name__
        get(f"/programmes/<slug>{rule}")(view)
        return build

    return register


@blueprint.errorhandler(ApiError)
def _api_error(error: ApiError) -> flask.Response:
    return http.error_response(error)


@blueprint.before_app_request
def _only_get() -> flask.Response | None:
    # Dash's catch-all page route would answer OPTIONS on any path: the API's own rules cannot.
    if flask.request.path.startswith(http.PREFIX) and flask.request.method not in {"GET", "HEAD"}:
        return http.http_error_response(MethodNotAllowed(valid_methods=["GET", "HEAD"]))
    return None


@blueprint.app_errorhandler(405)
def _method_not_allowed(error: HTTPException):
    # Routing errors belong to no blueprint: this handler is the app's, so it keeps other paths'.
    if flask.request.path.startswith(http.PREFIX):
        return http.http_error_response(error)
    return error


@get("/programmes")
def programmes() -> flask.Response:
    engine = current_engine()
    rows = programme_rows(engine)  # read first: their data versions make the ETag
    body = [{**p.public(), "links": programme_links(p.slug)} for p in rows]
    versions = ",".join(f"{p.id}:{p.data_version}" for p in rows)
    return conditional(versions, lambda: json_response({"data": body}))


def programme_links(slug: str) -> dict[str, str]:
    base = f"{http.PREFIX}/programmes/{slug}"
    names = ("status", "emissions.json", "emissions.csv", "observations", "indicators", "targets",
             "commitments", "partners", "datapackage.json", "dcat.jsonld")
    return {"self": base, **{name: f"{base}/{name}" for name in names}}


@programme_view("")
def programme(engine: Engine, p: ApiProgramme):
    return lambda: json_response({**p.public(), "links": programme_links(p.slug)})


@programme_view("/status")
def status(engine: Engine, p: ApiProgramme):
    from pipelines.status_report import status_summary

    target = http.text_arg("target")
    year = http.int_arg("year", 0, 1900, 2200) if "year" in flask.request.args else None

    def build() -> flask.Response:
        try:
            summary = status_summary(engine, p.id, target, year)
        except UserError as error:
            raise ApiError(404, "no_status", Bilingual(
                str(error), f"Geen stand van zaken beschikbaar: {error}",
                f"Aucun état des lieux disponible : {error.in_language('fr')}")) from error
        # Serialised as `roadmap status --json` does, so the two are the same object.
        text = json.dumps(summary, ensure_ascii=False)
        return flask.Response(text, mimetype=http.JSON_TYPE)

    return build


@programme_view("/emissions.json")
def emissions_json(engine: Engine, p: ApiProgramme):
    emissions = emissions_table(engine, p.id, p.scope_note)

    def build() -> flask.Response:
        _, rows, meta = emissions()
        return json_response({"data": rows, "meta": meta})

    return build


@programme_view("/emissions.csv")
def emissions_csv(engine: Engine, p: ApiProgramme):
    emissions = emissions_table(engine, p.id, p.scope_note)

    def build() -> flask.Response:
        table, rows, _ = emissions()
        suffix = "-per-inhabitant" if table is tables.EMISSIONS_PER_INHABITANT else ""
        return csv_response(table.columns, rows, f"{p.slug}-emissions{suffix}.csv")

    return build


def _observation_args() -> tuple[bool, str | None]:
    return http.flag_arg("history"), http.text_arg("indicator")


@programme_view("/observations")
def observations(engine: Engine, p: ApiProgramme):
    history, indicator = _observation_args()
    limit, offset = http.page_args()

    def build() -> flask.Response:
        total = open_data.count_observations(engine, p.id, history=history, indicator=indicator)
        rows = open_data.observations(engine, p.id, history=history, indicator=indicator,
                                      limit=limit, offset=offset)
        return http.paged(rows, total, limit, offset, history=history)

    return build


@programme_view("/observations.csv")
def observations_csv(engine: Engine, p: ApiProgramme):
    history, indicator = _observation_args()
    columns = tables.OBSERVATIONS.columns + (
        tuple(f.name for f in tables.HISTORY_FIELDS) if history else ())
    return lambda: csv_response(
        columns, open_data.observations(engine, p.id, history=history, indicator=indicator),
        f"{p.slug}-observations{'-history' if history else ''}.csv",
    )


def _table_rows(name: str, engine: Engine, programme_id: int) -> list[dict]:
    """The rows of a public table, from the same cached queries the pages use."""
    table = {"indicators": tables.INDICATORS, "commitments": tables.COMMITMENTS,
             "partners": tables.PARTNERS}[name]
    frame = {
        "indicators": lambda: queries.indicators(engine, programme_id, with_data=False),
        "commitments": lambda: queries.commitments(engine, programme_id),
        "partners": lambda: queries.partners(engine, programme_id),
    }[name]()
    return http.plain_records(frame, table.columns)


def _list_views(name: str) -> None:
    def paged_list(engine: Engine, p: ApiProgramme):
        limit, offset = http.page_args()

        def build() -> flask.Response:
            rows = _table_rows(name, engine, p.id)
            return http.paged(rows[offset:offset + limit], len(rows), limit, offset)

        return build

    def csv_list(engine: Engine, p: ApiProgramme):
        table = {t.name: t for t in tables.TABLES}[name]
        return lambda: csv_response(table.columns, _table_rows(name, engine, p.id), f"{p.slug}-{name}.csv")

    paged_list.__name__, csv_list.__name__ = name, f"{name}_csv"
    programme_view(f"/{name}")(paged_list)
    programme_view(f"/{name}.csv")(csv_list)


for _name in ("indicators", "commitments", "partners"):
    _list_views(_name)


@programme_view("/targets")
def targets(engine: Engine, p: ApiProgramme):
    return lambda: json_response({"data": open_data.targets_document(engine, p.id),
                                  "meta": {"unit": tables.T_CO2E}})


@get("/<path:rest>")
def unknown(rest: str) -> flask.Response:
    raise ApiError(404, "not_found", Bilingual(
        "No such API endpoint; see /api/v1/openapi.json.",
        "Dit API-adres bestaat niet; zie /api/v1/openapi.json.",
        "Cette adresse de l'API n'existe pas ; voir /api/v1/openapi.json.",
    ))


@programme_view("/datapackage.json")
def datapackage(engine: Engine, p: ApiProgramme):
    from dashboard.api.catalogue import data_package

    return lambda: json_response(data_package(engine, p, flask.request.url_root))


@programme_view("/dcat.jsonld")
def dcat(engine: Engine, p: ApiProgramme):
    from dashboard.api.catalogue import dcat_record

    return lambda: json_response(dcat_record(engine, p, flask.request.url_root), mimetype="application/ld+json")


@get("/openapi.json")
def openapi() -> flask.Response:
    from dashboard.api.openapi import openapi_document

    body = json_response(openapi_document())
    return conditional(body.get_data(as_text=True), lambda: body)


@get("/")
def guide() -> flask.Response:
    from dashboard.api.guide import guide_html
    from dashboard.context import request_language

    table = queries.programmes(current_engine())
    slug = table.iloc[0]["slug"] if not table.empty else "leuven"
    lang = request_language()
    page = flask.Response(guide_html(lang, slug, flask.request.url_root), mimetype="text/html")
    page.headers["Content-Language"] = lang
    page.headers["Vary"] = "Accept-Language"
    return page

