"""Overview: the headline numbers, the trajectory, the commitments gap and emissions by sector."""

from __future__ import annotations

import dash
from dash import Input, Output, State, html

from dashboard import queries
from dashboard.components import (
    choice_group,
    hidden_controls,
    no_data,
    page_shell,
    register_choice_group,
    register_url_sync,
    state_id,
)
from dashboard.context import (
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.i18n import t
from dashboard.sections.overview_sections import main_content, sectors_content
from dashboard.sections.per_inhabitant import chosen_per, per_choice
from dashboard.sections.scenario_views import overview_scenario
from dashboard.sections.targets_and_gap import pick_target, target_options

PAGE = "overview"
TARGET_ID = "overview-target"
BREAKDOWN_ID = "overview-breakdown"
MAIN_ID = "overview-main"
SECTORS_ID = "overview-sectors"
SCENARIO_ID = "overview-scenario"
PER_ID = "overview-per"
BREAKDOWNS = ("absolute", "share")
CONTROLS = (("target", TARGET_ID, "data"), ("breakdown", BREAKDOWN_ID, "data"), ("per", PER_ID, "data"))


def placeholders() -> html.Div:
    return hidden_controls((TARGET_ID, BREAKDOWN_ID, PER_ID), (MAIN_ID, SECTORS_ID, SCENARIO_ID))



dash.register_page(__name__, path="/", name="Overview", title=page_title("nav_overview"), order=0)


def layout(lang=None, target=None, breakdown=None, per=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    heading = t("overview_heading", lang)
    prog = current_programme(programme)
    if prog is None:
        return page_shell(PAGE, lang, heading, [no_data(lang, "no_programme"), placeholders()], {},
                          CONTROLS, programme)
    engine = current_engine()
    sets = queries.target_sets(engine, prog.id)
    target_id = pick_target(sets, target)
    breakdown = breakdown if breakdown in BREAKDOWNS else "absolute"
    per = chosen_per(per)
    children = [
        html.P(t("overview_intro", lang, name=prog.name), className="lead"),
        choice_group(TARGET_ID, t("target_set", lang), target_options(sets, lang), target_id),
        per_choice(PER_ID, per, lang),
        html.Div(id=MAIN_ID, children=main_content(prog, target_id, lang, per, offer_embeds=True)),
        html.Div(id=SCENARIO_ID, children=overview_scenario(prog.id, target_id, lang)),
        choice_group(BREAKDOWN_ID, t("breakdown_legend", lang),
                     [{"label": t(f"breakdown_{b}", lang), "value": b} for b in BREAKDOWNS], breakdown),
        html.Div(id=SECTORS_ID, children=sectors_content(prog.id, breakdown, lang, per, prog.target_year,
                                                               embed_for=prog.slug)),
    ]
    params = {"target": target_id, "breakdown": breakdown, "per": per}
    return page_shell(PAGE, lang, heading, children, params, CONTROLS, programme)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [placeholders()], {}, CONTROLS)


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, list(CONTROLS))
    register_choice_group(app, TARGET_ID)
    register_choice_group(app, BREAKDOWN_ID)
    register_choice_group(app, PER_ID)

    @app.callback(
        Output(MAIN_ID, "children"), Output(SCENARIO_ID, "children"), Input(TARGET_ID, "data"),
        Input(PER_ID, "data"),
        State(state_id(PAGE), "data"), prevent_initial_call=True,
    )
    def update_main(target_id, per, state):
        prog = current_programme(state.get("programme"))
        if not prog:
            return [], []
        target = pick_target(queries.target_sets(current_engine(), prog.id), target_id)
        return (main_content(prog, target, state["lang"], chosen_per(per), offer_embeds=True),
                overview_scenario(prog.id, target, state["lang"]))

    @app.callback(
        Output(SECTORS_ID, "children"), Input(BREAKDOWN_ID, "data"), Input(PER_ID, "data"),
        State(state_id(PAGE), "data"), prevent_initial_call=True,
    )
    def update_sectors(breakdown, per, state):
        prog = current_programme(state.get("programme"))
        if not prog:
            return []
        return sectors_content(prog.id, breakdown, state["lang"], chosen_per(per), prog.target_year, embed_for=prog.slug)
