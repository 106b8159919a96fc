"""A column's name as the upload page shows it: a header cell the file left blank is named by its
position in the page's language ("colonne 3 (sans nom)", the words of pipelines' messages:
errors.column_name), where the reader names it `column 3` (pipelines.column_names) for the
loaders, problems and saved profiles."""

from __future__ import annotations

from pipelines.column_names import blank_header_name, blank_header_position
from pipelines.errors import column_name, in_language


def shown_column(name: str, position: int, lang: str) -> str:
    """`name` of the column at 1-based `position`, for reading."""
    return in_language(column_name(name), lang) if name == blank_header_name(position) else name


def problem_column(name: str | None, lang: str) -> str:
    """The column of a problem, for its table's cell ("–" when the problem is about no column)."""
    if name is None:
        return "–"
    return name if blank_header_position(name) is None else in_language(column_name(name), lang)
