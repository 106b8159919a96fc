"""Indicator files shaped like published exports load as they are (issue 12, generic loader).

Each file in tests/data is small and hand-made after a trait of a real export; every expected
number is worked out by hand in a comment.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlalchemy import select

from pipelines.errors import UserError, ValidationFailed
from pipelines.export import export_observations
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import Indicator, Observation

from .conftest import DATA


def load(engine, programme_id, name, **options):
    return load_file(engine, programme_id, "indicators", DATA / name, options=LoadOptions(**options))


def stored(engine) -> dict[tuple[str, str], tuple[float | None, str | None, str | None]]:
    """(indicator code, period) -> (value, missing key, note) of the current values."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Indicator.code, Observation.period, Observation.value, Observation.missing_key,
                   Observation.note)
            .join(Indicator, Indicator.id == Observation.indicator_id).where(Observation.is_current)
        ).all()
    return {(code, period): (value, key, note) for code, period, value, key, note in rows}


# --- 1. reported totals ---------------------------------------------------------------------

def test_a_total_row_is_stored_as_the_reported_total_and_checked(engine, programme_id):
    result = load(engine, programme_id, "ind_own_marker.csv", missing_markers=("-1",))
    values = stored(engine)
    # 'Totaal' 84800 is kept although residential is suppressed: it is the year's only whole figure.
    assert values[("emissions.total", "2019")] == (84800.0, None, None)
    # The sectors known add up to 31397 only: the difference 53403 is a warning, not a refusal.
    (warning,) = [w for w in result.warnings if "total for 2019" in w]
    assert "84,800" in warning and "31,397" in warning and "difference 53,403" in warning
    assert "het totaal voor 2019" in warning.nl
    # The suppressed sector is named as the likely gap, in each language.
    assert "without a value in the file: residential) — the total includes what they leave out" in warning
    assert "zonder waarde in het bestand: residential) — het totaal bevat wat zij weglaten" in warning.nl
    assert "sans valeur dans le fichier\u00a0: residential)" in warning.fr


def test_the_reported_total_indicator_is_made_when_the_programme_lacks_it(engine, programme_id):
    with engine.begin() as conn:
        conn.execute(Indicator.__table__.delete().where(Indicator.code == "emissions.total"))
    load(engine, programme_id, "ind_date_ranges.csv")
    with engine.connect() as conn:
        made = conn.execute(select(Indicator).where(Indicator.code == "emissions.total")).one()
    assert (made.kind, made.sector_code, made.unit, made.name_nl, made.name_en) == (
        "emissions", None, "t CO2e", "Gerapporteerde totale uitstoot", "Reported total emissions")


def test_a_file_of_totals_only_is_stored_as_the_reported_total(engine, programme_id):
    result = load(engine, programme_id, "ind_totals_only.csv")
    # 'Totale uitstoot (kt CO2e)' and no sector column: every row is a total. 603,1 kt = 603,100 t.
    assert stored(engine) == {
        ("emissions.total", "2015"): (603100.0, None, "Covenant of Mayors"),
        ("emissions.total", "2019"): (457500.0, None, None),
    }
    assert result.warnings == []  # no sectors to check the totals against


def test_sector_and_total_columns_with_a_row_per_year_are_stored_and_checked(engine, programme_id):
    result = load(engine, programme_id, "ind_sector_columns.csv")
    assert result.detected["layout"] == "columns"
    # 'Transport (kt CO2e)': the header's unit applies to its column, 64,6 kt = 64,600 t.
    assert {k: v[0] for k, v in stored(engine).items()} == {
        ("emissions.residential", "2019"): 161920.0, ("emissions.transport", "2019"): pytest.approx(64600.0),
        ("emissions.total", "2019"): 226549.0,
        ("emissions.residential", "2020"): 150000.0, ("emissions.transport", "2020"): 60000.0,
        ("emissions.total", "2020"): 210000.0,
    }
    # 2019: 161,920 + 64,600 = 226,520 vs 226,549: a difference of 29 t is within 0.1 %.
    assert [w for w in result.warnings if "total" in w] == []
    assert result.ignored_columns == ["Kleur"]


# --- 2. measured vs planned -----------------------------------------------------------------

def test_planned_rows_are_left_out_and_reported_never_stored(engine, programme_id):
    result = load(engine, programme_id, "ind_measured_planned.csv")
    # co2 in kt (header 'co2 (kt)'): 903 kt = 903,000 t; 450 kt; 'Gesamt' 1353 kt = 903 + 450.
    assert stored(engine) == {
        ("emissions.residential", "2019"): (903000.0, None, "estimate"),
        ("emissions.transport", "2019"): (450000.0, None, None),
        ("emissions.total", "2019"): (1353000.0, None, None),
    }
    assert (result.added, result.planned_left_out, result.planned_years) == (3, 2, [2030, 2035])
    assert result.detected["measured_column"] == "type"
    assert "left out 2 planned row(s) (2030, 2035)" in result.summary()
    assert any(w.startswith("2 planned row(s) left out") for w in result.warnings)


def test_an_unknown_measured_value_and_a_future_measurement_are_refused_with_their_rows(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_measured_unknown.csv")
    found = {(p.row, p.column, p.value) for p in caught.value.problems}
    assert found == {(3, "soort", "voorlopig"), (4, "jaar", "2099")}
    by_row = {p.row: p.expected for p in caught.value.problems}
    assert "measured (real" in by_row[3] and "gepland" in by_row[3].nl
    assert "a measurement cannot be for a year after" in by_row[4]
    assert stored(engine) == {}


def test_an_emissions_value_for_a_year_to_come_is_refused_without_a_type_column(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_future_emissions.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (3, "jaar", "2099")


def load_text(engine, programme_id, text: str, today: date, **options):
    return load_file(engine, programme_id, "indicators", text.encode(), file_name="future.csv",
                     options=LoadOptions(today=today, **options))


def test_a_context_value_for_a_year_to_come_is_refused_without_a_type_column(engine, programme_id):
    # Population is a context indicator: without a measured/planned column it is a measurement
    # all the same, and 2031 is after 2030 (the day the load runs is set: 2030-06-15).
    text = "indicator;jaar;waarde\npopulation;2030;100000\npopulation;2031;101000\n"
    with pytest.raises(ValidationFailed) as caught:
        load_text(engine, programme_id, text, date(2030, 6, 15))
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (3, "jaar", "2031")
    assert problem.expected.startswith("a year up to 2030 (a measurement cannot be for a year after 2030); "
                                       "if these are planned values, add a column saying so")
    assert "--planned-as-target-set NAME" in problem.expected
    assert problem.expected.nl.startswith("een jaar tot 2030 (een meting kan niet voor een jaar na 2030 zijn)")
    assert stored(engine) == {}
    # The same file a year later: both years are past, both stored.
    load_text(engine, programme_id, text, date(2031, 1, 1))
    assert stored(engine) == {("population", "2030"): (100000.0, None, None),
                              ("population", "2031"): (101000.0, None, None)}


def test_a_month_after_the_current_month_is_refused_even_in_the_current_year(engine, programme_id):
    # Monthly activity values on 2030-06-15: May and June 2030 are past or current; July is to come.
    text = "indicator;periode;waarde\npopulation;2030-05;1\npopulation;2030-06;2\npopulation;2030-07;3\n"
    with pytest.raises(ValidationFailed) as caught:
        load_text(engine, programme_id, text, date(2030, 6, 15))
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (4, "periode", "2030-07")
    assert "a measurement cannot be for a month after 2030-06" in problem.expected


def test_the_current_year_comes_from_roadmap_today_when_set(engine, programme_id, monkeypatch):
    text = "indicator;jaar;waarde\npopulation;2029;100000\n"
    monkeypatch.setenv("ROADMAP_TODAY", "2028-12-31")
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "indicators", text.encode(), file_name="future.csv")
    assert "a measurement cannot be for a year after 2028" in caught.value.problems[0].expected
    monkeypatch.setenv("ROADMAP_TODAY", "2029-01-01")
    assert load_file(engine, programme_id, "indicators", text.encode(), file_name="future.csv").added == 1


# --- 3. markers -----------------------------------------------------------------------------

def test_a_negative_value_where_no_sink_can_be_is_refused_with_row_column_value(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_own_marker.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "waarde", "-1")
    assert "Residential buildings is no sink" in problem.expected


def test_a_declared_missing_marker_is_stored_as_missing_with_the_marker(engine, programme_id):
    load(engine, programme_id, "ind_own_marker.csv", missing_markers=("-1",))
    values = stored(engine)
    assert values[("emissions.residential", "2019")] == (None, "-1", None)  # never -1 t
    assert values[("emissions.transport", "2019")] == (31397.0, None, None)


def test_a_marker_longer_than_the_key_column_is_refused(engine, programme_id):
    with pytest.raises(UserError, match="--missing-marker"):
        load(engine, programme_id, "ind_own_marker.csv", missing_markers=("suppressed",))


# --- 4. adding up ---------------------------------------------------------------------------

def test_direct_and_indirect_rows_are_refused_unless_added_up(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_direct_indirect.csv")
    (problem,) = caught.value.problems
    assert problem.row == 3 and "--add-up" in problem.expected


def test_add_up_sums_the_rows_of_one_sector_and_year_and_says_so(engine, programme_id):
    result = load(engine, programme_id, "ind_direct_indirect.csv", add_up=True)
    # residential 2010 = 120,000 direct + 80,342 indirect = 200,342 (JRC's BE0015 figure)
    assert stored(engine) == {
        ("emissions.residential", "2010"): (200342.0, None, "gas; electricity"),
        ("emissions.tertiary", "2010"): (239604.0, None, None),
    }
    assert (result.added, result.added_up) == (2, 1)
    assert "1 row(s) added up into others" in result.summary()
    with engine.connect() as conn:
        original = conn.execute(select(Observation.original_value).where(Observation.value == 200342.0)).scalar_one()
    assert original == "120000 + 80342"


def test_add_up_on_a_dry_run_shows_the_sum(engine, programme_id):
    result = load(engine, programme_id, "ind_direct_indirect.csv", add_up=True, dry_run=True)
    assert sorted(result.diff["new_value"]) == [200342.0, 239604.0]
    assert stored(engine) == {}


# --- 5. notes and columns left out ----------------------------------------------------------

def test_notes_are_kept_and_exported_and_unread_columns_are_named(engine, programme_id):
    result = load(engine, programme_id, "ind_notes_ignored.csv")
    assert stored(engine) == {
        ("population", "2019"): (102275.0, None, "Rijksregister, 1 januari"),
        ("population", "2020"): (102500.0, None, None),
    }
    assert result.ignored_columns == ["kleur"]
    assert "columns left out (not read): 'kleur'" in result.warnings
    out = io.StringIO()
    export_observations(engine, programme_id, out)
    header, *rows = out.getvalue().splitlines()
    assert "note" in header.split(",")
    assert any('"Rijksregister, 1 januari"' in row for row in rows)


def test_a_changed_note_supersedes_the_value(engine, programme_id):
    load(engine, programme_id, "ind_notes_ignored.csv")
    again = load_file(engine, programme_id, "indicators",
                      b"indicator;periode;waarde;eenheid;opmerking\npopulation;2019;102275;inwoners;herzien\n",
                      file_name="fix.csv")
    assert (again.superseded, again.unchanged) == (1, 0)
    assert stored(engine)[("population", "2019")] == (102275.0, None, "herzien")


# --- 6. headers and periods as exports write them --------------------------------------------

def test_date_range_and_spreadsheet_years_and_a_long_value_header(engine, programme_id):
    load(engine, programme_id, "ind_date_ranges.csv")
    # 'Total emissions (metric tonnes CO2e)': metric tonnes are tonnes.
    assert stored(engine) == {
        ("emissions.total", "2019"): (1603780.0, None, None),
        ("emissions.total", "2018"): (1650000.0, None, None),
        ("emissions.total", "2015"): (603137.0, None, None),
    }


def test_a_date_range_that_is_not_a_calendar_year_is_a_problem(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_date_range_not_a_year.csv")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "Accounting year", "2019-07-01 - 2020-06-30")


def test_german_category_names_of_a_klimawatch_style_file_are_sectors(engine, programme_id):
    result = load(engine, programme_id, "ind_german_categories.csv")
    # 'co2 (t)': not the Klimawatch export's own header (its profile reads co2 in kt), so the
    # generic loader reads it, in t. Gesamt 1723 = 903 + 500 + 300 + 20.
    assert {k: v[0] for k, v in stored(engine).items()} == {
        ("emissions.residential", "1990"): 903.0, ("emissions.transport", "1990"): 500.0,
        ("emissions.tertiary", "1990"): 300.0, ("emissions.municipal", "1990"): 20.0,
        ("emissions.total", "1990"): 1723.0,
    }
    assert (result.planned_left_out, result.planned_years) == (1, [2030])


# --- 7. partners as programmes keep them ----------------------------------------------------

def test_partner_types_in_own_words_offer_the_mapping(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "partners", DATA / "partners_own_types.csv")
    found = {(p.row, p.value) for p in caught.value.problems}
    assert found == {(2, "Intercommunale"), (3, "Vervoersmaatschappij"), (4, "Werkgeversorganisatie")}
    first = caught.value.problems[0]
    assert "--mapping FILE" in first.expected and "partner_type" in first.expected
    assert "koppel 'Intercommunale'" in first.expected.nl


def test_a_mapping_file_maps_own_partner_types_and_a_join_year_is_that_year(engine, programme_id):
    from pipelines.schema import Partner

    load_file(engine, programme_id, "partners", DATA / "partners_own_types.csv",
              options=LoadOptions(mapping=DATA / "partners_own_types_mapping.csv"))
    with engine.connect() as conn:
        rows = {name: (kind, joined) for name, kind, joined in conn.execute(
            select(Partner.name, Partner.type, Partner.joined_on))}
    assert rows == {
        "Fluvius": ("public", date(2018, 1, 1)),  # '2018': the year, kept as its first day
        "De Lijn": ("public", date(2019, 1, 1)),  # '2019.0' as a spreadsheet writes it
        "Voka": ("civil_society", date(2020, 3, 1)),  # 01/03/2020 day first
    }


# --- the command line -------------------------------------------------------------------------

def test_cli_options_and_report(engine, programme_id):
    from click.testing import CliRunner

    from roadmap_cli import main

    url = engine.url.render_as_string(hide_password=False)

    def run(*args):
        return CliRunner().invoke(main, ["--database-url", url, "load", "indicators", *map(str, args)])

    marked = run(DATA / "ind_own_marker.csv", "--missing-marker", "-1", "--missing-marker", "n.b.")
    assert marked.exit_code == 0, marked.output
    assert "added 3" in marked.stdout  # residential (missing), transport, the total
    summed = run(DATA / "ind_direct_indirect.csv", "--add-up")
    assert summed.exit_code == 0 and "1 row(s) added up into others" in summed.stdout
    assert "warning: columns left out (not read): 'scope'" in summed.stderr
    planned = run(DATA / "ind_measured_planned.csv")
    assert "left out 2 planned row(s) (2030, 2035)" in planned.stdout


# --- the upload page ----------------------------------------------------------------------------

def test_the_upload_page_names_the_columns_left_out_in_the_page_language(engine, programme_id):
    from dashboard.workspace.upload.check import UploadChoices, check_upload
    from dashboard.workspace.upload.views import diff_section

    data = (DATA / "ind_notes_ignored.csv").read_bytes()
    outcome = check_upload(engine, programme_id, data, "notes.csv", UploadChoices(), "ann")
    assert outcome.result.ignored_columns == ["kleur"]
    page = str(diff_section(outcome.result, "nl").to_plotly_json())
    assert "weggelaten kolommen (niet gelezen): 'kleur'" in page


def test_the_upload_page_offers_a_partner_type_mapping_and_applies_it(engine, programme_id):
    from dashboard.workspace.upload.check import (
        UploadChoices,
        check_upload,
        mapping_candidates,
        mapping_rows,
    )

    data = (DATA / "partners_own_types.csv").read_bytes()
    refused = check_upload(engine, programme_id, data, "p.csv", UploadChoices(kind="partners"), "ann")
    candidates = mapping_candidates(refused.problems)
    assert candidates == [("Intercommunale", "partner_type"), ("Vervoersmaatschappij", "partner_type"),
                          ("Werkgeversorganisatie", "partner_type")]
    rows = mapping_rows(candidates, ["Public", "public", "civil_society"])
    mapped = check_upload(engine, programme_id, data, "p.csv", UploadChoices(kind="partners", mapping=rows), "ann")
    assert mapped.problems == [] and mapped.result.added == 3


def test_a_partners_file_names_the_columns_it_leaves_out(engine, programme_id):
    data = b"naam;soort;lid sinds;kleur\nFluvius;Overheid;2018;blauw\n"
    result = load_file(engine, programme_id, "partners", data, file_name="p.csv")
    assert result.ignored_columns == ["kleur"]
    assert result.warnings == ["columns left out (not read): 'kleur'"]
