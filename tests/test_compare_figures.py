"""The comparison page's pure tables and figures: per inhabitant, index, progress, sector mix
(the ranking, read in one query, is tested on a database: tests/test_compare_queries.py)."""

from __future__ import annotations

import pandas as pd

from dashboard.figures import compare as fig

CHOSEN = pd.DataFrame({"id": [1, 2], "slug": ["a", "b"], "name": ["A", "B"], "baseline_year": [2015, 2016]})
# A: 2015 100 t, 2016 80 t (incomplete), 2017 60 t; per inhabitant known only in 2015 and 2017.
# B: 2015 50 t, 2016 40 t, 2017 30 t; no population at all.
TOTALS = pd.DataFrame({
    "programme_id": [1, 1, 1, 2, 2, 2], "year": [2015, 2016, 2017] * 2,
    "value_t": [100.0, 80.0, 60.0, 50.0, 40.0, 30.0],
    "per_capita_t": [2.0, None, 1.2, None, None, None],
    "complete": [True, False, True, True, True, True],
    "source": ["sectors"] * 6,
})


def test_per_inhabitant_without_population_is_missing_not_zero():
    table = fig.per_capita_table(CHOSEN, TOTALS)
    b = table[table["programme"] == "B"]
    assert b["per_capita_t"].isna().all() and not b["has_population"].any()
    a = table[table["programme"] == "A"].set_index("year")
    assert a.at[2015, "per_capita_t"] == 2.0 and bool(a.at[2015, "has_population"])


def test_index_is_100_in_each_ones_own_baseline_year():
    table = fig.index_table(CHOSEN, TOTALS).set_index(["programme", "year"])["index"]
    # A from 2015: 60 / 100 · 100 = 60.0; B from its 2016 baseline: 30 / 40 · 100 = 75.0, 2015 = 125.0.
    assert table[("A", 2015)] == 100.0 and table[("A", 2017)] == 60.0
    assert table[("B", 2016)] == 100.0 and table[("B", 2017)] == 75.0 and table[("B", 2015)] == 125.0


def test_an_incomplete_year_is_an_open_marker_off_the_line():
    figure = fig.line_figure(fig.per_capita_table(CHOSEN, TOTALS), "per_capita_t", "en", "t", "incomplete year")
    line, marker = figure["data"][0], figure["data"][1]
    assert line["name"] == "A" and line["y"] == [2.0, None, 1.2]
    assert marker["name"] == "A: incomplete year" and marker["x"] == [2016] and marker["marker"]["symbol"] == "circle-open"


def test_progress_of_a_programme_without_a_target_is_missing():
    status = pd.DataFrame({"programme_id": [1], "status": ["on_track"], "target_name": ["Neutral"],
                           "target_year": [2030], "progress_pct": [40.0], "target_t": [0.0]})
    table = fig.progress_table(CHOSEN, status, TOTALS)
    assert table["progress_pct"].tolist()[0] == 40.0 and pd.isna(table["progress_pct"].tolist()[1])
    assert table["status"].tolist() == ["on_track", "no_target"]


def test_sector_shares_are_of_the_known_sectors_and_name_the_missing_one():
    sectors = pd.DataFrame({"programme_id": [1, 1, 1], "year": [2017] * 3,
                            "sector_code": ["buildings", "transport", "industry"], "value_t": [30.0, 10.0, None]})
    row = fig.sector_mix_table(CHOSEN.iloc[:1], sectors).iloc[0]
    # 30 / (30 + 10) = 75 %, 10 / 40 = 25 %; industry missing, not 0 %.
    assert (row["buildings"], row["transport"], row["missing"]) == (75.0, 25.0, "industry")

