"""The comparison page's reads: the ranking of every programme in one query, the chosen
programmes' rows on one connection."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import event

from dashboard.queries.compare import comparison_data, ranking
from pipelines.programmes import ProgrammeSpec, create_programme
from tests.analytics_db import put_observations


def _programme(engine, slug: str, baseline_year: int, target: float | None = None) -> int:
    return create_programme(engine, ProgrammeSpec(slug=slug, name=slug.upper(), baseline_year=baseline_year,
                                                  target_year=2030, area_name=slug, target_residual_pct=target))


@pytest.fixture
def ranked(engine) -> pd.DataFrame:
    # a: baseline 2015: 100 t, 2016 80 t, 2017 60 t, 50 inhabitants in 2017; neutral (0 t) in 2030.
    a = _programme(engine, "a", 2015, target=0.0)
    put_observations(engine, a, [("emissions.buildings", "2015", 100.0), ("emissions.buildings", "2016", 80.0),
                                 ("emissions.buildings", "2017", 60.0), ("population", "2017", 50.0)])
    # b: baseline 2016 (40 t), latest 2017 (30 t); no population, no target.
    b = _programme(engine, "b", 2016)
    put_observations(engine, b, [("emissions.buildings", "2015", 50.0), ("emissions.buildings", "2016", 40.0),
                                 ("emissions.buildings", "2017", 30.0)])
    # c: a value in its baseline year only; d: no value at all.
    put_observations(engine, _programme(engine, "c", 2016), [("emissions.buildings", "2016", 40.0)])
    _programme(engine, "d", 2016)
    # e: nothing in its baseline year 2014; f: its 2016 value is missing (no value, not 0).
    put_observations(engine, _programme(engine, "e", 2014), [("emissions.buildings", "2015", 10.0),
                                                             ("emissions.buildings", "2016", 5.0)])
    put_observations(engine, _programme(engine, "f", 2014), [("emissions.buildings", "2014", 20.0),
                                                             ("emissions.buildings", "2015", 10.0),
                                                             ("emissions.buildings", "2016", None)])
    return ranking(engine).set_index("slug")


def test_every_programme_is_ranked_by_slug_even_without_data(ranked):
    assert list(ranked.index) == ["a", "b", "c", "d", "e", "f"]
    assert ranked.loc["d"].drop("programme").isna().all()  # listed, every number missing (not 0)


def test_change_is_from_each_ones_own_baseline_to_its_latest_year_with_a_value(ranked):
    # a: (60 − 100) / 100 = −40.0 %; b: (30 − 40) / 40 = −25.0 % from its 2016 baseline.
    assert ranked.at["a", "change_pct"] == -40.0 and ranked.at["b", "change_pct"] == -25.0
    assert ranked.at["a", "latest_year"] == 2017 and ranked.at["b", "latest_year"] == 2017
    # f: 2016 has no value, so its latest year is 2015: (10 − 20) / 20 = −50.0 %.
    assert ranked.at["f", "latest_year"] == 2015 and ranked.at["f", "change_pct"] == -50.0


def test_change_needs_a_baseline_value_and_a_later_year(ranked):
    assert ranked.at["c", "latest_year"] == 2016 and pd.isna(ranked.at["c", "change_pct"])  # baseline year alone
    assert ranked.at["e", "latest_year"] == 2016 and pd.isna(ranked.at["e", "change_pct"])  # no baseline value


def test_per_inhabitant_and_progress_are_missing_not_zero_where_unknown(ranked):
    # a: 60 t / 50 inhabitants = 1.2 t; progress (100 − 60) / (100 − 0) = 40.0 %.
    assert ranked.at["a", "per_capita_t"] == 1.2 and ranked.at["a", "progress_pct"] == 40.0
    assert pd.isna(ranked.at["b", "per_capita_t"]) and pd.isna(ranked.at["b", "progress_pct"])


def _selects_and_checkouts(engine, read) -> tuple[int, int]:
    """How many SELECTs `read()` sends, and on how many connections taken from the pool."""
    selects, checkouts = [], []

    def on_statement(_conn, _cursor, statement, *_rest):
        selects.append(statement)

    def on_checkout(*_args):
        checkouts.append(1)

    event.listen(engine, "before_cursor_execute", on_statement)
    event.listen(engine.pool, "checkout", on_checkout)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)
        event.remove(engine.pool, "checkout", on_checkout)
    return len([s for s in selects if s.lstrip().upper().startswith("SELECT")]), len(checkouts)


def test_the_ranking_is_one_select_however_many_programmes(engine, ranked):
    assert _selects_and_checkouts(engine, lambda: ranking(engine)) == (1, 1)


def test_the_comparison_reads_only_the_chosen_programmes_on_one_connection(engine, ranked):
    data = comparison_data(engine, ("a", "b"))
    assert sorted(data.programmes["slug"]) == ["a", "b"]
    ids = set(data.programmes["id"])
    assert set(data.totals["programme_id"]) == ids and set(data.sectors["programme_id"]) == ids
    assert set(data.sectors["sector_code"]) == {"buildings"}  # the sectors, the total apart
    # a: 2015–2017 totals 100, 80, 60 t; its primary target's progress 40.0 %; b has no target.
    assert list(data.totals.loc[data.totals["programme_id"] == data.programmes.set_index("slug").at["a", "id"],
                                "value_t"]) == [100.0, 80.0, 60.0]
    assert list(data.status["progress_pct"]) == [40.0]
    assert _selects_and_checkouts(engine, lambda: comparison_data(engine, ("a", "b")))[1] == 1
