"""Imports at the same time queue one behind the other and lose nothing; readers go on meanwhile.

Each import and each reader runs in its own thread with its own engine, like two workers or
hosts on one database (SQLite file or PostgreSQL).

conc_first.csv: residential 2010-2012 (100,000 / 98,000 / 96,000 t), tertiary 2010-2012
(50,000 / 49,000 / 48,000 t). conc_second.csv: residential 2012 = 95,000 and tertiary 2012 =
47,500 (both correct the first file), residential 2013 = 94,000, transport 2012 = 60,000 (new).
One after the other: 6 + 4 = 10 stored values, 8 current, the first file's two 2012 values
superseded by the second file's batch.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

# The uncached queries: these tests are about what the database answers.
from dashboard.queries.partners import commitment_totals
from dashboard.queries.progress import emissions_by_sector, progress_series, summary, target_sets
from pipelines import derived
from pipelines.db import make_engine
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import ImportBatch, Indicator, Observation
from tests.conftest import DATA

WAIT_S = 60  # upper bound for any wait below; the tests normally take a second or two


class Worker(threading.Thread):
    """Runs `work(engine)` in a thread with its own engine; keeps the result or the error."""

    def __init__(self, database_url: str, work):
        super().__init__(daemon=True)
        self.database_url, self.work = database_url, work
        self.result = self.error = None
        self.started_at = self.finished_at = None

    def run(self) -> None:
        engine = make_engine(self.database_url)
        self.started_at = time.monotonic()
        try:
            self.result = self.work(engine)
        except BaseException as error:  # reported by the test, not lost in the thread
            self.error = error
        finally:
            self.finished_at = time.monotonic()
            engine.dispose()

    def outcome(self):
        self.join(WAIT_S)
        assert not self.is_alive(), "the thread did not finish"
        if self.error is not None:
            raise self.error
        return self.result


def stored_values(engine) -> set[tuple]:
    """Every stored value: indicator, period, value, current?, its file, the file that replaced it."""
    batch, replaced_by = aliased(ImportBatch), aliased(ImportBatch)
    query = (
        select(Indicator.code, Observation.period, Observation.value, Observation.is_current,
               batch.file_name, replaced_by.file_name)
        .join(Indicator, Indicator.id == Observation.indicator_id)
        .join(batch, batch.id == Observation.batch_id)
        .outerjoin(replaced_by, replaced_by.id == Observation.superseded_by_batch_id)
    )
    with engine.connect() as conn:
        return {tuple(row) for row in conn.execute(query)}


def batches(engine) -> list[tuple]:
    query = select(ImportBatch.file_name, ImportBatch.status, ImportBatch.rows_added,
                   ImportBatch.rows_superseded).order_by(ImportBatch.id)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_an_import_started_while_another_is_writing_waits_and_then_builds_on_it(
    database_url, engine, programme_id
):
    first_writing, second_started = threading.Event(), threading.Event()

    def hold_transaction(_rows: int) -> None:
        # Called inside the first import's transaction: keep it open until the second import
        # has started and had time to reach the database's lock.
        first_writing.set()
        assert second_started.wait(WAIT_S)
        time.sleep(0.5)

    first = Worker(database_url, lambda e: load_file(
        e, programme_id, "indicators", DATA / "conc_first.csv", progress=hold_transaction))
    first.start()
    assert first_writing.wait(WAIT_S)

    def second_import(e):
        second_started.set()
        return load_file(e, programme_id, "indicators", DATA / "conc_second.csv")

    second = Worker(database_url, second_import)
    second.start()
    a, b = first.outcome(), second.outcome()
    assert second.started_at < first.finished_at < second.finished_at  # they did overlap
    assert (a.added, a.superseded, b.added, b.superseded) == (6, 0, 2, 2)
    assert batches(engine) == [("conc_first.csv", "completed", 6, 0), ("conc_second.csv", "completed", 2, 2)]
    first_file, second_file = "conc_first.csv", "conc_second.csv"
    assert stored_values(engine) == {
        ("emissions.residential", "2010", 100_000, True, first_file, None),
        ("emissions.residential", "2011", 98_000, True, first_file, None),
        ("emissions.residential", "2012", 96_000, False, first_file, second_file),
        ("emissions.tertiary", "2010", 50_000, True, first_file, None),
        ("emissions.tertiary", "2011", 49_000, True, first_file, None),
        ("emissions.tertiary", "2012", 48_000, False, first_file, second_file),
        ("emissions.residential", "2012", 95_000, True, second_file, None),
        ("emissions.residential", "2013", 94_000, True, second_file, None),
        ("emissions.tertiary", "2012", 47_500, True, second_file, None),
        ("emissions.transport", "2012", 60_000, True, second_file, None),
    }


def write_series_file(path: Path, months: range, offset: float, indicators: int = 3) -> dict[tuple[str, str], float]:
    """Monthly values of activity indicators (three unless told); returns {(indicator, period): value}."""
    values = {}
    for number in range(indicators):
        for m in months:
            period = f"{1901 + m // 12}-{m % 12 + 1:02d}"
            values[(f"conc.{number}", period)] = float(m) + offset + number / 10
    lines = ["indicator,period,value,unit"] + [f"{code},{period},{value},MWh" for (code, period), value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return values


def define_indicators(engine, programme_id: int, tmp_path: Path, count: int = 3) -> None:
    definitions = tmp_path / "definitions.csv"
    definitions.write_text("indicator,name,unit,kind,year,value\n" + "".join(
        f"conc.{n},Series {n},MWh,activity,1900,0\n" for n in range(count)), encoding="utf-8")
    load_file(engine, programme_id, "indicators", definitions, options=LoadOptions(new_indicators=True))


def test_two_big_imports_at_once_end_as_if_run_one_after_the_other(database_url, engine, programme_id, tmp_path):
    define_indicators(engine, programme_id, tmp_path)
    # 3 indicators x 1,500 months each; they share months 1901-01 + 500 ... + 999 (1,500 values).
    files = {"west.csv": write_series_file(tmp_path / "west.csv", range(0, 1000), 0.0),
             "east.csv": write_series_file(tmp_path / "east.csv", range(500, 1500), 0.5)}
    gate = threading.Barrier(2)

    def importer(name):
        def work(e):
            gate.wait(WAIT_S)
            return load_file(e, programme_id, "indicators", tmp_path / name)
        return work

    threads = [Worker(database_url, importer(name)) for name in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.outcome()
    done = [b for b in batches(engine) if b[0] in files]
    assert [status for _f, status, _a, _s in done] == ["completed", "completed"]
    (earlier, *_), (later, *_) = done  # batch ids follow the order they held the lock in
    overlap = files[earlier].keys() & files[later].keys()
    assert len(overlap) == 1500
    assert done == [(earlier, "completed", 3000, 0), (later, "completed", 1500, 1500)]
    expected = {(code, period, value, (code, period) not in overlap, earlier, later if (code, period) in overlap else None)
                for (code, period), value in files[earlier].items()}
    expected |= {(code, period, value, True, later, None) for (code, period), value in files[later].items()}
    stored = {row for row in stored_values(engine) if row[4] in files}
    assert stored == expected


def overview_reads(engine, programme_id: int, target_id: int) -> dict:
    """What the overview's callbacks read: headline summary, trajectory, sectors, commitments."""
    headline = summary(engine, programme_id, target_id)
    headline.pop("computed_at")
    return {
        "summary": headline,
        "progress": progress_series(engine, programme_id, target_id),
        "emissions": emissions_by_sector(engine, programme_id),
        "commitments": commitment_totals(engine, programme_id),
    }


def same(a, b) -> bool:
    return a.equals(b) if isinstance(a, pd.DataFrame) else a == b


def classify(reads: dict, old: dict, new: dict) -> str:
    """'old' or 'new' when every part matches that state; 'straddles' when each part matches one
    of them (the reads are separate queries, and the commit came between two); else 'broken'."""
    parts = set()
    for part, answer in reads.items():
        matches = {name for name, state in (("old", old), ("new", new)) if same(answer, state[part])}
        if not matches:
            return "broken"
        if len(matches) == 1:  # a part the import does not change matches both
            parts |= matches
    return parts.pop() if len(parts) == 1 else "straddles"


@pytest.fixture
def big_correction(tmp_path, engine, programme_id) -> Path:
    """The transport 2016 correction (182,000 -> 172,000 t in total) plus 7,200 monthly values."""
    # 6 indicators x 1901-01 … 2000-12: past months only (a measurement cannot be for a year to come).
    define_indicators(engine, programme_id, tmp_path, count=6)
    write_series_file(tmp_path / "filler.csv", range(0, 1200), 0.0, indicators=6)
    path = tmp_path / "big_correction.csv"
    filler = (tmp_path / "filler.csv").read_text(encoding="utf-8").splitlines()[1:]
    path.write_text("indicator,period,value,unit\nemissions.transport,2016,50000,t CO2e\n"
                    + "\n".join(filler) + "\n", encoding="utf-8")
    return path


class HeldRebuild:
    """`derived.rebuild` that, once done, keeps the import's transaction open until released."""

    def __init__(self, rebuild):
        self.rebuild = rebuild
        self.holding, self.release = threading.Event(), threading.Event()
        self.released_at = 0.0

    def __call__(self, conn, programme_id: int):
        # Every row is written and the derived tables rewritten, but nothing is committed yet.
        analysis = self.rebuild(conn, programme_id)
        self.holding.set()
        assert self.release.wait(WAIT_S)
        self.released_at = time.monotonic()  # the commit comes after this
        return analysis


class ReadLoop:
    """Reads what the overview reads, again and again, until stopped; logs (start, end, answer)."""

    def __init__(self, programme_id: int, target_id: int):
        self.programme_id, self.target_id = programme_id, target_id
        self.log: list[tuple[float, float, object]] = []
        self.stop = threading.Event()

    def __call__(self, engine) -> None:
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                answer = overview_reads(engine, self.programme_id, self.target_id)
            except Exception as error:  # every failure is one of the reads, reported by the test
                answer = error
            self.log.append((started, time.monotonic(), answer))

    def wait_for_reads(self, count: int, since: float) -> None:
        deadline = time.monotonic() + WAIT_S
        while sum(1 for _s, ended, _a in self.log if ended > since) < count:
            assert time.monotonic() < deadline, "the reads did not come back"
            time.sleep(0.01)


def test_readers_get_answers_all_through_a_long_import(
    database_url, engine, programme_id, big_correction, monkeypatch
):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    target_id = int(target_sets(engine, programme_id)["id"].iloc[0])
    old = overview_reads(engine, programme_id, target_id)
    assert old["summary"]["latest_t"] == 182_000
    held = HeldRebuild(derived.rebuild)
    monkeypatch.setattr(derived, "rebuild", held)
    importer = Worker(database_url, lambda e: load_file(e, programme_id, "indicators", big_correction))
    importer.start()
    while not held.holding.wait(0.1):
        assert importer.is_alive(), f"the import ended without reaching the rebuild: {importer.outcome()}"
    reads = ReadLoop(programme_id, target_id)
    reader = Worker(database_url, reads)
    reader.start()
    reads.wait_for_reads(5, since=time.monotonic())  # the import's transaction is open all along
    held.release.set()
    importer.outcome()
    new = overview_reads(engine, programme_id, target_id)
    assert new["summary"]["latest_t"] == 172_000
    time.sleep(0.3)  # a few reads after the commit too
    reads.stop.set()
    reader.outcome()
    assert [answer for _s, _e, answer in reads.log if isinstance(answer, Exception)] == []
    kinds = [(started, ended, classify(answer, old, new)) for started, ended, answer in reads.log]
    during = [kind for _s, ended, kind in kinds if ended < held.released_at]
    after = [kind for started, _e, kind in kinds if started > importer.finished_at]
    assert len(during) >= 5 and set(during) == {"old"}  # nothing uncommitted is ever seen
    assert after and set(after) == {"new"}
    # Never a half-written table, whenever the read came.
    assert {kind for _s, _e, kind in kinds} <= {"old", "new", "straddles"}
