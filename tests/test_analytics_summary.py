"""A programme's analysis end to end (no database): the edge cases of issue 3."""

import pandas as pd
import pytest

from pipelines.analytics.inputs import AnalyticsInputs, MilestoneSpec, TargetSetSpec, TargetSpec
from pipelines.analytics.summary import SUMMARY_KEYS, TOTAL_ONLY_KEYS, analyse
from pipelines.vocab import SECTORS

SECTOR_TABLE = pd.DataFrame(
    [(s.code, s.parent, i, s.en) for i, s in enumerate(SECTORS)],
    columns=["code", "parent_code", "sort_order", "name_en"],
)
COMMITMENT_COLUMNS = ["id", "partner_id", "partner", "title", "sector_code",
                      "reduction_t_per_year", "target_year", "status", "progress_pct"]


def inputs(values: dict[str, dict[int, float]], *target_sets, population=None) -> AnalyticsInputs:
    rows = [
        (i, f"emissions.{sector}", sector, year, 1, value, None, 0, None)
        for i, (sector, series) in enumerate(values.items()) for year, value in series.items()
    ]
    agg = pd.DataFrame(rows, columns=["indicator_id", "code", "sector_code", "year", "yearly_values",
                                      "yearly_sum", "yearly_key", "monthly_values", "monthly_sum"])
    return AnalyticsInputs(
        programme_id=1, as_of_year=2026, sectors=SECTOR_TABLE, emissions=agg,
        population=pd.Series(population or {}, dtype=float), target_sets=target_sets,
        commitments=pd.DataFrame(columns=COMMITMENT_COLUMNS),
    )


def neutral(baseline=2010, target=2030, method="linear", targets=None, milestones=()):
    return TargetSetSpec(1, "Neutral", True, baseline, target, method,
                         targets or (TargetSpec("total", "residual_pct", 0.0),), milestones)


def total(analysis, sector="total") -> dict:
    return analysis.summary_of(1, sector)


def line(start: float, step: float, years) -> dict[int, float]:
    return {y: start + step * (y - years[0]) for y in years}


def test_target_already_met_is_on_track_with_progress_over_100():
    # 100 in 2010 falling 10/yr to 30 in 2017; target 50 % residual = 50
    data = {"transport": line(100, -10, range(2010, 2018))}
    s = total(analyse(inputs(data, neutral(targets=(TargetSpec("total", "residual_pct", 50),)))))
    assert s["latest_t"] == 30
    assert s["progress_pct"] == pytest.approx(140)  # (100 - 30) / (100 - 50)
    # First met in 2015 (100 - 5 * 10 = 50 ≤ 50) and at or below ever since: not the latest year
    assert s["year_target_reached"] == 2015
    assert s["year_target_reached_text"] == "already met (2015)"
    assert s["status"] == "on_track"


def test_rising_emissions_are_off_track_and_never_reach_the_target():
    data = {"transport": line(100, 2, range(2010, 2018))}  # 100 ... 114
    s = total(analyse(inputs(data, neutral())))
    assert s["change_vs_baseline_pct"] == pytest.approx(14)
    assert s["progress_pct"] == pytest.approx(-14)  # (100 - 114) / 100
    # pathway 2017: 100 - 7 * 5 = 65; gap 114 - 65 = 49
    assert s["gap_t"] == pytest.approx(49)
    assert s["status"] == "off_track"
    assert s["year_target_reached"] is None
    assert s["year_target_reached_text"] == "not before 2050"


def test_a_single_data_point_has_no_trend_and_unknown_status():
    s = total(analyse(inputs({"transport": {2010: 100.0}}, neutral(), population={2010: 50.0})))
    # The baseline year alone: change and progress would be 0 % by construction ("measured, and
    # nothing moved"), so neither is given until a later year is measured, and the summary says so.
    assert s["latest_year"] == 2010 and s["latest_t"] == 100
    assert s["change_vs_baseline_pct"] is None and s["progress_pct"] is None
    assert "no year after the baseline year 2010 is measured yet: change and progress need one" in s["warnings"]
    per_head = s["per_capita"]
    assert per_head["per_capita_t"] == per_head["baseline_per_capita_t"] == 2.0
    assert per_head["change_vs_baseline_pct"] is None  # per inhabitant too
    assert s["status"] == "unknown"
    assert s["year_target_reached_text"] == "not enough data"
    assert s["trend"]["reason"] == "not enough data (1 of 5 yearly values)"


def test_missing_years_in_the_middle_are_fitted_on_calendar_years():
    # 2010, 2011, 2014, 2015, 2016 on 100 - 2 (y - 2010); 2030 = 100 - 40 = 60
    years = [2010, 2011, 2014, 2015, 2016]
    s = total(analyse(inputs({"transport": {y: 100 - 2.0 * (y - 2010) for y in years}}, neutral())))
    assert s["projected_t_at_target_year"] == pytest.approx(60)
    assert s["data_health"]["missing_years"] == [2012, 2013]
    # budget: 2012 and 2013 interpolated (96, 94); the path is 100 - 2k for k = 0..20: 21 x 80
    assert s["carbon_budget"]["expected_t"] == pytest.approx(1680)


def test_a_net_sink_sector_is_held_at_its_baseline_and_judged_lower_is_better():
    data = {"transport": line(100, -1, range(2010, 2016)),
            "land_use": line(-10, -1, range(2010, 2016))}  # the sink grows: -10 ... -15
    analysis = analyse(inputs(data, neutral()))
    sink = total(analysis, "afolu")
    assert sink["target_t"] == -10 and sink["target_source"] == "from_total"
    assert sink["change_vs_baseline_pct"] == pytest.approx(-50)  # (-15 + 10) / 10
    assert sink["progress_pct"] is None  # target = baseline
    assert sink["status"] == "on_track"
    # total 2015 = 95 - 15 = 80 over baseline 90
    assert total(analysis)["latest_t"] == pytest.approx(80)


def test_a_baseline_year_without_data_gives_a_clear_error_not_a_crash():
    s = total(analyse(inputs({"transport": line(100, -1, range(2012, 2018))}, neutral())))
    assert s["error"] == (
        "no emissions value for the total in the baseline year 2010: load it, "
        "or give the target a published baseline"
    )
    assert s["status"] == "unknown"


def test_a_published_baseline_replaces_the_missing_baseline_year():
    target = TargetSpec("total", "residual_pct", 17.0, baseline_t=457_501.0)
    s = total(analyse(inputs({"transport": line(450_000, -5_000, range(2020, 2026))},
                             neutral(baseline=2019, targets=(target,)))))
    assert s["baseline_source"] == "published"
    assert s["target_t"] == pytest.approx(77_775.17)  # 17 % of 457,501
    # latest 2025 = 425,000: (457,501 - 425,000) / (457,501 - 77,775.17) = 8.559 %
    assert s["progress_pct"] == pytest.approx(8.5591, abs=1e-4)


def test_sector_targets_are_used_and_the_total_target_can_be_their_sum():
    data = {"transport": line(64_629, -1_000, range(2019, 2025)),
            "waste": line(47_864, -500, range(2019, 2025))}
    ccc = neutral(baseline=2019, targets=(TargetSpec("transport", "absolute_t", 19_003.0),
                                          TargetSpec("waste", "absolute_t", 7_180.0)))
    analysis = analyse(inputs(data, ccc))
    assert total(analysis, "transport")["target_source"] == "own"
    s = total(analysis)
    assert s["target_source"] == "sum_of_sectors"
    assert s["target_t"] == pytest.approx(26_183)  # 19,003 + 7,180
    assert [row["sector"] for row in s["sectors"]] == ["transport", "waste"]


def test_milestones_shape_the_pathway_of_a_milestones_target_set():
    ts = neutral(method="milestones", milestones=(MilestoneSpec("total", 2020, "reduction_pct", 40),))
    analysis = analyse(inputs({"transport": line(100, -5, range(2010, 2016))}, ts))
    # 100 -> 60 in 2020 (-4/yr): 2015 = 80; latest 75: gap -5
    assert total(analysis)["pathway_t"] == pytest.approx(80)
    assert total(analysis)["gap_t"] == pytest.approx(-5)
    rows = analysis.progress
    assert rows.loc[(rows["sector_code"] == "total") & (rows["year"] == 2025), "pathway_t"].item() == pytest.approx(30)


def test_per_capita_is_total_over_population_in_the_latest_year():
    data = {"transport": line(200, -10, range(2010, 2016))}
    s = total(analyse(inputs(data, neutral(), population={2010: 100.0, 2015: 125.0})))
    # 2015: 150 / 125 = 1.2; 2010: 200 / 100 = 2.0; change -40 %
    assert s["per_capita"] == {"year": 2015, "population": 125.0, "per_capita_t": 1.2,
                               "baseline_per_capita_t": 2.0, "change_vs_baseline_pct": pytest.approx(-40)}


def test_summaries_always_carry_the_documented_keys_even_on_error():
    ok = analyse(inputs({"transport": line(100, -1, range(2010, 2016))}, neutral()))
    broken = analyse(inputs({"transport": line(100, -1, range(2012, 2016))}, neutral()))
    for analysis in (ok, broken):
        assert set(total(analysis)) == SUMMARY_KEYS | TOTAL_ONLY_KEYS
        assert set(total(analysis, "transport")) == SUMMARY_KEYS
        assert "with_commitments_t_at_target_year" in total(analysis)["commitments"]


def test_sector_targets_that_miss_a_sector_leave_the_total_without_a_target():
    data = {"transport": line(100, -1, range(2019, 2025)), "waste": line(50, -1, range(2019, 2025))}
    ts = neutral(baseline=2019, targets=(TargetSpec("transport", "absolute_t", 30.0),))
    analysis = analyse(inputs(data, ts))
    assert total(analysis)["error"] == (
        "the target set has no overall target, and its sector targets do not cover every sector")
    assert total(analysis, "transport")["target_t"] == 30
    assert "no overall target" in total(analysis, "waste")["error"]


def test_years_before_the_baseline_are_not_compared_backward_to_it():
    # Measured 2008 and 2009, the target's 2010 baseline published (120 t): a "change since 2010"
    # from 2009 would run backward in time, and "progress" with it.
    published = neutral(targets=(TargetSpec("total", "residual_pct", 0.0, baseline_t=120.0),))
    s = total(analyse(inputs({"transport": {2008: 104.0, 2009: 102.0}}, published)))
    assert s["baseline_t"] == 120 and s["latest_year"] == 2009 and s["latest_t"] == 102
    assert s["change_vs_baseline_pct"] is None and s["progress_pct"] is None
    assert "no year after the baseline year 2010 is measured yet: change and progress need one" in s["warnings"]


def test_one_year_after_the_baseline_gives_change_and_progress():
    s = total(analyse(inputs({"transport": {2010: 100.0, 2011: 95.0}}, neutral())))
    assert s["change_vs_baseline_pct"] == pytest.approx(-5)
    assert s["progress_pct"] == pytest.approx(5)  # 5 of the 100 t to go
    assert not [w for w in s["warnings"] if "no year after the baseline" in w]
