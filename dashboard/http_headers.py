"""Security headers and caching on every answer: the Content-Security-Policy Dash runs under, the
frame, referrer and permissions policies, HSTS over HTTPS, and long caching of fingerprinted files.

Set in the app factory, so the development server and gunicorn send the same headers.
"""

from __future__ import annotations

import re

import dash
import flask
from dash.fingerprint import check_fingerprint
from werkzeug.serving import WSGIRequestHandler

from pipelines.errors import Bilingual, UserError
from pipelines.settings import Settings

# Sources a frame-ancestors list may hold: keywords, schemes, or origins with an optional '*.'.
_ANCESTOR = re.compile(
    r"'self'|'none'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"(?::(?:\d{1,5}|\*))?",
    re.IGNORECASE,
)
YEAR_S = 31_536_000
IMMUTABLE = f"public, max-age={YEAR_S}, immutable"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), fullscreen=(self)"
)
EMBED_PREFIX = "/embed/"  # dashboard/pages/embed.py
SERVER_NAME = "roadmap"  # the Server header says no software or version


def frame_ancestors(value: str, name: str = "FRAME_ANCESTORS") -> str:
    """The `name` setting (FRAME_ANCESTORS, EMBED_FRAME_ANCESTORS) as a CSP source list;
    UserError for anything else."""
    sources = value.split()
    if not sources or not all(_ANCESTOR.fullmatch(source) for source in sources) or (
        "'none'" in sources and len(sources) > 1
    ):
        raise UserError(Bilingual(
            f"{name}={value!r} is not a list of frame sources: use 'self', 'none', or "
            "origins separated by spaces, e.g. \"'self' https://www.leuven.be\"",
            f"{name}={value!r} is geen lijst van framebronnen: gebruik 'self', 'none' of "
            "origins gescheiden door spaties, bv. \"'self' https://www.leuven.be\"",
            f"{name}={value!r} n'est pas une liste de sources de cadre : utilisez 'self', 'none' ou "
            "des origines séparées par des espaces, p. ex. \"'self' https://www.leuven.be\"",
        ))
    return " ".join(sources)


def content_security_policy(script_hashes: list[str], ancestors: str) -> str:
    """The policy: scripts only from this site or with one of `script_hashes` (Dash's inline
    scripts), never eval; styles may be inline (Plotly and the dropdowns set them at run time)."""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(dict.fromkeys(script_hashes)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ])


def _frame_options(ancestors: str) -> str | None:
    # The older header knows only these two; for a list of embedding sites the CSP alone speaks.
    return {"'self'": "SAMEORIGIN", "'none'": "DENY"}.get(ancestors)


def _fingerprinted(request: flask.Request) -> bool:
    """A file whose URL changes with its content: Dash's versioned scripts, assets with ?m=."""
    if request.path.startswith("/_dash-component-suites/"):
        return check_fingerprint(request.path)[1]
    return request.path.startswith("/assets/") and "m" in request.args


def install_security_headers(app: dash.Dash, settings: Settings) -> None:
    """after_request: the headers above on every response of the app's server."""
    ancestors = frame_ancestors(settings.frame_ancestors)
    # The /embed/ pages are made for other sites' iframes: their own list, the rest keep theirs.
    embed_ancestors = frame_ancestors(settings.embed_frame_ancestors, "EMBED_FRAME_ANCESTORS")

    @app.server.after_request
    def add_security_headers(response: flask.Response) -> flask.Response:
        headers = response.headers
        framing = embed_ancestors if flask.request.path.startswith(EMBED_PREFIX) else ancestors
        frame_options = _frame_options(framing)
        # Hashes of the inline scripts Dash writes into its page (clientside callbacks, the
        # renderer's start); computed per answer because Dash Pages adds one at the first request.
        headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes(), framing)
        headers["X-Content-Type-Options"] = "nosniff"
        if frame_options:
            headers["X-Frame-Options"] = frame_options
        headers["Referrer-Policy"] = "same-origin"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if settings.secure_cookies:  # served over HTTPS: browsers should never try plain HTTP
            headers["Strict-Transport-Security"] = f"max-age={YEAR_S}; includeSubDomains"
        if response.status_code == 200 and flask.request.method in ("GET", "HEAD") and _fingerprinted(flask.request):
            headers["Cache-Control"] = IMMUTABLE
        return response


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's request handler, without "Werkzeug/x Python/y" in its Server header."""

    def version_string(self) -> str:
        return SERVER_NAME
