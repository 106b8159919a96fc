"""The workspace's page frame and navigation: the links a logged-in user's role may open.

Shared by every workspace page (upload, imports, and the coordinators' pages):

    workspace_shell(COORD_TARGETS_PATH, lang, t("coord_targets_heading", lang), children)

The links are no secret (the pages check the role themselves), but a user sees only the ones
their role opens. Only inside Dash's page router (where a page is drawn for its visitor) is the
user known: the skeletons Dash sends to every visitor never name anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

import dash
from dash import html
from dash.exceptions import MissingCallbackContextException

from dashboard.i18n import t
from dashboard.language_switch import language_switch
from dashboard.security import current_role, current_user_name
from pipelines.users import role_allows


@dataclass(frozen=True)
class WorkspaceLink:
    key: str  # its label is t(f"ws_nav_{key}")
    path: str
    role: str  # the least role that may open the page


# In the order shown. Each page module imports its path from here, so links and pages agree.
UPLOAD_PATH = "/upload"
IMPORTS_PATH = "/imports"
COORD_PROGRESS_PATH = "/coordinate/progress"
COORD_COMMITMENTS_PATH = "/coordinate/commitments"
COORD_PARTNERS_PATH = "/coordinate/partners"
COORD_TARGETS_PATH = "/coordinate/targets"
COORD_REPORT_PATH = "/coordinate/report"
ADMIN_USERS_PATH = "/admin/users"
COORD_LOG_PATH = "/coordinate/log"
COORD_SCENARIOS_PATH = "/coordinate/scenarios"
ADMIN_PROGRAMMES_PATH = "/admin/programmes"
WORKSPACE_LINKS = (
    WorkspaceLink("upload", UPLOAD_PATH, "analyst"),
    WorkspaceLink("imports", IMPORTS_PATH, "analyst"),
    WorkspaceLink("progress", COORD_PROGRESS_PATH, "coordinator"),
    WorkspaceLink("commitments", COORD_COMMITMENTS_PATH, "coordinator"),
    WorkspaceLink("partners", COORD_PARTNERS_PATH, "coordinator"),
    WorkspaceLink("targets", COORD_TARGETS_PATH, "coordinator"),
    WorkspaceLink("scenarios", COORD_SCENARIOS_PATH, "coordinator"),
    WorkspaceLink("log", COORD_LOG_PATH, "coordinator"),
    WorkspaceLink("users", ADMIN_USERS_PATH, "admin"),
    WorkspaceLink("programmes", ADMIN_PROGRAMMES_PATH, "admin"),
)


# Where a user lands after logging in: the page of their daily work.
HOME_BY_ROLE = {"analyst": UPLOAD_PATH, "coordinator": COORD_PROGRESS_PATH, "admin": ADMIN_USERS_PATH}


def workspace_home(role: str | None) -> str | None:
    """The workspace page `role` starts on (None without a known role)."""
    return HOME_BY_ROLE.get(role or "")


def workspace_links(role: str | None) -> list[WorkspaceLink]:
    """The workspace pages `role` may open (none without a role)."""
    return [link for link in WORKSPACE_LINKS if role_allows(role, link.role)]


def with_lang(path: str, lang: str) -> str:
    return f"{path}?lang={lang}"


def workspace_nav(role: str | None, lang: str, current_path: str | None = None) -> html.Nav:
    """The workspace menu: the public dashboard, the pages `role` opens, and logging out."""
    items = [html.Li(html.A(t("ws_nav_dashboard", lang), href=with_lang("/", lang)))]
    for link in workspace_links(role):
        label = [t(f"ws_nav_{link.key}", lang)]
        here = link.path == current_path
        if here:
            label.append(html.Span(f" ({t('current_page', lang)})", className="sr-only"))
        # Plain links (a full page load): every workspace page is checked again on the server.
        items.append(html.Li(html.A(label, href=with_lang(link.path, lang),
                                    className="active" if here else None,
                                    **({"aria-current": "page"} if here else {}))))
    if role is not None:
        items.append(html.Li(html.A(t("ws_nav_logout", lang), href=with_lang("/logout", lang))))
    return html.Nav(html.Ul(items), className="site-nav workspace-nav",
                    **{"aria-label": t("ws_nav_label", lang)})


def logged_in_line(name: str, role: str | None, lang: str) -> html.P:
    """'Logged in as NAME (coordinator)': the name as text (never HTML), the role in words."""
    role_words = t(f"role_{role}", lang) if role in HOME_BY_ROLE else (role or "–")
    return html.P(t("ws_logged_in_as_role", lang, name=name, role=role_words), className="ws-user")


def drawn_for_visitor() -> bool:
    """True inside a callback (Dash's page router); False while Dash builds its validation layout,
    which it embeds in every visitor's page whoever's request happened to build it."""
    try:
        dash.callback_context.inputs  # noqa: B018 - raises outside a callback
    except (MissingCallbackContextException, LookupError):  # LookupError: no callback ran here yet
        return False
    return True


def workspace_shell(path: str, lang: str, heading: str, children: list) -> html.Div:
    """A whole workspace page: skip link, header (who is logged in, language), menu, main."""
    visitor = drawn_for_visitor()
    user = current_user_name() if visitor else None
    header = [html.P(t("ws_site_name", lang), className="site-name")]
    if user is not None:
        header.append(logged_in_line(user, current_role(), lang))
    header.append(language_switch(lang, lambda code: with_lang(path, code)))
    return html.Div(className="page workspace", children=[
        html.A(t("skip_to_content", lang), href="#main", className="skip-link"),
        html.Header(className="site-header", children=header),
        workspace_nav(current_role() if visitor else None, lang, path),
        html.Main(id="main", tabIndex="-1", className="content", children=[html.H1(heading), *children]),
    ])
