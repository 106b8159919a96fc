"""A table of partners or commitments with a form to edit one row, saved through the audit log.

Dash 4's editable DataTable fails axe (its dropdowns and row radios have no accessible names),
so each row has an Edit button that opens a form of native inputs under the table. A save goes
through `pipelines.audit.edit` (one transaction: validated as typed, every changed field in the
audit log, derived tables rebuilt); when any value is invalid, every problem is listed and nothing
is saved. The page's data arrives through role-checked callbacks, never in a layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dash
import pandas as pd
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.components import choice_group, register_choice_group
from dashboard.context import ProgrammeInfo, current_engine, current_programme, write_engine
from dashboard.i18n import t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.common.form_fields import (
    EditField,
    choice_text,
    error_box,
    field_id,
    field_prop,
    field_skeleton,
    field_widget,
    fmt_when,
    saved_box,
    shown_value,
)
from dashboard.workspace.common.notices import notice
from dashboard.workspace.coordinate.queries import audit_log
from pipelines.audit import edit
from pipelines.errors import UserError, ValidationFailed

LOG_LIMIT = 30
# Fields an import or a save may change besides the form's own (label keys), for the log.
OTHER_FIELD_LABELS = {
    "last_update": "coord_field_last_update", "title": "col_commitment", "name": "col_partner",
    "reduction_t_per_year": "col_reduction_t", "sector_code": "col_sector",
}


@dataclass(frozen=True)
class TableColumn:
    key: str
    label: str  # label key
    show: Callable[[object, str], str]  # (value, lang) -> text


@dataclass(frozen=True)
class EditorSpec:
    entity: str  # as pipelines.audit.EDITABLE names it
    prefix: str  # the ids' prefix
    fields: tuple[EditField, ...]
    columns: tuple[TableColumn, ...]  # the first one names the row
    rows: Callable[[object, int], pd.DataFrame]  # (engine, programme id) -> id + columns + fields
    row_name: Callable[[pd.Series], str]
    titles: tuple[str, str, str]  # label keys: table, form, log
    extra: Callable[[ProgrammeInfo, str], list] | None = None  # e.g. the gap chart
    filter_field: str | None = None  # a choice field the list can be narrowed by (e.g. status)
    sorts: tuple[tuple[str, bool], ...] = ()  # (column key, ascending) the list can be sorted by

    def id(self, part: str) -> str:
        return f"{self.prefix}-{part}"


def editor_layout(spec: EditorSpec, lang: str, programme: str | None) -> list:
    """The page's frame: containers its callbacks fill (no data), and the page's state."""
    table_title, form_title, log_title = (t(key, lang) for key in spec.titles)
    return [
        dcc.Store(id=spec.id("state"), data={"lang": lang, "programme": programme}),
        dcc.Store(id=spec.id("selected"), data=None),
        dcc.Store(id=spec.id("version"), data=0),
        html.Div(id=spec.id("extra"), **{"aria-live": "polite"}),
        html.Section(className="ws-section", **{"aria-labelledby": spec.id("table-heading")}, children=[
            html.H2(table_title, id=spec.id("table-heading")),
            *list_tools(spec, lang),
            html.P(id=spec.id("count"), className="result-count", role="status"),
            html.Div(id=spec.id("table"), children=html.P(t("coord_loading", lang), role="status")),
        ]),
        html.Section(className="ws-section ws-form", **{"aria-labelledby": spec.id("form-heading")}, children=[
            html.H2(form_title, id=spec.id("form-heading")),
            html.Div(id=spec.id("form"), children=html.P(t("coord_choose_row", lang))),
        ]),
        html.Section(className="ws-section", **{"aria-labelledby": spec.id("log-heading")}, children=[
            html.H2(log_title, id=spec.id("log-heading")),
            html.Div(id=spec.id("log")),
        ]),
    ]


def editor_skeleton(spec: EditorSpec) -> html.Div:
    """Every id the editor's callbacks use, without data (for Dash's callback validation)."""
    fixed = [dcc.Store(id=spec.id(part)) for part in ("state", "selected", "version", "filter", "sort")]
    boxes = [html.Div(id=spec.id(part)) for part in ("extra", "table", "form", "log", "message", "count")]
    fixed.append(dcc.Input(id=spec.id("search")))
    fields = [field_skeleton(spec.prefix, field) for field in spec.fields]
    return html.Div([*fixed, *boxes, *fields, html.Button(id=spec.id("save"))], hidden=True)


def list_tools(spec: EditorSpec, lang: str) -> list:
    """Search, the filter (when the spec has one) and the sort order of the list of rows."""
    tools = [
        html.Label(t("coord_search_label", lang), htmlFor=spec.id("search"), className="search-label"),
        dcc.Input(id=spec.id("search"), type="search", value="", debounce=0.3, className="search-input",
                  autoComplete="off", maxLength=100),
    ]
    fields = fields_by_attr(spec)
    if spec.filter_field and fields[spec.filter_field].options:
        field = fields[spec.filter_field]
        tools.append(choice_group(spec.id("filter"), t("coord_filter_legend", lang, field=t(field.label, lang)),
                                  field.options(lang), [], multi=True))
    else:
        tools.append(dcc.Store(id=spec.id("filter"), data=[]))
    labels = {c.key: t(c.label, lang) for c in spec.columns}
    if spec.sorts:
        tools.append(choice_group(spec.id("sort"), t("sort_legend", lang),
                                  [{"label": labels[key], "value": key} for key, _ in spec.sorts], spec.sorts[0][0]))
    else:
        tools.append(dcc.Store(id=spec.id("sort"), data=None))
    return tools


def narrowed(spec: EditorSpec, rows: pd.DataFrame, search, chosen, sort, lang: str) -> pd.DataFrame:
    """The rows matching the search (in any column as shown) and the filter, in the sort order."""
    if rows.empty:
        return rows
    keep = pd.Series(True, index=rows.index)
    words = (search or "").strip().lower() if isinstance(search, str) else ""
    if words:
        shown = rows.apply(lambda r: " ".join(c.show(r[c.key], lang) for c in spec.columns).lower(), axis=1)
        keep &= shown.str.contains(words, regex=False)
    if spec.filter_field and chosen:
        keep &= rows[spec.filter_field].astype(str).isin([str(c) for c in chosen])
    found = rows[keep]
    ascending = dict(spec.sorts)
    if sort not in ascending:
        return found
    field = fields_by_attr(spec).get(sort)
    if field is not None and field.kind == "choice" and field.options:
        # A choice sorts in its options' order (planned, in progress, achieved...), not A-Z.
        rank = {str(o["value"]): i for i, o in enumerate(field.options(lang))}
        key = found[sort].astype(str).map(rank)
    elif found[sort].dtype == object:
        key = found[sort].map(lambda v: v.lower() if isinstance(v, str) else None)
    else:
        key = found[sort]
    return (found.assign(_key=key).sort_values("_key", ascending=ascending[sort], na_position="last", kind="stable")
            .drop(columns="_key"))


def fields_by_attr(spec: EditorSpec) -> dict[str, EditField]:
    return {f.attr: f for f in spec.fields}


def rows_table(spec: EditorSpec, rows: pd.DataFrame, lang: str) -> html.Div:
    """All rows with an Edit button each; names are text (Dash escapes them)."""
    if rows.empty:
        return html.P(t("coord_no_rows", lang))
    # The row's name first: it stays in view when the table scrolls sideways on a phone.
    first, *rest = spec.columns
    header = [html.Th(t(first.label, lang), scope="col", className="text"),
              html.Th(html.Span(t("coord_col_action", lang), className="sr-only"), scope="col")]
    header += [html.Th(t(c.label, lang), scope="col", className="text") for c in rest]
    body = []
    for _, row in rows.iterrows():
        button = html.Button(
            [t("coord_edit", lang), html.Span(f" {spec.row_name(row)}", className="sr-only")],
            id={"coord-edit": spec.prefix, "row": int(row["id"])}, type="button", className="button small",
        )
        cells = [html.Th(first.show(row[first.key], lang), scope="row", className="text"), html.Td(button)]
        cells += [html.Td(c.show(row[c.key], lang), className="text") for c in rest]
        body.append(html.Tr(cells))
    title = t(spec.titles[0], lang)
    return html.Div(className="table-scroll", tabIndex="0", role="region", **{"aria-label": t("table_of", lang, title=title)},
                    children=html.Table(className="data-table edit-table", children=[
                        html.Caption(title, className="sr-only"), html.Thead(html.Tr(header)), html.Tbody(body),
                    ]))


def edit_form(spec: EditorSpec, row: pd.Series, lang: str) -> list:
    """The form of one row: its fields with their stored values, a save button, the outcome."""
    fields = [
        field_widget(spec.prefix, field, row[field.attr], lang, focus=i == 0 and field.kind != "choice")
        for i, field in enumerate(spec.fields)
    ]
    return [
        html.H3(t("coord_editing", lang, name=spec.row_name(row)), id=spec.id("form-row")),
        *fields,
        html.Button(t("coord_save", lang), id=spec.id("save"), type="button", className="button primary",
                    n_clicks=0),
        html.Div(id=spec.id("message"), **{"aria-live": "polite"}),
    ]


def log_table(spec: EditorSpec, log: pd.DataFrame, names: dict[int, str], lang: str, one_row: bool) -> html.Div:
    """Who changed which field when, from what to what (newest first)."""
    if log.empty:
        return html.P(t("coord_log_empty", lang))
    fields = {f.attr: f for f in spec.fields}
    columns = ["coord_col_when", "coord_col_who"] + ([] if one_row else ["coord_col_row"]) + [
        "coord_col_field", "coord_col_old", "coord_col_new"]
    body = []
    for entry in log.itertuples(index=False):
        field = fields.get(entry.field)
        cells = [fmt_when(entry.changed_at, lang), entry.changed_by]
        if not one_row:
            cells.append(names.get(int(entry.entity_id), f"#{entry.entity_id}"))
        cells += [_field_label(field, entry.field, lang), _logged(field, entry.old_value, lang),
                  _logged(field, entry.new_value, lang)]
        body.append(html.Tr([html.Td(c, className="text") for c in cells]))
    caption = t(spec.titles[2], lang)
    return html.Div(className="table-scroll", tabIndex="0", role="region", **{"aria-label": t("table_of", lang, title=caption)},
                    children=html.Table(className="data-table audit-table", children=[
                        html.Caption(caption, className="sr-only"),
                        html.Thead(html.Tr([html.Th(t(c, lang), scope="col", className="text") for c in columns])),
                        html.Tbody(body),
                    ]))


def _field_label(field: EditField | None, attr: str, lang: str) -> str:
    if field is not None:
        return t(field.label, lang)
    return t(OTHER_FIELD_LABELS[attr], lang) if attr in OTHER_FIELD_LABELS else attr


def _logged(field: EditField | None, value: str | None, lang: str) -> str:
    """A value as the audit log holds it, in words: a status code becomes its label, a number
    gets the language's decimal mark."""
    if value is None:
        return "–"
    if field is not None and field.kind == "number":
        try:
            return shown_value(field, float(value), lang)
        except ValueError:
            return value
    return choice_text(field, value, lang) if field else value


def save_row(spec: EditorSpec, programme_id: int, row_id: int, values: dict, lang: str) -> tuple[html.Div, bool]:
    """Save one row's form through the audit log; (what to show, whether anything changed)."""
    fields = {f.attr: f for f in spec.fields}
    labels = {attr: t(f.label, lang) for attr, f in fields.items()}
    changes = {attr: ("" if value is None else value) for attr, value in values.items()}
    try:
        changed = edit(write_engine(), programme_id, spec.entity, row_id, changes, current_user_name())
    except ValidationFailed as exc:
        return error_box(exc.problems, labels, lang), False
    except UserError as exc:
        return notice(exc.in_language(lang), alert=True), False
    lines = [
        t("coord_change_line", lang, field=_field_label(fields.get(attr), attr, lang),
          old=_logged(fields.get(attr), old, lang), new=_logged(fields.get(attr), new, lang))
        for attr, (old, new) in changed.items()
    ]
    return saved_box(lines, lang), bool(changed)


def register_editor(app: dash.Dash, spec: EditorSpec) -> None:
    """The editor's callbacks; each one that reads or writes checks the coordinator role."""
    for field in spec.fields:
        if field.kind == "choice":
            register_choice_group(app, field_id(spec.prefix, field.attr))
    if spec.filter_field:
        register_choice_group(app, spec.id("filter"), multi=True)
    if spec.sorts:
        register_choice_group(app, spec.id("sort"))
    _register_reads(app, spec)
    _register_save(app, spec)


def _programme(state: dict | None) -> ProgrammeInfo | None:
    return current_programme((state or {}).get("programme"))


def _register_reads(app: dash.Dash, spec: EditorSpec) -> None:
    @app.callback(Output(spec.id("table"), "children"), Output(spec.id("count"), "children"),
                  Input(spec.id("state"), "data"), Input(spec.id("version"), "data"),
                  Input(spec.id("search"), "value"), Input(spec.id("filter"), "data"),
                  Input(spec.id("sort"), "data"))
    @role_required("coordinator")
    def show_rows(state, _version, search, chosen, sort):
        lang, prog = state["lang"], _programme(state)
        if prog is None:
            return html.P(t("no_programme", lang)), ""
        rows = spec.rows(current_engine(), prog.id)
        found = narrowed(spec, rows, search, chosen, sort, lang)
        return rows_table(spec, found, lang), t("coord_rows_shown", lang, shown=len(found), count=len(rows))

    @app.callback(Output(spec.id("extra"), "children"),
                  Input(spec.id("state"), "data"), Input(spec.id("version"), "data"))
    @role_required("coordinator")
    def show_extra(state, _version):
        prog = _programme(state)
        return spec.extra(prog, state["lang"]) if spec.extra and prog is not None else []

    app.clientside_callback(
        """function (clicks) {
            var ctx = window.dash_clientside.callback_context;
            var hit = ctx.triggered_id;
            if (!hit || !ctx.triggered.length || !ctx.triggered[0].value) { return window.dash_clientside.no_update; }
            return hit.row;
        }""",
        Output(spec.id("selected"), "data"),
        Input({"coord-edit": spec.prefix, "row": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(Output(spec.id("form"), "children"), Input(spec.id("selected"), "data"),
                  State(spec.id("state"), "data"), prevent_initial_call=True)
    @role_required("coordinator")
    def show_form(row_id, state):
        lang, prog = state["lang"], _programme(state)
        if row_id is None:
            return html.P(t("coord_choose_row", lang))
        if not isinstance(row_id, int | str) or isinstance(row_id, bool):
            return html.P(t("coord_row_gone", lang))  # a forged store value: no row has that id
        rows = spec.rows(current_engine(), prog.id) if prog else pd.DataFrame()
        chosen = rows[rows["id"] == row_id] if not rows.empty else rows
        if chosen.empty:
            return html.P(t("coord_row_gone", lang))
        return edit_form(spec, chosen.iloc[0], lang)

    # Edit's result where the eye is: the form scrolls into view and takes the focus.
    app.clientside_callback(
        ClientsideFunction(namespace="roadmap", function_name="revealForm"),
        Output(spec.id("form"), "className"),
        Input(spec.id("form"), "children"), State(spec.id("form"), "id"),
        prevent_initial_call=True,
    )

    @app.callback(Output(spec.id("log"), "children"), Input(spec.id("state"), "data"),
                  Input(spec.id("version"), "data"), Input(spec.id("selected"), "data"))
    @role_required("coordinator")
    def show_log(state, _version, row_id):
        lang, prog = state["lang"], _programme(state)
        if prog is None:
            return []
        engine = current_engine()
        names = {int(r["id"]): spec.row_name(r) for _, r in spec.rows(engine, prog.id).iterrows()}
        one = row_id if row_id in names else None
        log = audit_log(engine, prog.id, (spec.entity,), one, limit=LOG_LIMIT)
        heading = t("coord_log_of", lang, name=names[one]) if one else t("coord_log_latest", lang)
        return [html.P(heading, className="log-heading"), log_table(spec, log, names, lang, one is not None)]


def _register_save(app: dash.Dash, spec: EditorSpec) -> None:
    @app.callback(
        Output(spec.id("message"), "children"), Output(spec.id("version"), "data"),
        Input(spec.id("save"), "n_clicks"), State(spec.id("selected"), "data"),
        [State(field_id(spec.prefix, f.attr), field_prop(f)) for f in spec.fields],
        State(spec.id("state"), "data"), State(spec.id("version"), "data"),
        prevent_initial_call=True,
    )
    @role_required("coordinator")
    def save(clicks, row_id, *rest):
        if not clicks:
            raise PreventUpdate
        *values, state, version = rest
        lang, prog = (state or {}).get("lang", "en"), _programme(state)
        if prog is None or row_id is None:
            return html.P(t("coord_row_gone", lang), role="alert"), dash.no_update
        by_attr = dict(zip((f.attr for f in spec.fields), values, strict=True))
        shown, changed = save_row(spec, prog.id, int(row_id), by_attr, lang)
        return shown, ((version or 0) + 1) if changed else dash.no_update
