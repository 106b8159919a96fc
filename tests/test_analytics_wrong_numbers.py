"""Wrong numbers a new user found (issue 12), each pinned by hand-computed values."""

import dataclasses

import pytest

from pipelines.analytics.inputs import MilestoneSpec, TargetSpec
from pipelines.analytics.summary import analyse
from pipelines.status_text import format_status
from tests.test_analytics_summary import inputs, line, neutral, total


def test_a_baseline_already_below_the_target_has_no_progress_percentage():
    # 100 in 2010 falling 2/yr to 86 in 2017; target 120 t: naive (100 - 86) / (100 - 120) = -70 %
    data = {"transport": line(100, -2, range(2010, 2018))}
    s = total(analyse(inputs(data, neutral(targets=(TargetSpec("total", "absolute_t", 120),)))))
    assert s["progress_pct"] is None
    assert any("already below the target" in w for w in s["warnings"])
    assert s["change_vs_baseline_pct"] == pytest.approx(-14)  # (86 - 100) / 100


def test_already_met_names_the_first_year_of_meeting_the_target_not_the_latest():
    # 100, 90, ..., 30 (2010-2017); 50 % residual = 50, first met in 2015 (50) and ever since
    data = {"transport": line(100, -10, range(2010, 2018))}
    s = total(analyse(inputs(data, neutral(targets=(TargetSpec("total", "residual_pct", 50),)))))
    assert (s["year_target_reached"], s["year_target_reached_text"]) == (2015, "already met (2015)")


def test_after_the_target_year_no_negative_years_left_and_the_budget_says_where_its_sum_stops():
    # Target year 2020, data to 2024, as of 2026: naive years left 2020 - 2026 = -6
    data = {"transport": line(100, -5, range(2010, 2025))}
    s = total(analyse(inputs(data, neutral(target=2020))))
    assert s["years_left"] == 0
    budget = s["carbon_budget"]
    assert budget["to_year"] == 2020 and budget["used_to_year"] == 2020
    # used = 100 + 95 + ... + 50 (2010-2020: 11 values, mean 75) = 825
    assert budget["used_to_date_t"] == pytest.approx(825)
    text = format_status({**s, "sectors": [], "per_capita": {}}, "Test")
    assert "used 825 t to 2020" in text and "to 2024" not in text
    assert "-6 years" not in text and "(0 years left)" in text


def test_a_gap_that_rounds_to_zero_is_not_printed_as_minus_zero():
    # Pathway 2011 from 100 to 0 in 2030: 100 - 5 = 95; measured 94.6: gap -0.4 t
    data = {"transport": {2010: 100.0, 2011: 94.6}}
    s = total(analyse(inputs(data, neutral())))
    assert s["gap_t"] == pytest.approx(-0.4)
    text = format_status({**s, "sectors": [], "per_capita": {}}, "Test")
    assert "-0 t" not in text and "gap 0 t, on the pathway" in text


def test_milestone_levels_are_in_the_summary_at_their_own_value():
    # Baseline 2019 = 457,500; milestone 2025 = 60 % residual = 274,500, target 17 % = 77,775;
    # the linear pathway in 2025 is 457,500 - 6/11 × 379,725 = 250,377 (not the milestone).
    data = {"transport": {2019: 457_500.0, 2020: 440_000.0}}
    ts = dataclasses.replace(
        neutral(baseline=2019, target=2030, targets=(TargetSpec("total", "residual_pct", 17),)),
        milestones=(MilestoneSpec("total", 2025, "residual_pct", 60),))
    s = total(analyse(inputs(data, ts)))
    assert s["milestones"] == [{"year": 2025, "value_t": pytest.approx(274_500)}]
    assert s["target_t"] == pytest.approx(77_775)


def test_the_sector_table_says_each_sectors_own_latest_year():
    # Transport has 2017, residential stops in 2015: the total's latest complete year is 2015,
    # but transport's own row is 2017 (and must say so, not sit under "2015" silently).
    data = {"transport": line(100, -1, range(2010, 2018)), "residential": line(50, -1, range(2010, 2016))}
    analysis = analyse(inputs(data, neutral()))
    s = total(analysis)
    assert s["latest_year"] == 2015
    rows = {r["sector"]: r for r in s["sectors"]}
    assert rows["transport"]["latest_year"] == 2017
    line_of_transport = next(x for x in format_status(s, "Test").splitlines() if "Transport" in x)
    assert "2017" in line_of_transport


def test_the_baseline_year_alone_has_no_gap_to_the_pathway_in_the_status_text():
    # The pathway starts at the baseline value: a gap of 0 t there is by construction, not news.
    data = {"transport": {2010: 100.0}}
    s = total(analyse(inputs(data, neutral())))
    assert s["latest_year"] == 2010 and s["gap_t"] == pytest.approx(0)
    for lang, gap in (("en", "(gap n/a)"), ("nl", "(kloof n.b.)"), ("fr", "(écart n.d.)")):
        text = format_status({**s, "sectors": [], "per_capita": {}}, "Test", lang)
        (line,) = [row for row in text.splitlines() if row.strip().startswith(("Pathway", "Traject"))]
        assert line.endswith(gap), line
        assert "on the pathway" not in text and "op het doeltraject" not in text
