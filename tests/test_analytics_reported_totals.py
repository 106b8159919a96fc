"""Reported totals and incomplete years, end to end through the database (issue 12).

Reported totals are written as observations of `emissions.total` directly (the loader that stores
them from files lands separately). The programme is conftest's LEUVEN: baseline 2010, 0 % residual
in 2030, linear pathway (it falls 10,000 t a year from a 200,000 t baseline).
"""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipelines.schema import DerivedEmissions, DerivedSummary
from pipelines.status_report import status_summary
from roadmap_cli import main
from tests.analytics_db import put_observations

TOTAL = "emissions.total"


def headline(engine, programme_id, year):
    with Session(engine) as s:
        return s.get(DerivedEmissions, (programme_id, year, "total"))


def summary(engine, programme_id, sector="total") -> dict:
    with Session(engine) as s:
        return s.scalars(select(DerivedSummary.summary).where(
            DerivedSummary.programme_id == programme_id, DerivedSummary.sector_code == sector,
        )).one()


def by_year(s: dict) -> dict[int, dict]:
    return {y["year"]: y for y in s["years"]}


def test_a_programme_with_only_reported_totals_has_status_trend_pathway_and_budget(engine, programme_id):
    # 200,000 - 3,000/yr: 2010 200,000 ... 2016 182,000 (a city's published totals, no sectors)
    put_observations(engine, programme_id, [(TOTAL, str(y), 200_000.0 - 3_000 * (y - 2010))
                                            for y in range(2010, 2017)])
    row = headline(engine, programme_id, 2016)
    assert (row.value_t, row.source, row.complete, row.reported_total_t) == (182_000, "reported", True, 182_000)
    s = summary(engine, programme_id)
    assert s["error"] is None
    assert (s["baseline_t"], s["latest_year"], s["latest_t"]) == (200_000, 2016, 182_000)
    assert s["progress_pct"] == pytest.approx(9.0)  # (200,000 - 182,000) / 200,000
    assert s["pathway_t"] == pytest.approx(140_000)  # 200,000 - 6 × 10,000
    assert s["gap_t"] == pytest.approx(42_000)
    assert s["trend"]["linear"]["annual_change"] == pytest.approx(-3_000)
    assert s["projected_t_at_target_year"] == pytest.approx(140_000)  # 182,000 - 14 × 3,000
    assert s["status"] == "off_track"  # above the pathway, a perfect line misses 0
    assert s["carbon_budget"]["budget_t"] == pytest.approx(2_100_000)  # 21 years, mean 100,000
    assert s["sectors_included"] == []
    assert [y["complete"] for y in s["years"]] == [True] * 7


def test_the_reported_total_stands_in_for_incomplete_sectors_and_a_difference_is_a_warning(
        engine, programme_id):
    # residential 100,000 and transport 50,000 every year 2010-2016, but no transport in 2014.
    rows = [("emissions.residential", str(y), 100_000.0) for y in range(2010, 2017)]
    rows += [("emissions.transport", str(y), 50_000.0) for y in range(2010, 2017) if y != 2014]
    # Reported: 2014 covers the gap; 2015 differs by 1,000 t (warning); 2016 by 100 t (rounding:
    # under 0.1 % of 150,000 = 150 t).
    rows += [(TOTAL, "2014", 149_000.0), (TOTAL, "2015", 151_000.0), (TOTAL, "2016", 150_100.0)]
    put_observations(engine, programme_id, rows)
    y2014, y2015 = headline(engine, programme_id, 2014), headline(engine, programme_id, 2015)
    assert (y2014.value_t, y2014.source, y2014.complete) == (149_000, "reported", True)
    assert (y2015.value_t, y2015.source, y2015.reported_total_t) == (150_000, "sectors", 151_000)
    s = summary(engine, programme_id)
    years = by_year(s)
    assert years[2014] == {"year": 2014, "total_t": 149_000, "complete": True,
                           "reported_total_t": 149_000, "source": "reported", "sectors_included": []}
    assert years[2013]["reported_total_t"] is None and years[2013]["total_t"] == 150_000
    notes = [w for w in s["warnings"] if w.startswith("201")]
    assert any(w.startswith("2015: the sectors add up to 150,000 t but the reported total is "
                            "151,000 t (difference -1,000 t)") for w in notes)
    assert not any(w.startswith("2016") for w in notes)
    assert any(w.startswith("2014: the sectors are incomplete, so the reported total") for w in notes)
    assert 2014 in s["trend"]["years"]  # covered by its reported total: a complete year


def incomplete_baseline(engine, programme_id):
    """residential 100,000 - 2,000/yr and transport 60,000 for 2010-2016; tertiary 50,000 -
    1,000/yr only from 2011: 2010 has no tertiary and no reported total, so it is incomplete."""
    rows = [("emissions.residential", str(y), 100_000.0 - 2_000 * (y - 2010)) for y in range(2010, 2017)]
    rows += [("emissions.transport", str(y), 60_000.0) for y in range(2010, 2017)]
    rows += [("emissions.tertiary", str(y), 50_000.0 - 1_000 * (y - 2010)) for y in range(2011, 2017)]
    put_observations(engine, programme_id, rows)


def test_an_incomplete_baseline_is_left_out_of_the_trend_and_change_compares_like_with_like(
        engine, programme_id):
    incomplete_baseline(engine, programme_id)
    s = summary(engine, programme_id)
    # 2010 = residential 100,000 + transport 60,000 = 160,000 (no tertiary)
    assert s["baseline_t"] == 160_000
    assert by_year(s)[2010]["complete"] is False
    # 2016 = 88,000 + 44,000 + 60,000 = 192,000; naive change would be +20 %.
    assert s["latest_t"] == 192_000
    # Like with like: 2016 on the baseline's sectors = 88,000 + 60,000 = 148,000;
    # (148,000 - 160,000) / 160,000 = -7.5 %; progress to 0 t: 12,000 / 160,000 = 7.5 %.
    assert s["change_vs_baseline_pct"] == pytest.approx(-7.5)
    assert s["progress_pct"] == pytest.approx(7.5)
    assert s["like_for_like"]["latest_t"] == 148_000
    assert sorted(s["like_for_like"]["sectors"]) == ["residential", "transport"]  # not tertiary
    assert s["trend"]["years"] == [2011, 2012, 2013, 2014, 2015, 2016]
    assert any("baseline year 2010 is incomplete" in w for w in s["warnings"])


def test_status_json_lists_every_year_with_its_completeness(engine, programme_id):
    incomplete_baseline(engine, programme_id)
    url = engine.url.render_as_string(hide_password=False)
    done = CliRunner().invoke(main, ["--database-url", url, "status", "--json"])
    assert done.exit_code == 0, done.output
    years = json.loads(done.output)["years"]
    assert [y["year"] for y in years] == list(range(2010, 2017))
    assert years[0] == {"year": 2010, "total_t": 160_000, "complete": False, "reported_total_t": None,
                        "source": "sectors", "sectors_included": ["buildings", "transport"]}
    # 2011 = 98,000 + 49,000 + 60,000 = 207,000
    assert years[1]["total_t"] == 207_000 and years[1]["complete"] is True
    assert status_summary(engine, programme_id, year=2012)["years"][-1]["year"] == 2012


def test_a_reported_latest_year_is_compared_with_the_baselines_reported_total(engine, programme_id):
    # 2010: sectors 100,000 + 50,000 = 150,000, reported 160,000 (another scope); 2011: reported
    # 140,000 only. Sum vs reported would say (140 - 150) / 150 = -6.7 %; like with like the
    # reported totals give (140,000 - 160,000) / 160,000 = -12.5 %, progress to 0 t 12.5 %.
    put_observations(engine, programme_id, [
        ("emissions.residential", "2010", 100_000.0), ("emissions.transport", "2010", 50_000.0),
        (TOTAL, "2010", 160_000.0), (TOTAL, "2011", 140_000.0),
    ])
    s = summary(engine, programme_id)
    assert (s["baseline_t"], s["latest_year"], s["latest_t"]) == (150_000, 2011, 140_000)
    assert s["change_vs_baseline_pct"] == pytest.approx(-12.5)
    assert s["progress_pct"] == pytest.approx(12.5)
    assert s["like_for_like"] == {"sectors": ["reported total"], "baseline_t": 160_000, "latest_t": 140_000}
