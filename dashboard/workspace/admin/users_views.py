"""What the admins' page for accounts shows: the accounts as a table, and the forms to change them.

No form ever shows a password back: the password boxes are emptied after every action.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.components import choice_group
from dashboard.i18n import t
from dashboard.workspace.common.form_fields import field_label, fmt_when
from dashboard.workspace.common.text_table import text_table
from pipelines.users import MIN_PASSWORD_LENGTH, Account
from pipelines.vocab import ROLES

PREFIX = "admin-users"


def aid(part: str) -> str:
    return f"{PREFIX}-{part}"


def role_name(role: str, lang: str) -> str:
    return t(f"adm_role_{role}", lang) if role in ROLES else role


def role_options(lang: str) -> list[dict]:
    return [{"label": role_name(r, lang), "value": r} for r in ROLES]


def users_table(accounts: list[Account], me: str | None, lang: str) -> html.Div:
    """One row per account: name (marking the admin's own), role, when it was made."""
    if not accounts:
        return html.P(t("adm_no_users", lang))
    rows = [
        [t("adm_you", lang, name=a.name) if a.name == me else a.name, role_name(a.role, lang),
         fmt_when(a.created_at, lang)]
        for a in accounts
    ]
    return text_table(t("adm_list_caption", lang),
                      [t("adm_col_name", lang), t("adm_col_role", lang), t("adm_col_created", lang)],
                      rows, table_id=aid("table"), class_names=("text", "text", "text"),
                      region_label=t("table_of", lang, title=t("adm_list_heading", lang)))


def _box(ident: str, label: str, hint: str | None = None, password: bool = False) -> html.Div:
    box = dcc.Input(id=ident, type="password" if password else "text", className="text-input",
                    autoComplete="new-password" if password else "off", value="", debounce=False)
    return html.Div([field_label(ident, label, hint), box], className="form-field")


def _password_boxes(part: str, lang: str) -> list[html.Div]:
    return [
        _box(aid(f"{part}-password"), t("adm_field_password", lang),
             t("adm_hint_password", lang, n=MIN_PASSWORD_LENGTH), password=True),
        _box(aid(f"{part}-repeat"), t("adm_field_repeat", lang), password=True),
    ]


def add_form(lang: str, outcome: html.Div) -> html.Section:
    return html.Section(className="form-block", **{"aria-labelledby": aid("add-heading")}, children=[
        html.H2(t("adm_add_heading", lang), id=aid("add-heading")),
        _box(aid("add-name"), t("adm_field_name", lang), t("adm_hint_name", lang)),
        choice_group(aid("add-role"), t("adm_field_role", lang), role_options(lang), "analyst"),
        *_password_boxes("add", lang),
        html.Button(t("adm_add", lang), id=aid("add-save"), type="button", className="button primary", n_clicks=0),
        outcome,
    ])


def change_form(lang: str, outcome: list) -> html.Section:
    """One account, named by its user name: its role, its password, or its removal; `outcome`
    (the removal question and what was done) comes right under the buttons."""
    return html.Section(className="form-block", **{"aria-labelledby": aid("change-heading")}, children=[
        html.H2(t("adm_change_heading", lang), id=aid("change-heading")),
        _box(aid("which"), t("adm_field_which", lang)),
        html.H3(t("adm_role_subheading", lang)),
        choice_group(aid("new-role"), t("adm_new_role", lang), role_options(lang), None),
        html.Button(t("adm_set_role", lang), id=aid("role-save"), type="button", className="button", n_clicks=0),
        html.H3(t("adm_password_subheading", lang)),
        *_password_boxes("new", lang),
        html.Button(t("adm_set_password", lang), id=aid("password-save"), type="button", className="button",
                    n_clicks=0),
        html.H3(t("adm_remove_subheading", lang)),
        html.Button(t("adm_remove", lang), id=aid("remove"), type="button", className="button", n_clicks=0),
        *outcome,
    ])


def confirm_panel(lang: str) -> html.Section:
    """Asked before an account goes: the question is filled in, the panel shown, by a callback."""
    return html.Section(id=aid("confirm"), hidden=True, className="notice",
                        **{"aria-labelledby": aid("confirm-heading")}, children=[
        html.H3(t("adm_confirm_heading", lang), id=aid("confirm-heading")),
        html.P(id=aid("confirm-question")),
        html.Button(t("adm_remove_yes", lang), id=aid("remove-yes"), type="button", className="button", n_clicks=0),
        " ",
        html.Button(t("adm_remove_no", lang), id=aid("remove-no"), type="button", className="button", n_clicks=0),
    ])
