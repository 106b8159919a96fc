"""WSGI entry point for running gunicorn directly: `gunicorn 'dashboard.wsgi:server' -w 2`.

Reads the settings from the environment like `roadmap serve --production` (which is the
simpler way to start it) and refuses to start without SECRET_KEY.
"""

from __future__ import annotations

import flask

from dashboard.app import create_app
from dashboard.production import check_production_settings, precompress_assets, quiet_server_header
from pipelines.db import make_engine
from pipelines.errors import UserError
from pipelines.settings import Settings


def build_server() -> flask.Flask:
    """The app's Flask server, assets already compressed; exits with one line on bad settings."""
    settings = Settings.from_env()
    try:
        check_production_settings(settings)
    except UserError as error:
        raise SystemExit(f"roadmap: {error}") from None
    engine = make_engine(settings.database_url)
    app = create_app(settings, engine)
    precompress_assets(app)
    engine.dispose()  # with --preload this runs in the master: the workers open their own
    quiet_server_header()
    return app.server


server = build_server()
