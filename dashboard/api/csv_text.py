"""CSV for the open data API: one header row, '.' decimals, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import flask

from pipelines.csv_safe import safe_cell


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)  # a text cell a spreadsheet would run is quoted; numbers stay numbers


def csv_text(columns: Sequence[str], rows: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def csv_response(columns: Sequence[str], rows: Iterable[dict], file_name: str) -> flask.Response:
    response = flask.Response(csv_text(columns, rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'inline; filename="{file_name}"'
    return response
