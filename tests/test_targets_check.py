"""The one check of targets, milestones and target sets: every problem at once, each with a stable
code and field, its words in Dutch, English and French; the CLI's values and a form's text alike."""

from __future__ import annotations

import pytest

from pipelines.field_checks import FRENCH, TEXTS, FieldProblem, InvalidFields
from pipelines.targets_check import check_milestone, check_name, check_new_set, check_target

SECTORS = ("total", "buildings", "transport")


def _codes(caught) -> list[tuple[str, str, str | None]]:
    return [(p.code, p.field, p.value) for p in caught.value.problems]


def test_a_new_set_returns_every_problem_at_once_with_codes_and_fields():
    with pytest.raises(InvalidFields) as caught:
        check_new_set({"name": "  climate   NEUTRALITY ", "baseline_year": "2030", "target_year": "1700",
                       "method": "zigzag", "kind": "residual_pct", "value": "101"}, ("Climate neutrality",))
    assert _codes(caught) == [
        ("name_taken", "name", "climate NEUTRALITY"),
        ("year", "target_year", "1700"),
        ("choice", "method", "zigzag"),
        ("percent", "value", "101"),
    ]
    by_field = {p.field: p for p in caught.value.problems}
    assert by_field["name"].text("en") == "a name not used yet ('Climate neutrality' exists)"
    assert by_field["name"].text("nl") == "een naam die nog niet bestaat ('Climate neutrality' bestaat al)"
    assert by_field["name"].text("fr") == "un nom pas encore utilisé (« Climate neutrality » existe déjà)"
    assert by_field["target_year"].text("fr") == "une année de 1990 à 2100"


def test_the_cli_values_and_the_forms_text_meet_the_same_rules():
    from_cli = check_target({"sector": "transport", "kind": "reduction_pct", "value": 55.0, "baseline_t": None},
                            SECTORS)
    from_form = check_target({"sector": "transport", "kind": "reduction_pct", "value": "55", "baseline_t": ""},
                             SECTORS)
    assert from_cli == from_form
    for value in (150.0, "150"):
        with pytest.raises(InvalidFields) as caught:
            check_target({"kind": "residual_pct", "value": value}, SECTORS)
        assert caught.value.problems == [FieldProblem("percent", "value", "150")]


def test_an_ambiguous_number_is_read_with_the_readers_decimal_mark():
    raw = {"kind": "absolute_t", "value": "1.234", "baseline_t": "2.500"}
    assert check_target(raw, SECTORS, decimal=",").value == 1234
    assert check_target(raw, SECTORS, decimal=".").value == pytest.approx(1.234)


def test_a_milestone_names_the_years_it_must_lie_between_and_an_unknown_sector():
    with pytest.raises(InvalidFields) as caught:
        check_milestone({"sector": "spaceflight", "year": 2030, "kind": "absolute_t", "value": "x"},
                        SECTORS, (2010, 2030))
    assert _codes(caught) == [("choice", "sector", "spaceflight"), ("year_between", "year", "2030"),
                              ("number", "value", "x")]
    assert [p.text("en") for p in caught.value.problems] == [
        "one of total, buildings, transport", "a year after 2010 and before 2030", "a number (e.g. 55 or 55.5)"]
    assert str(caught.value).startswith("sector 'spaceflight': expected one of total, buildings, transport; ")


def test_a_name_is_tidied_and_its_own_other_case_is_no_clash():
    assert check_name("  Mission   2035 ", ("Climate neutrality",)) == "Mission 2035"
    with pytest.raises(InvalidFields) as caught:
        check_name("   ", ())
    assert caught.value.problems == [FieldProblem("name_length", "name", "", {"length": 200})]
    assert caught.value.in_language("nl") == "name: een naam van 1 tot 200 tekens"


def test_every_code_has_its_words_in_three_languages_with_the_same_placeholders():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert set(TEXTS) == set(FRENCH)
    for code, english in TEXTS.items():
        assert fields(english) == fields(english.nl) == fields(FRENCH[code]), code


def test_a_sink_sector_may_have_a_negative_baseline_and_no_other_may():
    """The demo's AFOLU starts at -7,275 t: a sector that can be a sink may start below 0."""
    from pipelines.targets_check import check_target
    from pipelines.vocab import SECTOR_BY_CODE

    sectors = list(SECTOR_BY_CODE)
    kept = check_target({"sector": "afolu", "kind": "absolute_t", "value": -7275, "baseline_t": -7275}, sectors)
    assert kept.baseline_t == -7275
    with pytest.raises(InvalidFields) as refused:
        check_target({"sector": "buildings", "kind": "absolute_t", "value": 10, "baseline_t": -1}, sectors)
    assert [(p.code, p.field) for p in refused.value.problems] == [("positive", "baseline_t")]
    with pytest.raises(InvalidFields) as refused:
        check_target({"sector": "afolu", "kind": "absolute_t", "value": 10, "baseline_t": 0}, sectors)
    assert [(p.code, p.field) for p in refused.value.problems] == [("nonzero", "baseline_t")]
