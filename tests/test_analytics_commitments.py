"""The commitments gap: needed reduction against partners' commitments, by status."""

import pandas as pd
import pytest

from pipelines.analytics.commitments_gap import commitments_gap, for_sector, with_commitments

COLUMNS = ["id", "partner_id", "partner", "title", "sector_code", "reduction_t_per_year",
           "target_year", "status", "progress_pct"]
ROWS = pd.DataFrame([
    (1, 1, "KU Leuven", "Heat network", "residential", 4000.0, 2015, "in_progress", 25.0),
    (2, 1, "KU Leuven", "Solar roofs", "tertiary", 2000.0, 2028, "achieved", 100.0),
    (3, 2, "De Lijn", "Electric buses", "transport", 1500.0, 2020, "planned", None),
    (4, 2, "De Lijn", "Car sharing", "transport", 800.0, 2019, "delayed", 10.0),
    (5, 3, "Buurt", "Insulation drive", None, 500.0, 2030, "withdrawn", None),
    (6, 3, "Buurt", "Bike lanes", "transport", None, 2040, "planned", None),
], columns=COLUMNS)


def test_commitments_are_counted_by_status():
    gap = commitments_gap(ROWS, needed_reduction_t=182_000, as_of_year=2026)
    assert gap["count"] == 6 and gap["partners"] == 3
    # counted: achieved 2,000 + in progress 4,000 x 25 % = 1,000 + planned 1,500 = 4,500
    assert gap["committed_reduction_t"] == pytest.approx(4_500)
    assert gap["achieved_reduction_t"] == pytest.approx(2_000)
    assert gap["in_progress_reduction_t"] == pytest.approx(1_000)
    assert gap["planned_reduction_t"] == pytest.approx(1_500)
    # shown apart, not counted
    assert gap["delayed_reduction_t"] == pytest.approx(800)
    assert gap["withdrawn_reduction_t"] == pytest.approx(500)
    assert gap["by_status"]["delayed"] == {"count": 1, "reduction_t": 800.0, "counted_t": 0.0}


def test_uncovered_reduction_is_needed_minus_committed_but_not_delivered():
    gap = commitments_gap(ROWS, needed_reduction_t=182_000, as_of_year=2026)
    # pending: in progress 4,000 x 75 % = 3,000 + planned 1,500 = 4,500
    assert gap["pending_reduction_t"] == pytest.approx(4_500)
    assert gap["needed_reduction_t"] == 182_000
    assert gap["uncovered_reduction_t"] == pytest.approx(177_500)


def test_open_commitments_past_their_target_year_are_flagged():
    gap = commitments_gap(ROWS, None, as_of_year=2026)
    # in progress 2015, delayed 2019, planned 2020; not the achieved, withdrawn or 2040 ones
    assert [o["title"] for o in gap["overdue"]] == ["Heat network", "Car sharing", "Electric buses"]
    assert gap["overdue_count"] == 3
    assert commitments_gap(ROWS, None, as_of_year=2016)["overdue_count"] == 1


def test_a_sector_counts_its_own_and_its_sub_sectors_commitments():
    parent_of = {"residential": "buildings", "tertiary": "buildings", "transport": None}
    assert list(for_sector(ROWS, "buildings", parent_of)["id"]) == [1, 2]
    assert list(for_sector(ROWS, "transport", parent_of)["id"]) == [3, 4, 6]
    assert len(for_sector(ROWS, "total", parent_of)) == 6


def test_if_every_commitment_delivers_pending_reductions_count_from_their_target_year():
    projected = pd.Series([182_000.0, 179_000, 176_000, 173_000, 170_000],
                          index=[2016, 2017, 2018, 2019, 2020])
    line = with_commitments(projected, ROWS, latest_year=2016, target_year=2030)
    # 2016: nothing yet; the 2015 heat network (3,000 pending) counts from 2017;
    # the electric buses (1,500) from 2020; delayed and withdrawn never
    assert list(line) == pytest.approx([182_000, 176_000, 173_000, 170_000, 165_500])
