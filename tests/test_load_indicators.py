"""Loading indicator files in every dialect and layout; each expected value computed by hand."""

from __future__ import annotations

import io
import math

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from pipelines.errors import ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import ImportBatch, Indicator, Observation

from .conftest import DATA


def load(engine, programme_id, name, **options):
    return load_file(engine, programme_id, "indicators", DATA / name, options=LoadOptions(**options))


def current(engine) -> dict[tuple[str, str], float | None]:
    """(indicator code, period) -> current value."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Indicator.code, Observation.period, Observation.value)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Observation.is_current)
        ).all()
    return {(code, period): value for code, period, value in rows}


def test_semicolon_csv_with_decimal_commas_loads(engine, programme_id):
    result = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    assert (result.added, result.superseded, result.unchanged) == (4, 0, 0)
    assert result.detected["decimal"] == ","
    # 161.920 -> 161920 ('.' groups thousands); 64.629,5 -> 64629.5
    assert current(engine) == {
        ("emissions.residential", "2019"): 161920.0,
        ("emissions.tertiary", "2019"): 151723.0,
        ("emissions.public_lighting", "2019"): 313.0,
        ("emissions.transport", "2019"): 64629.5,
    }


def test_stored_rows_keep_original_value_unit_source_and_batch(engine, programme_id):
    result = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    with engine.connect() as conn:
        row = conn.execute(
            select(Observation).where(Observation.period == "2019", Observation.value == 64629.5)
        ).one()
        batch = conn.execute(select(ImportBatch).where(ImportBatch.id == result.batch_id)).one()
    # The file's one source is kept once, on the batch; the row's NULL means "the batch's".
    assert (row.original_value, row.original_unit, row.source) == ("64.629,5", "t CO2e", None)
    assert batch.source == "Climate City Contract"
    assert row.batch_id == result.batch_id and row.year == 2019 and row.month is None
    assert (batch.kind, batch.file_name, batch.rows_in_file, batch.rows_added) == (
        "indicators", "ind_semicolon_decimal_comma.csv", 4, 4)
    assert batch.sha256 == result.sha256 and batch.report["detected"]["separator"] == ";"


def test_sources_read_back_per_row_when_a_file_names_several_or_none(engine, programme_id):
    from pipelines.export import export_observations

    text = ("Indicator;Jaar;Waarde;Eenheid;Bron\n"
            "emissions.residential;2019;1;t CO2e;VITO\n"
            "emissions.residential;2020;2;t CO2e;VITO\n"
            "emissions.residential;2021;3;t CO2e;Fluvius\n"
            "emissions.residential;2022;4;t CO2e;\n")
    result = load_file(engine, programme_id, "indicators", text.encode(), file_name="sources.csv")
    with engine.connect() as conn:
        stored = dict(conn.execute(select(Observation.period, Observation.source)
                                   .where(Observation.batch_id == result.batch_id)).all())
        batch_source = conn.execute(select(ImportBatch.source).where(ImportBatch.id == result.batch_id)).scalar_one()
    assert batch_source == "VITO"
    assert stored == {"2019": None, "2020": None, "2021": "Fluvius", "2022": ""}
    out = io.StringIO()
    export_observations(engine, programme_id, out)
    exported = {line.split(",")[1]: line.split(",")[7] for line in out.getvalue().splitlines()[1:]}
    assert exported == {"2019": "VITO", "2020": "VITO", "2021": "Fluvius", "2022": ""}


def test_comma_csv_with_decimal_points_loads(engine, programme_id):
    load(engine, programme_id, "ind_comma_point.csv")
    values = current(engine)
    # "161,920.5" decides '.', so "102,275" is 102275 persons.
    assert values[("emissions.residential", "2019")] == 161920.5
    assert values[("population", "2019")] == 102275.0


def test_tab_separated_file_loads(engine, programme_id):
    load(engine, programme_id, "ind_tab.tsv")
    assert current(engine)[("emissions.transport", "2020")] == 60000.5


def test_bom_file_with_dutch_headers_and_ton_co2_eq_loads(engine, programme_id):
    load(engine, programme_id, "ind_bom_dutch.csv")
    assert current(engine) == {
        ("emissions.residential", "2019"): 161920.0,
        ("emissions.waste", "2019"): 47864.5,
    }


def test_cp1252_file_with_accented_sector_name_loads(engine, programme_id):
    load(engine, programme_id, "ind_cp1252.csv")
    assert current(engine) == {
        ("emissions.transport_private", "2019"): 50000.0,
        ("emissions.transport_public", "2019"): 14629.3,
    }


def test_invisible_characters_in_headers_and_labels_are_ignored(engine, programme_id):
    load(engine, programme_id, "ind_invisible_headers.csv")
    assert current(engine) == {("emissions.tertiary", "2019"): 151723.0}


def test_quoted_file_with_line_breaks_reports_the_editor_line(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_quoted_linebreaks.csv")
    (problem,) = caught.value.problems
    # The residential record spans lines 2-4, so 'veel' (waste) is on line 6.
    assert (problem.row, problem.column, problem.value) == (6, "value", "veel")


def test_wide_layout_with_year_inside_the_header(engine, programme_id):
    result = load(engine, programme_id, "ind_wide_pipe_headers.csv")
    assert result.detected["layout"] == "wide"
    assert current(engine) == {
        ("emissions.residential", "2019"): 161920.0, ("emissions.residential", "2020"): 150000.0,
        ("emissions.transport", "2019"): 64629.0, ("emissions.transport", "2020"): 60000.5,
        # The 'Totaal' row is stored as the reported total (contract 1).
        ("emissions.total", "2019"): 226549.0, ("emissions.total", "2020"): 210000.0,
    }
    # Totaal 2019 = 161920 + 64629 = 226549; 2020 = 210000 vs 210000.5: within rounding.
    assert result.warnings == []


def test_wide_layout_with_units_in_year_headers_converts_kt(engine, programme_id):
    load(engine, programme_id, "ind_wide_units_in_header.csv")
    values = current(engine)
    # kt -> t: 161.92 kt = 161920 t; 150.5 kt = 150500 t; 64.629 kt = 64629 t
    assert values[("emissions.residential", "2019")] == pytest.approx(161920.0)
    assert values[("emissions.residential", "2020")] == pytest.approx(150500.0)
    assert values[("emissions.transport", "2019")] == pytest.approx(64629.0)


def test_xlsx_with_title_and_footer_rows_loads(engine, programme_id, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Uitstoot Leuven"])
    sheet.append(["Sector", "Jaar", "Waarde", "Eenheid"])
    sheet.append(["Huishoudens", 2019, 161.92, "kt CO2e"])
    sheet.append(["Transport", 2019, 64629, "t CO2e"])
    sheet.append(["Bron: Climate City Contract"])
    path = tmp_path / "inventaris.xlsx"
    book.save(path)
    result = load_file(engine, programme_id, "indicators", path)
    assert result.detected["format"] == "xlsx"
    assert current(engine) == {
        ("emissions.residential", "2019"): pytest.approx(161920.0),  # 161.92 kt
        ("emissions.transport", "2019"): 64629.0,
    }
    assert any("footer" in w for w in result.warnings)


def test_xlsx_uploaded_as_bytes_loads(engine, programme_id):
    book = Workbook()
    book.active.append(["indicator", "period", "value", "unit"])
    book.active.append(["population", 2019, 102275, "inwoners"])
    buffer = io.BytesIO()
    book.save(buffer)
    load_file(engine, programme_id, "indicators", buffer.getvalue(), file_name="bevolking.xlsx")
    assert current(engine) == {("population", "2019"): 102275.0}


def test_missing_markers_and_notation_keys_are_null_with_their_key(engine, programme_id):
    load(engine, programme_id, "ind_missing_markers.csv")
    with engine.connect() as conn:
        rows = dict(conn.execute(
            select(Indicator.code, Observation.missing_key).join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Observation.value.is_(None))
        ).all())
        zero = conn.execute(select(Observation.value).where(Observation.value.is_not(None))).scalars().all()
    assert rows == {
        "emissions.residential": "NE", "emissions.tertiary": "NO", "emissions.industry": "IE",
        "emissions.waste": "C", "emissions.transport": "-", "emissions.agriculture": "?",
        "emissions.wastewater": "NA", "emissions.municipal": "",
    }
    assert zero == [0.0]  # public lighting's 0 is a value, not missing


def test_a_negative_value_is_refused_only_in_a_sector_that_is_no_sink(engine, programme_id):
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, "ind_sinks.csv")
    (problem,) = caught.value.problems  # land use's -12.000 is a sink, so not a problem
    assert (problem.row, problem.column, problem.value) == (4, "value", "−5")  # Unicode minus
    assert "Residential buildings is no sink" in problem.expected
    assert "Huishoudens is geen put" in problem.expected.nl
    assert current(engine) == {}  # all or nothing


def test_multi_area_file_keeps_the_programme_area_and_counts_the_rest(engine, programme_id):
    result = load(engine, programme_id, "ind_multi_area.csv")
    assert (result.added, result.skipped) == (2, 3)  # Antwerpen 1 row, Gent 2 rows
    assert current(engine) == {
        ("emissions.residential", "2019"): 161920.0, ("emissions.transport", "2019"): 64629.0,
    }
    assert "skipped 3" in result.summary()


def test_total_rows_are_stored_as_the_reported_total_and_checked(engine, programme_id):
    result = load(engine, programme_id, "ind_totals.csv")
    assert result.added == 7  # 3 sectors in 2019, 2 in 2020, and the two totals
    values = current(engine)
    assert (values[("emissions.total", "2019")], values[("emissions.total", "2020")]) == (378272.0, 300000.0)
    # 2019: buildings = residential + tertiary = 313643, + transport 64629 = 378272 = total.
    # 2020: 150000 + 60000 = 210000, the file says 300000.
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("line 8: the total for 2020 is 300,000 t CO2e but the sectors")
    assert "210,000" in result.warnings[0]
    with engine.connect() as conn:
        report = conn.execute(select(ImportBatch.report)).scalar_one()
    assert report["warnings"] == result.warnings


def test_mapping_file_maps_labels_sectors_totals_and_units(engine, programme_id):
    result = load(engine, programme_id, "ind_mapped_labels.csv", mapping=DATA / "ind_mapping.csv")
    # 'duizend ton' is mapped to kt: 161,92 kt = 161920 t; 1,25 kt = 1250 t.
    assert current(engine) == {
        ("emissions.residential", "2019"): pytest.approx(161920.0),
        ("emissions.transport_municipal", "2019"): pytest.approx(1250.0),
        ("emissions.total", "2019"): pytest.approx(163170.0),  # 'Alles samen', mapped to total
    }
    assert result.warnings == []  # 'Alles samen' (total) = 161920 + 1250 = 163170


def test_new_indicators_are_defined_and_energy_units_converted(engine, programme_id):
    result = load(engine, programme_id, "ind_new_indicators.csv", new_indicators=True)
    assert result.added == 3
    with engine.connect() as conn:
        indicator = conn.execute(select(Indicator).where(Indicator.code == "energy.rooftop_pv")).one()
    assert (indicator.unit, indicator.kind, indicator.name_nl, indicator.name_en) == (
        "MWh", "activity", "Zonnestroom op daken", "Rooftop PV")
    values = current(engine)
    assert values[("energy.rooftop_pv", "2022")] == 1234.5
    assert values[("energy.rooftop_pv", "2023")] == pytest.approx(2500.0)  # 2,5 GWh
    assert values[("energy.rooftop_pv", "2024")] == pytest.approx(10000.0)  # 36 TJ / 3.6 GJ per MWh


def test_months_in_several_spellings_and_a_year_share_one_series(engine, programme_id):
    load(engine, programme_id, "ind_months.csv")
    values = current(engine)
    assert values == {
        ("emissions.residential", "2023-04"): 12500.0,
        ("emissions.residential", "2023-05"): 11000.0,
        ("emissions.residential", "2023-06"): 9000.5,
        ("emissions.residential", "2023"): 150000.0,
    }


def test_year_and_month_columns_make_a_month(engine, programme_id):
    load(engine, programme_id, "ind_year_month_columns.csv")
    assert current(engine) == {
        ("emissions.transport", "2023-01"): 5400.5, ("emissions.transport", "2023-02"): 5100.0,
    }
    with engine.connect() as conn:
        months = conn.execute(select(Observation.year, Observation.month).order_by(Observation.month)).all()
    assert [tuple(m) for m in months] == [(2023, 1), (2023, 2)]


def test_source_option_fills_rows_without_a_source(engine, programme_id):
    load(engine, programme_id, "ind_tab.tsv", source="VITO 2024")
    with engine.connect() as conn:
        read = set(conn.execute(
            select(func.coalesce(Observation.source, ImportBatch.source))
            .join(ImportBatch, ImportBatch.id == Observation.batch_id)).scalars())
    assert read == {"VITO 2024"}


def test_missing_value_needs_no_unit(engine, programme_id):
    raw = b"sector;year;value;unit\nresidential;2019;NE;\n"
    load_file(engine, programme_id, "indicators", raw, file_name="ne.csv")
    value = current(engine)[("emissions.residential", "2019")]
    assert value is None or math.isnan(value)


def test_a_unit_written_inside_the_label_is_used(engine, programme_id):
    raw = b"Sector;Jaar;Waarde\nHuishoudens (kt CO2e);2019;161,92\nTransport (t CO2e);2019;64.629\n"
    load_file(engine, programme_id, "indicators", raw, file_name="labels.csv")
    # 161,92 kt = 161920 t; 64.629 t (decimal comma file) = 64629 t
    assert current(engine) == {
        ("emissions.residential", "2019"): pytest.approx(161920.0),
        ("emissions.transport", "2019"): 64629.0,
    }
