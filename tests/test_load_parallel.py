"""Big files checked in a second process (parallel_check.py): the same rows, problems and errors
as the one-process load. These run the real `roadmap` command, a process with no other threads."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import ImportBatch, Indicator, Observation

# Months of past years only (a measurement cannot be for a year still to come): more
# indicators instead of more years keep the file at 144,000 rows, about 9 MB (a "big" file).
INDICATORS = 120
MONTHS = 1200  # 1901-01 … 2000-12


def definitions(path) -> None:
    lines = ["Indicator;Naam;Name;Eenheid;Soort;Jaar;Waarde"]
    lines += [f"big.{i:02d};Uitstoot {i};Emissions {i};t CO2e;activiteit;1900;0" for i in range(INDICATORS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def big_file(path, edit=None) -> None:
    """`;` and decimal commas; every 7th value in kt; a row per indicator and month. `edit`
    changes fields: {line: {field index: text}} (line 1 is the header)."""
    lines = ["Indicator;Periode;Waarde;Eenheid;Bron"]
    for i in range(INDICATORS):
        for m in range(MONTHS):
            value, unit = (f"{m % 900},{i:02d}", "kt CO2e") if m % 7 == 0 else (f"{(m + 1) * 1000 + i:,}".replace(",", ".") + ",5", "t CO2e")
            source = "Fluvius" if m % 1000 == 0 else "VITO gemeentelijke CO2-inventaris"
            lines.append(f"big.{i:02d};{1901 + m // 12}-{m % 12 + 1:02d};{value};{unit};{source}")
    for line, fields in (edit or {}).items():
        parts = lines[line - 1].split(";")
        for index, text in fields.items():
            parts[index:index + 1] = [text]
        lines[line - 1] = ";".join(parts)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def roadmap(engine, *args) -> subprocess.CompletedProcess:
    url = engine.url.render_as_string(hide_password=False)
    return subprocess.run([sys.executable, "-m", "roadmap_cli", "--database-url", url, *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def stored(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(Indicator.code, Observation.period, Observation.value, Observation.missing_key,
                   Observation.original_value, Observation.original_unit,
                   func.coalesce(Observation.source, ImportBatch.source))
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .join(ImportBatch, ImportBatch.id == Observation.batch_id)
            .where(Observation.is_current, Observation.period != "1900")
            .order_by(Indicator.code, Observation.period)
        )]


@pytest.fixture
def with_indicators(engine, programme_id, tmp_path):
    definitions(tmp_path / "definitions.csv")
    done = roadmap(engine, "load", "indicators", tmp_path / "definitions.csv", "--new-indicators")
    assert done.returncode == 0, done.stderr
    return engine


def test_a_big_file_checked_in_a_second_process_stores_what_one_process_stores(
        with_indicators, programme_id, tmp_path):
    engine = with_indicators
    big_file(tmp_path / "big.csv")
    done = roadmap(engine, "load", "indicators", tmp_path / "big.csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"added {INDICATORS * MONTHS}, superseded 0, unchanged 0 (batch 2).")
    with engine.connect() as conn:
        report = conn.execute(select(ImportBatch.report).where(ImportBatch.id == 2)).scalar_one()
    assert report["detected"]["checked_in"] == "a second process"
    forked = stored(engine)

    # The same file again, in this process, after undoing it: the very same rows come back.
    assert roadmap(engine, "undo", "2", "--yes").returncode == 0
    result = load_file(engine, programme_id, "indicators", (tmp_path / "big.csv").read_bytes(),
                       file_name="big.csv", options=LoadOptions(may_fork=False))  # as uploads do
    assert "checked_in" not in result.detected
    assert stored(engine) == forked
    assert len(forked) == INDICATORS * MONTHS
    assert forked[0] == ("big.00", "1901-01", 0.0, None, "0,00", "kt CO2e", "Fluvius")
    assert forked[1] == ("big.00", "1901-02", 2000.5, None, "2.000,5", "t CO2e", "VITO gemeentelijke CO2-inventaris")
    assert forked[1000][6] == "Fluvius"


def test_problems_late_in_a_big_file_are_all_reported_and_nothing_is_written(with_indicators, tmp_path):
    engine = with_indicators
    big_file(tmp_path / "bad.csv", edit={
        100_001: {2: "12,3,4"},  # not a number
        130_000: {1: "1901-01"},  # big.108's first month again: line 129,602 has it
    })
    done = roadmap(engine, "load", "indicators", tmp_path / "bad.csv")
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert errors[-1] == "error: 2 problem(s) found; nothing was imported."
    assert "row 100001, column 'Waarde': found '12,3,4'" in errors[0]
    assert "row 130000" in errors[1] and "line 129602 has the same" in errors[1]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Observation)
                            .where(Observation.period != "1900")).scalar_one() == 0


def test_a_file_that_breaks_off_late_fails_cleanly_from_the_second_process(with_indicators, tmp_path):
    engine = with_indicators
    big_file(tmp_path / "broken.csv", edit={120_000: {4: "VITO;extra;fields"}})
    done = roadmap(engine, "load", "indicators", tmp_path / "broken.csv")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: broken.csv: line 120000 has 7 fields")
    assert "Traceback" not in done.stderr
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ImportBatch)).scalar_one() == 1
