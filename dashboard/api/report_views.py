"""The reports for outside bodies (Covenant of Mayors, CDP, NetZeroCities) as API downloads."""

from __future__ import annotations

import flask
from sqlalchemy import Engine

from dashboard.api import http
from dashboard.api.http import ApiError
from dashboard.api.routes import ApiProgramme, programme_view
from pipelines.errors import Bilingual, UserError

REPORT_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _report_view(file_format: str) -> None:
    def report(engine: Engine, p: ApiProgramme):
        from pipelines.reporting import REPORT_KINDS, build_report, report_bytes

        kind = flask.request.view_args["kind"]
        if kind not in REPORT_KINDS:
            raise ApiError(404, "unknown_report", Bilingual(
                f"No report {kind!r}; reports: com, cdp, nzc.", f"Geen rapport {kind!r}; rapporten: com, cdp, nzc.",
                f"Pas de rapport {kind!r} ; rapports : com, cdp, nzc."))
        if "year" not in flask.request.args:
            raise ApiError(400, "bad_parameter", Bilingual("Parameter 'year' is required.",
                                                           "Parameter 'year' is verplicht.",
                                                           "Le paramètre 'year' est obligatoire."))
        year = http.int_arg("year", 0, 1900, 2200)

        def build() -> flask.Response:
            try:
                made = build_report(engine, p.id, kind, year)
            except UserError as error:
                raise ApiError(404, "no_data", Bilingual(
                    str(error), f"Geen gegevens voor dit rapport: {error}",
                    f"Pas de données pour ce rapport : {error.in_language('fr')}")) from error
            response = flask.Response(report_bytes(made, file_format), mimetype=REPORT_TYPES[file_format])
            response.headers["Content-Disposition"] = (
                f'attachment; filename="{p.slug}-{kind}-{year}.{file_format}"')
            return response

        return build

    report.__name__ = f"report_{file_format}"
    programme_view(f"/reports/<kind>.{file_format}")(report)


for _format in REPORT_TYPES:
    _report_view(_format)
