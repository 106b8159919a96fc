"""A column's name as the upload page shows it: a header cell the file left blank is named by its
position in the page's language ("colonne 3 (sans nom)"), where the reader names it `column 3`
(pipelines.raw_table.clean_header) for the loaders, problems and saved profiles."""

from __future__ import annotations

from dashboard.i18n import t


def shown_column(name: str, position: int, lang: str) -> str:
    """`name` of the column at 1-based `position`, for reading."""
    return t("up_unnamed_column", lang, n=position) if name == f"column {position}" else name
