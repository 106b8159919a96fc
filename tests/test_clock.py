"""'Today' comes from pipelines.clock everywhere a year 'now' matters: the loaders' future check,
the analysis' as-of year (overdue commitments, years left) and the coordinators' pages."""

from __future__ import annotations

from datetime import date

from pipelines.analytics.queries import read_inputs


def test_the_analysis_takes_its_as_of_year_from_the_clock(engine, programme_id, monkeypatch):
    monkeypatch.setenv("ROADMAP_TODAY", "2031-06-01")
    with engine.connect() as conn:
        assert read_inputs(conn, programme_id).as_of_year == 2031
        assert read_inputs(conn, programme_id, as_of_year=2027).as_of_year == 2027
    monkeypatch.delenv("ROADMAP_TODAY")
    with engine.connect() as conn:
        assert read_inputs(conn, programme_id).as_of_year == date.today().year


def test_years_left_count_from_the_clock(monkeypatch):
    from dashboard.summaries import years_left

    monkeypatch.setenv("ROADMAP_TODAY", "2029-03-01")
    assert years_left(2030) == 1
