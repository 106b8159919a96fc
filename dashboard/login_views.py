"""`GET/POST /login` and `POST /logout`: plain Flask routes with a small accessible form."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from flask import Flask, Response, g, redirect, render_template_string, request, session
from flask_login import UserMixin, current_user, login_user, logout_user
from sqlalchemy import Engine

from dashboard.auth_texts import denied_role_text, pick_language, texts
from dashboard.i18n import other_languages
from dashboard.i18n import t as i18n_t
from dashboard.workspace.common.nav import with_lang, workspace_home
from pipelines.db import ImportRunning
from pipelines.login_throttle import LoginThrottleStore, ThrottleKey, login_keys
from pipelines.users import Account, end_sessions, normalise_name, verify_login

LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"

# The frame of the login page and the refusal page (small pages of their own, outside Dash).
_HEAD = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f6f6f6; }
main { max-width: 26rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #555; }
button { margin-top: 1.5rem; padding: .6rem 1.4rem; font-size: 1rem; background: #1f4e79;
         color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
input:focus, button:focus, a:focus { outline: 3px solid #e8a33d; outline-offset: 2px; }
.error { color: #a4161a; font-weight: 600; }
a { color: #1f4e79; }
.lang-switch { list-style: none; padding: 0; display: flex; gap: 1rem; }
</style>
</head>
<body>
<main>
"""
_FOOT = """</main>
</body>
</html>
"""

# render_template_string autoescapes everything: a name like <script> is shown as text.
LOGIN_PAGE = _HEAD + """
<h1>{{ t.account_heading if user_name else t.heading }}</h1>
<p>{{ t.intro }}</p>
{% if message %}<p class="error" role="alert">{{ message }}</p>{% endif %}
{% if user_name %}
<p>{{ t.logged_in_as.format(name=user_name) }}</p>
<form method="post" action="{{ logout_action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<button type="submit">{{ t.logout }}</button>
</form>
{% else %}
<form method="post" action="{{ action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<input type="hidden" name="next" value="{{ next }}">
<label for="login-name">{{ t.name }}</label>
<input id="login-name" name="name" value="{{ name }}" autocomplete="username" autocapitalize="none"
       spellcheck="false" required>
<label for="login-password">{{ t.password }}</label>
<input id="login-password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{{ t.submit }}</button>
</form>
{% endif %}
<ul class="lang-switch" aria-label="{{ switch_label }}">{% for code, name, url in other_languages %}
<li><a href="{{ url }}" lang="{{ code }}" hreflang="{{ code }}">{{ name }}</a></li>{% endfor %}
</ul>
<p><a href="/?lang={{ lang }}">{{ t.back }}</a></p>
""" + _FOOT


@dataclass(frozen=True)
class LoginDeps:
    """What the login routes need, handed over by `install_auth` (no module globals)."""

    engine: Engine
    throttle: LoginThrottleStore
    make_session_user: Callable[[Account], UserMixin]


def safe_next(target: str | None, default: str = "/") -> str:
    """`target` if it is a path on this site, else `default`: no open redirect via `?next=`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def in_language(next_path: str) -> str:
    """The page asked for, in the language of the login page (its `?lang=`, which the form posts
    back) when that is not the one the browser prefers anyway and the path names none: a reader
    who switched the login page to French lands on a French page."""
    chosen = pick_language(request.args.get("lang"))
    if chosen == pick_language("") or "lang" in parse_qs(urlsplit(next_path).query):
        return next_path
    return f"{next_path}{'&' if '?' in next_path else '?'}{urlencode({'lang': chosen})}"


def login_url(next_path: str | None = None, lang: str | None = None) -> str:
    query = {k: v for k, v in (("next", next_path), ("lang", lang)) if v}
    return f"{LOGIN_PATH}?{urlencode(query)}" if query else LOGIN_PATH


def _client_address() -> str | None:
    # Behind a reverse proxy this is the proxy unless the app is wrapped in ProxyFix (issue 6).
    return request.remote_addr


def _render(lang: str, next_path: str, *, name: str = "", message: str = "", status: int = 200) -> Response:
    switch = [(code, i18n_t("language_name", code),
               login_url(next_path if next_path != "/" else None, code)) for code in other_languages(lang)]
    page = render_template_string(
        LOGIN_PAGE,
        lang=lang,
        t=texts(lang),
        message=message,
        name=name,
        next=next_path,
        action=login_url(lang=lang),
        logout_action=f"{LOGOUT_PATH}?lang={lang}",
        other_languages=switch,
        switch_label=i18n_t("switch_language", lang),
        user_name=current_user.account.name if current_user.is_authenticated else None,
        title=texts(lang)["title"],
    )
    return Response(page, status=status, mimetype="text/html")


DENIED_PAGE = _HEAD + """<h1>{{ t.denied_role_title }}</h1>
<p>{{ body }}</p>
<p>{{ t.logged_in_as.format(name=user_name) }}</p>
{% if workspace %}<p><a href="{{ workspace }}">{{ t.workspace_link }}</a></p>{% endif %}
<p><a href="/?lang={{ lang }}">{{ t.back }}</a></p>
<p><a href="{{ logout }}">{{ t.logout }}</a></p>
""" + _FOOT


def denied_page(lang: str, needed: str, workspace: str | None) -> Response:
    """403 in words, for a logged-in user whose role does not open the page asked for."""
    account = current_user.account
    page = render_template_string(
        DENIED_PAGE, lang=lang, t=texts(lang), title=texts(lang)["denied_role_title"], user_name=account.name,
        body=denied_role_text(lang, needed, account.role), workspace=workspace,
        logout=f"{LOGOUT_PATH}?lang={lang}",
    )
    return Response(page, status=403, mimetype="text/html")


def _attempt_login(deps: LoginDeps, lang: str, next_path: str) -> Response:
    name = request.form.get("name", "")
    password = request.form.get("password", "")
    keys = login_keys(normalise_name(name), _client_address())
    wait = deps.throttle.blocked_for(keys)
    if wait > 0:
        message = texts(lang)["locked"].format(minutes=max(1, math.ceil(wait / 60)))
        response = _render(lang, next_path, name=name, message=message, status=429)
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    try:
        account = verify_login(deps.engine, name, password)
        if account is None:
            deps.throttle.record_failure(keys)
            return _render(lang, next_path, name=name, message=texts(lang)["wrong"])
        deps.throttle.reset(ThrottleKey("user", account.name))
    except ImportRunning:  # the counter could not be written in time: say so, never a 500
        response = _render(lang, next_path, name=name, message=texts(lang)["busy"], status=503)
        response.headers["Retry-After"] = "60"
        return response
    # A fresh session at login: nothing from before (CSRF token included) carries over.
    session.clear()
    g.pop("csrf_token", None)
    login_user(deps.make_session_user(account))
    session.permanent = True
    # Without a page asked for, the user starts on their workspace home, not the public overview.
    home = workspace_home(account.role)
    return redirect(in_language(next_path) if next_path else (with_lang(home, lang) if home else "/"), code=303)


def register_login_routes(server: Flask, deps: LoginDeps, csrf_cookie: str) -> None:
    """Add /login and /logout to the Flask server."""

    def login_view() -> Response:
        lang = pick_language()
        next_path = safe_next(request.values.get("next"), default="")
        if request.method == "POST":
            return _attempt_login(deps, lang, next_path)
        return _render(lang, next_path)

    def logout_view() -> Response:
        lang = pick_language()
        if request.method == "GET":
            # A page with the logout button, so Dash layouts only need a plain link here.
            if not current_user.is_authenticated:
                return redirect(f"/?lang={lang}", code=303)
            return _render(lang, "/")
        if current_user.is_authenticated:
            # Server-side: a copy of this session's cookie (or any older one) opens nothing now.
            end_sessions(deps.engine, current_user.account.id)
        logout_user()
        session.clear()
        response = redirect(f"/?lang={lang}", code=303)
        response.delete_cookie(csrf_cookie, path="/")
        return response

    server.add_url_rule(LOGIN_PATH, "roadmap_login", login_view, methods=["GET", "POST"])
    server.add_url_rule(LOGOUT_PATH, "roadmap_logout", logout_view, methods=["GET", "POST"])
