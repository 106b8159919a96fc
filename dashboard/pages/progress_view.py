"""Coordinators' progress view: the public charts, plus what residents do not see — per-partner
progress, commitments past their target year, the data's health — and the printable report."""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Input, Output, State, dcc, html

from dashboard import queries
from dashboard.components import choice_group, register_choice_group
from dashboard.context import current_engine, current_programme, page_title, request_language
from dashboard.i18n import t
from dashboard.sections.overview_sections import main_content, sectors_content
from dashboard.sections.targets_and_gap import pick_target, target_options
from dashboard.security import role_required
from dashboard.workspace.common.nav import COORD_PROGRESS_PATH, COORD_REPORT_PATH, workspace_shell
from dashboard.workspace.coordinate.report_page import register_report_route
from dashboard.workspace.coordinate.state import coordinator_state
from dashboard.workspace.coordinate.views import coordinator_blocks

dash.register_page(
    __name__, path=COORD_PROGRESS_PATH, name="Progress (coordinators)",
    title=page_title("coord_progress_title"), required_role="coordinator",
)

STATE_ID, TARGET_ID, CHOICE_ID, CONTENT_ID = (
    "coord-progress-state", "coord-progress-target", "coord-progress-choice", "coord-progress-content",
)


def layout(lang=None, programme=None, target=None, **_query) -> html.Div:
    lang = request_language(lang)
    children = [
        html.P(t("coord_progress_intro", lang), className="lead"),
        dcc.Store(id=STATE_ID, data={"lang": lang, "programme": programme, "target": target}),
        html.Div(id=CHOICE_ID),
        html.Div(id=CONTENT_ID, children=html.P(t("coord_loading", lang), role="status")),
    ]
    return workspace_shell(COORD_PROGRESS_PATH, lang, t("coord_progress_heading", lang), children)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return html.Div(hidden=True, children=[
        dcc.Store(id=STATE_ID), dcc.Store(id=TARGET_ID), html.Div(id=CHOICE_ID), html.Div(id=CONTENT_ID),
    ])


def report_href(lang: str, programme: str | None, target_id: int | None) -> str:
    query = {k: v for k, v in (("lang", lang), ("programme", programme), ("target", target_id)) if v}
    return f"{COORD_REPORT_PATH}?{urlencode(query)}"


def register_callbacks(app: dash.Dash) -> None:
    """The view's callbacks, and the printable report's route it links to."""
    register_report_route(app)
    register_choice_group(app, TARGET_ID)

    @app.callback(Output(CHOICE_ID, "children"), Input(STATE_ID, "data"))
    @role_required("coordinator")
    def show_choice(state):
        prog = current_programme(state.get("programme"))
        if prog is None:
            return []
        sets = queries.target_sets(current_engine(), prog.id)
        if sets.empty:
            return [dcc.Store(id=TARGET_ID, data=None)]
        chosen = pick_target(sets, state.get("target"))
        return choice_group(TARGET_ID, t("target_set", state["lang"]), target_options(sets, state["lang"]), chosen)

    @app.callback(Output(CONTENT_ID, "children"), Input(TARGET_ID, "data"), State(STATE_ID, "data"))
    @role_required("coordinator")
    def show_progress(target, state):
        lang = state["lang"]
        prog = current_programme(state.get("programme"))
        if prog is None:
            return html.P(t("no_programme", lang))
        engine = current_engine()
        target_id = pick_target(queries.target_sets(engine, prog.id), target)
        report = html.P(html.A(t("coord_open_report", lang), href=report_href(lang, state.get("programme"),
                                                                                target_id),
                               className="button report-link"))
        return [
            report,
            *main_content(prog, target_id, lang),
            *sectors_content(prog.id, "absolute", lang, target_year=prog.target_year),
            *coordinator_blocks(coordinator_state(engine, prog, target_id), lang),
        ]
