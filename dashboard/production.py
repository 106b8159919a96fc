"""Serving in production: gunicorn workers, the settings they need, proxies, pre-compressed assets.

`roadmap serve --production` builds the app once in gunicorn's master process (preload), gzips
every script and stylesheet there, then forks the workers: they share those bytes and each opens
its own database connections. Nothing a worker keeps matters to the next request: sessions are
signed cookies (same SECRET_KEY everywhere), login failures are counted in Redis or the
database, the query cache is keyed by the data's version, uploads go to the database in one
request.
"""

from __future__ import annotations

import re

import dash
from gunicorn.app.base import BaseApplication
from gunicorn.http import wsgi as gunicorn_wsgi
from sqlalchemy import Engine

from dashboard.http_headers import SERVER_NAME
from pipelines.errors import Bilingual, UserError
from pipelines.settings import Settings

# A big upload is checked and imported inside one request: give it time before a worker is
# declared stuck (a 50 MB file takes well under a minute on 2 cores).
WORKER_TIMEOUT_S = 180
ASSET_URL = re.compile(r'(?:src|href)="(/[^"]+\.(?:js|css)(?:\?[^"]*)?)"')


_SECRET_EXAMPLE = "SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"


def check_production_settings(settings: Settings) -> None:
    """Refuse settings several workers or hosts cannot share (UserError saying what to set)."""
    if not settings.secret_key:
        raise UserError(Bilingual(
            "SECRET_KEY is not set: every worker and host must sign sessions with the same key. "
            f"Set it to a long random string, e.g. {_SECRET_EXAMPLE}, the same on every host",
            "SECRET_KEY is niet ingesteld: elke worker en elke host moet sessies met dezelfde sleutel "
            f"ondertekenen. Geef het een lange willekeurige tekenreeks, bv. {_SECRET_EXAMPLE}, "
            "dezelfde op elke host",
            "SECRET_KEY n'est pas défini : chaque processus et chaque hôte doit signer les sessions avec la "
            f"même clé. Donnez-lui une longue chaîne aléatoire, p. ex. {_SECRET_EXAMPLE}, la même sur chaque hôte",
        ))


def precompress_assets(app: dash.Dash) -> int:
    """Request every script and stylesheet the home page names, gzip accepted, so the app's
    gzip cache holds them before any visitor comes; returns how many files."""
    client = app.server.test_client()
    urls = dict.fromkeys(ASSET_URL.findall(client.get("/").get_data(as_text=True)))
    for url in urls:
        client.get(url, headers={"Accept-Encoding": "gzip"})
    return len(urls)


def quiet_server_header() -> None:
    """gunicorn names itself in a Server header on every answer (its Response reads this module
    global); make it say nothing about the software."""
    gunicorn_wsgi.SERVER = SERVER_NAME


def gunicorn_options(settings: Settings, engine: Engine, workers: int, bind: str) -> dict:
    """gunicorn's configuration: workers, address, preload, and a fresh pool per worker."""

    def post_fork(_server, _worker) -> None:
        # The master's pooled connections must not be shared with the forked workers.
        engine.dispose(close=False)

    return {
        "bind": bind,
        "workers": workers,
        "preload_app": True,
        "timeout": WORKER_TIMEOUT_S,
        "post_fork": post_fork,
        "control_socket_disable": True,  # one fixed socket path: two servers on a host would clash
        "errorlog": "-",
        "loglevel": "info",
    }


class ProductionServer(BaseApplication):
    """gunicorn running an already-built WSGI app with the given options."""

    def __init__(self, wsgi_app, options: dict):
        self.wsgi_app, self.options = wsgi_app, options
        super().__init__()

    def load_config(self) -> None:
        quiet_server_header()
        for key, value in self.options.items():
            if key in self.cfg.settings:  # control_socket_disable is new in gunicorn 25.1
                self.cfg.set(key, value)

    def load(self):
        return self.wsgi_app


def run_production(settings: Settings, engine: Engine, workers: int, bind: str) -> None:
    """Build the app, warm its assets, and serve it with gunicorn until stopped."""
    from dashboard.app import create_app

    check_production_settings(settings)
    if workers < 1:
        raise UserError(Bilingual(f"--workers must be at least 1, not {workers}",
                                  f"--workers moet minstens 1 zijn, niet {workers}",
                                  f"--workers doit valoir au moins 1, et non {workers}"))
    app = create_app(settings, engine)
    precompress_assets(app)
    engine.dispose()
    ProductionServer(app.server, gunicorn_options(settings, engine, workers, bind)).run()
