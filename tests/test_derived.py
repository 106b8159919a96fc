"""Derived tables rebuilt in the import's transaction, checked against numbers worked by hand.

tests/data/analytics_inventory.csv (t CO2e), years 2010 and 2012-2016 (2011 missing):
  residential 100,000 - 2,000/yr; tertiary 50,000 - 1,000/yr; transport 60,000 flat;
  land use (a sink) -10,000 flat. Total = 200,000 - 3,000/yr: 2010 200,000 ... 2016 182,000.
  Population 100,000 (2010) and 104,000 (2016).
Primary target set (conftest LEUVEN): baseline 2010, climate-neutral (0 %) in 2030, linear:
  the pathway falls 10,000 t a year.
"""

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipelines import db
from pipelines.schema import DerivedEmissions, DerivedProgress, DerivedSummary, TargetSet
from pipelines.targets import add_target_set
from tests.analytics_db import add_commitments, leuven_with_the_inventory, load_csv
from tests.conftest import DATA, leuven, leuven_id

COMMITMENTS = [
    ("KU Leuven", "Heat network", "residential", 4000.0, 2015, "in_progress", 25.0),
    ("KU Leuven", "Solar roofs", "tertiary", 2000.0, 2028, "achieved", 100.0),
    ("De Lijn", "Electric buses", "transport", 1500.0, 2020, "planned", None),
    ("De Lijn", "Car sharing", "transport", 800.0, 2019, "delayed", 10.0),
    ("Buurt", "Insulation drive", None, 500.0, 2030, "withdrawn", None),
    ("Buurt", "Bike lanes", "transport", None, 2040, "planned", None),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with analytics_inventory.csv loaded (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, leuven_with_the_inventory) as url:
        yield url


@pytest.fixture
def loaded(engine):
    return leuven_id(engine)


@pytest.fixture(params=["sqlite", "postgresql"])
def bare_engine(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 without data."""
    with seeded_databases.engine(request.param, tmp_path, leuven) as engine:
        yield engine


def emissions(engine, programme_id, sector, year):
    with Session(engine) as s:
        return s.get(DerivedEmissions, (programme_id, year, sector))


def summary(engine, programme_id, sector="total"):
    with Session(engine) as s:
        return s.scalars(select(DerivedSummary.summary).where(
            DerivedSummary.programme_id == programme_id, DerivedSummary.sector_code == sector,
        )).one()


def progress(engine, programme_id, year, sector="total"):
    with Session(engine) as s:
        return s.scalars(select(DerivedProgress).where(
            DerivedProgress.programme_id == programme_id, DerivedProgress.sector_code == sector,
            DerivedProgress.year == year)).one()


def test_emissions_per_sector_and_total_say_what_they_include(engine, loaded):
    buildings = emissions(engine, loaded, "buildings", 2010)
    assert buildings.value_t == 150_000  # residential 100,000 + tertiary 50,000
    assert buildings.sectors_included == "residential,tertiary"
    total = emissions(engine, loaded, "total", 2016)
    assert total.value_t == 182_000  # 88,000 + 44,000 + 60,000 - 10,000
    assert total.sectors_included == "buildings,transport,afolu"
    assert total.complete
    assert total.per_capita_t == pytest.approx(1.75)  # 182,000 / 104,000
    assert emissions(engine, loaded, "total", 2011) is None  # a missing year is not a zero


def test_headline_numbers_of_the_primary_target(engine, loaded):
    s = summary(engine, loaded)
    assert (s["baseline_year"], s["baseline_t"], s["target_year"], s["target_t"]) == (2010, 200_000, 2030, 0)
    assert (s["latest_year"], s["latest_t"]) == (2016, 182_000)
    assert s["change_vs_baseline_pct"] == pytest.approx(-9)  # -18,000 / 200,000
    assert s["progress_pct"] == pytest.approx(9)  # 18,000 / 200,000
    assert s["pathway_t"] == pytest.approx(140_000)  # 200,000 - 6 x 10,000
    assert s["gap_t"] == pytest.approx(42_000)
    # the trend is exactly -3,000 t/yr: 2030 = 182,000 - 14 x 3,000 = 140,000 (no spread)
    assert s["projected_t_at_target_year"] == pytest.approx(140_000)
    assert s["projected_low_t_at_target_year"] == pytest.approx(140_000)
    assert s["status"] == "off_track"
    assert s["year_target_reached"] is None and s["year_target_reached_text"] == "not before 2050"
    assert s["required_annual_change_t"] == pytest.approx(-13_000)  # -182,000 / 14
    assert s["data_health"]["missing_years"] == [2011]


def test_per_capita_and_carbon_budget(engine, loaded):
    s = summary(engine, loaded)
    assert s["per_capita"]["per_capita_t"] == pytest.approx(1.75)
    assert s["per_capita"]["baseline_per_capita_t"] == pytest.approx(2.0)  # 200,000 / 100,000
    assert s["per_capita"]["change_vs_baseline_pct"] == pytest.approx(-12.5)
    b = s["carbon_budget"]
    assert b["budget_t"] == pytest.approx(2_100_000)  # 21 years x mean 100,000
    # 2010-2016 with 2011 interpolated (197,000): 200 + 197 + 194 + 191 + 188 + 185 + 182 kt
    assert b["used_to_date_t"] == pytest.approx(1_337_000)
    assert b["pathway_to_date_t"] == pytest.approx(1_190_000)  # 7 x mean 170,000
    # 2017-2030 projected: 14 x 182,000 - 3,000 x (1 + ... + 14 = 105) = 2,233,000
    assert b["expected_t"] == pytest.approx(3_570_000)
    # cumulative: 2017 1,516,000; 2018 1,692,000; 2019 1,865,000; 2020 2,035,000; 2021 2,202,000
    assert b["year_runs_out"] == 2021


def test_progress_rows_per_year(engine, loaded):
    row = progress(engine, loaded, 2013)
    assert row.actual_t == 191_000
    assert row.pathway_t == pytest.approx(170_000)
    assert row.gap_t == pytest.approx(21_000)
    assert row.progress_pct == pytest.approx(4.5)  # 9,000 / 200,000
    assert row.projected_t is None  # projections start at the latest year
    missing = progress(engine, loaded, 2011)
    assert missing.actual_t is None and missing.pathway_t == pytest.approx(190_000)
    end = progress(engine, loaded, 2030)
    assert end.projected_t == pytest.approx(140_000) and end.pathway_t == 0


def test_sectors_without_own_targets_are_held_to_the_overall_share(engine, loaded):
    s = summary(engine, loaded)
    by_sector = {row["sector"]: row for row in s["sectors"]}
    assert list(by_sector) == ["buildings", "transport", "afolu"]
    assert by_sector["buildings"]["change_vs_baseline_pct"] == pytest.approx(-12)  # 132 / 150
    assert by_sector["buildings"]["status"] == "off_track"
    assert by_sector["afolu"]["target_t"] == -10_000  # a sink is held at its baseline
    assert by_sector["afolu"]["status"] == "on_track"
    buildings = summary(engine, loaded, "buildings")
    assert buildings["pathway_t"] == pytest.approx(105_000)  # 150,000 x (1 - 6/20)


def test_commitments_gap_overall_and_per_sector(engine, loaded):
    add_commitments(engine, loaded, COMMITMENTS)
    c = summary(engine, loaded)["commitments"]
    assert (c["count"], c["partners"]) == (6, 3)
    # achieved 2,000 + in progress 4,000 x 25 % + planned 1,500
    assert c["committed_reduction_t"] == pytest.approx(4_500)
    assert c["achieved_reduction_t"] == pytest.approx(2_000)
    assert c["needed_reduction_t"] == pytest.approx(182_000)
    assert c["uncovered_reduction_t"] == pytest.approx(177_500)  # 182,000 - (3,000 + 1,500)
    assert [o["title"] for o in c["overdue"]] == ["Heat network", "Car sharing", "Electric buses"]
    # 2030: 140,000 - 3,000 (heat network) - 1,500 (buses) = 135,500
    assert c["with_commitments_t_at_target_year"] == pytest.approx(135_500)
    assert progress(engine, loaded, 2017).with_commitments_t == pytest.approx(176_000)  # 179,000 - 3,000
    transport = summary(engine, loaded, "transport")["commitments"]
    assert (transport["count"], transport["partners"]) == (3, 2)
    assert transport["needed_reduction_t"] == pytest.approx(60_000)
    assert transport["delayed_reduction_t"] == pytest.approx(800)


def test_a_non_primary_target_set_with_a_constant_rate(engine, loaded):
    set_id = add_target_set(engine, loaded, "Covenant of Mayors", 2012, 2030, "reduction_pct", 55,
                            method="constant_rate")
    with Session(engine) as s:
        found = s.scalars(select(DerivedSummary.summary).where(
            DerivedSummary.target_set_id == set_id, DerivedSummary.sector_code == "total")).one()
    assert found["target_t"] == pytest.approx(87_300)  # 194,000 x 45 %
    # 2016: 194,000 x 0.45^(4/18) = 194,000 x 0.837405 = 162,456.6
    assert found["pathway_t"] == pytest.approx(162_456.6, abs=0.5)
    assert found["progress_pct"] == pytest.approx(11.2465, abs=1e-4)  # 12,000 / 106,700
    assert not found["is_primary"]


def test_a_baseline_year_without_data_is_recorded_not_raised(engine, loaded):
    set_id = add_target_set(engine, loaded, "Wrong baseline", 2011, 2030, "residual_pct", 0)
    with Session(engine) as s:
        found = s.scalars(select(DerivedSummary.summary).where(
            DerivedSummary.target_set_id == set_id, DerivedSummary.sector_code == "total")).one()
    assert "baseline year 2011" in found["error"]
    assert found["status"] == "unknown"


def test_twelve_months_count_as_a_year_and_an_incomplete_year_is_left_out(engine, loaded):
    load_csv(engine, loaded, DATA / "analytics_months.csv")
    # 12 months of 4.9 kt CO2e = 58,800 t
    assert emissions(engine, loaded, "transport", 2017).value_t == pytest.approx(58_800)
    eleven_months = emissions(engine, loaded, "transport", 2018)
    assert eleven_months.value_t is None and not eleven_months.complete  # not a yearly value
    total = emissions(engine, loaded, "total", 2017)
    assert total.value_t == pytest.approx(58_800) and not total.complete
    s = summary(engine, loaded)
    assert s["latest_year"] == 2016
    assert s["incomplete_years"] == [2017]
    assert any(w.startswith("2017 is left out") for w in s["warnings"])


def test_a_correction_supersedes_and_the_tables_follow(engine, loaded):
    load_csv(engine, loaded, DATA / "analytics_correction.csv")  # transport 2016: 50,000
    assert emissions(engine, loaded, "total", 2016).value_t == 172_000  # 182,000 - 10,000
    assert summary(engine, loaded)["data_health"]["superseded_values"] == 1


def test_a_missing_marker_is_not_a_zero(engine, loaded):
    load_csv(engine, loaded, DATA / "analytics_missing.csv")  # transport 2016: NE
    total = emissions(engine, loaded, "total", 2016)
    assert total.value_t == 122_000 and not total.complete  # transport left out
    assert summary(engine, loaded)["latest_year"] == 2015


def test_a_programme_without_target_sets_still_gets_its_emissions(bare_engine):
    engine, programme_id = bare_engine, leuven_id(bare_engine)
    with db.writing(engine) as conn:
        conn.execute(delete(TargetSet).where(TargetSet.programme_id == programme_id))
    load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    assert emissions(engine, programme_id, "total", 2010).value_t == 200_000
    with Session(engine) as s:
        assert s.scalars(select(DerivedSummary)).all() == []
