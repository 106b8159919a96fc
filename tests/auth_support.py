"""A small Dash app with public, analyst and coordinator callbacks, for the login and CSRF tests.

The real app factory (`dashboard.app.create_app`) installs the same `install_auth`; this app keeps
the tests independent of the public pages and gives them write callbacks to attack.
"""

from __future__ import annotations

import re

import dash
from dash import Input, Output, dcc, html
from flask.testing import FlaskClient
from sqlalchemy import Engine, func, select, update

from dashboard.auth import install_auth
from dashboard.security import current_user_name, require_role, role_required
from pipelines.db import writing
from pipelines.programmes import create_programme
from pipelines.schema import Programme, Theme
from pipelines.settings import Settings
from pipelines.users import add_user
from tests.conftest import LEUVEN

PASSWORD = "correct horse battery"  # 21 characters, above the 10-character minimum
SECRET = "test-secret-key-" + "x" * 32


def make_demo_app(engine: Engine, programme_id: int, settings: Settings | None = None) -> dash.Dash:
    app = dash.Dash(__name__)
    app.layout = html.Main(
        [
            html.H1("Demo"),
            dcc.Input(id="public-in", value="a"),
            html.Div(id="public-out"),
            html.Button("Add theme", id="analyst-button"),
            html.Div(id="analyst-out"),
            html.Button("Rename programme", id="coordinator-button"),
            html.Div(id="coordinator-out"),
            html.A("Log out", href="/logout"),
        ]
    )

    @app.callback(Output("public-out", "children"), Input("public-in", "value"))
    def public_echo(value):
        return f"public: {value}"

    @app.callback(
        Output("analyst-out", "children"), Input("analyst-button", "n_clicks"), prevent_initial_call=True
    )
    @role_required("analyst")
    def add_theme(n_clicks):
        with writing(engine) as conn:
            conn.execute(
                Theme.__table__.insert().values(
                    programme_id=programme_id, code=f"t{n_clicks}", name_nl="x", name_en="x"
                )
            )
        return f"theme added by {current_user_name()}"

    @app.callback(
        Output("coordinator-out", "children"),
        Input("coordinator-button", "n_clicks"),
        prevent_initial_call=True,
    )
    def rename_programme(n_clicks):
        require_role("coordinator")  # the first line: nothing below runs for anyone else
        with writing(engine) as conn:
            conn.execute(update(Programme).where(Programme.id == programme_id).values(name="Renamed"))
        return "renamed"

    install_auth(app, settings or Settings(secret_key=SECRET), engine)
    return app


def callback_body(output_id: str, input_id: str, prop: str, value) -> dict:
    """The JSON Dash's renderer posts to /_dash-update-component for a one-output callback."""
    return {
        "output": f"{output_id}.children",
        "outputs": {"id": output_id, "property": "children"},
        "inputs": [{"id": input_id, "property": prop, "value": value}],
        "changedPropIds": [f"{input_id}.{prop}"],
        "state": [],
    }


ANALYST_ACTION = callback_body("analyst-out", "analyst-button", "n_clicks", 1)
COORDINATOR_ACTION = callback_body("coordinator-out", "coordinator-button", "n_clicks", 1)
PUBLIC_ACTION = callback_body("public-out", "public-in", "value", "b")


def form_token(page: bytes) -> str:
    match = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    assert match, "the page has no CSRF field"
    return match.group(1).decode()


def log_in(client: FlaskClient, name: str, password: str = PASSWORD, *, base_url: str | None = None, **extra):
    """Fill in and post the login form as a browser would (with the form's CSRF token)."""
    options = {"base_url": base_url, "headers": {"Referer": f"{base_url}/login"}} if base_url else {}
    token = form_token(client.get("/login", **options).data)
    data = {"name": name, "password": password, "csrf_token": token, **extra}
    return client.post("/login", data=data, **options)


def csrf_header(client: FlaskClient) -> dict[str, str]:
    """The header Dash's renderer adds, from the cookie install_auth sets at login."""
    return {"X-CSRFToken": client.get_cookie("_csrf_token").value}


def add_people(engine: Engine) -> None:
    add_user(engine, "ann", "analyst", PASSWORD)
    add_user(engine, "cor", "coordinator", PASSWORD)


def programme_and_accounts(engine: Engine) -> None:
    """Leuven 2030 with ann (analyst), cor (coordinator) and root (admin): a seed."""
    create_programme(engine, LEUVEN)
    for name, role in (("ann", "analyst"), ("cor", "coordinator"), ("root", "admin")):
        add_user(engine, name, role, PASSWORD)


def programme_and_people(engine: Engine) -> None:
    """Leuven 2030 with ann (analyst) and cor (coordinator): a seed for `seeded_databases`."""
    create_programme(engine, LEUVEN)
    add_people(engine)


def database_state(engine: Engine, programme_id: int) -> tuple[str, int]:
    """(programme name, number of themes): what the demo write callbacks would change."""
    with engine.connect() as conn:
        name = conn.scalar(select(Programme.name).where(Programme.id == programme_id))
        themes = conn.scalar(select(func.count()).select_from(Theme))
    return name, themes
