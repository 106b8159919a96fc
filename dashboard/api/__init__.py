"""The open data API (/api/v1/): read-only JSON and CSV, an OpenAPI document, a data package."""

from __future__ import annotations

import flask


def register_api(server: flask.Flask) -> None:
    """Add the API's routes to the app's Flask server."""
    from dashboard.api import report_views  # noqa: F401  (adds its routes to the blueprint)
    from dashboard.api.routes import blueprint

    server.register_blueprint(blueprint)
