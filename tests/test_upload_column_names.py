"""A column whose header cell the file left blank is named by its place, in the reader's language,
on the upload page, in every problem and in the warning that names the columns left out; the
reader's own name for it (`column N`) stays what loaders, problems and profiles use as a key."""

from __future__ import annotations

import pytest

from dashboard.workspace.upload.check import UploadChoices, check_upload
from dashboard.workspace.upload.column_names import problem_column, shown_column
from dashboard.workspace.upload.views import problems_section
from pipelines.errors import ValidationFailed, in_language
from pipelines.load import load_file
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


# A wide export whose label column has no header (as Klimaatmonitor's Emmen .xls), with a label
# no indicator knows.
UNKNOWN_LABEL_UNNAMED = b";2018;2019\nOnbekend ding [t CO2];12;13\n"


def test_a_problem_in_a_column_without_a_header_names_it_by_its_place_in_every_language(engine, programme_id):
    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, programme_id, "indicators", UNKNOWN_LABEL_UNNAMED, file_name="emmen.csv")
    (problem,) = failed.value.problems
    assert problem.column == "column 1"  # the key the mapping step and profiles use
    assert problem.in_language("fr").startswith("emmen.csv, ligne 2, colonne 1 (sans nom)\u00a0: valeur ")
    assert problem.in_language("nl").startswith("emmen.csv, rij 2, kolom 1 (zonder naam): gevonden ")
    assert problem.in_language("en").startswith("emmen.csv, row 2, column 1 (no name): found ")
    # The page's table of problems says the same in its column cell.
    page = str(problems_section([problem], "fr").to_plotly_json())
    assert "colonne 1 (sans nom)" in page and "'column 1'" not in page


def test_a_named_column_stays_quoted_as_the_file_wrote_it(engine, programme_id):
    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, programme_id, "indicators", b"indicator;2018;2019\nOnbekend ding [t CO2];12;13\n",
                  file_name="x.csv")
    assert "ligne 2, colonne 'indicator'\u00a0:" in failed.value.problems[0].in_language("fr")
    assert problem_column("Label|2019", "fr") == "Label|2019" and problem_column(None, "fr") == "–"


def test_the_columns_left_out_are_named_in_every_language_blank_ones_by_their_place(engine, programme_id):
    data = b"indicator,,year,value,\"Gebouwd, totaal\"\nemissions.total,x,2019,12,3\n"
    # The upload page's check (a dry run) shows the warning in the page's language.
    outcome = check_upload(engine, programme_id, data, "extra.csv", UploadChoices(), "ann")
    assert outcome.result is not None and [in_language(w, "fr") for w in outcome.result.warnings] == [
        "colonnes laissées de côté (non lues)\u00a0: colonne 2 (sans nom), 'Gebouwd, totaal'"]
    result = load_file(engine, programme_id, "indicators", data, file_name="extra.csv")
    assert result.ignored_columns == ["column 2", "Gebouwd, totaal"]
    (warning,) = [w for w in result.warnings if w.startswith("columns left out")]
    # Quoted, so a name with a comma in it stays one name.
    assert warning == "columns left out (not read): column 2 (no name), 'Gebouwd, totaal'"
    assert in_language(warning, "nl") == "weggelaten kolommen (niet gelezen): kolom 2 (zonder naam), 'Gebouwd, totaal'"
    assert in_language(warning, "fr") == (
        "colonnes laissées de côté (non lues)\u00a0: colonne 2 (sans nom), 'Gebouwd, totaal'")
