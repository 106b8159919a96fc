"""Coordinators: keep partners' details up to date (type, sector, website, description).

Names and descriptions are typed by people and may hold anything, '<script>' included: they are
only ever Dash text children, which React escapes.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard.context import page_title, request_language
from dashboard.data_texts import stored_text
from dashboard.i18n import is_missing, t
from dashboard.workspace.common.form_fields import NONE, EditField
from dashboard.workspace.common.nav import COORD_PARTNERS_PATH, workspace_shell
from dashboard.workspace.coordinate.editor import (
    EditorSpec,
    TableColumn,
    editor_layout,
    editor_skeleton,
    register_editor,
)
from dashboard.workspace.coordinate.queries import partners_to_edit
from pipelines.vocab import PARTNER_TYPES, SECTOR_BY_CODE, SECTORS

dash.register_page(
    __name__, path=COORD_PARTNERS_PATH, name="Edit partners",
    title=page_title("coord_partners_title"), required_role="coordinator",
)


def type_options(lang: str) -> list[dict]:
    return [{"label": p.label(lang), "value": p.code} for p in PARTNER_TYPES]


def sector_options(lang: str) -> list[dict]:
    return [{"label": t("coord_no_sector", lang), "value": NONE}] + [
        {"label": s.label(lang), "value": s.code} for s in SECTORS
    ]


def _text(value, _lang: str) -> str:
    return "" if value is None or (not isinstance(value, str) and is_missing(value)) else str(value)


def _shown_text(value, lang: str) -> str:
    """A stored text as the table shows it: the demo's own in the page's language (the form keeps
    the text as stored)."""
    return stored_text(_text(value, lang), lang)


def _type(value, lang: str) -> str:
    return next((p.label(lang) for p in PARTNER_TYPES if p.code == value), str(value))


def _sector(value, lang: str) -> str:
    return SECTOR_BY_CODE[value].label(lang) if value in SECTOR_BY_CODE else "–"


FIELDS = (
    EditField("type", "coord_field_type", "choice", options=type_options),
    EditField("sector_code", "col_sector", "choice", options=sector_options),
    EditField("website", "coord_field_website", "url", hint="coord_hint_website"),
    EditField("description", "coord_field_description", "textarea"),
)
COLUMNS = (
    TableColumn("name", "col_partner", _text),
    TableColumn("type", "coord_field_type", _type),
    TableColumn("sector_code", "col_sector", _sector),
    TableColumn("website", "coord_field_website", _text),
    TableColumn("description", "coord_field_description", _shown_text),
)


def _row_name(row: pd.Series) -> str:
    return str(row["name"])


SPEC = EditorSpec(
    entity="partner", prefix="coord-partners", fields=FIELDS, columns=COLUMNS,
    rows=partners_to_edit, row_name=_row_name,
    titles=("coord_partners_table", "coord_partners_form", "coord_log_title"),
)


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    children = [html.P(t("coord_partners_intro", lang), className="lead"),
                *editor_layout(SPEC, lang, programme)]
    return workspace_shell(COORD_PARTNERS_PATH, lang, t("coord_partners_heading", lang), children)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return editor_skeleton(SPEC)


def register_callbacks(app: dash.Dash) -> None:
    register_editor(app, SPEC)
