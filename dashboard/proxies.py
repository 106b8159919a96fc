"""Reverse proxies in front of the app: whose X-Forwarded-* headers are believed."""

from __future__ import annotations

import flask
from werkzeug.middleware.proxy_fix import ProxyFix

from pipelines.settings import Settings


def trust_proxies(server: flask.Flask, settings: Settings) -> None:
    """Behind `settings.trusted_proxies` reverse proxies, take the client's address and scheme
    from their X-Forwarded-* headers (never without a proxy: a client could forge them)."""
    hops = settings.trusted_proxies
    if hops > 0:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
