"""What the import history page shows: the batches with their actions, and the rows of one batch."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import fmt_auto, fmt_number, is_missing, t
from dashboard.workspace.common.form_fields import fmt_when
from dashboard.workspace.common.text_table import text_table
from dashboard.workspace.imports.queries import BatchInfo, BatchRows
from pipelines.vocab import COMMITMENT_STATUSES, PARTNER_TYPES, terms_by_code

VIEW_BUTTON = "imports-view"  # pattern-matching id type: {"role": VIEW_BUTTON, "batch": id}
UNDO_BUTTON = "imports-undo"


def when(value, lang: str) -> str:
    """'14 March 2025, 10:30 CET': stored in UTC, shown at the workspace's local time as on every
    other workspace page (setting ROADMAP_TIMEZONE)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return fmt_when(pd.Timestamp(value).to_pydatetime(), lang)


def may_undo(created_by: str, user: str | None, undo_any: bool) -> bool:
    """Analysts undo their own imports; coordinators (and admins) any."""
    return undo_any or (user is not None and created_by == user)


def _status(row, lang: str) -> str:
    if row.status == "undone":
        return t("imp_status_undone", lang, name=row.undone_by or "?", when=when(row.undone_at, lang))
    return t("import_status_completed", lang)


def _actions(row, lang: str, allowed: bool) -> list:
    hidden = html.Span(t("imp_of_batch", lang, batch=row.id), className="sr-only")
    buttons = [html.Button([t("imp_show_rows", lang), hidden], id={"role": VIEW_BUTTON, "batch": int(row.id)},
                           className="button", type="button", n_clicks=0)]
    if allowed and row.status == "completed":
        buttons.append(html.Button([t("imp_undo", lang), hidden], id={"role": UNDO_BUTTON, "batch": int(row.id)},
                                   className="button", type="button", n_clicks=0))
    return buttons


def _rows_text(row, lang: str) -> str:
    return t("imp_rows_text", lang, added=fmt_number(row.rows_added, lang),
             superseded=fmt_number(row.rows_superseded, lang), unchanged=fmt_number(row.rows_unchanged, lang),
             rows=fmt_number(row.rows_in_file, lang))


def batches_table(frame: pd.DataFrame, lang: str, user: str | None, undo_any: bool) -> html.Div:
    """Every batch: number, when and who, kind, file and short hash, rows, status, its actions."""
    if frame.empty:
        return html.Div(className="notice", role="status", children=html.P(t("imp_none", lang)))
    headers = [t("imp_col_batch", lang), t("imp_col_when_who", lang), t("col_kind", lang),
               t("imp_col_file_hash", lang), t("imp_col_rows", lang), t("col_import_status", lang),
               t("imp_col_actions", lang)]
    rows = []
    for row in frame.itertuples(index=False):
        rows.append([
            str(row.id),
            [when(row.created_at, lang), html.Br(), t("imp_by", lang, name=row.created_by)],
            t(f"import_kind_{row.kind}", lang),
            [row.file_name, html.Br(), html.Code(row.sha256[:12], title=row.sha256)],
            _rows_text(row, lang), _status(row, lang),
            _actions(row, lang, may_undo(row.created_by, user, undo_any)),
        ])
    return text_table(t("imp_table_caption", lang, count=len(frame)), headers, rows,
                      table_id="imports-table", class_names=(None, *["text"] * 6))


def _state(row, lang: str) -> str:
    if row.is_current:
        return t("imp_value_current", lang)
    if not is_missing(row.replaced_by):
        return t("imp_value_replaced", lang, batch=int(row.replaced_by))
    return t("imp_value_withdrawn", lang)


def _value(value, missing_key, lang: str) -> str:
    if not is_missing(value):
        return fmt_auto(value, lang, 6)
    return missing_key if isinstance(missing_key, str) and missing_key else "–"


def rows_view(batch: BatchInfo, rows: BatchRows, lang: str) -> list:
    """The rows a batch wrote (and, for partners and commitments, the fields it changed)."""
    children: list = [html.H2(t("imp_rows_heading", lang, batch=batch.id, name=batch.file_name),
                              id="imports-rows-heading")]
    if batch.kind == "indicators":
        table = [
            [r.indicator, r.period, _value(r.value, r.missing_key, lang), r.unit,
             " ".join(str(v) for v in (r.original_value, r.original_unit) if isinstance(v, str) and v),
             _state(r, lang)]
            for r in rows.rows.itertuples(index=False)
        ]
        headers = [t("up_col_indicator", lang), t("up_col_period", lang), t("up_col_value", lang),
                   t("imp_col_unit", lang), t("imp_col_as_in_file", lang), t("col_import_status", lang)]
        classes = ("text", None, None, "text", "text", "text")
    else:
        terms = terms_by_code(PARTNER_TYPES if batch.kind == "partners" else COMMITMENT_STATUSES)
        table = [[r.key, terms[r.detail].label(lang) if r.detail in terms else str(r.detail)]
                 for r in rows.rows.itertuples(index=False)]
        headers = [t("up_col_key", lang), t(f"imp_col_detail_{batch.kind}", lang)]
        classes = ("text", "text")
    caption = t("imp_rows_caption", lang, shown=len(rows.rows), count=rows.total)
    if rows.total == 0:
        children.append(html.P(t("imp_rows_none", lang)))
    else:
        children.append(text_table(caption, headers, table, table_id="imports-rows", class_names=classes))
    if batch.kind != "indicators" and rows.changes_total:
        changes = [[r.key, r.field, r.old_value or "", r.new_value or ""] for r in rows.changes.itertuples(index=False)]
        children.append(text_table(
            t("imp_changes_caption", lang, shown=len(rows.changes), count=rows.changes_total),
            [t("up_col_key", lang), t("imp_col_field", lang), t("up_col_old", lang), t("up_col_new", lang)],
            changes, table_id="imports-changes", class_names=("text", "text", "text", "text"),
        ))
    return children


def undo_question(batch: BatchInfo, lang: str) -> str:
    return t(f"imp_undo_question_{batch.kind}", lang, batch=batch.id, name=batch.file_name)
