"""Malformed requests get 400 (or 404), never a 500: callback bodies are checked before Dash runs
them, unknown component files are not found, and a callback that cannot use the values it was
sent (a number where it expects text, ...) answers 400, with the traceback in the log."""

from __future__ import annotations

import logging

import dash
import flask
from dash.exceptions import DependencyException, UnsupportedRelativePath
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError, NotFound

log = logging.getLogger(__name__)

CALLBACK_PATH = "/_dash-update-component"
# What a callback raises when a value has the wrong type or shape: the request's fault, not ours.
# (UnsupportedRelativePath: Dash Pages given a location that is not a path of this site.)
INPUT_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError, UnsupportedRelativePath)


def _is_prop(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str | dict) and isinstance(item.get("property"), str)


def _props(items) -> bool:
    """A list of {id, property, value} (or, for ALL/ALLSMALLER patterns, lists of them)."""
    return isinstance(items, list) and all(
        _is_prop(item) or (isinstance(item, list) and all(_is_prop(i) for i in item)) for item in items
    )


def callback_body_problem(app: dash.Dash, body) -> str | None:
    """Why `body` is not a callback request of this app, or None when its shape is right."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in app.callback_map:
        return "no such callback"
    outputs = body.get("outputs")
    if not (_is_prop(outputs) or _props(outputs)):
        return "'outputs' is not a list of component properties"
    for key in ("inputs", "state"):
        if not _props(body.get(key, [])):
            return f"'{key}' is not a list of component properties"
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        return "'changedPropIds' is not a list of strings"
    return None


def install_request_checks(app: dash.Dash) -> None:
    """Attach the checks and error handlers to the app's server."""
    server = app.server

    @server.before_request
    def check_callback_body() -> None:
        if flask.request.path != CALLBACK_PATH or flask.request.method != "POST":
            return
        body = flask.request.get_json(silent=True)
        problem = callback_body_problem(app, body)
        if problem:
            raise BadRequest(f"Not a callback request of this site: {problem}.")

    server.register_error_handler(DependencyException, _not_found)
    server.register_error_handler(Exception, _input_error_or_crash)


def _not_found(_error: Exception) -> HTTPException:
    # Dash raises this for a path outside its registered files (e.g. '..' under component suites).
    return NotFound()


def _input_error_or_crash(error: Exception):
    if isinstance(error, HTTPException):
        return error  # Flask's own answer (401, 403, 404, ...), as without this handler
    if flask.request.path == CALLBACK_PATH and isinstance(error, INPUT_ERRORS):
        log.warning("callback could not use the values sent: %r", error, exc_info=error)
        return BadRequest("This request's values do not fit the page. Reload the page and try again.")
    log.error("unhandled error on %s", flask.request.path, exc_info=error)
    return InternalServerError()
