"""Coordinators: any scenario from commitments (by basis, status, theme, sector, partner type),
as a wedge chart and a now / scenario / target bar; saved by name, shared by permalink.

The choice lives in the query string (`?basis=all_delivered&theme=P04,P01&by=sector`), so the
permalink opens the same scenario. Charts and saving come through role-checked callbacks.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Input, Output, State, dcc, html

from dashboard import queries
from dashboard.components import choice_group, register_choice_group
from dashboard.context import (
    current_engine,
    current_programme,
    page_title,
    request_language,
    write_engine,
)
from dashboard.data_texts import name_in
from dashboard.i18n import normalise_language, t
from dashboard.sections.scenario_views import scenario_blocks, scenario_name
from dashboard.sections.targets_and_gap import pick_target
from dashboard.security import current_user_name, role_required
from dashboard.workspace.common.nav import COORD_SCENARIOS_PATH, workspace_shell
from pipelines.analytics.commitments_gap import SCENARIO_BASES
from pipelines.analytics.scenarios import GROUPINGS, Scenario
from pipelines.errors import UserError
from pipelines.saved_scenarios import NAME_MAX, save_scenario, saved_scenarios
from pipelines.themes import list_themes
from pipelines.vocab import COMMITMENT_STATUSES, PARTNER_TYPES, SECTORS

dash.register_page(__name__, path=COORD_SCENARIOS_PATH, name="Scenarios (coordinators)",
                   title=page_title("sc_ws_title"), required_role="coordinator")

PREFIX = "coord-sc"
LISTS = (("status", "statuses"), ("theme", "themes"), ("sector", "sectors"),
         ("partner_type", "partner_types"))  # (query key, Scenario field)


def sid(part: str) -> str:
    return f"{PREFIX}-{part}"


def _theme_option(theme, lang: str) -> dict:
    label, label_lang = name_in(theme.name_nl, theme.name_en, theme.name_fr, lang)
    return {"label": label, "value": theme.code, "lang": label_lang}


def _options(lang: str, themes) -> dict[str, list[dict]]:
    return {
        "status": [{"label": s.label(lang), "value": s.code} for s in COMMITMENT_STATUSES],
        "theme": [_theme_option(th, lang) for th in themes],
        "sector": [{"label": s.label(lang), "value": s.code} for s in SECTORS if s.parent is None],
        "partner_type": [{"label": p.label(lang), "value": p.code} for p in PARTNER_TYPES],
    }


def _split(value) -> list[str]:
    return [v for v in (value or "").split(",") if v] if isinstance(value, str) else []


def body(lang: str, programme: str | None, query: dict, themes=()) -> list:
    """The controls (from the query string), the charts' place, the permalink and saving."""
    options = _options(lang, themes)
    basis = query.get("basis") if query.get("basis") in SCENARIO_BASES else "as_reported"
    group_by = query.get("by") if query.get("by") in GROUPINGS else "theme"
    chosen, unknown = {}, []
    for key, _ in LISTS:
        known = {o["value"] for o in options[key]}
        values = _split(query.get(key))
        chosen[key] = [v for v in values if v in known]
        unknown += [v for v in values if v not in known]
    notice = ([html.P(t("sc_ws_unknown", lang, values=", ".join(unknown)), className="notice", role="status")]
              if unknown else [])
    return [
        html.P(t("sc_ws_intro", lang), className="lead"),
        dcc.Store(id=sid("state"), data={"lang": lang, "programme": programme,
                                         "target": query.get("target")}),
        *notice,
        html.Div(className="ws-form", children=[
            choice_group(sid("basis"), t("sc_ws_basis", lang),
                         [{"label": t(f"sc_{b}", lang), "value": b} for b in SCENARIO_BASES], basis),
            *(choice_group(sid(key), t(f"sc_ws_{key}", lang), options[key], chosen[key], multi=True)
              for key, _ in LISTS),
            choice_group(sid("by"), t("sc_ws_by", lang),
                         [{"label": t(f"sc_ws_by_{g}", lang), "value": g} for g in GROUPINGS], group_by),
        ]),
        html.P(html.A(t("sc_ws_permalink", lang), id=sid("permalink"), href=COORD_SCENARIOS_PATH)),
        html.Div(id=sid("charts"), children=html.P(t("coord_loading", lang), role="status")),
        html.Section(className="ws-form", **{"aria-labelledby": sid("save-heading")}, children=[
            html.H2(t("sc_ws_save_heading", lang), id=sid("save-heading")),
            html.Div(className="form-field", children=[
                html.Label(t("sc_ws_name", lang), htmlFor=sid("name")),
                dcc.Input(id=sid("name"), type="text", value="", className="text-input",
                          autoComplete="off", maxLength=NAME_MAX),
            ]),
            html.Button(t("sc_ws_save", lang), id=sid("save"), className="button", n_clicks=0, type="button"),
            html.P(id=sid("saved-message"), role="status"),
            html.Div(id=sid("saved")),
        ]),
    ]


def layout(lang=None, programme=None, **query) -> html.Div:
    lang = request_language(lang)
    prog = current_programme(programme)
    themes = []
    if prog is not None:
        with current_engine().connect() as conn:
            themes = list_themes(conn, prog.id)
    return workspace_shell(COORD_SCENARIOS_PATH, lang, t("sc_ws_heading", lang),
                           body(lang, programme, query, themes))


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return html.Div(hidden=True, children=body("en", None, {}))


def _codes(values) -> tuple[str, ...]:
    """A choice group's list of codes; anything else a request may send is no choice."""
    return tuple(v for v in values if isinstance(v, str)) if isinstance(values, list) else ()


def _state(state) -> tuple[dict, str]:
    """The page's state and language, whatever a request sent."""
    state = state if isinstance(state, dict) else {}
    lang = normalise_language(state.get("lang") if isinstance(state.get("lang"), str) else None) or "en"
    programme = state.get("programme") if isinstance(state.get("programme"), str) else None
    target = state.get("target") if isinstance(state.get("target"), str | int) else None
    return {"lang": lang, "programme": programme, "target": target}, lang


def scenario_of(basis, lists: list, group_by) -> Scenario:
    fields = {field: _codes(values) for (_, field), values in zip(LISTS, lists, strict=True)}
    return Scenario(basis=basis if isinstance(basis, str) and basis in SCENARIO_BASES else "as_reported",
                    group_by=group_by if isinstance(group_by, str) and group_by in GROUPINGS else "theme",
                    **fields)


def permalink(scenario: Scenario, state: dict) -> str:
    query = {"lang": state.get("lang"), "programme": state.get("programme"),
             "target": state.get("target"), "basis": scenario.basis, "by": scenario.group_by}
    for key, field in LISTS:
        query[key] = ",".join(getattr(scenario, field))
    return f"{COORD_SCENARIOS_PATH}?{urlencode({k: v for k, v in query.items() if v})}"


def saved_list(programme_id: int, state: dict, lang: str) -> list:
    saved = saved_scenarios(current_engine(), programme_id)
    if not saved:
        return [html.P(t("sc_ws_none_saved", lang))]
    return [html.H3(t("sc_ws_saved_heading", lang)), html.Ul([
        html.Li([html.A(name, href=permalink(scenario, state)), f" ({scenario_name(scenario, lang)})"])
        for name, scenario in saved
    ])]


CHOICES = [Input(sid("basis"), "data"), *(Input(sid(key), "data") for key, _ in LISTS), Input(sid("by"), "data")]


def register_callbacks(app: dash.Dash) -> None:
    register_choice_group(app, sid("basis"))
    register_choice_group(app, sid("by"))
    for key, _ in LISTS:
        register_choice_group(app, sid(key), multi=True)

    @app.callback(Output(sid("charts"), "children"), Output(sid("permalink"), "href"),
                  Output(sid("saved"), "children"), *CHOICES, State(sid("state"), "data"))
    @role_required("coordinator")
    def show_scenario(basis, statuses, themes, sectors, partner_types, group_by, state):
        state, lang = _state(state)
        prog = current_programme(state["programme"])
        if prog is None:
            return html.P(t("no_programme", lang)), COORD_SCENARIOS_PATH, []
        scenario = scenario_of(basis, [statuses, themes, sectors, partner_types], group_by)
        target_id = pick_target(queries.target_sets(current_engine(), prog.id), state.get("target"))
        charts = scenario_blocks(prog.id, target_id, scenario, lang, name="ws-scenario")
        return charts, permalink(scenario, state), saved_list(prog.id, state, lang)

    @app.callback(Output(sid("saved-message"), "children"), Output(sid("saved"), "children", allow_duplicate=True),
                  Input(sid("save"), "n_clicks"), State(sid("name"), "value"), *[State(c.component_id, c.component_property) for c in CHOICES],
                  State(sid("state"), "data"), prevent_initial_call=True)
    @role_required("coordinator")
    def save(n_clicks, name, basis, statuses, themes, sectors, partner_types, group_by, state):
        state, lang = _state(state)
        prog = current_programme(state["programme"])
        if prog is None or not n_clicks:
            return "", dash.no_update
        scenario = scenario_of(basis, [statuses, themes, sectors, partner_types], group_by)
        try:
            saved = save_scenario(write_engine(), prog.id, name if isinstance(name, str) else "",
                                  scenario, current_user_name() or "?")
        except UserError:
            return t("sc_ws_name_needed", lang, max=NAME_MAX), dash.no_update
        return t("sc_ws_saved", lang, name=saved), saved_list(prog.id, state, lang)
