"""Reads of one indicator's current values find them through observation's partial index, not by
scanning the table: on SQLite the index (`WHERE is_current`) is used only when the query holds
that very term (pipelines.flags.holds), and `is_current = 1` scanned all rows (at 10M
observations: an indicator's series 1.1 s instead of 24 ms, the explorer's indicator list 247 s
instead of 63 ms). SQLite's plans do not depend on the data, so an empty programme shows them."""

from __future__ import annotations

import importlib
import re

import pytest
from sqlalchemy import event

from pipelines import open_data
from pipelines.programme_registry import programme_rows

indicator_queries = importlib.import_module("dashboard.queries.indicators")  # the package re-exports a function of this name

FULL_SCAN = re.compile(r"\bSCAN (observation|o)\b(?! USING (COVERING )?INDEX uq_observation_current)")


def _plans_of_reads(engine, read) -> list[tuple[str, list[str]]]:
    """Each statement `read()` sends that touches `observation`, with SQLite's plan of it."""
    sent: list[tuple[str, object]] = []

    def note(_conn, _cursor, statement, parameters, _context, _many):
        if "observation" in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    raw = engine.raw_connection()
    try:
        return [(statement, [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)])
                for statement, parameters in sent]
    finally:
        raw.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("read", [
    lambda engine, pid: indicator_queries.indicators(engine, pid),
    lambda engine, pid: indicator_queries.indicator_series(engine, pid, 1),
    lambda engine, pid: indicator_queries.population(engine, pid),
    lambda engine, pid: open_data.observations(engine, pid, indicator="total"),
    lambda engine, pid: programme_rows(engine),
], ids=["indicator list", "indicator series", "population", "open data of one indicator", "programmes"])
def test_one_indicators_current_values_are_found_by_the_index(engine, programme_id, read):
    plans = _plans_of_reads(engine, lambda: read(engine, programme_id))
    assert plans, "the read sent no statement on observation"
    for statement, plan in plans:
        scans = [step for step in plan if FULL_SCAN.search(step)]
        assert not scans, f"{scans} in the plan of {statement}"
        assert any("uq_observation_current" in step for step in plan), plan


def test_no_query_writes_the_current_flag_in_a_form_the_index_does_not_match():
    """`is_current.is_(True)`, `== True` or the bare column in where() become `is_current IS 1` /
    `= 1` on SQLite: a whole-table scan. Conditions on it go through pipelines.flags.holds."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    wrong = re.compile(r"is_current\.is_\(|is_current\.is_not\(|is_current\s*[!=]=|where\((Observation|o)\.is_current\b")
    found = [f"{path.relative_to(root)}:{n}" for folder in ("pipelines", "dashboard", "roadmap_cli")
             for path in (root / folder).rglob("*.py") if "migrations" not in path.parts
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if wrong.search(line)]
    assert found == []
