"""Klimawatch city files (year, category, type, co2 in kt, note) load with the shipped profile."""

from __future__ import annotations

import pytest

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


def test_bonn_households_in_tonnes(engine):
    programme = programme_for(engine, ["Bonn"])
    load_real(engine, programme, "klimawatch/bonn.csv")
    values = stored(engine)
    assert values[("emissions.residential", "1990")] == 903000.0  # 903 kt
    assert values[("population", "2018")] == 330224.0  # the 'Einwohner' row, in persons
    # 13 years × 5 sectors + 1 population value; the 13 'Gesamt' rows are totals.
    assert len(values) == 66


def test_duesseldorf_thousands_separator_is_decided_by_the_total(engine):
    programme = programme_for(engine, ["Düsseldorf"])
    result = load_real(engine, programme, "klimawatch/duesseldorf.csv")
    # '1.953' could be 1.953 kt or 1,953 kt: 1,953 + 171 + 4,552 + 1,193 = 7,869 = the 1987 total.
    assert stored(engine)[("emissions.residential", "1987")] == 1953000.0
    readings = result.detected["profile"]["readings"]
    assert len(readings) == 1 and "'1.953' read as 1,953" in readings[0]
    assert "the totals do not add up the other way" in readings[0]


def test_moers_true_decimals_stay_decimals(engine):
    programme = programme_for(engine, ["Moers"])
    result = load_real(engine, programme, "klimawatch/moers.csv")
    # With a decimal comma '48.647140192728' would be no number; the totals add up with a point
    # (2011: 113.423 + 50.356 + 20.110 + 2.712 + 208.216 = 394.817 ≈ 394.865, within 0.1 %).
    assert "decimal point" in result.detected["profile"]["readings"][0]
    assert "the other reading makes some values no numbers" in result.detected["profile"]["readings"][0]
    values = stored(engine)
    assert values[("emissions.residential", "2010")] == pytest.approx(131717.0)  # 131.717 kt
    assert values[("emissions.transport_municipal", "2011")] == pytest.approx(48647.140192728)


def test_frankfurt_planned_rows_are_left_out(engine):
    programme = programme_for(engine, ["Frankfurt"])
    result = load_real(engine, programme, "klimawatch/ffm.csv")
    values = stored(engine)
    assert max(int(p) for _c, p in values) == 2021  # the planned 2035 zeros are not measurements
    assert values[("emissions.tertiary", "2021")] == 2626000.0  # the measured 2021 row, once
    planned = [i for i in result.detected["profile"]["left_out"] if i["reason"].startswith("planned")]
    assert planned[0]["rows"] == 10  # 2021 ×5 and 2035 ×5 'geplant'


def test_koeln_totals_only_come_out_as_totals(engine):
    programme = programme_for(engine, ["Köln"])
    load_real(engine, programme, "klimawatch/koeln.csv")
    # 1990, 2008, 2015 measured totals; 2020, 2025, 2030 are 'geplant' and left out.
    assert totals(transformed(engine, programme, "klimawatch/koeln.csv")) == {
        "1990": 12130.0, "2008": 10250.0, "2015": 10000.0}
    assert stored(engine) == {("population", "2019"): 1061000.0}
    # Stored in t (the file's co2 is in kt), and the headline of each year.
    assert reported(engine) == {"1990": 12130000.0, "2008": 10250000.0, "2015": 10000000.0}
    years = headline(engine, programme)
    assert {y: years[y][0] for y in (1990, 2008, 2015)} == {1990: 12130000.0, 2008: 10250000.0, 2015: 10000000.0}


def test_muenster_heat_electricity_and_traffic_load(engine):
    programme = programme_for(engine, ["Münster"])
    result = load_real(engine, programme, "klimawatch/muenster.csv")
    values = stored(engine)
    assert values[("emissions.buildings", "2022")] == 658000.0  # 'Wärme'
    assert values[("emissions.energy_production", "2022")] == 568000.0  # 'Strom'
    assert values[("emissions.transport", "2022")] == 562000.0
    assert all(int(p) <= 2022 for _c, p in values)
    # 2022: 658 + 568 + 562 = 1,788 = the 'Gesamt': no warning for that year.
    assert not any("2022" in w for w in result.warnings)


def test_frankfurt_planned_rows_kept_as_a_target_set_when_asked(engine):
    from pipelines.load import load_file
    from pipelines.load.result import LoadOptions
    from pipelines.targets import list_target_sets

    from .realdata_support import REALDATA

    programme = programme_for(engine, ["Frankfurt"])
    result = load_file(engine, programme, "indicators", REALDATA / "klimawatch/ffm.csv",
                       options=LoadOptions(planned_as_target_set="Klimaschutzplan"))
    assert max(int(p) for _c, p in stored(engine)) == 2021  # still no planned value as a measurement
    (kept,) = [s for s in list_target_sets(engine, programme) if s.name == "Klimaschutzplan"]
    # 'geplant' 2021: Gesamt 7,455 kt, a milestone; 2035: Gesamt 0, the target.
    assert (kept.baseline_year, kept.target_year) == (2010, 2035)
    # Each planned sector too: 0 in 2035 is its own target, its 2021 value its milestone
    # (Verkehr 1,476, Industrie 1,963, Gewerbe 2,626, Haushalte 1,390 kt), and buildings, which
    # the pages show, through Haushalte + Gewerbe (its measured sub-sectors): 4,016 kt.
    assert sorted((t.sector_code, t.kind, t.value) for t in kept.targets) == [
        ("buildings", "absolute_t", 0.0), ("industry", "absolute_t", 0.0), ("residential", "absolute_t", 0.0),
        ("tertiary", "absolute_t", 0.0), ("total", "absolute_t", 0.0), ("transport", "absolute_t", 0.0)]
    assert sorted((m.sector_code, m.year, m.kind, m.value) for m in kept.milestones) == [
        ("buildings", 2021, "absolute_t", 4016000.0), ("industry", 2021, "absolute_t", 1963000.0),
        ("residential", 2021, "absolute_t", 1390000.0), ("tertiary", 2021, "absolute_t", 2626000.0),
        ("total", 2021, "absolute_t", 7455000.0), ("transport", 2021, "absolute_t", 1476000.0)]
    assert result.planned_target_set["from_sectors"] == []  # both years have their planned total
    assert result.planned_target_set["milestones"] == [{"year": 2021, "value_t": 7455000.0}]
    assert len(result.planned_target_set["sector_milestones"]) == 5
    assert "own targets of 5 sector(s) in 2035 (Buildings 0 t, Industry (non-ETS) 0 t, Residential buildings 0 t" in result.summary()
    from sqlalchemy import select

    from pipelines.schema import AuditLog
    with engine.connect() as conn:
        logged = dict(conn.execute(select(AuditLog.field, AuditLog.new_value).where(AuditLog.entity == "milestone")).all())
    # Whole tonnes in the log, as the pages show them, not '7.455e+06'.
    assert (logged["milestone:total:2021"], logged["milestone:tertiary:2021"]) == ("absolute_t 7455000", "absolute_t 2626000")


def test_frankfurt_loaded_plainly_offers_its_planned_rows_as_a_target_set(engine):
    programme = programme_for(engine, ["Frankfurt"])
    result = load_real(engine, programme, "klimawatch/ffm.csv")
    assert result.planned_offer == 10
