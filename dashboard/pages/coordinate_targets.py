"""Coordinators: the programme's target sets — overall targets, milestones, the primary set,
new sets, new names, and removing sets and milestones.

Every typed value is checked (target year after baseline year, numbers, percentages between 0
and 100, a milestone between the set's years, a name no other set has); a refused form lists
every problem and saves nothing. A removal is asked first and done only on "Yes"
(coord_target_removal). Every write callback checks the role itself; saves go through
`pipelines.targets`: audited, and the progress figures rebuilt.
"""

from __future__ import annotations

import hashlib
import json

import dash
from dash import ALL, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from plotly.utils import PlotlyJSONEncoder

from dashboard.components import register_choice_group
from dashboard.context import (
    current_engine,
    current_programme,
    page_title,
    request_language,
    write_engine,
)
from dashboard.i18n import t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.common.form_fields import error_box
from dashboard.workspace.common.nav import COORD_TARGETS_PATH, workspace_shell
from dashboard.workspace.common.notices import done, notice
from dashboard.workspace.coordinate.queries import audit_log
from dashboard.workspace.coordinate.target_removal import register_removal_callbacks
from dashboard.workspace.coordinate.target_views import (
    TARGET_ENTITIES,
    milestone_form,
    new_set_form,
    number_text,
    primary_form,
    removal_form,
    rename_form,
    set_choice,
    sets_table,
    target_form,
    targets_log,
    tid,
)
from dashboard.workspace.coordinate.targets import (
    save_milestone,
    save_new_set,
    save_rename,
    save_target,
)
from pipelines import targets
from pipelines.errors import UserError, ValidationFailed
from pipelines.field_checks import InvalidFields
from pipelines.vocab import TOTAL

dash.register_page(
    __name__, path=COORD_TARGETS_PATH, name="Edit targets",
    title=page_title("coord_targets_title"), required_role="coordinator",
)

CHOICES = ("set", "target-sector", "target-kind", "milestone-sector", "milestone-kind", "new-method", "new-kind",
           "new-primary")
INPUTS = ("target-value", "target-baseline", "milestone-year", "milestone-value", "rename-name", "new-name",
          "new-baseline-year", "new-target-year", "new-value")
BUTTONS = ("target-save", "milestone-save", "rename-save", "primary-save", "remove-ask", "confirm-yes",
           "confirm-no", "new-save")
BOXES = ("table", "choice", "target-form", "milestone-form", "rename-form", "primary-form", "remove-form",
         "confirm", "log", "target-message", "milestone-message", "rename-message", "primary-message",
         "remove-message", "new-message")
STORES = ("state", "version", "chosen", "pending", "drawn")
FORMS = ("target-form", "milestone-form", "rename-form", "primary-form", "remove-form")
FIELD_LABELS = {  # Problem.column -> label key
    "kind": "coord_field_kind", "value": "coord_field_value", "baseline_t": "coord_field_baseline_t",
    "year": "coord_field_year", "name": "coord_field_name", "baseline_year": "coord_field_baseline_year",
    "target_year": "coord_field_target_year", "method": "coord_field_method", "sector": "coord_field_sector_of",
}


def _section(heading_key: str, lang: str, children: list, ident: str, form: bool = True) -> html.Section:
    # Forms keep a readable width; tables take the page's (a form's width cuts them off).
    return html.Section(className="ws-section ws-form" if form else "ws-section",
                        **{"aria-labelledby": ident}, children=[
        html.H2(t(heading_key, lang), id=ident), *children,
    ])


def _message(part: str) -> html.Div:
    return html.Div(id=tid(part), **{"aria-live": "polite"})


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    children = [
        html.P(t("coord_targets_intro", lang), className="lead"),
        dcc.Store(id=tid("state"), data={"lang": lang, "programme": programme}),
        dcc.Store(id=tid("version"), data=0),
        dcc.Store(id=tid("chosen"), data=None),  # the chosen set, kept while the choice is redrawn
        dcc.Store(id=tid("pending"), data=None),  # the removal the question on screen is about
        dcc.Store(id=tid("drawn"), data=None),  # what each form was last drawn from (_redrawn)
        _section("coord_sets_heading", lang, [html.Div(id=tid("table"))], tid("sets-heading"), form=False),
        _section("coord_change_set_heading", lang, [
            html.Div(id=tid("choice")),
            html.Div(id=tid("target-form")), _message("target-message"),
            html.Div(id=tid("milestone-form")), _message("milestone-message"),
            html.Div(id=tid("rename-form")), _message("rename-message"),
            html.Div(id=tid("primary-form")), _message("primary-message"),
            html.Div(id=tid("remove-form")), html.Div(id=tid("confirm")), _message("remove-message"),
        ], tid("change-heading")),
        _section("coord_new_set_heading", lang, [*new_set_form(lang), _message("new-message")],
                 tid("new-heading")),
        _section("coord_targets_log", lang, [html.Div(id=tid("log"))], tid("log-heading"), form=False),
    ]
    return workspace_shell(COORD_TARGETS_PATH, lang, t("coord_targets_heading", lang), children)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return html.Div(hidden=True, children=[
        *(dcc.Store(id=tid(s)) for s in STORES), *(dcc.Store(id=tid(c)) for c in CHOICES),
        *(dcc.Input(id=tid(i)) for i in INPUTS),
        *(html.Button(id=tid(b)) for b in BUTTONS), *(html.Div(id=tid(b)) for b in BOXES),
    ])


def _context(state: dict | None):
    state = state or {}
    lang = state.get("lang", "en")
    prog = current_programme(state.get("programme"))
    sets = targets.list_target_sets(current_engine(), prog.id) if prog else ()
    return lang, prog, sets


def _chosen(sets, set_id):
    wanted = str(set_id) if set_id is not None else None
    return next((s for s in sets if str(s.id) == wanted), sets[0] if sets else None)


def _outcome(lang: str, action, saved_key: str, **values):
    """Run a save; (message, whether anything changed). `action` returns None when nothing did."""
    labels = {field: t(key, lang) for field, key in FIELD_LABELS.items()}
    try:
        if action() is None:
            return html.Div(html.P(t("coord_nothing_changed", lang)), className="notice", role="status"), False
    except (InvalidFields, ValidationFailed) as exc:
        return error_box(exc.problems, labels, lang), False
    except UserError as exc:
        return notice(exc.in_language(lang), alert=True), False
    return done(t(saved_key, lang, **values)), True


def register_callbacks(app: dash.Dash) -> None:
    for choice in CHOICES:
        register_choice_group(app, tid(choice))
    _register_reads(app)
    _register_saves(app)
    _register_sector_switch(app)
    register_removal_callbacks(app, _context)


def _register_reads(app: dash.Dash) -> None:
    @app.callback(Output(tid("table"), "children"), Output(tid("choice"), "children"),
                  Output(tid("log"), "children"),
                  Input(tid("state"), "data"), Input(tid("version"), "data"), State(tid("chosen"), "data"))
    @role_required("coordinator")
    def show_sets(state, _version, set_id):
        lang, prog, sets = _context(state)
        if prog is None:
            return html.P(t("no_programme", lang)), [], []
        chosen = _chosen(sets, set_id)
        names = {s.id: s.name for s in sets}
        log = audit_log(current_engine(), prog.id, TARGET_ENTITIES, limit=30)
        return (sets_table(sets, lang), set_choice(sets, chosen.id if chosen else None, lang) if sets else [],
                targets_log(log, names, lang))

    # In the browser: remember the choice, so redrawing the choice after a save keeps it, and drop
    # a question about removing something of the set chosen before.
    app.clientside_callback("function (chosen) { return [chosen, []]; }", Output(tid("chosen"), "data"),
                            Output(tid("confirm"), "children", allow_duplicate=True),
                            Input(tid("set"), "data"), prevent_initial_call=True)

    # Runs whenever the choice is drawn (no prevent_initial_call): the forms follow the choice.
    # The choice is drawn again after every save, but only the forms the save changed are: a
    # sector just picked or a value being typed in another form stays (it was lost when a save's
    # redraw arrived after the click).
    @app.callback(*(Output(tid(form), "children") for form in FORMS), Output(tid("drawn"), "data"),
                  Input(tid("set"), "data"), State(tid("state"), "data"), State(tid("drawn"), "data"))
    @role_required("coordinator")
    def show_set_forms(set_id, state, drawn):
        lang, _prog, sets = _context(state)
        chosen = _chosen(sets, set_id)
        if chosen is None:
            return [], [], [], [], [], None
        forms = (target_form(chosen, lang), milestone_form(chosen, lang), rename_form(chosen, lang),
                 primary_form(chosen, lang), removal_form(chosen, sets, lang))
        return _redrawn(dict(zip(FORMS, forms, strict=True)), chosen.id, drawn or {})


def _redrawn(forms: dict[str, list], set_id: int, drawn: dict[str, str]) -> tuple:
    """Each form, or no_update where what it would show is what it shows; and the new fingerprints."""
    prints = {name: hashlib.sha256(json.dumps([set_id, form], cls=PlotlyJSONEncoder, sort_keys=True)
                                   .encode()).hexdigest() for name, form in forms.items()}
    return (*(dash.no_update if drawn.get(name) == prints[name] else form for name, form in forms.items()),
            prints)


def _register_sector_switch(app: dash.Dash) -> None:
    """Choosing a sector in the target form shows that sector's target (empty when it has none)."""

    @app.callback(Output(tid("target-kind"), "data", allow_duplicate=True),
                  Output({"toggle": tid("target-kind"), "value": ALL}, "aria-pressed", allow_duplicate=True),
                  Output(tid("target-value"), "value"), Output(tid("target-baseline"), "value"),
                  Input(tid("target-sector"), "data"), State(tid("set"), "data"),
                  State({"toggle": tid("target-kind"), "value": ALL}, "id"), State(tid("state"), "data"),
                  prevent_initial_call=True)
    @role_required("coordinator")
    def show_sector_target(sector, set_id, toggles, state):
        lang, _prog, sets = _context(state)
        chosen = _chosen(sets, set_id)
        if chosen is None:
            raise PreventUpdate
        found = chosen.target_for(sector or TOTAL)
        kind = found.kind if found else "absolute_t"
        pressed = ["true" if toggle["value"] == kind else "false" for toggle in toggles]
        return (kind, pressed, number_text(found.value if found else None, lang),
                number_text(found.baseline_t if found else None, lang))


def _clicked(clicks) -> None:
    # A form drawn anew (after choosing a set) fires its button's callback once with 0 clicks.
    if not clicks:
        raise PreventUpdate


def _bumped(result: tuple, current: int | None) -> tuple:
    message, changed = result
    return message, ((current or 0) + 1) if changed else dash.no_update


def _on_set(clicks, state: dict, set_id, current: int | None, saved_key: str, act, **values) -> tuple:
    """Run `act(engine, programme, target set, lang, user)` on exactly the chosen set (an id the
    page did not offer changes nothing); (message, new version). `values` fill the saved text."""
    _clicked(clicks)
    lang, prog, sets = _context(state)
    chosen = next((s for s in sets if str(s.id) == str(set_id)), None)
    if prog is None or chosen is None:
        return notice(t("coord_row_gone", lang), alert=True), dash.no_update
    action = lambda: act(write_engine(), prog, chosen, lang, current_user_name())  # noqa: E731
    return _bumped(_outcome(lang, action, saved_key, name=chosen.name, **values), current)


def _make_primary(engine, prog, chosen, _lang, user):
    targets.set_primary(engine, prog.id, chosen.name, user=user)
    return chosen


def _register_saves(app: dash.Dash) -> None:
    version = Output(tid("version"), "data", allow_duplicate=True)
    common = (State(tid("state"), "data"), State(tid("version"), "data"))

    @app.callback(Output(tid("target-message"), "children"), version, Input(tid("target-save"), "n_clicks"),
                  State(tid("set"), "data"), State(tid("target-kind"), "data"), State(tid("target-value"), "value"),
                  State(tid("target-baseline"), "value"), State(tid("target-sector"), "data"), *common,
                  prevent_initial_call=True)
    @role_required("coordinator")
    def save_target_form(clicks, set_id, kind, value, baseline, sector, state, current):
        form = {"kind": kind, "value": value, "baseline_t": baseline, "sector": sector}
        return _on_set(clicks, state, set_id, current, "coord_target_saved",
                       lambda engine, prog, chosen, lang, user: save_target(engine, prog.id, chosen, form, lang, user))

    @app.callback(Output(tid("milestone-message"), "children"), version, Input(tid("milestone-save"), "n_clicks"),
                  State(tid("set"), "data"), State(tid("milestone-year"), "value"),
                  State(tid("milestone-kind"), "data"), State(tid("milestone-value"), "value"),
                  State(tid("milestone-sector"), "data"), *common, prevent_initial_call=True)
    @role_required("coordinator")
    def save_milestone_form(clicks, set_id, year, kind, value, sector, state, current):
        form = {"year": year, "kind": kind, "value": value, "sector": sector}
        return _on_set(clicks, state, set_id, current, "coord_milestone_saved",
                       lambda engine, prog, chosen, lang, user: save_milestone(engine, prog.id, chosen, form, lang, user))

    @app.callback(Output(tid("rename-message"), "children"), version, Input(tid("rename-save"), "n_clicks"),
                  State(tid("set"), "data"), State(tid("rename-name"), "value"), *common, prevent_initial_call=True)
    @role_required("coordinator")
    def rename_set(clicks, set_id, name, state, current):
        return _on_set(clicks, state, set_id, current, "coord_set_renamed",
                       lambda engine, prog, chosen, lang, user: save_rename(engine, prog.id, chosen, name, lang, user),
                       new=targets.clean_name(name))

    @app.callback(Output(tid("primary-message"), "children"), version, Input(tid("primary-save"), "n_clicks"),
                  State(tid("set"), "data"), *common, prevent_initial_call=True)
    @role_required("coordinator")
    def make_primary(clicks, set_id, state, current):
        return _on_set(clicks, state, set_id, current, "coord_primary_saved", _make_primary)

    @app.callback(Output(tid("new-message"), "children"), version, Input(tid("new-save"), "n_clicks"),
                  State(tid("new-name"), "value"), State(tid("new-baseline-year"), "value"),
                  State(tid("new-target-year"), "value"), State(tid("new-method"), "data"),
                  State(tid("new-kind"), "data"), State(tid("new-value"), "value"),
                  State(tid("new-primary"), "data"), *common, prevent_initial_call=True)
    @role_required("coordinator")
    def add_set(clicks, name, baseline_year, target_year, method, kind, value, primary, state, current):
        _clicked(clicks)
        lang, prog, _sets = _context(state)
        if prog is None:
            return html.P(t("no_programme", lang), role="alert"), dash.no_update
        form = {"name": name, "baseline_year": baseline_year, "target_year": target_year,
                "method": method, "kind": kind, "value": value, "primary": primary}
        action = lambda: save_new_set(write_engine(), prog.id, form, lang, current_user_name())  # noqa: E731
        return _bumped(_outcome(lang, action, "coord_set_added", name=" ".join((name or "").split())), current)

