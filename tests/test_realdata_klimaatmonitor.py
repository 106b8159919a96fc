"""Klimaatmonitor exports (municipal wide CSV, province long CSV, Excel 'Thema's' .xls) load as they are."""

from __future__ import annotations

from .realdata_support import (
    headline,
    load_real,
    needs_realdata,
    programme_for,
    reported,
    stored,
    totals,
    transformed,
)

pytestmark = needs_realdata
MUNICIPAL = "klimaatmonitor/CO2-uitstoot-sectoren_2019.csv"


def test_municipal_export_gives_leidens_sectors_and_nothing_else(engine):
    programme = programme_for(engine, ["Leiden"], ["cbs:GM0546"])
    result = load_real(engine, programme, MUNICIPAL)
    assert stored(engine) == {
        ("emissions.buildings", "2019"): 320303.0,
        ("emissions.transport", "2019"): 142835.0,
        ("emissions.industry", "2019"): 30278.0,
        ("emissions.agriculture", "2019"): 501.0,
    }
    # 320,303 + 142,835 + 30,278 + 501 = 493,917: the total rounded to 100 t, no warning.
    assert totals(transformed(engine, programme, MUNICIPAL)) == {"2019": 493900.0}
    assert reported(engine) == {"2019": 493900.0}  # stored as the reported total
    assert headline(engine, programme)[2019] == (493917.0, True)  # complete: the sectors' sum
    assert result.warnings == []
    report = result.detected["profile"]
    assert report["profile"] == "klimaatmonitor-gemeenten" and report["area_column"] == "Gemeenten"
    reasons = {item["reason"]: item for item in report["left_out"]}
    # 353 data rows: Leiden kept, 'Gemeente onbekend' named apart, 351 other municipalities.
    assert reasons["with no known area"]["examples"] == ["Gemeente onbekend"]
    assert reasons["other areas"]["rows"] == 351


def test_suppressed_minus_one_is_stored_missing_and_the_total_is_kept(engine):
    programme = programme_for(engine, ["Oegstgeest"])
    result = load_real(engine, programme, MUNICIPAL)
    assert stored(engine) == {
        ("emissions.buildings", "2019"): "C",  # -1 in the file: suppressed, never -1 t
        ("emissions.transport", "2019"): 31397.0,
        ("emissions.industry", "2019"): 2020.0,
        ("emissions.agriculture", "2019"): 468.0,
    }
    # Known sectors 31,397 + 2,020 + 468 = 33,885; the reported total stays 84,800.
    assert totals(transformed(engine, programme, MUNICIPAL)) == {"2019": 84800.0}
    assert any("84,800" in w and "33,885" in w for w in result.warnings)
    assert reported(engine) == {"2019": 84800.0}
    assert headline(engine, programme)[2019][0] == 84800.0  # the headline, not 33,885 t


def test_zuid_holland_long_export_keeps_one_tile(engine):
    programme = programme_for(engine, ["Zuid-Holland"])
    result = load_real(engine, programme, "klimaatmonitor/CO2-Uitstoot-Zuid-Holland.csv")
    values = stored(engine)
    assert len(values) == 32  # 4 main sectors × 2010–2017, nothing from other tiles
    assert values[("emissions.buildings", "2010")] == 11244741.0
    assert values[("emissions.buildings", "2017")] == 10138003.0
    assert values[("emissions.transport", "2010")] == 6748537.0
    assert values[("emissions.industry", "2017")] == 9509673.0
    assert values[("emissions.agriculture", "2010")] == 5126445.0
    assert {code for code, _p in values} == {
        "emissions.buildings", "emissions.transport", "emissions.industry", "emissions.agriculture"}
    report = result.detected["profile"]
    assert report["area_column"] == "regio / dimensie"
    left = {item["reason"]: item for item in report["left_out"]}
    assert left["other areas"]["examples"] == ["Nederland"]
    assert any("Tegel" in reason for reason in left)


def test_drenthe_question_marks_stay_missing_and_totals_of_incomplete_years_are_kept(engine):
    programme = programme_for(engine, ["Drenthe"])
    load_real(engine, programme, "klimaatmonitor/CO2-Uitstoot-Drenthe.csv")
    values = stored(engine)
    for year in ("2012", "2013", "2014", "2015", "2017"):
        assert values[("emissions.industry", year)] == "?"
    assert values[("emissions.agriculture", "2016")] == "?"
    assert values[("emissions.industry", "2016")] == 709682.0
    found = totals(transformed(engine, programme, "klimaatmonitor/CO2-Uitstoot-Drenthe.csv"))
    assert sorted(found) == [str(y) for y in range(2010, 2018)]  # a total for every year, incomplete ones too
    published = reported(engine)
    assert sorted(published) == sorted(found)
    years = headline(engine, programme)
    for year in (2012, 2013, 2014, 2015, 2016, 2017):  # sectors incomplete: the published total leads
        assert years[year][0] == published[str(year)]


def test_emmen_xls_gives_energy_use_as_activity_indicators(engine):
    programme = programme_for(engine, ["Emmen"])
    result = load_real(engine, programme, "klimaatmonitor/Klimaatmonitor - Emmen.xls")
    values = stored(engine)
    assert values[("energy.total_known", "2015")] == 11354.0
    assert values[("energy.total_known", "2017")] == 12581.0
    assert values[("gas.households", "2015")] == 72.1
    assert values[("gas.households", "2017")] == 71.8
    assert values[("energy.industry", "2017")] == "?"
    assert len(values) == 20  # the 10 indicators the profile declares × 2 years
    left = [item["reason"] for item in result.detected["profile"]["left_out"]]
    assert any(reason.startswith("footer from line 33") for reason in left)
