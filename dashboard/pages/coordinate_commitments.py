"""Coordinators: keep partners' commitments up to date (status, progress, start and target year,
the shape of the reduction for the scenarios, note).

Each save goes through the audit log and rebuilds the progress figures; the commitments gap on
this page is redrawn from them after every change.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard import queries
from dashboard.context import ProgrammeInfo, current_engine, page_title, request_language
from dashboard.data_texts import stored_text
from dashboard.i18n import fmt_number, fmt_pct, is_missing, t
from dashboard.sections.overview_sections import gap_block
from dashboard.sections.targets_and_gap import pick_target
from dashboard.workspace.common.form_fields import EditField
from dashboard.workspace.common.nav import COORD_COMMITMENTS_PATH, workspace_shell
from dashboard.workspace.coordinate.editor import (
    EditorSpec,
    TableColumn,
    editor_layout,
    editor_skeleton,
    register_editor,
)
from dashboard.workspace.coordinate.queries import commitments_to_edit
from pipelines.vocab import COMMITMENT_SHAPES, COMMITMENT_STATUSES

dash.register_page(
    __name__, path=COORD_COMMITMENTS_PATH, name="Edit commitments",
    title=page_title("coord_commitments_title"), required_role="coordinator",
)


def status_options(lang: str) -> list[dict]:
    return [{"label": s.label(lang), "value": s.code} for s in COMMITMENT_STATUSES]


def shape_options(lang: str) -> list[dict]:
    return [{"label": s.label(lang), "value": s.code} for s in COMMITMENT_SHAPES]


def _text(value, _lang: str) -> str:
    return "" if value is None or (not isinstance(value, str) and is_missing(value)) else str(value)


def _shown_text(value, lang: str) -> str:
    """A stored text as the table shows it: the demo's own in the page's language (the form keeps
    the text as stored)."""
    return stored_text(_text(value, lang), lang)


def _year(value, _lang: str) -> str:
    return "–" if is_missing(value) else str(int(value))


def _status(value, lang: str) -> str:
    return next((s.label(lang) for s in COMMITMENT_STATUSES if s.code == value), str(value))


FIELDS = (
    EditField("status", "col_status", "choice", options=status_options),
    EditField("progress_pct", "coord_field_progress", "number", hint="coord_hint_progress"),
    EditField("start_year", "coord_field_start_year", "year", hint="coord_hint_start_year"),
    EditField("target_year", "col_target_year", "year", hint="coord_hint_year"),
    EditField("shape", "coord_field_shape", "choice", options=shape_options),
    EditField("note", "coord_field_note", "textarea"),
)
COLUMNS = (
    TableColumn("title", "col_commitment", _shown_text),
    TableColumn("partner", "col_partner", _text),
    TableColumn("status", "col_status", _status),
    TableColumn("progress_pct", "col_progress", lambda v, lang: "–" if is_missing(v) else fmt_pct(v, lang, 0)),
    TableColumn("target_year", "col_target_year", _year),
    TableColumn("reduction_t_per_year", "col_reduction_t",
                lambda v, lang: "–" if is_missing(v) else fmt_number(v, lang, 0)),
    TableColumn("note", "coord_field_note", _shown_text),
)


def commitments_gap(prog: ProgrammeInfo, lang: str) -> list:
    """The commitments gap of the primary target set, as the overview draws it."""
    engine = current_engine()
    target_id = pick_target(queries.target_sets(engine, prog.id), None)
    summary = queries.summary(engine, prog.id, target_id) if target_id else {}
    return [gap_block(summary, prog.id, lang)]


def _row_name(row: pd.Series) -> str:
    return f"{row['title']} ({row['partner']})"


SPEC = EditorSpec(
    entity="commitment", prefix="coord-commitments", fields=FIELDS, columns=COLUMNS,
    rows=commitments_to_edit, row_name=_row_name,
    titles=("coord_commitments_table", "coord_commitments_form", "coord_log_title"),
    extra=commitments_gap,
    filter_field="status",
    sorts=(("title", True), ("partner", True), ("status", True), ("target_year", True),
           ("reduction_t_per_year", False), ("progress_pct", True)),
)


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    children = [html.P(t("coord_commitments_intro", lang), className="lead"),
                *editor_layout(SPEC, lang, programme)]
    return workspace_shell(COORD_COMMITMENTS_PATH, lang, t("coord_commitments_heading", lang), children)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return editor_skeleton(SPEC)


def register_callbacks(app: dash.Dash) -> None:
    register_editor(app, SPEC)
