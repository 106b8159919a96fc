"""Indicator explorer: pick indicators and compare them, absolute, per inhabitant or as an index."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, html

from dashboard import queries
from dashboard.components import (
    ChartView,
    Column,
    chart_block,
    choice_group,
    hidden_controls,
    no_data,
    page_shell,
    register_choice_group,
    register_url_sync,
    state_id,
)
from dashboard.context import (
    ProgrammeInfo,
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.data_texts import name_in, unit_text
from dashboard.figures.indicators import (
    MODES,
    NOTE,
    indicator_figure,
    indicator_table,
    value_columns,
)
from dashboard.i18n import fmt_auto, t
from pipelines.vocab import TOTAL

PAGE = "indicators"
PICK_ID, MODE_ID, CONTENT_ID = "indicators-pick", "indicators-mode", "indicators-content"
CONTROLS = (("indicators", PICK_ID, "data"), ("mode", MODE_ID, "data"))
TOTAL_CODE = "emissions.total"  # total emissions, read from the derived table
MAX_PICKED = 6

def placeholders() -> html.Div:
    return hidden_controls((PICK_ID, MODE_ID), (CONTENT_ID,))


dash.register_page(__name__, path="/indicators", name="Indicators", title=page_title("nav_indicators"), order=3)


def available(prog: ProgrammeInfo, lang: str) -> pd.DataFrame:
    """code, label (and label_lang when not `lang`), unit, id (None for total emissions) of every
    indicator with data."""
    engine = current_engine()
    found = queries.indicators(engine, prog.id)
    rows = [{"code": TOTAL_CODE, "label": t("total_emissions", lang), "label_lang": None, "unit": "t CO2e", "id": None}]
    for row in found.itertuples(index=False):
        if row.code == TOTAL_CODE:  # the reported total is already in the headline total above
            continue
        label, label_lang = name_in(row.name_nl, row.name_en, row.name_fr, lang)
        rows.append({"code": row.code, "label": label, "label_lang": label_lang,
                     "unit": row.unit, "id": int(row.id)})
    return pd.DataFrame(rows)


def layout(lang=None, indicators=None, mode=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    heading = t("indicators_heading", lang)
    prog = current_programme(programme)
    if prog is None:
        return page_shell(PAGE, lang, heading, [no_data(lang, "no_programme"), placeholders()], {},
                          CONTROLS, programme)
    options = available(prog, lang)
    codes = list(options["code"])
    picked = [c for c in (indicators.split(",") if isinstance(indicators, str) else default_pick(prog, codes))
              if c in codes]
    mode = mode if mode in MODES else "absolute"
    children = [
        html.P(t("indicators_intro", lang), className="lead"),
        # Folded: the list of indicators would fill two phone screens before the chart.
        html.Details(className="picker", children=[
            html.Summary(t("indicators_picker", lang, max=MAX_PICKED)),
            choice_group(PICK_ID, t("indicators_legend", lang, max=MAX_PICKED),
                         [{"label": f"{r.label} ({unit_text(r.unit, lang)})", "value": r.code,
                           "lang": r.label_lang if isinstance(r.label_lang, str) else None}
                          for r in options.itertuples()], picked, multi=True),
        ]),
        choice_group(MODE_ID, t("mode_legend", lang),
                     [{"label": t(f"mode_{m}", lang), "value": m} for m in MODES], mode),
        html.Div(id=CONTENT_ID, children=explorer_content(prog, picked, mode, lang)),
    ]
    params = {"indicators": ",".join(picked), "mode": mode}
    return page_shell(PAGE, lang, heading, children, params, CONTROLS, programme)


def default_pick(prog: ProgrammeInfo, codes: list[str]) -> list[str]:
    """Total emissions, or the first indicator when no year has a total (an export of energy use
    alone, as Klimaatmonitor's Thema's sheet): the page opens on a chart with values in it."""
    if _series(prog, None)["value"].notna().any() or len(codes) < 2:
        return [TOTAL_CODE]
    return [c for c in codes if c != TOTAL_CODE][:1]


def _series(prog: ProgrammeInfo, indicator_id) -> pd.DataFrame:
    """period, year, value of an indicator; of total emissions when `indicator_id` is missing."""
    engine = current_engine()
    if indicator_id is None or pd.isna(indicator_id):
        emissions = queries.emissions_by_sector(engine, prog.id)
        # Complete years only: an incomplete year's partial sum is not a measurement.
        totals = emissions[(emissions["sector_code"] == TOTAL) & emissions["complete"].astype(bool)]
        return pd.DataFrame({"period": totals["year"].astype(str), "year": totals["year"],
                             "value": totals["value_t"]})
    return queries.indicator_series(engine, prog.id, int(indicator_id))


def explorer_content(prog: ProgrammeInfo, picked: list[str], mode: str, lang: str) -> list:
    title = t("explorer_title", lang)
    options = available(prog, lang).set_index("code")
    picked = [c for c in picked if c in options.index][:MAX_PICKED]
    if not picked:
        message = t("pick_an_indicator", lang)
        return [chart_block(ChartView("explorer", title, message, None, pd.DataFrame()),
                            lang, empty=True)]
    # One chart per unit (small multiples): series in different units never share an axis.
    population_code = prog.population_indicator or "population"
    by_unit: dict[str, dict[str, pd.DataFrame]] = {}
    itself: set[str] = set()
    for code in picked:
        row = options.loc[code]
        unit = _unit(unit_text(row["unit"], lang), mode, lang, code == population_code)
        label = f"{row['label']} ({unit})"
        by_unit.setdefault(unit, {})[label] = _series(prog, row["id"])
        if code == population_code:
            itself.add(label)
    population = _population(prog) if mode == "per_capita" else None
    blocks = []
    for number, (unit, series) in enumerate(by_unit.items(), start=1):
        table = indicator_table(series, mode, population, frozenset(itself & set(series)))
        labels = value_columns(table)
        y_title = t("axis_index", lang) if mode == "index" else unit
        drawn = bool(table[labels].notna().any().any())
        summary = explorer_summary(table, lang)
        if mode == "per_capita" and itself & set(series):
            note = t("explorer_population_not_per_capita", lang)
            summary = f"{summary} {note}" if drawn else note  # not "no data yet": it has, in absolute
        blocks.append(chart_block(ChartView(
            name="explorer" if number == 1 else f"explorer-{number}",
            title=title if len(by_unit) == 1 else t("explorer_title_unit", lang, unit=unit),
            summary=summary, table=table,
            # No value in any picked series: its sentence, no empty frame of axes.
            figure=indicator_figure(table, lang, y_title, prog.target_year) if drawn else None,
            columns=(Column("period", t("col_period", lang), "text"),) + tuple(Column(c, c, "number") for c in labels)
            + ((Column(NOTE, t("col_note", lang), "text"),) if NOTE in table.columns else ()),
        ), lang))
    return blocks


def _unit(unit: str, mode: str, lang: str, is_population: bool = False) -> str:
    if mode == "index":
        return t("index_unit", lang)
    per_head = mode == "per_capita" and not is_population  # never population per inhabitant
    return f"{unit} {t('per_inhabitant', lang)}" if per_head else unit


def _population(prog: ProgrammeInfo) -> pd.DataFrame | None:
    found = queries.indicators(current_engine(), prog.id, kinds=["context"])
    match = found[found["code"] == (prog.population_indicator or "population")]
    if match.empty:
        return None
    return queries.indicator_series(current_engine(), prog.id, int(match.iloc[0]["id"]))


def explorer_summary(table: pd.DataFrame, lang: str) -> str:
    parts = []
    for column in value_columns(table):
        values = table[["period", column]].dropna()
        if not values.empty:
            last = values.iloc[-1]
            parts.append(t("explorer_part", lang, name=column, period=last["period"],
                           value=fmt_auto(last[column], lang, 4)))
    return "; ".join(parts) + "." if parts else t("no_data_yet", lang)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [placeholders()], {}, CONTROLS)


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, list(CONTROLS))
    register_choice_group(app, PICK_ID, multi=True)
    register_choice_group(app, MODE_ID)

    @app.callback(
        Output(CONTENT_ID, "children"), Input(PICK_ID, "data"), Input(MODE_ID, "data"),
        State(state_id(PAGE), "data"), prevent_initial_call=True,
    )
    def update_explorer(picked, mode, state):
        prog = current_programme(state.get("programme"))
        if prog is None:
            return no_data(state["lang"], "no_programme")
        return explorer_content(prog, list(picked or []), mode if mode in MODES else "absolute", state["lang"])
