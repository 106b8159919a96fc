"""Every kind of problem in an indicators file is reported at once, and nothing is imported."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pipelines.errors import UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.schema import ImportBatch, Indicator, Observation

from .conftest import DATA


def load(engine, programme_id, source, file_name=None, **options):
    if isinstance(source, str):
        source = DATA / source
    return load_file(engine, programme_id, "indicators", source, file_name=file_name,
                     options=LoadOptions(**options))


def problems_of(engine, programme_id, source, file_name=None, **options):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, source, file_name, **options)
    return caught.value.problems


def counts(engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Observation, ImportBatch, Indicator)
        )


def test_every_problem_of_a_file_is_reported_with_row_and_column(engine, programme_id):
    problems = problems_of(engine, programme_id, "ind_errors.csv")
    found = {(p.row, p.column, p.value) for p in problems}
    assert found == {
        (3, "sector", "Kantoren"),  # unknown label
        (4, "year", "twintig"),  # not a period
        (5, "value", "veel"),  # not a number
        (6, "unit", "zakken"),  # unknown unit
        (7, "unit", "MWh"),  # energy is no emission
        (8, "sector", "emissions.residential 2019"),  # same indicator and period as line 2
    }
    by_row = {p.row: p.expected for p in problems}
    assert "--mapping FILE" in by_row[3]
    assert "a year (2019, 2019.0, or the range 2019-01-01 - 2019-12-31) or a month" in by_row[4]
    assert "',' as decimal mark" in by_row[5]
    assert "--mapping FILE (kind 'unit')" in by_row[6]
    assert "convertible to the indicator's unit 't CO2e'" in by_row[7]
    assert "line 2 has the same" in by_row[8] and "--add-up" in by_row[8]
    assert all(p.file == "ind_errors.csv" for p in problems)
    assert "ind_errors.csv, row 3, column 'sector': found 'Kantoren'" in str(problems[0])


def test_a_bad_file_imports_nothing(engine, programme_id):
    before = counts(engine)
    problems_of(engine, programme_id, "ind_errors.csv")
    assert counts(engine) == before


def test_a_bad_file_defining_indicators_leaves_no_indicator_behind(engine, programme_id):
    before = counts(engine)
    raw = b"indicator;name;unit;year;value\nnew.a;A;MWh;2019;1\nnew.a;A;MWh;2019;2\n"
    problems = problems_of(engine, programme_id, raw, "dup.csv", new_indicators=True)
    assert [(p.row, p.value) for p in problems] == [(3, "new.a 2019")]
    assert counts(engine) == before


def test_ambiguous_numbers_ask_for_the_decimal_mark(engine, programme_id):
    problems = problems_of(engine, programme_id, "ind_ambiguous.csv")
    (problem,) = problems
    assert (problem.row, problem.column, problem.value) == (2, "value", "1.953")
    assert "pass --decimal , or --decimal ." in problem.expected


@pytest.mark.parametrize(("mark", "expected"), [(",", 1953.0), (".", 1.953)])
def test_decimal_option_settles_an_ambiguous_file(engine, programme_id, mark, expected):
    result = load(engine, programme_id, "ind_ambiguous.csv", decimal=mark)
    with engine.connect() as conn:
        values = conn.execute(select(Observation.value).order_by(Observation.value)).scalars().all()
    assert sorted([expected, 313.0]) == values
    assert result.detected["decimal"] == mark


def test_a_value_in_parentheses_is_refused(engine, programme_id):
    raw = b"sector;year;value;unit\nresidential;2019;(1.234,5);t CO2e\n"
    (problem,) = problems_of(engine, programme_id, raw, "p.csv")
    assert "parentheses" in problem.expected and problem.value == "(1.234,5)"


def test_a_decimal_point_in_a_decimal_comma_file_is_a_problem(engine, programme_id):
    raw = b"sector;year;value;unit\nresidential;2019;1,5;t CO2e\ntransport;2019;2.5;t CO2e\n"
    (problem,) = problems_of(engine, programme_id, raw, "mixed.csv")
    assert (problem.row, problem.value) == (3, "2.5")


def test_a_file_without_the_needed_columns_is_refused(engine, programme_id):
    raw = b"wat;wanneer\nhuishoudens;2019\n"
    (problem,) = problems_of(engine, programme_id, raw, "cols.csv")
    assert problem.row == 1 and problem.value == "wat, wanneer"
    assert "long layout" in problem.expected and "wide layout" in problem.expected


def test_unknown_label_suggests_new_indicators_when_the_file_defines_them(engine, programme_id):
    raw = b"indicator;naam;eenheid;jaar;waarde\nheat.pumps;Warmtepompen;aantal;2023;1200\n"
    (problem,) = problems_of(engine, programme_id, raw, "hp.csv")
    assert "--new-indicators" in problem.expected


def test_a_new_indicator_needs_a_unit(engine, programme_id):
    raw = b"indicator;naam;eenheid;jaar;waarde\nheat.pumps;Warmtepompen;;2023;1200\n"
    (problem,) = problems_of(engine, programme_id, raw, "hp.csv", new_indicators=True)
    assert (problem.row, problem.column) == (2, "eenheid") and "a unit" in problem.expected


def test_repeated_unknown_label_is_one_problem_with_its_count(engine, programme_id):
    raw = b"sector;year;value\nKantoren;2019;1\nKantoren;2020;2\nKantoren;2021;3\n"
    (problem,) = problems_of(engine, programme_id, raw, "k.csv")
    assert problem.row == 2 and problem.expected.endswith("(3 rows)")


def test_several_areas_need_a_programme_area(engine):
    bare = create_programme(engine, ProgrammeSpec("noarea", "No area", 2010, 2030))
    problems = problems_of(engine, bare, "ind_multi_area.csv")
    assert [p.column for p in problems] == ["NIS-code"]
    assert "area" in problems[0].expected and "24062" in problems[0].value


def test_a_file_without_the_programme_area_is_refused(engine, programme_id):
    raw = b"Gemeente;Sector;Jaar;Waarde\nGent;Huishoudens;2019;900\n"
    (problem,) = problems_of(engine, programme_id, raw, "gent.csv")
    assert problem.column == "Gemeente" and "leuven" in problem.expected


def test_a_bad_mapping_file_is_reported_row_by_row(engine, programme_id, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("source_label,kind,target\nA,sector,nowhere\nB,colour,red\n,unit,kt\n")
    problems = problems_of(engine, programme_id, "ind_mapped_labels.csv", mapping=mapping)
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("map.csv", 2, "target"), ("map.csv", 3, "kind"), ("map.csv", 4, "source_label"),
    ]


def test_a_label_mapped_to_a_missing_indicator_is_a_problem(engine, programme_id, tmp_path):
    mapping = tmp_path / "map.csv"
    mapping.write_text("source_label,kind,target\nKantoren,indicator,emissions.offices\n")
    raw = b"sector;year;value\nKantoren;2019;1\n"
    (problem,) = problems_of(engine, programme_id, raw, "k.csv", mapping=mapping)
    assert "'emissions.offices' is none" in problem.expected


def test_a_missing_mapping_file_is_a_user_error(engine, programme_id, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        load(engine, programme_id, "ind_tab.tsv", mapping=tmp_path / "nope.csv")
