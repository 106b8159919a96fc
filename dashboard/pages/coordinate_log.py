"""Coordinators: one audit log of every change (commitments, partners, targets), in words, at
local time, narrowed by who, what and when. Its rows arrive through a role-checked callback."""

from __future__ import annotations

from datetime import date

import dash
from dash import Input, Output, dcc, html

from dashboard.components import choice_group, register_choice_group
from dashboard.context import (
    current,
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.data_texts import stored_text
from dashboard.i18n import t
from dashboard.security import role_required
from dashboard.workspace.common.form_fields import field_label
from dashboard.workspace.common.local_time import local_when, zone
from dashboard.workspace.common.nav import COORD_LOG_PATH, workspace_shell
from dashboard.workspace.common.text_table import text_table
from dashboard.workspace.coordinate.audit_words import entry_text
from dashboard.workspace.coordinate.log_queries import LIMIT, WHAT, log_rows

dash.register_page(__name__, path=COORD_LOG_PATH, name="Audit log", title=page_title("log_title"),
                   required_role="coordinator")

PREFIX = "coord-log"


def lid(part: str) -> str:
    return f"{PREFIX}-{part}"


def body(lang: str, programme: str | None, tz_name: str) -> list:
    return [
        html.P(t("log_intro", lang, zone=tz_name), className="lead"),
        dcc.Store(id=lid("state"), data={"lang": lang, "programme": programme}),
        html.Div(className="ws-form", children=[
            html.Div(className="form-field", children=[
                html.Label(t("log_who", lang), htmlFor=lid("who")),
                dcc.Input(id=lid("who"), type="text", value="", className="text-input", autoComplete="off",
                          debounce=True, maxLength=100),
            ]),
            choice_group(lid("what"), t("log_what", lang),
                         [{"label": t(f"log_what_{key}", lang), "value": key} for key in WHAT], "all"),
            # Text, not type=date: Dash's Input selects text in it, which a date box refuses.
            *(html.Div(className="form-field", children=[
                field_label(lid(part), t(f"log_{part}", lang), t("log_date_hint", lang)),
                dcc.Input(id=lid(part), type="text", className="text-input", debounce=True, inputMode="numeric",
                          autoComplete="off", maxLength=10),
            ]) for part in ("since", "until")),
        ]),
        html.P(id=lid("count"), className="result-count", role="status"),
        html.Div(id=lid("table")),
    ]


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    tz_name = str(zone(current().settings.timezone))
    return workspace_shell(COORD_LOG_PATH, lang, t("log_heading", lang), body(lang, programme, tz_name))


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return html.Div(hidden=True, children=body("en", None, "UTC"))


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def register_callbacks(app: dash.Dash) -> None:
    register_choice_group(app, lid("what"))

    @app.callback(Output(lid("table"), "children"), Output(lid("count"), "children"),
                  Input(lid("state"), "data"), Input(lid("who"), "value"), Input(lid("what"), "data"),
                  Input(lid("since"), "value"), Input(lid("until"), "value"))
    @role_required("coordinator")
    def show_log(state, who, what, since, until):
        lang = (state or {}).get("lang", "en")
        prog = current_programme((state or {}).get("programme"))
        if prog is None:
            return html.P(t("no_programme", lang)), ""
        tz = zone(current().settings.timezone)
        rows = log_rows(current_engine(), prog.id, (who or "").strip().lower(), what or "all", _day(since),
                        _day(until), tz)
        if rows.empty:
            return html.P(t("log_none", lang)), t("log_count", lang, shown=0, limit=LIMIT)
        table_rows = [
            [local_when(r.changed_at, lang, tz), r.changed_by, stored_text(r.about, lang),
             entry_text(r.entity, r.field, r.old_value, r.new_value, lang)]
            for r in rows.itertuples(index=False)
        ]
        headers = [t("coord_col_when", lang), t("coord_col_who", lang), t("log_col_about", lang),
                   t("log_col_change", lang)]
        table = text_table(t("log_title", lang), headers, table_rows, table_id=lid("rows"),
                           class_names=("text", "text", "text", "text"),
                           region_label=t("table_of", lang, title=t("log_title", lang)))
        return table, t("log_count", lang, shown=len(rows), limit=LIMIT)
