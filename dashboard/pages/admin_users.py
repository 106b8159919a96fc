"""Accounts (admins): who may use the workspace, with which role; add, change role, new password, remove.

The layout holds no data (Dash embeds a page skeleton in every visitor's HTML): the table is filled
by a role-checked callback, and every change is checked again on the server, in its callback
(`role_required("admin")`). The rules that keep the workspace manageable (never remove or demote
the last admin, never one's own account) live in pipelines.users, for the command line too.
"""

from __future__ import annotations

import logging

import dash
from dash import Input, Output, State, ctx, dcc, html, no_update

from dashboard.components import register_choice_group
from dashboard.context import current, current_engine, page_title, request_language, write_engine
from dashboard.i18n import LANGUAGES, t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.admin.users_views import (
    add_form,
    aid,
    change_form,
    confirm_panel,
    role_name,
    users_table,
)
from dashboard.workspace.common.nav import ADMIN_USERS_PATH, workspace_shell
from dashboard.workspace.common.notices import done, notice
from pipelines.errors import UserError
from pipelines.users import (
    add_user,
    check_password,
    list_users,
    normalise_name,
    remove_user,
    reset_password,
    set_role,
)

log = logging.getLogger(__name__)

CONFIG_ID = aid("config")  # Store: the page's language
REFRESH_ID = aid("refresh")  # Store: a counter; the table is read again when it changes
PENDING_ID = aid("pending")  # Store: the account the removal question is about
OUTCOME_ID = aid("outcome")
ADD_OUTCOME_ID = aid("add-outcome")
CHOICES = ("add-role", "new-role")
BOXES = ("add-name", "add-password", "add-repeat", "which", "new-password", "new-repeat")

dash.register_page(__name__, path=ADMIN_USERS_PATH, name="Users", title=page_title("adm_title"),
                   required_role="admin", order=40)


def layout(lang=None, **_query) -> html.Div:
    lang = request_language(lang)
    return workspace_shell(ADMIN_USERS_PATH, lang, t("adm_heading", lang), body(lang))


def body(lang: str) -> list:
    return [
        html.P(t("adm_intro", lang), className="lead"),
        html.Section(**{"aria-labelledby": aid("list-heading")}, children=[
            html.H2(t("adm_list_heading", lang), id=aid("list-heading")),
            dcc.Loading(html.Div(id=aid("list"))),
        ]),
        # Each form's outcome (and the removal question) right under the form's buttons.
        add_form(lang, html.Div(id=ADD_OUTCOME_ID, **{"aria-live": "polite"})),
        change_form(lang, [confirm_panel(lang), html.Div(id=OUTCOME_ID, **{"aria-live": "polite"})]),
        dcc.Store(id=CONFIG_ID, data={"lang": lang}),
        dcc.Store(id=REFRESH_ID, data=0), dcc.Store(id=PENDING_ID),
    ]


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data or user (for Dash's callback validation)."""
    return html.Div(hidden=True, children=body("en"))


def _lang(config) -> str:
    lang = config.get("lang") if isinstance(config, dict) else None
    return lang if lang in LANGUAGES else "en"


def _failed(message: str, lang: str) -> html.Div:
    return notice(t("adm_error", lang, message=message), alert=True)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _passwords(password, repeat, lang: str) -> str:
    """The typed password, checked (UserError in words when it cannot be one)."""
    password, repeat = _text(password), _text(repeat)
    if password != repeat:
        raise UserError(t("adm_passwords_differ", lang))
    check_password(password)
    return password


def _account_name(value, lang: str) -> str:
    name = normalise_name(_text(value))
    if not name:
        raise UserError(t("adm_name_needed", lang))
    return name


def _chosen_role(role, lang: str) -> str:
    if not isinstance(role, str) or not role:
        raise UserError(t("adm_role_needed", lang))
    return role


def _refresh(refresh) -> int:
    return (refresh if isinstance(refresh, int) else 0) + 1


def register_callbacks(app: dash.Dash) -> None:
    for choice in CHOICES:
        register_choice_group(app, aid(choice))

    @app.callback(Output(aid("list"), "children"), Input(CONFIG_ID, "data"), Input(REFRESH_ID, "data"))
    @role_required("admin")
    def show_users(config, _refresh):
        return users_table(list_users(current_engine()), current_user_name(), _lang(config))

    @app.callback(
        Output(ADD_OUTCOME_ID, "children"), Output(REFRESH_ID, "data"),
        Output(aid("add-password"), "value"), Output(aid("add-repeat"), "value"),
        Input(aid("add-save"), "n_clicks"),
        State(aid("add-name"), "value"), State(aid("add-role"), "data"),
        State(aid("add-password"), "value"), State(aid("add-repeat"), "value"),
        State(CONFIG_ID, "data"), State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def add(clicks, name, role, password, repeat, config, refresh):
        lang = _lang(config)
        if not clicks:
            return no_update, no_update, no_update, no_update
        try:
            account = add_user(write_engine(), _account_name(name, lang), _chosen_role(role, lang),
                               _passwords(password, repeat, lang))
        except UserError as error:
            return _failed(error.in_language(lang), lang), no_update, "", ""
        log.info("admin %s added user %s with role %s", current_user_name(), account.name, account.role)
        text = t("adm_added", lang, name=account.name, role=role_name(account.role, lang))
        return done(text), _refresh(refresh), "", ""

    @app.callback(
        Output(OUTCOME_ID, "children", allow_duplicate=True), Output(REFRESH_ID, "data", allow_duplicate=True),
        Input(aid("role-save"), "n_clicks"),
        State(aid("which"), "value"), State(aid("new-role"), "data"), State(CONFIG_ID, "data"),
        State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def change_role(clicks, name, role, config, refresh):
        lang = _lang(config)
        if not clicks:
            return no_update, no_update
        try:
            account = set_role(write_engine(), _account_name(name, lang), _chosen_role(role, lang),
                               acting=current_user_name())
        except UserError as error:
            return _failed(error.in_language(lang), lang), no_update
        log.info("admin %s gave user %s the role %s", current_user_name(), account.name, account.role)
        return done(t("adm_role_set", lang, name=account.name, role=role_name(account.role, lang))), _refresh(refresh)

    @app.callback(
        Output(OUTCOME_ID, "children", allow_duplicate=True),
        Output(aid("new-password"), "value"), Output(aid("new-repeat"), "value"),
        Input(aid("password-save"), "n_clicks"),
        State(aid("which"), "value"), State(aid("new-password"), "value"), State(aid("new-repeat"), "value"),
        State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def new_password(clicks, name, password, repeat, config):
        lang = _lang(config)
        if not clicks:
            return no_update, no_update, no_update
        try:
            name = _account_name(name, lang)
            # As on the command line: the user's sessions end and a login lock-out is lifted.
            reset_password(write_engine(), name, _passwords(password, repeat, lang),
                           current().settings.redis_url)
        except UserError as error:
            return _failed(error.in_language(lang), lang), "", ""
        log.info("admin %s set a new password for user %s", current_user_name(), name)
        own = name == current_user_name()  # this session ends too: say so before the next click
        return done(t("adm_password_set_own" if own else "adm_password_set", lang, name=name)), "", ""

    @app.callback(
        Output(aid("confirm"), "hidden"), Output(aid("confirm-question"), "children"), Output(PENDING_ID, "data"),
        Output(OUTCOME_ID, "children", allow_duplicate=True),
        Input(aid("remove"), "n_clicks"), State(aid("which"), "value"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def ask_remove(clicks, name, config):
        lang = _lang(config)
        if not clicks:
            return no_update, no_update, no_update, no_update
        wanted = normalise_name(_text(name))
        found = next((a for a in list_users(current_engine()) if a.name == wanted), None)
        if found is None:
            return True, "", None, _failed(_no_such(wanted, lang), lang)
        question = t("adm_remove_question", lang, name=found.name, role=role_name(found.role, lang))
        return False, question, found.name, []

    @app.callback(
        Output(OUTCOME_ID, "children", allow_duplicate=True), Output(aid("confirm"), "hidden", allow_duplicate=True),
        Output(PENDING_ID, "data", allow_duplicate=True), Output(REFRESH_ID, "data", allow_duplicate=True),
        Input(aid("remove-yes"), "n_clicks"), Input(aid("remove-no"), "n_clicks"),
        State(PENDING_ID, "data"), State(CONFIG_ID, "data"), State(REFRESH_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("admin")
    def answer_remove(yes, _no, pending, config, refresh):
        lang = _lang(config)
        if ctx.triggered_id != aid("remove-yes") or not yes or not isinstance(pending, str):
            return [], True, None, no_update
        try:
            remove_user(write_engine(), pending, acting=current_user_name())
        except UserError as error:
            return _failed(error.in_language(lang), lang), True, None, no_update
        log.info("admin %s removed user %s", current_user_name(), pending)
        return done(t("adm_removed", lang, name=pending)), True, None, _refresh(refresh)


def _no_such(name: str, lang: str) -> str:
    if not name:
        return t("adm_name_needed", lang)
    return t("adm_no_such_user", lang, name=name)
