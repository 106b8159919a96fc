"""Any unexpected failure of a callback becomes words on the page and a log line with its
traceback, never a silent blank (Dash's `on_error`, for every callback of the app).

The handler cannot know each callback's outputs, so it leaves them as they were and writes the
notice into one region of the app's frame (`set_props`), announced at once (role="alert", as
the workspace's refusals are: the region itself has no role, so a page holds no empty alert). The
log line and the notice share a short reference, so a person's report finds the traceback.
"""

from __future__ import annotations

import logging
import secrets

import dash
import flask
from dash import html

from dashboard.context import request_language
from dashboard.i18n import t

APP_ERROR_ID = "app-error"
log = logging.getLogger(__name__)


def error_region() -> html.Div:
    """The region the notice of a failed callback goes into (empty until one fails)."""
    return html.Div(id=APP_ERROR_ID, className="app-error")


def report_callback_error(error: Exception) -> None:
    """Log the failure with its traceback and tell the person on the page, in their language."""
    reference = secrets.token_hex(4)
    body = flask.request.get_json(silent=True) if flask.has_request_context() else None
    output = body.get("output") if isinstance(body, dict) else None
    log.error("callback %s failed (reference %s)", output, reference, exc_info=error)
    text = t("app_error", request_language(), reference=reference)
    dash.set_props(APP_ERROR_ID, {"children": html.Div(html.P(text), className="notice notice-error", role="alert")})
    # None: the callback's own outputs keep what they showed.
