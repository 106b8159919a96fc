"""Import profiles on small hand-made files, one trait each; expected values worked out by hand."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pipelines.errors import Bilingual, UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.profiles.catalogue import recognise, save_profile, shipped_profiles
from pipelines.profiles.model import profile_from_definition
from pipelines.programme_areas import add_areas, area_entries
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.read import read_table
from pipelines.schema import Indicator

from .conftest import DATA
from .realdata_support import stored

PROFILES = DATA / "profiles"


def programme(engine, name: str, others: tuple[str, ...] = (), codes: tuple[str, ...] = ()) -> int:
    return create_programme(engine, ProgrammeSpec(
        slug="p", name="P", baseline_year=2010, target_year=2030, area_name=name,
        other_area_names=others, other_area_codes=codes))


def load(engine, programme_id: int, name: str, **options):
    return load_file(engine, programme_id, "indicators", PROFILES / name, options=LoadOptions(**options))


def test_areas_in_rows_are_cut_to_the_programme_by_any_of_its_names(engine):
    pid = programme(engine, "Den Haag", others=("'s-Gravenhage", "The Hague"))
    result = load(engine, pid, "km_gemeenten.csv")
    assert stored(engine) == {("emissions.buildings", "2020"): 200000.0, ("emissions.transport", "2020"): 150000.0}
    report = result.detected["profile"]
    assert (report["profile"], report["chosen_by"], report["area_column"]) == (
        "klimaatmonitor-gemeenten", "recognised", "Gemeenten")
    left = {item["reason"]: item for item in report["left_out"]}
    assert left["other areas"]["examples"] == ["Voorschoten"]
    assert left["with no known area"]["examples"] == ["Gemeente onbekend"]
    assert any("areas taken from column 'Gemeenten'" in line for line in report["lines"])


def test_suppressed_marker_is_missing_with_key_c_and_the_total_still_checked(engine):
    pid = programme(engine, "Voorschoten")
    result = load(engine, pid, "km_gemeenten.csv")
    assert stored(engine) == {("emissions.buildings", "2020"): 1000.0, ("emissions.transport", "2020"): "C"}
    assert result.detected["profile"]["markers"] == 1
    # Known sectors 1,000 against the total 5,000: a warning, not a refusal.
    assert any("5,000" in w and "1,000" in w for w in result.warnings)


def test_a_file_without_the_programmes_area_is_refused_naming_its_names(engine):
    pid = programme(engine, "Leiden", codes=("cbs:GM0546",))
    with pytest.raises(ValidationFailed) as caught:
        load(engine, pid, "km_gemeenten.csv")
    problem = caught.value.problems[0]
    assert problem.column == "Gemeenten" and "gm0546 / leiden" in str(problem.expected)


def test_planned_rows_are_left_out_and_listed(engine):
    pid = programme(engine, "Bonn")
    result = load(engine, pid, "kw_planned.csv")
    # 10 kt and 20 kt measured in 2019; the planned 2030 zeros never become measurements.
    assert stored(engine) == {
        ("emissions.transport", "2019"): 10000.0, ("emissions.residential", "2019"): 20000.0,
        ("population", "2019"): 50000.0,
    }
    planned = result.detected["profile"]["left_out"][0]
    assert planned["rows"] == 2 and planned["examples"] == ["2030 Verkehr", "2030 Gesamt"]


def test_an_unknown_measured_or_planned_marker_is_refused_with_its_row(engine):
    pid = programme(engine, "Bonn")
    with pytest.raises(ValidationFailed) as caught:
        load(engine, pid, "kw_unknown_type.csv")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column, problem.value) == (3, "type", "Prognose")
    assert stored(engine) == {}


def test_the_total_decides_a_thousands_separator(engine):
    pid = programme(engine, "Bonn")
    result = load(engine, pid, "kw_thousands.csv")
    # 1,250 + 750 = 2,000 = the 2000 total (1.25 + 750 would be 751.25).
    assert stored(engine)[("emissions.residential", "2000")] == 1250000.0
    assert stored(engine)[("emissions.residential", "2001")] == 1200000.0
    assert "read with a decimal comma" in result.detected["profile"]["readings"][0]


def test_the_total_decides_a_decimal_point(engine):
    pid = programme(engine, "Bonn")
    load(engine, pid, "kw_decimals.csv")
    # 1.25 + 750 = 751.25 = the total; 1,250 + 750 = 2,000 is not 751,250.
    assert stored(engine)[("emissions.residential", "2000")] == pytest.approx(1250.0)


def test_with_no_total_an_ambiguous_number_is_refused_as_before(engine):
    pid = programme(engine, "Bonn")
    with pytest.raises(ValidationFailed) as caught:
        load(engine, pid, "kw_no_total.csv")
    assert [(p.row, p.value) for p in caught.value.problems] == [(2, "1.250")]
    assert "decimal mark" in str(caught.value.problems[0].expected)


def test_totals_only_file_with_date_range_years_and_several_cities(engine):
    from pipelines.profiles import prepare

    pid = programme(engine, "Den Haag", others=("The Hague",))
    path = PROFILES / "cdp_cities.csv"
    table, _options = prepare(engine, pid, read_table(path, path.name), LoadOptions())
    # 2019: 1,000 + 500 direct and indirect; 2018: only the TOTAL scope columns, 1,200 + 400.
    assert table.frame[["indicator", "period", "value"]].values.tolist() == [
        ["Totaal", "2019", "1500"], ["Totaal", "2018", "1600"]]
    assert table.line_numbers == [3, 4]
    result = load(engine, pid, "cdp_cities.csv")
    assert result.detected["profile"]["left_out"][0]["examples"] == ["Gent"]


def test_rows_for_one_sector_and_year_are_added_up_when_the_profile_says_so(engine):
    pid = programme(engine, "Leuven", codes=("com:BE0015",))
    result = load(engine, pid, "jrc_small.csv")
    # Residential 2010: 100 direct + 30 indirect = 130; unit code 2 = t CO2e.
    assert stored(engine) == {("emissions.residential", "2010"): 130.0, ("emissions.transport", "2010"): 70.0}
    assert result.detected["profile"]["sums"] == [
        "added up 2 row(s) into 1 value(s): one value per indicator and year (e.g. direct + indirect emissions)"]


def test_a_saved_profile_reads_its_export_with_footer_units_in_labels_and_new_indicators(engine):
    pid = programme(engine, "Leuven")
    save_profile(engine, json.loads((PROFILES / "own_profile.json").read_text()), "cli:test")
    result = load(engine, pid, "own_export.csv")
    assert stored(engine) == {
        ("schools.electricity", "2021"): 120.0, ("schools.electricity", "2022"): 130.0,
        ("schools.heat", "2021"): 55.0, ("schools.heat", "2022"): "?",
    }
    with engine.connect() as conn:
        units = dict(conn.execute(select(Indicator.code, Indicator.unit).where(Indicator.code.like("schools.%"))).all())
    assert units == {"schools.electricity": "MWh", "schools.heat": "GJ"}
    assert result.detected["profile"]["left_out"][0]["examples"] == ["Toelichting", "Bron"]


def test_a_named_profile_is_used_and_an_unknown_name_is_refused(engine):
    pid = programme(engine, "Bonn")
    result = load(engine, pid, "kw_planned.csv", profile="klimawatch")
    assert result.detected["profile"]["chosen_by"] == "named"
    with pytest.raises(UserError, match="no import profile 'nope'"):
        load(engine, pid, "kw_planned.csv", profile="nope")


def test_a_plain_file_matches_no_profile(engine):
    table = read_table(DATA / "ind_semicolon_decimal_comma.csv", "x.csv")
    with engine.connect() as conn:
        assert recognise(conn, table.columns, table.detected.get("title_rows", [])) is None


def test_every_shipped_profile_is_valid_and_a_bad_definition_is_a_clear_error():
    assert len(shipped_profiles()) == 8
    with pytest.raises(UserError, match="target 'sector:nowhere'"):
        profile_from_definition({"name": "x", "recognise": {"columns": ["a"]},
                                 "labels": [{"match": "a", "to": "sector:nowhere"}]})


def test_area_names_and_codes_are_kept_once_each(engine):
    pid = programme(engine, "Leuven", codes=("nis:24062",))
    assert add_areas(engine, pid, ["Louvain"], ["com:BE0015", "locode:BE LEU", "nis:24062"]) == 3
    with engine.connect() as conn:
        assert area_entries(conn, pid) == [
            ("name", "Leuven"), ("nis", "24062"), ("name", "Louvain"), ("com", "BE0015"), ("locode", "BE LEU")]


def test_a_plain_multi_area_file_is_cut_by_another_name_and_says_which_column(engine):
    # The programme knows Ghent by its NIS code only as a second code; the file's rows are
    # Gent's by code (44021) and name.
    pid = programme(engine, "Ghent", codes=("nis:44021",))
    result = load_file(engine, pid, "indicators", DATA / "ind_multi_area.csv", options=LoadOptions())
    # Gent: residential 900.000 and transport 400.000 ('.' groups thousands in this file).
    assert stored(engine) == {("emissions.residential", "2019"): 900000.0, ("emissions.transport", "2019"): 400000.0}
    assert result.detected["area_column"] == "NIS-code"
    assert "skipped 3 (other areas, areas in column 'NIS-code')" in result.summary()


def test_a_plain_wide_file_with_areas_in_rows_keeps_the_programmes_rows(engine):
    pid = programme(engine, "Leiden")
    result = load(engine, pid, "wide_areas_in_rows.csv")
    assert stored(engine) == {
        ("emissions.residential", "2019"): 100.0, ("emissions.residential", "2020"): 90.0,
        ("emissions.transport", "2019"): 50.0, ("emissions.transport", "2020"): 45.0,
    }
    assert (result.skipped, result.detected["area_column"]) == (1, "Gemeente")


def _themas_xls() -> bytes:
    """A Klimaatmonitor 'Thema's' workbook as the site exports it: title row, years as text,
    units in the labels, '?' for missing, a footer block."""
    import io

    import xlwt

    book = xlwt.Workbook(encoding="cp1252")
    sheet = book.add_sheet("Thema s Emmen")
    rows = [
        ["Thema's  - Emmen", "", ""],
        ["", "2015", "2017"],
        ["Totaal gasgebruik woningen [miljoen m3]", 72.1, 71.8],
        ["Totaal bekend energiegebruik Gebouwde Omgeving [TJ]", 4443.0, "?"],
        ["Elektriciteitsgebruik Industrie (SBI C) [kWh]", 87162000.0, 95370000.0],
        ["", "", ""],
        ["Speciale waarden", "? Ontbreekt", ""],
        ["Bron", "CBS", ""],
        ["", "Berekening (sub)totalen", ""],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_legacy_xls_themas_export_loads_as_activity_indicators(engine):
    pid = programme(engine, "Emmen")
    result = load_file(engine, pid, "indicators", _themas_xls(), file_name="Klimaatmonitor - Emmen.xls",
                       options=LoadOptions())
    assert stored(engine) == {
        ("gas.households", "2015"): 72.1, ("gas.households", "2017"): 71.8,
        ("energy.built_environment", "2015"): 4443.0, ("energy.built_environment", "2017"): "?",
    }
    assert result.detected["format"] == "xls" and result.detected["title_rows"] == ["Thema's  - Emmen"]
    left = {item["reason"]: item for item in result.detected["profile"]["left_out"]}
    assert left["footer from line 7"]["examples"] == ["Speciale waarden", "Bron"]
    assert left["labels the profile does not take"]["rows"] == 2  # the kWh row, both years
    with engine.connect() as conn:
        kinds = dict(conn.execute(select(Indicator.code, Indicator.kind).where(Indicator.code == "gas.households")).all())
    assert kinds == {"gas.households": "activity"}


def test_rows_to_add_up_with_a_bad_number_are_refused_with_its_row(engine):
    pid = programme(engine, "Leuven", codes=("com:BE0015",))
    with pytest.raises(ValidationFailed) as caught:
        load(engine, pid, "jrc_bad_number.csv")
    # '7O' (a letter O) is no number: never added up as if it were missing.
    assert (3, "7O") in [(p.row, p.value) for p in caught.value.problems]
    assert stored(engine) == {}


def test_a_row_with_only_part_of_the_columns_to_add_up_is_left_missing_and_said(engine):
    from pipelines.profiles import prepare

    pid = programme(engine, "The Hague")
    path = PROFILES / "cdp_partial.csv"
    table, _options = prepare(engine, pid, read_table(path, path.name), LoadOptions())
    # Direct 1,000 without the indirect part: never 1,000 as if it were the whole.
    assert table.frame[["indicator", "period", "value"]].values.tolist() == [["Totaal", "2019", ""]]
    assert table.detected["profile"]["sums"] == ["1 row(s) left missing: no set of columns to add up is complete"]


def test_an_unknown_export_saved_as_a_profile_is_recognised_next_time(engine):
    from pipelines.profiles.draft import draft_definition, guess_roles

    pid = programme(engine, "Leuven")
    path = PROFILES / "own_long_export.csv"
    raw = read_table(path, path.name)
    roles = guess_roles(raw)
    assert roles == {"Jaar": "period", "Rubriek": "ignore", "Waarde": "value", "Status": "measured", "Stad": "area"}
    roles["Rubriek"] = "label"  # the analyst's choice on the mapping step
    definition = draft_definition(
        "leuven-rubrieken", raw, roles, {"Wonen": "sector:residential", "Alles samen": "total"},
        unit="kt CO2e", markers={"n.b.": "NE"}, measured=("gemeten",), planned=("doel",))
    save_profile(engine, definition, "ann")
    result = load(engine, pid, "own_long_export.csv")
    # 2019 Wonen 161,9 kt (a decimal comma) measured; 2030 is a target, left out; 2020 'n.b.' → NE.
    assert stored(engine) == {("emissions.residential", "2019"): 161900.0, ("emissions.residential", "2020"): "NE"}
    assert result.detected["profile"]["profile"] == "leuven-rubrieken"


def test_the_french_report_line_sets_a_space_before_the_colon_of_its_examples():
    from pipelines.profiles.report import ProfileReport

    report = ProfileReport("klimawatch", "recognised")
    report.leave_out(Bilingual("planned, not measured", "gepland, niet gemeten", "prévues, pas mesurées"),
                     ["2021 Verkehr", "2035 Gesamt"], 10)
    left_out = report.lines()[1]
    assert left_out.fr == "laissé de côté\u00a0: 10 ligne(s), prévues, pas mesurées\u00a0: 2021 Verkehr, 2035 Gesamt"
    assert str(left_out) == "left out 10 row(s), planned, not measured: 2021 Verkehr, 2035 Gesamt"
