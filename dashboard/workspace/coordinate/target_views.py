"""What the targets page shows: the target sets as a table, their forms (to change, rename and
remove them), the question before a removal, and their audit log."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components import choice_group
from dashboard.data_texts import stored_text
from dashboard.i18n import fmt_auto, t
from dashboard.workspace.common.form_fields import field_label, fmt_when
from dashboard.workspace.coordinate.targets import TARGET_SECTORS
from pipelines.analytics.inputs import PATHWAY_METHODS, TARGET_KINDS, TargetSetSpec
from pipelines.targets import may_remove
from pipelines.vocab import TOTAL, sector_label

PREFIX = "coord-targets"
TARGET_ENTITIES = ("target_set", "target", "milestone")
# Pattern-matching id type of a milestone's remove button: {"type": ..., "year": y, "sector": code}
MILESTONE_REMOVE = f"{PREFIX}-milestone-remove"


def tid(part: str) -> str:
    return f"{PREFIX}-{part}"


def kind_options(lang: str) -> list[dict]:
    return [{"label": t(f"coord_kind_{k}", lang), "value": k} for k in TARGET_KINDS]


def method_options(lang: str) -> list[dict]:
    return [{"label": t(f"coord_method_{m}", lang), "value": m} for m in PATHWAY_METHODS]


def target_text(kind: str, value: float, lang: str) -> str:
    """'17 % of the baseline left', '55 % reduction', '78,646 t CO₂e' (in the page's language)."""
    return t(f"coord_target_{kind}", lang, value=fmt_auto(value, lang, 2))


def number_text(value: float | None, lang: str) -> str:
    """A number as typed in the form's language, without thousands marks: 45,5 / 45.5."""
    if value is None:
        return ""
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def text_input(ident: str, label: str, value: str = "", mode: str = "decimal", hint: str | None = None) -> html.Div:
    box = dcc.Input(id=ident, type="text", value=value, inputMode=mode, className="text-input",
                    autoComplete="off")
    return html.Div([field_label(ident, label, hint), box], className="form-field")


def sets_table(sets: tuple[TargetSetSpec, ...], lang: str) -> html.Div:
    """One row per target set: years, pathway, overall target, sector targets, milestones."""
    if not sets:
        return html.P(t("coord_no_target_sets", lang))
    columns = ("coord_col_set", "coord_col_primary", "coord_col_years", "coord_col_pathway",
               "coord_col_target", "coord_col_sector_targets", "coord_col_milestones")
    body = []
    for s in sets:
        overall = s.target_for(TOTAL)
        milestones = "; ".join(f"{m.year}: {target_text(m.kind, m.value, lang)}" for m in s.milestones_for(TOTAL))
        cells = [
            t("coord_yes", lang) if s.is_primary else t("coord_no", lang),
            f"{s.baseline_year} → {s.target_year}",
            t(f"coord_method_{s.pathway_method}", lang),
            target_text(overall.kind, overall.value, lang) if overall else "–",
            str(sum(1 for x in s.targets if x.sector_code != TOTAL)),
            milestones or "–",
        ]
        body.append(html.Tr([html.Th(stored_text(s.name, lang), scope="row", className="text"),
                             *(html.Td(c, className="text") for c in cells)]))
    title = t("coord_sets_heading", lang)
    return html.Div(className="table-scroll", tabIndex="0", role="region", **{"aria-label": t("table_of", lang, title=title)},
                    children=html.Table(className="data-table", children=[
                        html.Caption(title, className="sr-only"),
                        html.Thead(html.Tr([html.Th(t(c, lang), scope="col", className="text") for c in columns])),
                        html.Tbody(body),
                    ]))


def set_choice(sets: tuple[TargetSetSpec, ...], chosen: int | None, lang: str) -> html.Fieldset:
    options = [{"label": stored_text(s.name, lang) + (f" ({t('coord_primary', lang)})" if s.is_primary else ""), "value": str(s.id)}
               for s in sets]
    return choice_group(tid("set"), t("coord_choose_set", lang), options, None if chosen is None else str(chosen))


def sector_options(lang: str) -> list[dict]:
    """The whole programme, then each top-level sector: what a target or milestone is for."""
    return [{"label": sector_text(code, lang), "value": code} for code in TARGET_SECTORS]


def target_form(target_set: TargetSetSpec, lang: str) -> list:
    """A target of the chosen set (the whole programme's first; a sector's when chosen), to change."""
    overall = target_set.target_for(TOTAL)
    return [
        html.H3(t("coord_target_form", lang, name=stored_text(target_set.name, lang))),
        choice_group(tid("target-sector"), t("coord_field_sector_of", lang), sector_options(lang), TOTAL),
        choice_group(tid("target-kind"), t("coord_field_kind", lang), kind_options(lang),
                     overall.kind if overall else "residual_pct"),
        text_input(tid("target-value"), t("coord_field_value", lang),
                   number_text(overall.value if overall else None, lang), hint=t("coord_hint_value", lang)),
        text_input(tid("target-baseline"), t("coord_field_baseline_t", lang),
                   number_text(overall.baseline_t if overall else None, lang),
                   hint=t("coord_hint_baseline_t", lang)),
        html.Button(t("coord_save_target", lang), id=tid("target-save"), type="button",
                    className="button primary", n_clicks=0),
    ]


def milestone_form(target_set: TargetSetSpec, lang: str) -> list:
    """The chosen set's milestones, each with its remove button, and one to add (or to replace,
    for a year that has one)."""
    return [
        html.H3(t("coord_milestone_form", lang, name=stored_text(target_set.name, lang))),
        milestone_list(target_set, lang),
        choice_group(tid("milestone-sector"), t("coord_field_sector_of", lang), sector_options(lang), TOTAL),
        text_input(tid("milestone-year"), t("coord_field_year", lang), mode="numeric",
                   hint=t("coord_hint_milestone_year", lang, low=target_set.baseline_year,
                          high=target_set.target_year)),
        choice_group(tid("milestone-kind"), t("coord_field_kind", lang), kind_options(lang), "residual_pct"),
        text_input(tid("milestone-value"), t("coord_field_value", lang), hint=t("coord_hint_value", lang)),
        html.Button(t("coord_save_milestone", lang), id=tid("milestone-save"), type="button",
                    className="button primary", n_clicks=0),
    ]


def milestone_list(target_set: TargetSetSpec, lang: str) -> html.Div:
    """Every milestone of the set (sectors' ones too), each removable after a question."""
    if not target_set.milestones:
        return html.P(t("coord_no_milestones", lang))
    items = []
    for m in target_set.milestones:
        sector = sector_text(m.sector_code, lang)
        what = t("coord_milestone_item", lang, year=m.year, sector=sector)
        hidden = t("coord_milestone_named", lang, year=m.year, sector=sector)  # which Remove, for screen readers
        button = html.Button(
            [t("coord_remove", lang), html.Span(f" {hidden}", className="sr-only")],
            id={"type": MILESTONE_REMOVE, "year": m.year, "sector": m.sector_code},
            type="button", className="button small", n_clicks=0)
        items.append(html.Li([f"{what}: {target_text(m.kind, m.value, lang)} ", button]))
    return html.Div([html.P(t("coord_current_milestones", lang)), html.Ul(items, className="milestones")])


def rename_form(target_set: TargetSetSpec, lang: str) -> list:
    """A new name for the chosen set, filled with the one it has."""
    return [
        html.H3(t("coord_rename_form", lang, name=stored_text(target_set.name, lang))),
        text_input(tid("rename-name"), t("coord_field_new_name", lang), target_set.name, mode="text",
                   hint=t("coord_hint_new_name", lang)),
        html.Button(t("coord_rename", lang), id=tid("rename-save"), type="button", className="button",
                    n_clicks=0),
    ]


def removal_form(target_set: TargetSetSpec, sets: tuple[TargetSetSpec, ...], lang: str) -> list:
    """The button that asks before removing the chosen set, or why the primary set stays."""
    heading = html.H3(t("coord_remove_form", lang, name=stored_text(target_set.name, lang)))
    if not may_remove(target_set.is_primary, len(sets)):
        return [heading, html.P(t("coord_remove_primary_first", lang, name=stored_text(target_set.name, lang))),
                html.Button(id=tid("remove-ask"), hidden=True, n_clicks=0)]
    return [heading, html.P(t("coord_remove_explained", lang)),
            html.Button(t("coord_remove_set", lang, name=stored_text(target_set.name, lang)), id=tid("remove-ask"),
                        type="button", className="button", n_clicks=0)]


def confirm_panel(question: str, lang: str) -> html.Section:
    """The question before a removal; "No" takes the focus, so a stray Enter removes nothing."""
    return html.Section(className="notice notice-confirm", **{"aria-labelledby": tid("confirm-heading")}, children=[
        html.H3(t("coord_confirm_heading", lang), id=tid("confirm-heading")),
        html.P(question),
        html.Button(t("coord_confirm_yes", lang), id=tid("confirm-yes"), type="button",
                    className="button danger", n_clicks=0),
        " ",
        html.Button(t("coord_confirm_no", lang), id=tid("confirm-no"), type="button", className="button",
                    n_clicks=0, autoFocus=True),
    ])


def primary_form(target_set: TargetSetSpec, lang: str) -> list:
    if target_set.is_primary:
        return [html.P(t("coord_is_primary", lang, name=stored_text(target_set.name, lang))),
                html.Button(id=tid("primary-save"), hidden=True, n_clicks=0)]
    return [html.P(t("coord_primary_explained", lang)),
            html.Button(t("coord_make_primary", lang, name=stored_text(target_set.name, lang)), id=tid("primary-save"),
                        type="button", className="button", n_clicks=0)]


def new_set_form(lang: str) -> list:
    """A new target set with its overall target (no data: part of the page's frame)."""
    return [
        text_input(tid("new-name"), t("coord_field_name", lang), mode="text"),
        text_input(tid("new-baseline-year"), t("coord_field_baseline_year", lang), mode="numeric"),
        text_input(tid("new-target-year"), t("coord_field_target_year", lang), mode="numeric",
                   hint=t("coord_hint_target_year", lang)),
        choice_group(tid("new-method"), t("coord_field_method", lang), method_options(lang), "linear"),
        choice_group(tid("new-kind"), t("coord_field_kind", lang), kind_options(lang), "reduction_pct"),
        text_input(tid("new-value"), t("coord_field_value", lang), hint=t("coord_hint_value", lang)),
        choice_group(tid("new-primary"), t("coord_field_primary", lang),
                     [{"label": t("coord_yes", lang), "value": "yes"}, {"label": t("coord_no", lang), "value": "no"}],
                     "no"),
        html.Button(t("coord_add_set", lang), id=tid("new-save"), type="button", className="button primary",
                    n_clicks=0),
    ]


def change_text(field: str, old: str | None, new: str | None, lang: str) -> str:
    """An audit field of a target set in words: 'target:total' → 'Target (whole programme)'; a
    name with nothing before was created, with nothing after removed, else renamed."""
    kind, _, rest = field.partition(":")
    if kind == "target":
        return t("coord_audit_target", lang, sector=sector_text(rest, lang))
    if kind == "milestone":
        sector, _, year = rest.partition(":")
        return t("coord_audit_milestone", lang, year=year, sector=sector_text(sector, lang))
    if field == "name":
        step = "created" if old is None else "removed" if new is None else "renamed"
        return t(f"coord_audit_name_{step}", lang)
    return t("coord_audit_is_primary", lang) if field == "is_primary" else field


def sector_text(code: str, lang: str) -> str:
    """A sector's name in the page's language; 'whole programme' for the total."""
    return t("coord_whole_programme", lang) if code == TOTAL else sector_label(code, lang)


def set_names_of_rows(log: pd.DataFrame, names: dict[int, str]) -> list[str]:
    """The target set each log row (newest first) is about, by name.

    A removed set is named by its removal row, for that row and the older ones of its id: the
    set is gone, and SQLite may give its id to a set added later, whose rows are newer.
    """
    current = dict(names)
    shown = []
    for e in log.itertuples(index=False):
        set_id = int(e.entity_id)
        if e.entity == "target_set" and e.field == "name" and e.new_value is None and e.old_value is not None:
            current[set_id] = e.old_value
        shown.append(current.get(set_id, f"#{set_id}"))
    return shown


def targets_log(log: pd.DataFrame, names: dict[int, str], lang: str) -> html.Div:
    """Who changed which target when, from what to what (newest first)."""
    if log.empty:
        return html.P(t("coord_log_empty", lang))
    columns = ("coord_col_when", "coord_col_who", "coord_col_set", "coord_col_field", "coord_col_old",
               "coord_col_new")
    body = [
        html.Tr([html.Td(c, className="text") for c in (
            fmt_when(e.changed_at, lang), e.changed_by, set_name,
            change_text(e.field, e.old_value, e.new_value, lang), e.old_value or "–", e.new_value or "–",
        )])
        for e, set_name in zip(log.itertuples(index=False), set_names_of_rows(log, names), strict=True)
    ]
    title = t("coord_targets_log", lang)
    return html.Div(className="table-scroll", tabIndex="0", role="region", **{"aria-label": t("table_of", lang, title=title)},
                    children=html.Table(className="data-table audit-table", children=[
                        html.Caption(title, className="sr-only"),
                        html.Thead(html.Tr([html.Th(t(c, lang), scope="col", className="text") for c in columns])),
                        html.Tbody(body),
                    ]))
