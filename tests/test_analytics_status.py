"""The on-track rule: gap to the pathway and the trend's projection against the target."""

from pipelines.analytics.status import AT_RISK, OFF_TRACK, ON_TRACK, UNKNOWN, track_status


def test_below_pathway_and_trend_reaching_target_is_on_track():
    status, _ = track_status(gap_t=-5, target_t=100, projected_t=90, projected_low_t=80)
    assert status == ON_TRACK


def test_above_pathway_with_the_whole_interval_missing_is_off_track():
    status, reason = track_status(gap_t=5, target_t=100, projected_t=130, projected_low_t=110)
    assert status == OFF_TRACK
    assert "90 %" in reason


def test_above_pathway_but_target_inside_the_interval_is_at_risk():
    # central 130 misses, but the optimistic bound 95 is below the target 100
    assert track_status(5, 100, 130, 95)[0] == AT_RISK


def test_below_pathway_but_trend_missing_the_target_is_at_risk():
    assert track_status(-5, 100, 130, 120)[0] == AT_RISK


def test_above_pathway_with_a_trend_reaching_the_target_is_at_risk():
    assert track_status(5, 100, 90, 70)[0] == AT_RISK


def test_exactly_on_the_pathway_and_target_counts_as_on_track():
    assert track_status(0.0, 100, 100.0, 90)[0] == ON_TRACK


def test_no_trend_is_unknown_and_no_target_is_unknown():
    assert track_status(5, 100, None, None)[0] == UNKNOWN
    assert track_status(None, None, 90, 80)[0] == UNKNOWN


def test_once_the_target_year_is_in_the_data_its_value_decides():
    assert track_status(5, 100, None, None, target_year_actual_t=99)[0] == ON_TRACK
    assert track_status(-5, 100, None, None, target_year_actual_t=101)[0] == OFF_TRACK
