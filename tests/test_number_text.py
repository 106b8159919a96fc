"""Numbers in texts for people carry each language's marks, as the pages write them: a Dutch or
French reader takes '78,646 t' for seventy-eight tonnes."""

from __future__ import annotations

from pipelines.errors import in_language, number_text
from pipelines.load.totals import _fmt as total_text


def test_a_number_in_each_languages_marks():
    text = number_text(-1234567.891, "+,.2f")
    assert (str(text), text.nl, text.fr) == ("-1,234,567.89", "-1.234.567,89", "-1\u202f234\u202f567,89")
    assert in_language(number_text(78646, ",.0f"), "nl") == "78.646"
    assert in_language(number_text(13.5, ".1f"), "fr") == "13,5"
    assert in_language(number_text(1953, ","), "en") == "1,953"


def test_a_problem_about_a_files_totals_speaks_each_languages_numbers():
    assert (total_text(12345.6), total_text(12345.6, "nl"), total_text(12345.6, "fr")) == (
        "12,346", "12.346", "12\u202f346")
    assert total_text(12.345, "nl") == "12,35"
