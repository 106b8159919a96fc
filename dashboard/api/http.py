"""The open data API's HTTP manners: JSON errors, CORS, ETags from the data version, pagination."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from urllib.parse import urlencode

import flask
import pandas as pd
from werkzeug.exceptions import HTTPException

from pipelines.errors import Bilingual

PREFIX = "/api/v1"
# Part of every ETag: bump it when a response's format changes, so caches drop the old shape.
FORMAT = "1"
# Caches may keep an answer but must ask again each time (a cheap 304 while the data is unchanged).
CACHE_CONTROL = "public, no-cache"
DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
JSON_TYPE = "application/json"


class ApiError(Exception):
    """A request the API answers with an error status and a JSON message in both languages."""

    def __init__(self, status: int, code: str, message: Bilingual):
        super().__init__(str(message))
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: Bilingual | str) -> dict:
    nl = message.nl if isinstance(message, Bilingual) else str(message)
    fr = (message.fr if isinstance(message, Bilingual) else None) or str(message)
    return {"status": status, "code": code, "message": str(message), "message_nl": nl, "message_fr": fr}


def json_response(body, status: int = 200, mimetype: str = JSON_TYPE) -> flask.Response:
    # allow_nan=False: JSON has no NaN; values are None before they get here (see `plain`).
    text = json.dumps(body, ensure_ascii=False, allow_nan=False)
    return flask.Response(text, status=status, mimetype=mimetype)


def error_response(error: ApiError) -> flask.Response:
    return with_cors(json_response(error_body(error.status, error.code, error.message), error.status))


def with_cors(response: flask.Response) -> flask.Response:
    """Anyone's page may read the API (public data, no credentials involved)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag, Link"
    return response


def http_error_response(error: HTTPException) -> flask.Response:
    """A framework error (405, 404) on an API path, as the API's JSON error."""
    texts = {
        405: ("method_not_allowed", Bilingual("The API is read-only: only GET (and HEAD) is allowed.",
                                             "De API is alleen-lezen: enkel GET (en HEAD) is toegestaan.",
                                             "L'API est en lecture seule : seuls GET (et HEAD) sont autorisés.")),
        404: ("not_found", Bilingual("No such API endpoint; see /api/v1/openapi.json.",
                                     "Dit API-adres bestaat niet; zie /api/v1/openapi.json.",
                                     "Cette adresse de l'API n'existe pas ; voir /api/v1/openapi.json.")),
    }
    code, message = texts.get(error.code or 500, ("error", Bilingual(error.name, error.name, error.name)))
    response = json_response(error_body(error.code or 500, code, message), error.code or 500)
    if error.code == 405:
        response.headers["Allow"] = "GET, HEAD"
    return with_cors(response)


def etag_of(version: str) -> str:
    return hashlib.sha256(f"{FORMAT}:{version}".encode()).hexdigest()[:32]


def conditional(version: str, build: Callable[[], flask.Response]) -> flask.Response:
    """`build()`'s response with an ETag from `version`, or a 304 if the client has that version.

    The version is read before anything is computed, so an unchanged version costs one query.
    A compressed answer's ETag gets ':gzip' (or ':br') appended by flask-compress; the client
    sends that back, and it names the same version.
    """
    etag = etag_of(version)
    held = _held_tag(etag)
    response = flask.Response(status=304) if held else build()
    response.set_etag(held or etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return with_cors(response)


def request_variant() -> str:
    """The request's path and query parameters, sorted: part of an ETag, so that two answers of
    different parameters (?per=inhabitant, ?offset=100, another report) never share a tag."""
    args = sorted(flask.request.args.items(multi=True))
    return f"{flask.request.path}?{urlencode(args)}"


def _held_tag(etag: str) -> str | None:
    """The client's If-None-Match tag that names `etag` (with or without an encoding suffix)."""
    tags = flask.request.if_none_match
    if tags.star_tag:
        return etag
    for tag in tags.as_set(include_weak=True):
        if tag == etag or tag.partition(":")[0] == etag:
            return tag
    return None


def int_arg(name: str, default: int, minimum: int, maximum: int) -> int:
    """A whole-number query parameter within bounds (else a 400 saying what was expected)."""
    raw = flask.request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not minimum <= value <= maximum:
        raise ApiError(400, "bad_parameter", Bilingual(
            f"Parameter '{name}' must be a whole number from {minimum} to {maximum}, not {raw!r}.",
            f"Parameter '{name}' moet een geheel getal van {minimum} tot {maximum} zijn, niet {raw!r}.",
            f"Le paramètre '{name}' doit être un nombre entier de {minimum} à {maximum}, pas {raw!r}.",
        ))
    return value


def text_arg(name: str) -> str | None:
    """A text query parameter (None when absent or empty); no NUL, which no stored text holds."""
    raw = flask.request.args.get(name) or None
    if raw is not None and "\x00" in raw:
        raise ApiError(400, "bad_parameter", Bilingual(
            f"Parameter '{name}' holds a NUL character.", f"Parameter '{name}' bevat een NUL-teken.",
            f"Le paramètre '{name}' contient un caractère NUL."))
    return raw


def choice_arg(name: str, choices: Sequence[str]) -> str:
    """A query parameter taking one of `choices` (the first when absent); else a 400 naming them."""
    raw = flask.request.args.get(name, choices[0])
    if raw not in choices:
        valid = ", ".join(choices)
        raise ApiError(400, "bad_parameter", Bilingual(
            f"Parameter '{name}' must be one of {valid}, not {raw!r}.",
            f"Parameter '{name}' moet een van {valid} zijn, niet {raw!r}.",
            f"Le paramètre '{name}' doit valoir l'une des valeurs {valid}, et non {raw!r}.",
        ))
    return raw


def flag_arg(name: str) -> bool:
    """A 0/1 query parameter."""
    raw = flask.request.args.get(name, "0")
    if raw not in {"0", "1"}:
        raise ApiError(400, "bad_parameter", Bilingual(
            f"Parameter '{name}' must be 0 or 1, not {raw!r}.",
            f"Parameter '{name}' moet 0 of 1 zijn, niet {raw!r}.",
            f"Le paramètre '{name}' doit valoir 0 ou 1, pas {raw!r}.",
        ))
    return raw == "1"


def page_args() -> tuple[int, int]:
    return int_arg("limit", DEFAULT_LIMIT, 1, MAX_LIMIT), int_arg("offset", 0, 0, 10**9)


def page_links(total: int, limit: int, offset: int) -> dict[str, str | None]:
    """self/first/prev/next/last links of a page, keeping the request's other parameters."""
    def link(at: int | None) -> str | None:
        if at is None:
            return None
        args = {k: v for k, v in flask.request.args.items() if k not in {"limit", "offset"}}
        return f"{flask.request.path}?{urlencode({**args, 'limit': limit, 'offset': at})}"

    last = max(0, (math.ceil(total / limit) - 1) * limit)
    return {
        "self": link(offset), "first": link(0), "last": link(last),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def paged(rows: Sequence[dict], total: int, limit: int, offset: int, **meta) -> flask.Response:
    """A page of a list: {data, meta, links}, with the same links in a `Link` header."""
    links = page_links(total, limit, offset)
    response = json_response({
        "data": list(rows), "meta": {"total": total, "limit": limit, "offset": offset, **meta},
        "links": links,
    })
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="{rel}"' for rel, url in links.items() if url and rel != "self"
    )
    return response


def plain(value):
    """A value JSON and CSV can carry: None for NaN/NaT, Python numbers, ISO dates."""
    if value is None or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes | date):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def plain_records(frame, columns: Sequence[str]) -> list[dict]:
    """A DataFrame's rows as dicts of plain values, in `columns` order."""
    return [
        {column: plain(row[column]) for column in columns}
        for row in frame.to_dict("records")
    ]
