"""Import history (analysts): every batch, its rows, and undo after a confirmation.

The layout holds no data (Dash embeds a page skeleton in every visitor's HTML): the table is
filled by a role-checked callback. Who may undo is decided on the server, in the callback:
analysts their own imports, coordinators any.
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update

from dashboard.context import (
    current_engine,
    current_programme,
    page_title,
    request_language,
    write_engine,
)
from dashboard.i18n import LANGUAGES, t
from dashboard.security import (
    current_role,
    current_user_name,
    has_role,
    require_role,
    role_required,
)
from dashboard.workspace.common.nav import IMPORTS_PATH, UPLOAD_PATH, workspace_shell
from dashboard.workspace.common.notices import notice
from dashboard.workspace.imports.queries import BatchInfo, batch_info, batch_rows, batches
from dashboard.workspace.imports.views import (
    UNDO_BUTTON,
    VIEW_BUTTON,
    batches_table,
    rows_view,
    undo_question,
)
from pipelines.errors import UserError, in_language
from pipelines.undo import may_undo, undo_batch

CONFIG_ID = "imports-config"  # Store: language and programme
TABLE_ID = "imports-batches"
ROWS_ID = "imports-rows-panel"
UNDO_PANEL_ID = "imports-undo-panel"
UNDO_QUESTION_ID = "imports-undo-question"
UNDO_YES_ID = "imports-undo-yes"
UNDO_NO_ID = "imports-undo-no"
PENDING_ID = "imports-undo-pending"  # Store: the batch id the question is about
REFRESH_ID = "imports-refresh"  # Store: a counter; the table is read again when it changes
OUTCOME_ID = "imports-outcome"

dash.register_page(__name__, path=IMPORTS_PATH, name="Imports", title=page_title("imp_title"),
                   required_role="analyst", order=21)


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    prog = current_programme(programme)
    intro = t("imp_intro", lang) if prog is not None else t("no_programme", lang)
    return workspace_shell(IMPORTS_PATH, lang, t("imp_heading", lang),
                           body(lang, prog.slug if prog else None, intro))


def body(lang: str, programme: str | None, intro: str) -> list:
    upload_href = f"{UPLOAD_PATH}?lang={lang}"
    return [
        html.P([intro, " ", html.A(t("imp_to_upload", lang), href=upload_href)], className="lead"),
        html.Div(id=OUTCOME_ID, **{"aria-live": "polite"}),
        html.Section(id=UNDO_PANEL_ID, hidden=True, className="notice",
                     **{"aria-labelledby": "imports-undo-heading"}, children=[
            html.H2(t("imp_undo_heading", lang), id="imports-undo-heading"),
            html.P(id=UNDO_QUESTION_ID),
            html.Button(t("imp_undo_yes", lang), id=UNDO_YES_ID, className="button", type="button", n_clicks=0),
            " ",
            html.Button(t("imp_undo_no", lang), id=UNDO_NO_ID, className="button", type="button", n_clicks=0),
        ]),
        html.Section(**{"aria-labelledby": "imports-list-heading"}, children=[
            html.H2(t("imp_list_heading", lang), id="imports-list-heading"),
            dcc.Loading(html.Div(id=TABLE_ID)),
        ]),
        html.Section(id=ROWS_ID, **{"aria-live": "polite"}),
        dcc.Store(id=CONFIG_ID, data={"lang": lang, "programme": programme}),
        dcc.Store(id=PENDING_ID), dcc.Store(id=REFRESH_ID, data=0),
    ]


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation).

    No page frame: it would name whoever made the request that builds this skeleton.
    """
    return html.Div(body("en", None, ""))


def _config(config) -> dict:
    """The page's config store as the browser sent it back, with a known language."""
    config = dict(config) if isinstance(config, dict) else {}
    config["lang"] = config.get("lang") if config.get("lang") in LANGUAGES else "en"
    return config


def _batch(config: dict, batch_id) -> BatchInfo:
    """The batch asked for, of this page's programme; anything else is a mistake in words."""
    prog = current_programme(config.get("programme"))
    found = None
    if prog is not None and isinstance(batch_id, int):
        found = batch_info(current_engine(), prog.id, batch_id)
    if found is None:
        raise UserError(t("imp_no_such_batch", config["lang"], batch=batch_id))
    return found


def require_undo_right(batch: BatchInfo) -> None:
    """403 unless the user may undo the batch (the rule is pipelines.undo.may_undo)."""
    if not may_undo(batch.created_by, current_user_name(), current_role()):
        require_role("coordinator")


def _clicked(pattern_type: str):
    """The batch id of the clicked button of `pattern_type`, or None (buttons just drawn)."""
    hit = ctx.triggered_id
    if not isinstance(hit, dict) or hit.get("role") != pattern_type:
        return None
    if not any(item.get("value") for item in ctx.triggered):
        return None
    return hit.get("batch")


def fill_table(config: dict) -> html.Div:
    lang = config["lang"]
    prog = current_programme(config.get("programme"))
    if prog is None:
        return notice(t("no_programme", lang))
    frame = batches(current_engine(), prog.id)
    return batches_table(frame, lang, current_user_name(), has_role("coordinator"))


def perform_undo(config: dict, batch_id) -> html.Div:
    """Undo the batch and say what happened; the ownership check comes before anything."""
    lang = config["lang"]
    batch = _batch(config, batch_id)
    require_undo_right(batch)
    try:
        summary = undo_batch(write_engine(), batch.id, current_user_name(),
                             programme_id=current_programme(config.get("programme")).id,
                             role=require_role("analyst").role)
    except UserError as error:
        return notice(t("imp_undo_failed", lang, message=error.in_language(lang)), alert=True)
    return html.Div(className="notice notice-ok", role="status", id="imports-undone",
                    children=html.P(t("imp_undone", lang, summary=in_language(summary, lang))))


def register_callbacks(app: dash.Dash) -> None:
    @app.callback(Output(TABLE_ID, "children"), Input(CONFIG_ID, "data"), Input(REFRESH_ID, "data"))
    @role_required("analyst")
    def show_batches(config, _refresh):
        return fill_table(_config(config))

    @app.callback(
        Output(ROWS_ID, "children"), Input({"role": VIEW_BUTTON, "batch": ALL}, "n_clicks"),
        State(CONFIG_ID, "data"), prevent_initial_call=True,
    )
    @role_required("analyst")
    def show_rows(_clicks, config):
        config = _config(config)
        batch_id = _clicked(VIEW_BUTTON)
        if batch_id is None:
            return no_update
        try:
            batch = _batch(config, batch_id)
        except UserError as error:
            return notice(error.in_language(config["lang"]), alert=True)
        return rows_view(batch, batch_rows(current_engine(), batch), config["lang"])

    @app.callback(
        Output(UNDO_PANEL_ID, "hidden"), Output(UNDO_QUESTION_ID, "children"), Output(PENDING_ID, "data"),
        Input({"role": UNDO_BUTTON, "batch": ALL}, "n_clicks"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def ask_undo(_clicks, config):
        config = _config(config)
        batch_id = _clicked(UNDO_BUTTON)
        if batch_id is None:
            return no_update, no_update, no_update
        try:
            batch = _batch(config, batch_id)
        except UserError as error:
            return False, error.in_language(config["lang"]), None
        require_undo_right(batch)
        return False, undo_question(batch, config["lang"]), batch.id

    @app.callback(
        Output(OUTCOME_ID, "children"), Output(UNDO_PANEL_ID, "hidden", allow_duplicate=True),
        Output(PENDING_ID, "data", allow_duplicate=True), Output(REFRESH_ID, "data"),
        Input(UNDO_YES_ID, "n_clicks"), Input(UNDO_NO_ID, "n_clicks"),
        State(PENDING_ID, "data"), State(CONFIG_ID, "data"), State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def answer_undo(yes, no, pending, config, refresh):
        if ctx.triggered_id != UNDO_YES_ID or not yes:
            return [], True, None, no_update
        if pending is None:
            return no_update, True, None, no_update
        config = _config(config)
        try:
            outcome = perform_undo(config, pending)
        except UserError as error:
            outcome = notice(error.in_language(config["lang"]), alert=True)
        return outcome, True, None, (refresh or 0) + 1
