"""The template CSVs of data/templates, downloadable from the upload page (`GET /upload/templates/NAME`)."""

from __future__ import annotations

from flask import Flask, Response, abort, send_from_directory

from dashboard.security import role_required
from pipelines.settings import DATA_DIR

TEMPLATES_DIR = DATA_DIR / "templates"
ROUTE = "/upload/templates/<name>"
# (file, label key): the files offered, nothing else is served from the folder.
TEMPLATES = (
    ("indicators_long.csv", "up_template_indicators_long"),
    ("indicators_wide.csv", "up_template_indicators_wide"),
    ("partners.csv", "up_template_partners"),
    ("commitments.csv", "up_template_commitments"),
)


def template_href(name: str) -> str:
    return ROUTE.replace("<name>", name)


def register_template_route(server: Flask) -> None:
    """Serve the templates to analysts (they are examples, but part of the workspace)."""
    if "roadmap_upload_template" in server.view_functions:
        return

    @role_required("analyst")
    def upload_template(name: str) -> Response:
        if name not in dict(TEMPLATES):
            abort(404)
        return send_from_directory(TEMPLATES_DIR, name, mimetype="text/csv", as_attachment=True,
                                   max_age=0)

    server.add_url_rule(ROUTE, "roadmap_upload_template", upload_template, methods=["GET"])
