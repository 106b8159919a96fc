"""A scenario from commitments as two chart blocks (the wedge chart and the now / scenario /
target bar, each with table, CSV and summary): the overview's "all delivered" scenario and the
coordinators' scenario page."""

from __future__ import annotations

import pandas as pd
from dash import html
from sqlalchemy import Engine

from dashboard import queries
from dashboard.cache import cached_section
from dashboard.components import ChartView, Column, chart_block
from dashboard.context import current_engine
from dashboard.data_texts import name_in, stored_text
from dashboard.figures.scenarios import bar_figure, bar_table, wedge_figure, wedge_keys, wedge_table
from dashboard.i18n import fmt_number, t
from pipelines.analytics.scenarios import Scenario, ScenarioResult
from pipelines.errors import UserError
from pipelines.scenario_inputs import compute_scenario

OVERVIEW_SCENARIO = Scenario(basis="all_delivered")


def scenario_name(scenario: Scenario, lang: str) -> str:
    chosen = scenario.statuses or scenario.themes or scenario.sectors or scenario.partner_types
    return t("sc_chosen" if chosen else f"sc_{scenario.basis}", lang)


def scenario_result(programme_id: int, target_id: int | None, scenario: Scenario,
                    lang: str) -> ScenarioResult | None:
    """The scenario on the cached public queries; None when there is no projection or target."""
    if target_id is None:
        return None
    engine = current_engine()
    none_label = t("sc_no_theme" if scenario.group_by == "theme" else "sc_no_sector", lang)
    try:
        return compute_scenario(
            scenario, queries.summary(engine, programme_id, target_id),
            queries.progress_series(engine, programme_id, target_id),
            queries.commitments_for_scenarios(engine, programme_id), lang, none_label,
        )
    except UserError:
        return None


def _kt(value_kt: float, lang: str) -> str:
    return fmt_number(value_kt, lang, 1)


def wedge_names(result: ScenarioResult, commitments: pd.DataFrame, group_by: str,
                lang: str) -> dict[str, tuple[str, str | None]]:
    """Wedge key -> (its name in `lang`, the name's language when not `lang`): a theme's name as
    name_in shows it (stored French, the project's translation, else English marked as such)."""
    names = {key: (stored_text(label, lang), None) for key, label in result.labels.items()}
    if group_by == "theme":
        themes = commitments.dropna(subset=["theme_key"]).drop_duplicates("theme_key")
        for key, nl, en, fr in zip(themes["theme_key"], themes["theme_nl"], themes["theme_en"],
                                   themes["theme_fr"], strict=True):
            names[key] = name_in(nl, en, fr, lang)
    return names


def wedge_view(result: ScenarioResult, scenario: Scenario, lang: str, name: str,
               names: dict[str, tuple[str, str | None]]) -> ChartView:
    """The wedge chart and its table; `names`: each wedge's name and its language (wedge_names)."""
    table = wedge_table(result.pathway, result.wedges)
    keys = wedge_keys(table)
    found = {k: names.get(k, (k, None)) for k in keys}
    labels = {k: label for k, (label, _) in found.items()}
    line_labels = {k: t(f"sc_{k}", lang) for k in ("projected", "scenario", "target_pathway")}
    columns = (
        Column("year", t("sc_col_year", lang), "year"),
        Column("projected_kt", t("sc_col_projected_kt", lang), "kt"),
        Column("scenario_kt", t("sc_col_scenario_kt", lang), "kt"),
        Column("target_pathway_kt", t("sc_col_target_pathway_kt", lang), "kt"),
    ) + tuple(Column(f"w:{k}", t("sc_col_wedge_kt", lang, label=labels[k]), "kt", lang=found[k][1])
              for k in keys)
    last = table.iloc[-1]
    values = {"year": result.target_year, "scenario": _kt(last["scenario_kt"], lang),
              "projected": _kt(last["projected_kt"], lang)}
    if keys:
        summary = t("sc_wedge_summary", lang, label=labels[keys[0]],
                    wedge=_kt(last[f"w:{keys[0]}"], lang), **values)
    else:
        summary = t("sc_wedge_summary_none", lang, **{k: values[k] for k in ("year", "projected")})
    return ChartView(
        name=f"{name}-wedges", title=t("sc_wedge_title", lang, scenario=scenario_name(scenario, lang)),
        summary=summary, figure=wedge_figure(table, labels, line_labels, lang, t("axis_kt", lang)),
        table=table, columns=columns,
    )


def bar_view(result: ScenarioResult, lang: str, name: str) -> ChartView:
    table = bar_table(result.latest_year, result.now_t, result.target_year, result.scenario_t,
                      result.target_t)
    step_labels = {s: t(f"sc_{s}", lang) for s in ("now", "scenario", "target")}
    shown = table.assign(step_label=table["step"].map(step_labels))
    now, scenario, target = table["value_kt"].tolist()
    values = {"now_year": result.latest_year, "now": _kt(now, lang), "year": result.target_year,
              "scenario": _kt(scenario, lang), "target": _kt(target, lang)}
    if result.reaches_target:
        summary = t("sc_bar_reaches", lang, **values)
    else:
        summary = t("sc_bar_short", lang, short=_kt(round(result.shortfall_t / 1000, 1), lang), **values)
    columns = (Column("step_label", t("sc_col_step", lang), "text"),
               Column("year", t("sc_col_year", lang), "year"),
               Column("value_kt", t("sc_col_value_kt", lang), "kt"))
    return ChartView(name=f"{name}-bar", title=t("sc_bar_title", lang), summary=summary,
                     figure=bar_figure(table, step_labels, lang, t("axis_kt", lang)),
                     table=shown, columns=columns)


def scenario_blocks(programme_id: int, target_id: int | None, scenario: Scenario, lang: str,
                    name: str = "scenario") -> list:
    """The wedge chart and the bar of one scenario (or one sentence why there is none)."""
    result = scenario_result(programme_id, target_id, scenario, lang)
    if result is None:
        message = t("sc_not_available", lang)
        view = ChartView(f"{name}-wedges", t("sc_wedge_title", lang, scenario=scenario_name(scenario, lang)),
                         message, None, pd.DataFrame())
        return [chart_block(view, lang, empty=True)]
    names = wedge_names(result, queries.commitments_for_scenarios(current_engine(), programme_id),
                        scenario.group_by, lang)
    return [chart_block(wedge_view(result, scenario, lang, name, names), lang),
            chart_block(bar_view(result, lang, name), lang)]


def overview_scenario(programme_id: int, target_id: int | None, lang: str) -> dict:
    """The overview's "all delivered" scenario, under its own heading, in its wire form (built
    once per data version: see dashboard/cache.py)."""
    return _overview_scenario(current_engine(), programme_id, target_id, lang)


@cached_section
def _overview_scenario(_engine: Engine, programme_id: int, target_id: int | None, lang: str) -> html.Section:
    return html.Section(className="scenario", **{"aria-labelledby": "scenario-heading"}, children=[
        html.H2(t("sc_heading", lang), id="scenario-heading"),
        html.P(t("sc_intro", lang)),
        *scenario_blocks(programme_id, target_id, OVERVIEW_SCENARIO, lang),
    ])
