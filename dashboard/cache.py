"""The public pages' query cache: Flask-Caching (Redis, else in-process), keyed by the data's version.

Each request first asks the database for the programmes' data versions (one small query on
the `programme` table, once per request and again after any commit the request makes); every
key holds them, so the moment a write commits (an import, an undo, an edit: each gives its
programme a new version in the same transaction, see `pipelines.derived.mark_changed`), every
worker and host asks for new keys and reads the new numbers. A request that read the versions
just before another host's write may still get the answers of just before it: it was
concurrent with the write. An answer older than its key's versions is impossible (the versions
are read first, and data and versions commit together). Nothing is ever deleted to invalidate, so an in-process cache per worker is as fresh
as a shared Redis one; Redis only saves the workers from each computing the same answer.

Only public data goes in here: the wrapped functions are the public pages' queries, whose
answers are the same for everyone, and their built sections (`dashboard/sections/cached.py`):
building a section costs far more than its queries (the overview's main callback, profiled:
~90 % of its time is pandas work on small frames for table views, CSV downloads and figures,
and constructing Dash components). Nothing per user or per session may be wrapped.

A built section is kept in its wire form (`cached_section`): the plain JSON Dash sends. Profiled
on a cached overview request, serialising the section's component tree (Dash calls every
component's `to_plotly_json` from Python) took about half of the request and unpickling the
tree another sixth; plain dicts and lists unpickle three times faster and serialise in C.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import flask
from flask_caching import Cache
from plotly.io.json import to_json_plotly
from redis.exceptions import RedisError
from sqlalchemy import Engine, event, select

from pipelines.schema import Programme
from pipelines.settings import Settings

log = logging.getLogger(__name__)

EXTENSION_KEY = "roadmap_query_cache"
VERSIONS_OF_REQUEST = "roadmap_data_versions"  # flask.g: {database URL: versions}
KEY_PREFIX = "roadmap:q:"
LOCAL_ENTRIES = 2000  # in-process cache: oldest entries go first beyond this
REDIS_TIMEOUT_S = 0.5  # a slow or absent Redis costs at most this, then the query runs uncached

P = ParamSpec("P")
R = TypeVar("R")


def install_cache(server: flask.Flask, settings: Settings, engine: Engine) -> Cache:
    """Attach the query cache to the app's server: Redis when REDIS_URL is set, else in-process."""
    # A request that writes (an upload, an edit) reads the new versions after its commit.
    event.listen(engine, "commit", lambda _conn: _forget_request_versions())
    config: dict = {"CACHE_DEFAULT_TIMEOUT": settings.cache_timeout_s, "CACHE_KEY_PREFIX": KEY_PREFIX}
    if settings.redis_url:
        config.update(
            CACHE_TYPE="RedisCache", CACHE_REDIS_URL=settings.redis_url,
            CACHE_OPTIONS={"socket_timeout": REDIS_TIMEOUT_S, "socket_connect_timeout": REDIS_TIMEOUT_S},
        )
    else:
        config.update(CACHE_TYPE="SimpleCache", CACHE_THRESHOLD=LOCAL_ENTRIES)
    cache = Cache(config=config)
    cache.init_app(server)
    server.extensions[EXTENSION_KEY] = cache
    return cache


def data_versions(engine: Engine) -> str:
    """Every programme's id and data version, as one string (changes with any write)."""
    with engine.connect() as conn:
        rows = conn.execute(select(Programme.id, Programme.data_version).order_by(Programme.id)).all()
    return ",".join(f"{programme_id}:{version}" for programme_id, version in rows)


def request_data_versions(engine: Engine) -> str:
    """`data_versions`, read once per request (and again after a commit in the request)."""
    if not flask.has_request_context():
        return data_versions(engine)
    known = flask.g.setdefault(VERSIONS_OF_REQUEST, {})
    database = engine.url.render_as_string(hide_password=True)
    if database not in known:
        known[database] = data_versions(engine)
    return known[database]


def _forget_request_versions() -> None:
    if flask.has_request_context():
        flask.g.pop(VERSIONS_OF_REQUEST, None)


def cache_key(function: Callable, engine: Engine, args: tuple, kwargs: dict) -> str:
    """The key of one call: the function, the database, its data versions and the arguments."""
    parts = (
        f"{function.__module__}.{function.__qualname__}",
        engine.url.render_as_string(hide_password=True),
        request_data_versions(engine),
        repr(args),
        repr(sorted(kwargs.items())),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _active_cache() -> Cache | None:
    if not flask.has_app_context():
        return None  # the CLI, benchmarks and tests calling queries directly: no cache
    return flask.current_app.extensions.get(EXTENSION_KEY)


def cached_query(function: Callable[P, R]) -> Callable[P, R]:
    """Wrap a public query `(engine, ...) -> value` so its answer is cached per data version."""

    @functools.wraps(function)
    def cached(engine: Engine, *args, **kwargs):
        cache = _active_cache()
        if cache is None:
            return function(engine, *args, **kwargs)
        key = cache_key(function, engine, args, kwargs)
        try:
            hit = cache.get(key)
        except RedisError as error:
            log.warning("query cache unavailable, reading the database: %s", error)
            return function(engine, *args, **kwargs)
        if hit is not None:
            return hit[0]
        value = function(engine, *args, **kwargs)
        try:
            cache.set(key, (value,))  # a 1-tuple, so a cached None is told from a miss
        except RedisError as error:
            log.warning("query cache unavailable, answer not kept: %s", error)
        return value

    return cached  # type: ignore[return-value]



def wire_form(value):
    """Components as Dash sends them: plain dicts, lists, strings and numbers (NaN as None),
    which a callback or layout can return as they are."""
    return json.loads(to_json_plotly(value))


def cached_section(function: Callable[P, object]) -> Callable[P, Any]:
    """`cached_query` for a built section `(engine, ...) -> components`: keeps and returns the
    section's wire form, so a cached request neither unpickles nor re-serialises components."""

    @functools.wraps(function)
    def built(*args, **kwargs):
        return wire_form(function(*args, **kwargs))

    built.__qualname__ += ".wire"  # its own keys: a value kept as components before is not reused
    return cached_query(built)
