"""The upload page's mapping step: an export no profile knows, described column by column.

Views and the reading of the analyst's choices; the callbacks (upload_mapping_callbacks.py) are
glue around `pipelines.profiles.mapping_step`, which does the dry run and saves the profile.
"""

from __future__ import annotations

import re

from dash import dcc, html

from dashboard.i18n import t
from dashboard.workspace.common.notices import notice
from dashboard.workspace.common.text_table import text_table
from dashboard.workspace.upload.check import CheckOutcome
from dashboard.workspace.upload.column_names import problem_column, shown_column
from dashboard.workspace.upload.views import PROBLEMS_SHOWN, diff_section
from pipelines.errors import Problem, ValidationFailed, in_language
from pipelines.profiles.mapping_step import (
    ROLES,
    MappingChoices,
    MappingStart,
    guess_label,
    guess_measured,
)
from pipelines.vocab import SECTORS

STEP = "upload-step"  # Store: {columns, distinct, file_name} of the export being described
ROLE = "upload-step-role"  # pattern: Store {"type": ROLE, "index": column} holding the role
ROLE_OPTION = "upload-step-role-option"  # pattern: toggle {"type", "index": column, "value": role}
LABEL = "upload-step-label"  # pattern: Input {"type": LABEL, "index": label}
MEASURED = "upload-step-measured"  # pattern: Store {"type": MEASURED, "index": value}
MEASURED_OPTION = "upload-step-measured-option"  # toggle {"type", "index": value, "value": choice}
VALUES = "upload-step-values"  # the labels and measured/planned values of the chosen columns
UNIT = "upload-step-unit"
MARKERS = "upload-step-markers"
# The profile report's lines per page language (English: "lines").
_PROFILE_LINES = {"nl": "lines_nl", "fr": "lines_fr"}
PREVIEW = "upload-step-preview"
NAME = "upload-step-name"
SAVE = "upload-step-save"
SAVED = "upload-profile-saved"  # outside the report: it stays when the file is checked again
TARGETS_LIST = "upload-step-targets"  # datalist of sector codes and 'total'
MEASURED_CHOICES = ("measured", "planned")


def opens_mapping_step(outcome: CheckOutcome, kind: str) -> bool:
    """An indicators file whose shape the loader does not understand (a problem about the whole
    header, or an error), rather than one with wrong cells: the step, not the problem list."""
    if kind != "indicators" or outcome.importable or outcome.result is not None:
        return False
    return outcome.error is not None or any(p.column is None for p in outcome.problems)


def step_view(start: MappingStart, file_name: str, lang: str, preview: list) -> html.Section:
    """The columns with samples and role choices, the values, unit and markers, the preview, save."""
    return html.Section(id="upload-mapping-step", **{"aria-labelledby": "upload-step-heading"}, children=[
        html.H2(t("ms_heading", lang), id="upload-step-heading"),
        html.P(t("ms_intro", lang)),
        dcc.Store(id=STEP, data={"columns": start.columns, "distinct": start.distinct}),
        html.H3(t("ms_columns_heading", lang)),
        html.Div(className="step-columns", children=[
            _column_fieldset(column, position, start.roles.get(column, "ignore"), start.samples.get(column, []), lang)
            for position, column in enumerate(start.columns, start=1)]),
        html.Div(id=VALUES, children=values_view(start.roles, start.distinct, lang)),
        html.H3(t("ms_other_heading", lang)),
        _text_field(UNIT, t("ms_unit_field", lang), ""),
        _text_field(MARKERS, t("ms_markers_field", lang), ""),
        html.H3(t("ms_preview_heading", lang), id="upload-step-preview-heading"),
        html.Div(id=PREVIEW, children=preview, **{"aria-live": "polite"}),
        html.H3(t("ms_save_heading", lang)),
        _text_field(NAME, t("ms_name_field", lang), profile_name_for(file_name)),
        html.Button(t("ms_save", lang), id=SAVE, className="button primary", type="button", n_clicks=0),
        html.Datalist(id=TARGETS_LIST, children=[html.Option(value="total")]
                      + [html.Option(s.label(lang), value=s.code) for s in SECTORS]),
    ])


def _column_fieldset(column: str, position: int, role: str, samples: list[str], lang: str) -> html.Fieldset:
    text = t("ms_samples", lang, values=", ".join(samples)) if samples else t("ms_no_samples", lang)
    return html.Fieldset(className="choice step-column", children=[
        html.Legend(t("ms_column_legend", lang, column=shown_column(column, position, lang))),
        html.P(text, className="chart-summary"),
        html.Div(className="toggles", children=[
            html.Button(t(f"ms_role_{r}", lang), type="button", className="toggle",
                        id={"type": ROLE_OPTION, "index": column, "value": r},
                        **{"aria-pressed": "true" if r == role else "false"})
            for r in ROLES]),
        dcc.Store(id={"type": ROLE, "index": column}, data=role),
    ])


def _text_field(field_id, label: str, value: str) -> html.Div:
    # The label wraps its input: dcc.Input takes no aria-describedby, and ids may be dicts.
    return html.Div(className="map-field", children=[html.Label(className="search-label", children=[
        label, html.Br(), dcc.Input(id=field_id, type="text", className="text-input", value=value, debounce=True),
    ])])


def values_view(roles: dict[str, str], distinct: dict[str, list[str]], lang: str) -> list:
    """The labels of the label column (each with a target) and the measured/planned values."""
    label_column = next((c for c, r in roles.items() if r == "label"), None)
    children: list = []
    if label_column is None:
        children.append(html.P(t("ms_no_label_column", lang)))
    else:
        children += [html.H3(t("ms_labels_heading", lang, column=label_column)), html.P(t("ms_labels_intro", lang))]
        children += [html.Div(className="map-field", children=html.Label(className="search-label", children=[
            t("ms_label_field", lang, label=label), html.Br(),
            dcc.Input(id={"type": LABEL, "index": label}, type="text", className="text-input", list=TARGETS_LIST,
                      value=guess_label(label), debounce=True),
        ])) for label in distinct.get(label_column, [])]
    measured_column = next((c for c, r in roles.items() if r == "measured"), None)
    if measured_column is not None:
        children.append(html.H3(t("ms_measured_heading", lang, column=measured_column)))
        children += [_measured_fieldset(value, lang) for value in distinct.get(measured_column, [])]
    return children


def _measured_fieldset(value: str, lang: str) -> html.Fieldset:
    guess = guess_measured(value)
    return html.Fieldset(className="choice", children=[
        html.Legend(t("ms_measured_legend", lang, value=value)),
        html.Div(className="toggles", children=[
            html.Button(t(f"ms_{c}", lang), type="button", className="toggle",
                        id={"type": MEASURED_OPTION, "index": value, "value": c},
                        **{"aria-pressed": "true" if c == guess else "false"})
            for c in MEASURED_CHOICES]),
        dcc.Store(id={"type": MEASURED, "index": value}, data=guess or None),
    ])


def choices_from(role_ids: list, roles: list, label_ids: list, targets: list, measured_ids: list,
                 measured: list, unit, markers) -> MappingChoices:
    """The analyst's choices as the browser sends them back (ids with their values); anything
    malformed is left out, not guessed."""
    chosen = {k: str(r) for k, r in _by_index(role_ids, roles).items() if r in ROLES}
    labels = {k: str(v or "") for k, v in _by_index(label_ids, targets).items()}
    kinds = _by_index(measured_ids, measured)
    return MappingChoices(
        roles=chosen, labels={k: v for k, v in labels.items() if v.strip()},
        markers=tuple(m.strip() for m in str(markers or "").split(",") if m.strip()),
        measured=tuple(v for v, m in kinds.items() if m == "measured"),
        planned=tuple(v for v, m in kinds.items() if m == "planned"),
        unit=str(unit or "")[:50])


def _by_index(ids, values) -> dict:
    ids, values = ids or [], values or []
    return {str(i["index"]): v for i, v in zip(ids, values, strict=False) if isinstance(i, dict) and "index" in i}


def preview_view(result=None, problems: list[Problem] | None = None, error: str | None = None,
                 lang: str = "en", columns: dict[str, str] | None = None) -> list:
    """The dry run with the current choices: what would load, or why it does not yet."""
    if error is not None:
        return [notice(t("ms_preview_problems", lang) + " " + in_language(error, lang), alert=True)]
    if problems:
        return [html.P(t("ms_preview_problems", lang)), _problems_table(problems, lang, columns or {})]
    # What the choices did (rows left out, areas, markers); not the first line, which names the
    # unsaved profile the dry run was made with.
    lines = ((result.detected.get("profile") or {}).get(_PROFILE_LINES.get(lang, "lines")) or [])[1:]
    return [html.P(t("ms_preview_ok", lang), id="upload-step-ok"),
            *([html.Ul([html.Li(str(line)) for line in lines])] if lines else []), diff_section(result, lang)]


def _problems_table(problems: list[Problem], lang: str, columns: dict[str, str]) -> html.Div:
    """The problems left with these choices (row, column, value, expected): nothing to correct in
    the file, so no word about choosing it again, and no separate label form (the step has one)."""
    shown = sorted(problems, key=lambda p: -1 if p.row is None else p.row)[:PROBLEMS_SHOWN]
    rows = [["–" if p.row is None else str(p.row), columns.get(p.column or "", problem_column(p.column, lang)),
             "" if p.value is None else p.value,
             in_language(p.expected, lang)] for p in shown]
    return text_table(t("up_problems_caption", lang), [t("up_col_row", lang), t("up_col_column", lang),
                      t("up_col_value", lang), t("up_col_expected", lang)], rows, table_id="upload-step-problems",
                      class_names=(None, "text", "text", "text"))


def preview_of(run, lang: str, roles: dict[str, str] | None = None) -> list:
    """`run()` is the dry run; its result or its problems as the preview shows them, each problem
    under the export's own column name (`roles`: column → role) rather than the loader's."""
    from pipelines.errors import UserError

    try:
        return preview_view(run(), lang=lang)
    except ValidationFailed as failed:
        loader_column = {"label": "indicator", "period": "period", "value": "value", "unit": "unit", "note": "note"}
        columns = {loader_column[r]: c for c, r in (roles or {}).items() if r in loader_column}
        return preview_view(problems=list(failed.problems), lang=lang, columns=columns)
    except UserError as error:
        message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        return preview_view(error=message, lang=lang)


def step_skeleton() -> list:
    """The step's fixed ids, without data (for the page's callback validation layout)."""
    return [dcc.Store(id=STEP), html.Div(id=VALUES), html.Div(id=PREVIEW), dcc.Input(id=UNIT),
            dcc.Input(id=MARKERS), dcc.Input(id=NAME), html.Button(id=SAVE)]


def profile_name_for(file_name: str) -> str:
    """A profile name offered from the file's name (the analyst may change it)."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name).lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:60] or "my-export"
