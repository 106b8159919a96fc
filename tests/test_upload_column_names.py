"""The upload page names a column whose header cell the file left blank by its place, in the page's
language; the reader's own name for it (`column N`) stays what loaders, problems and profiles use."""

from __future__ import annotations

from dashboard.workspace.upload.column_names import shown_column
from pipelines.raw_table import clean_header


def test_a_blank_header_is_named_by_its_place_in_each_language():
    names = clean_header(["", "2015", "  ", "Eenheid"])
    assert names == ["column 1", "2015", "column 3", "Eenheid"]
    shown = {lang: [shown_column(n, i, lang) for i, n in enumerate(names, start=1)] for lang in ("nl", "en", "fr")}
    assert shown == {
        "nl": ["kolom 1 (zonder naam)", "2015", "kolom 3 (zonder naam)", "Eenheid"],
        "en": ["column 1 (no name)", "2015", "column 3 (no name)", "Eenheid"],
        "fr": ["colonne 1 (sans nom)", "2015", "colonne 3 (sans nom)", "Eenheid"],
    }


def test_a_header_that_only_looks_generated_is_shown_as_written():
    assert shown_column("column 2", 3, "fr") == "column 2"  # not at place 2: the file's own name
