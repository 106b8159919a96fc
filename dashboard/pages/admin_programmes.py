"""Programmes (admins): the deployment's programmes; add one, or load a regional file into one per area.

As on /admin/users, the layout holds no data: the list is filled by a role-checked callback and
every write checks the role again on the server (`role_required("admin")`). The writes are the
pipelines' own (`add_programme_with_population`, `load_all_areas`), as on the command line.
"""

from __future__ import annotations

import logging

import dash
from dash import Input, Output, State, dcc, html, no_update

from dashboard.context import current, current_engine, page_title, request_language, write_engine
from dashboard.i18n import LANGUAGES, t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.common.form_fields import field_label
from dashboard.workspace.common.nav import ADMIN_PROGRAMMES_PATH, workspace_shell
from dashboard.workspace.common.notices import done, notice
from dashboard.workspace.common.text_table import text_table
from dashboard.workspace.upload.check import UploadRefused, decode_upload, max_bytes
from pipelines.errors import UserError, ValidationFailed, in_language
from pipelines.load.result import LoadOptions
from pipelines.programme_registry import (
    add_programme_with_population,
    check_slug,
    programme_rows,
    slug_for,
)
from pipelines.programmes import ProgrammeSpec

log = logging.getLogger(__name__)


def pid(part: str) -> str:
    return f"admin-programmes-{part}"


CONFIG_ID, REFRESH_ID, OUTCOME_ID = pid("config"), pid("refresh"), pid("outcome")
PROBLEMS_SHOWN = 20

dash.register_page(__name__, path=ADMIN_PROGRAMMES_PATH, name="Programmes", title=page_title("apg_title"),
                   required_role="admin", order=41)


def layout(lang=None, **_query) -> html.Div:
    lang = request_language(lang)
    return workspace_shell(ADMIN_PROGRAMMES_PATH, lang, t("apg_heading", lang), body(lang))


def _box(part: str, label: str, hint: str | None = None, kind: str = "text", value="") -> html.Div:
    box = dcc.Input(id=pid(part), type=kind, className="text-input", autoComplete="off", value=value,
                    debounce=False)
    return html.Div([field_label(pid(part), label, hint), box], className="form-field")


def body(lang: str) -> list:
    return [
        html.P(t("apg_intro", lang), className="lead"),
        html.Div(id=OUTCOME_ID, **{"aria-live": "polite"}),
        html.Section(**{"aria-labelledby": pid("list-heading")}, children=[
            html.H2(t("apg_list_heading", lang), id=pid("list-heading")),
            dcc.Loading(html.Div(id=pid("list"))),
        ]),
        html.Section(className="form-block", **{"aria-labelledby": pid("add-heading")}, children=[
            html.H2(t("apg_add_heading", lang), id=pid("add-heading")),
            _box("area", t("apg_field_area", lang), t("apg_hint_area", lang)),
            _box("slug", t("apg_field_slug", lang), t("apg_hint_slug", lang)),
            _box("baseline", t("apg_field_baseline", lang), kind="number", value=2019),
            _box("target-year", t("apg_field_target_year", lang), kind="number", value=2050),
            _box("residual", t("apg_field_residual", lang), t("apg_hint_residual", lang), kind="number", value=None),
            html.Button(t("apg_add", lang), id=pid("add"), type="button", className="button primary", n_clicks=0),
        ]),
        html.Section(className="form-block", **{"aria-labelledby": pid("regional-heading")}, children=[
            html.H2(t("apg_regional_heading", lang), id=pid("regional-heading")),
            html.P(t("apg_regional_intro", lang)),
            dcc.Upload(id=pid("file"), className="upload-zone", children=html.Div(t("apg_choose_file", lang)),
                       max_size=max_bytes(current().settings.max_upload_mb) if _has_app() else -1),
            html.Button(t("apg_regional_load", lang), id=pid("regional"), type="button", className="button",
                        n_clicks=0),
        ]),
        dcc.Store(id=CONFIG_ID, data={"lang": lang}),
        dcc.Store(id=REFRESH_ID, data=0),
    ]


def _has_app() -> bool:
    import flask

    return flask.has_app_context()


def validation_layout() -> html.Div:
    return html.Div(hidden=True, children=body("en"))


def _lang(config) -> str:
    lang = config.get("lang") if isinstance(config, dict) else None
    return lang if lang in LANGUAGES else "en"


def _year(value, lang: str, field: str) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise UserError(t("apg_year_needed", lang, field=t(field, lang))) from None
    if not 1900 <= year <= 2100:
        raise UserError(t("apg_year_needed", lang, field=t(field, lang)))
    return year


def spec_from_form(area, slug, baseline, target_year, residual, lang: str) -> ProgrammeSpec:
    """The programme the form describes (UserError in words for what cannot be one)."""
    area = area.strip() if isinstance(area, str) else ""
    if not area:
        raise UserError(t("apg_area_needed", lang))
    slug = check_slug(slug.strip()) if isinstance(slug, str) and slug.strip() else slug_for(area)
    residual_pct = None
    if residual not in (None, ""):
        try:
            residual_pct = float(residual)
        except (TypeError, ValueError):
            raise UserError(t("apg_residual_range", lang)) from None
        if not 0 <= residual_pct <= 100:
            raise UserError(t("apg_residual_range", lang))
    return ProgrammeSpec(slug=slug, name=area[:200], area_name=area[:200],
                         baseline_year=_year(baseline, lang, "apg_field_baseline"),
                         target_year=_year(target_year, lang, "apg_field_target_year"),
                         target_residual_pct=residual_pct)


def programmes_table(lang: str) -> html.Div:
    rows = [[r["slug"], r["name"], ", ".join(r["area_names"] + r["area_codes"]), str(r["baseline_year"]),
             str(r["target_year"]), r["target_set"]["name"] if r["target_set"] else t("cmp_no_target", lang),
             ", ".join(map(str, r["emission_years"][-3:]))] for r in programme_rows(current_engine())]
    headers = [t(k, lang) for k in ("apg_col_slug", "col_programme", "apg_col_areas", "apg_field_baseline",
                                    "apg_field_target_year", "apg_col_target_set", "apg_col_years")]
    return text_table(t("apg_list_heading", lang), headers, rows, region_label=t("apg_list_heading", lang),
                      class_names=["text", "text", "text", None, None, "text", "text"])


def register_callbacks(app: dash.Dash) -> None:
    @app.callback(Output(pid("list"), "children"), Input(CONFIG_ID, "data"), Input(REFRESH_ID, "data"))
    @role_required("admin")
    def show_programmes(config, _refresh):
        return programmes_table(_lang(config))

    @app.callback(
        Output(OUTCOME_ID, "children"), Output(REFRESH_ID, "data"),
        Input(pid("add"), "n_clicks"),
        State(pid("area"), "value"), State(pid("slug"), "value"), State(pid("baseline"), "value"),
        State(pid("target-year"), "value"), State(pid("residual"), "value"),
        State(CONFIG_ID, "data"), State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def add(clicks, area, slug, baseline, target_year, residual, config, refresh):
        lang = _lang(config)
        if not clicks:
            return no_update, no_update
        try:
            spec = spec_from_form(area, slug, baseline, target_year, residual, lang)
            add_programme_with_population(write_engine(), spec, user=current_user_name() or "web")
        except UserError as error:
            return notice(t("adm_error", lang, message=error.in_language(lang)), alert=True), no_update
        log.info("admin %s added programme %s", current_user_name(), spec.slug)
        return done(t("apg_added", lang, name=spec.name, slug=spec.slug)), (refresh or 0) + 1

    @app.callback(
        Output(OUTCOME_ID, "children", allow_duplicate=True), Output(REFRESH_ID, "data", allow_duplicate=True),
        Input(pid("regional"), "n_clicks"),
        State(pid("file"), "contents"), State(pid("file"), "filename"),
        State(CONFIG_ID, "data"), State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def load_regional(clicks, contents, filename, config, refresh):
        from pipelines.load.regional import load_all_areas_file

        lang = _lang(config)
        if not clicks:
            return no_update, no_update
        try:
            data = decode_upload(contents, max_bytes(current().settings.max_upload_mb))
            result = load_all_areas_file(write_engine(), data, LoadOptions(user=current_user_name() or "web"),
                                         file_name=str(filename or "upload.csv")[:200])
        except UploadRefused as refused:
            return notice(t(refused.reason, lang, limit_mb=current().settings.max_upload_mb, name=filename or ""),
                          alert=True), no_update
        except ValidationFailed as failed:
            lines = [str(p) for p in failed.problems]
            return html.Div(className="notice notice-error", role="alert", children=[
                html.P(t("apg_regional_failed", lang, n=len(lines))),
                html.Ul([html.Li(line) for line in lines[:PROBLEMS_SHOWN]])]), no_update
        except UserError as error:
            return notice(t("adm_error", lang, message=error.in_language(lang)), alert=True), no_update
        log.info("admin %s loaded %s for all areas", current_user_name(), filename)
        return done(in_language(result.summary(), lang)), (refresh or 0) + 1
