"""Request bodies are capped before they are read: a logged-in user's at the upload limit, an
anonymous one's at 1 MB (a public page's callbacks send a few kilobytes of state)."""

from __future__ import annotations

import flask
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from pipelines.settings import Settings

BYTES_PER_MB = 1024 * 1024
ANONYMOUS_BODY_BYTES = 1 * BYTES_PER_MB
# An upload reaches its callback base64-encoded (4/3 of the file) inside JSON with the page's state.
UPLOAD_ENCODING_FACTOR = 4 / 3
STATE_ALLOWANCE_BYTES = 1 * BYTES_PER_MB


def body_limit(authenticated: bool, max_upload_mb: float) -> int:
    """The largest body a request may send, in bytes."""
    if not authenticated:
        return ANONYMOUS_BODY_BYTES
    return int(max_upload_mb * BYTES_PER_MB * UPLOAD_ENCODING_FACTOR) + STATE_ALLOWANCE_BYTES


class BodyTooLarge(RequestEntityTooLarge):
    """413 in words (both languages), before a byte of the body is read."""

    def __init__(self, limit: int, authenticated: bool):
        mb = f"{limit / BYTES_PER_MB:.0f}"
        hint_en = "" if authenticated else " Log in to upload files."
        hint_nl = "" if authenticated else " Meld je aan om bestanden op te laden."
        super().__init__(f"The request is too large: at most {mb} MB.{hint_en} / "
                         f"Het verzoek is te groot: hoogstens {mb} MB.{hint_nl}")


def limit_request_bodies(server: flask.Flask, settings: Settings) -> None:
    """before_request (registered first): refuse by Content-Length, and cap what is read of a
    body without one, so no request makes a worker parse more than its user may send."""
    server.config["MAX_CONTENT_LENGTH"] = body_limit(True, settings.max_upload_mb)  # the ceiling

    def cap_body() -> None:
        request = flask.request
        authenticated = bool(current_user.is_authenticated)  # from the session cookie, not the body
        limit = body_limit(authenticated, settings.max_upload_mb)
        if request.content_length is not None and request.content_length > limit:
            raise BodyTooLarge(limit, authenticated)
        request.max_content_length = limit  # a chunked body is cut off (413) at the limit

    server.before_request_funcs.setdefault(None, []).insert(0, cap_body)
