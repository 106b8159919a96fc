"""Login, session cookies and cross-site request forgery protection for the Dash app's server.

Sessions are Flask's signed cookies holding only the user id, bound to the user's current password
hash and session version (kept in the database, checked on every request), so logging out or a new
password ends the sessions made before: a copy of an old cookie opens nothing. They work across workers and hosts as long as every one
has the same SECRET_KEY. Login failures are throttled in Redis or the database, never in memory.

CSRF: Flask routes (login, logout, uploads) need Flask-WTF's token in the form or the X-CSRFToken
header. Dash's callback endpoint needs it too whenever the request comes with a logged-in
session: the renderer sends the header itself, reading the token from the `_csrf_token` cookie
that is set here for logged-in users. Anonymous callback requests carry no credentials, so they
can do nothing a forger could not do directly (every write callback answers them 401); the public
pages keep working without any cookie. As a second layer, an unsafe request with a session must
come from this site's own origin (Origin or Referer header), and the session cookie is SameSite.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import dash
from flask import Flask, Response, request
from flask_login import LoginManager, UserMixin, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf, validate_csrf
from sqlalchemy import Engine
from werkzeug.exceptions import Forbidden
from wtforms import ValidationError

from dashboard.login_views import LoginDeps, login_url, register_login_routes
from dashboard.page_access import guard_registered_pages, refuse_page_get
from dashboard.security import enforce_refusal
from pipelines.login_throttle import make_throttle
from pipelines.settings import Settings
from pipelines.users import Account, session_account

log = logging.getLogger(__name__)

SESSION_COOKIE = "roadmap_session"
SESSION_LIFETIME = timedelta(hours=8)  # a working day; each request extends it
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DASH_DISPATCH_VIEW = "dash.dash.dispatch"  # how Dash 4 names its callback view (for CSRFProtect)


@dataclass(frozen=True)
class SessionUser(UserMixin):
    """The user Flask-Login keeps for a request; its id also names the session it belongs to."""

    account: Account
    binding: str

    def get_id(self) -> str:
        return f"{self.account.id}:{self.binding}"


def _session_binding(secret_key: str, stamp: str) -> str:
    # stamp: the session version and password hash (`session_account`); never sent as they are.
    return hmac.new(secret_key.encode(), stamp.encode(), hashlib.sha256).hexdigest()[:32]


def _configure_server(server: Flask, settings: Settings) -> None:
    if not settings.secret_key:
        log.warning(
            "SECRET_KEY is not set: logins last only as long as this process and are not shared "
            "between workers or hosts. Set SECRET_KEY (the same everywhere) for production."
        )
    server.secret_key = settings.effective_secret_key()
    server.config.update(
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=settings.secure_cookies,
        # The token lives as long as the session: a page left open for hours still works.
        WTF_CSRF_TIME_LIMIT=None,
    )


def _install_login_manager(server: Flask, engine: Engine) -> None:
    manager = LoginManager()
    manager.session_protection = "basic"
    manager.init_app(server)

    @manager.user_loader
    def load_user(user_id: str) -> SessionUser | None:
        raw_id, _, binding = user_id.partition(":")
        if not raw_id.isdigit():
            return None
        found = session_account(engine, int(raw_id))
        if found is None:
            return None
        account, stamp = found
        expected = _session_binding(server.secret_key, stamp)
        if not hmac.compare_digest(expected, binding):
            return None  # logged out, or a new password, since this session logged in
        return SessionUser(account, binding)


def _same_origin() -> bool:
    """Whether an unsafe request says it comes from this site (no header at all: not refused)."""
    source = request.headers.get("Origin") or request.referrer
    if not source:
        return True
    # A forger cannot set X-Forwarded-Host cross-site, so a proxy's value is as good as Host.
    hosts = {request.host, *request.headers.getlist("X-Forwarded-Host")}
    return urlsplit(source).netloc in hosts


def _is_dash_dispatch(server: Flask) -> bool:
    view = server.view_functions.get(request.endpoint or "")
    return view is not None and f"{view.__module__}.{view.__name__}" == DASH_DISPATCH_VIEW


def _protect_writes(server: Flask, csrf: CSRFProtect) -> None:
    """before_request: a request that carries a login session must prove it comes from our pages."""
    if request.method not in UNSAFE_METHODS or not current_user.is_authenticated:
        return
    if not _same_origin():
        raise Forbidden("Cross-site request refused.")
    if _is_dash_dispatch(server):
        csrf.protect()  # other routes are checked by CSRFProtect's own hook


def _sync_csrf_cookie(cookie: str, secure: bool, response: Response) -> Response:
    """after_request: keep the token cookie Dash's renderer reads in step with the session."""
    if not current_user.is_authenticated:
        return response
    try:
        validate_csrf(request.cookies.get(cookie))
    except ValidationError:
        # Readable by scripts on purpose (Dash copies it into a header); worth nothing elsewhere.
        response.set_cookie(
            cookie, generate_csrf(), secure=secure, httponly=False, samesite="Lax", path="/"
        )
    return response


def install_auth(app: dash.Dash, settings: Settings | None, engine: Engine) -> None:
    """Attach login, session cookies, CSRF protection and page guards to the Dash app's server."""
    settings = settings or Settings.from_env()
    server = app.server
    _configure_server(server, settings)
    _install_login_manager(server, engine)
    cookie = getattr(app.config, "csrf_token_name", "_csrf_token")
    header = getattr(app.config, "csrf_header_name", "X-CSRFToken")
    server.config["WTF_CSRF_HEADERS"] = list(dict.fromkeys([header, "X-CSRFToken", "X-CSRF-Token"]))
    csrf = CSRFProtect(server)
    csrf.exempt(DASH_DISPATCH_VIEW)  # checked in _protect_writes, only when logged in
    server.before_request(lambda: _protect_writes(server, csrf))
    server.before_request(guard_registered_pages)
    server.before_request(lambda: refuse_page_get(app))
    server.after_request(enforce_refusal)
    server.after_request(lambda response: _sync_csrf_cookie(cookie, settings.secure_cookies, response))
    server.register_error_handler(CSRFError, _csrf_refused)
    deps = LoginDeps(
        engine=engine,
        throttle=make_throttle(engine, settings.redis_url),
        make_session_user=lambda account: SessionUser(
            account, _session_binding(server.secret_key, _stamp_of(engine, account))
        ),
    )
    register_login_routes(server, deps, cookie)
    guard_registered_pages()


def _stamp_of(engine: Engine, account: Account) -> str:
    found = session_account(engine, account.id)
    return "" if found is None else found[1]


def _csrf_refused(error: CSRFError) -> tuple[str, int]:
    log.info("CSRF check failed: %s", error.description)
    return f"Refused: {error.description} Reload the page and try again.", 400


__all__ = ["install_auth", "login_url", "SessionUser"]
