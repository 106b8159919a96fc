"""Target pathways: linear, through milestones, constant annual rate (and its zero-target floor)."""

import pytest

from pipelines.analytics.pathways import (
    annual_rate_pct,
    constant_rate_pathway,
    linear_pathway,
    milestone_pathway,
    target_level,
    target_pathway,
)


def test_target_kinds_turn_into_tonnes_of_the_baseline():
    # Climate City Contract: 17 % residual of 457,501 t = 77,775.17 t
    assert target_level("residual_pct", 17, 457_501) == pytest.approx(77_775.17)
    # Covenant of Mayors: -55 % of 100,000 t leaves 45,000 t
    assert target_level("reduction_pct", 55, 100_000) == pytest.approx(45_000)
    assert target_level("absolute_t", 78_646, 457_501) == 78_646


def test_linear_pathway_falls_by_the_same_tonnes_each_year():
    # 762,000 t in 2010 to 0 in 2030: -38,100 t a year; 2016 = 762,000 - 6 * 38,100 = 533,400
    pathway = linear_pathway(2010, 762_000, 2030, 0)
    assert pathway.values.index[0] == 2010 and pathway.values.index[-1] == 2030
    assert pathway.at(2016) == pytest.approx(533_400)
    assert pathway.at(2009) is None  # nothing before the baseline
    assert pathway.at(2035) == 0  # after the target year the pathway stays at the target


def test_milestone_pathway_is_straight_between_milestones():
    # 100 in 2010, milestone 60 in 2020, 0 in 2030: -4/yr to 2020, then -6/yr
    pathway = milestone_pathway(2010, 100, 2030, 0, {2020: 60})
    assert pathway.at(2015) == pytest.approx(80)  # 100 - 5 * 4
    assert pathway.at(2020) == pytest.approx(60)
    assert pathway.at(2025) == pytest.approx(30)  # 60 - 5 * 6


def test_milestones_outside_the_period_are_left_out_and_said():
    pathway = milestone_pathway(2010, 100, 2030, 0, {2005: 120, 2040: -5})
    assert pathway.at(2020) == pytest.approx(50)  # the plain line
    assert "outside" in pathway.note


def test_constant_rate_pathway_has_the_same_percentage_each_year():
    # 100 to 25 over 2 years: x0.5 a year -> 100, 50, 25; rate -50 %/yr
    pathway = constant_rate_pathway(2020, 100, 2022, 25)
    assert list(pathway.values) == pytest.approx([100, 50, 25])
    assert annual_rate_pct(pathway) == pytest.approx(-50)
    assert pathway.note is None


def test_constant_rate_to_zero_uses_a_one_percent_floor_and_says_so():
    # 100 in 2020, target 0 in 2024: to the floor 1 (1 % of 100) by 2023 at x0.01^(1/3) a year
    # = x0.215443 -> 100, 21.5443, 4.64159, 1; and 0 in the target year
    pathway = constant_rate_pathway(2020, 100, 2024, 0)
    assert list(pathway.values) == pytest.approx([100, 21.5443469, 4.6415888, 1.0, 0.0])
    assert "never reaches zero" in pathway.note


def test_constant_rate_for_a_net_sink_is_linear_and_says_so():
    # a sink of -7,275 t held to -12,000 t: no rate exists; linear -472.5 t/yr over 10 years
    pathway = constant_rate_pathway(2020, -7_275, 2030, -12_000)
    assert pathway.at(2022) == pytest.approx(-7_275 - 2 * 472.5)
    assert "linear" in pathway.note


def test_milestones_method_without_milestones_is_linear():
    pathway = target_pathway("milestones", 2010, 100, 2020, 0, {})
    assert pathway.at(2015) == pytest.approx(50)
    assert pathway.note == "no milestones: linear pathway"
