"""The fields of the coordinators' edit forms: accessible inputs, shown values, errors in words.

Numbers are typed into text inputs (inputmode decimal): the server reads them, so '45,5' and
'45.5' both work and a mistyped value comes back as words, never as an input the browser empties.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import flask
from dash import dcc, html

from dashboard.components import choice_group
from dashboard.context import current
from dashboard.i18n import fmt_date, is_missing, t, tn
from dashboard.workspace.common.local_time import local_when, zone
from pipelines.errors import Problem, in_language
from pipelines.field_checks import FieldProblem

NONE = ""  # the value of a choice that clears the field (e.g. no sector)


@dataclass(frozen=True)
class EditField:
    """One editable attribute, as `pipelines.audit.edit` names it."""

    attr: str
    label: str  # label key
    kind: str = "text"  # choice | text | textarea | number | year | url
    options: Callable[[str], list[dict]] | None = None  # choice: lang -> [{"label", "value"}]
    hint: str | None = None  # label key of a hint under the field


def field_id(prefix: str, attr: str) -> str:
    return f"{prefix}-field-{attr}"


def field_prop(field: EditField) -> str:
    """The property holding the field's value (a choice keeps it in its Store)."""
    return "data" if field.kind == "choice" else "value"


def shown_value(field: EditField, value: object, lang: str) -> str:
    """A stored value as the form shows it: '45,5' in Dutch, 2030 without a thousands mark."""
    if value is None or (not isinstance(value, str) and is_missing(value)):
        return NONE
    if field.kind == "year":
        return str(int(value))
    if field.kind == "number":
        text = f"{float(value):.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "nl" else text
    return str(value)


def choice_text(field: EditField, code: object, lang: str) -> str:
    """The label of a choice's code ('in_progress' → 'In progress'); other values as they are."""
    if code is None:
        return "–"
    if field.kind == "choice" and field.options is not None:
        for option in field.options(lang):
            if str(option["value"]) == str(code):
                return option["label"]
    return str(code)


def field_widget(prefix: str, field: EditField, value: object, lang: str, focus: bool = False) -> html.Div:
    """The labelled input of one field, filled with its stored value."""
    ident = field_id(prefix, field.attr)
    label = t(field.label, lang)
    shown = shown_value(field, value, lang)
    if field.kind == "choice":
        control = choice_group(ident, label, field.options(lang), shown)
        return html.Div(control, className="form-field")
    if field.kind == "textarea":
        box = dcc.Textarea(id=ident, value=shown, className="text-input", rows=3)
    else:
        modes = {"number": "decimal", "year": "numeric", "url": "url"}
        box = dcc.Input(
            # Always type="text": Dash 4 paints an input the browser finds invalid in red (3.99:1
            # contrast); the server checks every value and says what is wrong in words.
            id=ident, type="text", value=shown, debounce=False,
            inputMode=modes.get(field.kind, "text"), className="text-input", autoComplete="off",
            autoFocus=focus,
        )
    children = [field_label(ident, label, t(field.hint, lang) if field.hint else None), box]
    return html.Div(children, className="form-field")


def field_label(ident: str, label: str, hint: str | None) -> html.Label:
    """A label with its hint inside it: dcc.Input takes no aria-describedby, and this way screen
    readers announce the hint with the field's name."""
    if hint is None:
        return html.Label(label, htmlFor=ident)
    return html.Label([label, html.Span(hint, className="hint")], htmlFor=ident)


def field_skeleton(prefix: str, field: EditField) -> object:
    """The bare component a field's value lives in (for Dash's validation layout)."""
    ident = field_id(prefix, field.attr)
    if field.kind == "choice":
        return dcc.Store(id=ident)
    if field.kind == "textarea":
        return dcc.Textarea(id=ident)
    return dcc.Input(id=ident, type="text")


def problem_items(problems: list[Problem | FieldProblem], labels: dict[str, str], lang: str) -> list[html.Li]:
    """Each problem as words: which field, what was typed, what is expected."""
    items = []
    for problem in problems:
        if isinstance(problem, FieldProblem):  # a pipelines check's: its words come in every language
            column, expected = problem.field, problem.text(lang)
        else:
            column, expected = problem.column, in_language(problem.expected, lang)
        field = labels.get(column or "", column or t("coord_field_general", lang))
        if problem.value in (None, ""):
            text = t("coord_problem_empty", lang, field=field, expected=expected)
        else:
            text = t("coord_problem", lang, field=field, value=problem.value, expected=expected)
        items.append(html.Li(text))
    return items


def error_box(problems: list[Problem | FieldProblem], labels: dict[str, str], lang: str) -> html.Div:
    """Every problem of a refused save, announced at once; nothing was saved."""
    return html.Div(className="notice notice-error", role="alert", children=[
        html.P(tn("coord_not_saved", lang, len(problems)), className="notice-title"),
        html.Ul(problem_items(problems, labels, lang)),
    ])


def saved_box(lines: list[str], lang: str) -> html.Div:
    """What a save changed (or that nothing changed)."""
    if not lines:
        return html.Div(html.P(t("coord_nothing_changed", lang)), className="notice", role="status")
    return html.Div(className="notice notice-ok", role="status", children=[
        html.P(tn("coord_saved", lang, len(lines)), className="notice-title"),
        html.Ul([html.Li(line) for line in lines]),
    ])


def fmt_when(value: datetime | date | str | None, lang: str) -> str:
    """'21 November 2026, 14:45 CET': stored times are UTC (SQLite returns them without a zone),
    shown at the workspace's local time (setting ROADMAP_TIMEZONE, Europe/Brussels)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return fmt_date(value, lang)
    return local_when(value, lang, zone(current().settings.timezone if flask.has_app_context() else None))
