"""Workspace pages declared with `required_role` are shown only to users with that role.

A page says `dash.register_page(__name__, path="/upload", required_role="analyst")`. Then:
- a browser GET of its URL without a login redirects to /login?next=...; with a lesser role, 403;
- when Dash's page router renders it (client-side navigation), a lesser user gets a short
  "log in" / "no access" section instead of the page's layout.
This guards the page itself; every callback on it that writes or reads non-public data must still
check the role (`dashboard.security.role_required`), as anyone can POST to a callback directly.
A layout must hold no non-public data: Dash renders every page's layout once, without a user, into
the callback-validation layout it sends to every visitor. Fill such data in from callbacks.
"""

from __future__ import annotations

import functools
import re

import dash
from dash import html
from dash.exceptions import MissingCallbackContextException
from flask import Response, redirect, request

from dashboard.auth_texts import denied_role_text, pick_language, texts
from dashboard.login_views import denied_page, login_url
from dashboard.security import current_account, current_role, has_role
from dashboard.workspace.common.nav import with_lang, workspace_links

ROLE_ATTRIBUTE = "required_role"
DENIED_ID = "access-denied"


def access_denied(minimum: str, lang: str | None, path: str | None) -> html.Section:
    """The section shown instead of a page the user may not see."""
    t = texts(lang)
    if current_account() is None:
        return html.Section(
            [
                html.H1(t["denied_login_title"]),
                html.P(t["denied_login_body"]),
                html.A(t["login_link"], href=login_url(path, lang)),
            ],
            id=DENIED_ID,
        )
    body = denied_role_text(lang, minimum, current_role())
    return html.Section([html.H1(t["denied_role_title"]), html.P(body)], id=DENIED_ID)


def _routed_path() -> str | None:
    """The path Dash's page router is rendering, or None when not inside a callback."""
    try:
        inputs = dash.callback_context.inputs
    except (MissingCallbackContextException, LookupError):
        # LookupError: a thread that never ran a callback has no callback context at all.
        return None
    return inputs.get("_pages_location.pathname") or ""


def _guard(layout, minimum: str):
    @functools.wraps(layout if callable(layout) else _guard)
    def guarded(**kwargs):
        path = _routed_path()
        # Outside a callback Dash is building its validation layout: the skeleton is needed.
        if path is not None and not has_role(minimum):
            return access_denied(minimum, pick_language(kwargs.get("lang")), path)
        return layout(**kwargs) if callable(layout) else layout

    guarded.roadmap_required_role = minimum
    return guarded


def guard_registered_pages() -> None:
    """Wrap the layout of every registered page that has a `required_role` (idempotent)."""
    for page in dash.page_registry.values():
        minimum = page.get(ROLE_ATTRIBUTE)
        layout = page.get("layout")
        if minimum and getattr(layout, "roadmap_required_role", None) != minimum:
            page["layout"] = _guard(layout, minimum)


def _path_pattern(dash_app: dash.Dash, page: dict) -> re.Pattern:
    template = page.get("path_template") or page["path"]
    relative = dash_app.get_relative_path(template)
    return re.compile("^" + re.sub(r"<[^/>]+>", "[^/]+", re.escape(relative)) + "/?$")


def required_role_for(dash_app: dash.Dash, path: str) -> str | None:
    for page in dash.page_registry.values():
        minimum = page.get(ROLE_ATTRIBUTE)
        if minimum and _path_pattern(dash_app, page).match(path):
            return minimum
    return None


def refuse_page_get(dash_app: dash.Dash) -> Response | None:
    """before_request: a GET of a protected page's URL by a lesser user never gets its HTML."""
    if request.method != "GET":
        return None
    minimum = required_role_for(dash_app, request.path)
    if minimum is None or has_role(minimum):
        return None
    if current_account() is None:
        next_path = request.full_path.rstrip("?")
        return redirect(login_url(next_path, pick_language()), code=303)
    # A page in words (the browser shows it), still a 403: the status is what counts.
    lang = pick_language()
    opens = workspace_links(current_role())
    return denied_page(lang, minimum, with_lang(opens[0].path, lang) if opens else None)
