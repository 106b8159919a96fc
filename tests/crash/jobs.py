"""kill -9 the process running an import job (a thread job, as a web worker runs it) at random moments.

After each kill the job must not stay unfinished: the first read fails it in words (its
process is gone), its SQLite sidecar file goes with it, the database is consistent (the same
checks as the command-line kills), and a last job runs to its end.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from pipelines import import_jobs
from pipelines.db import make_engine
from pipelines.import_jobs import DONE, FAILED
from pipelines.job_lease import sidecar_dir
from tests.crash.harness import _undo_last, check_database
from tests.job_process_support import JobProcess


@dataclass
class JobCrashReport:
    backend: str
    kills: int = 0
    finished_before_kill: int = 0
    stuck: int = 0  # still queued or running after its process was killed
    inconsistent: int = 0
    half_visible_batches: int = 0
    files_left: int = 0
    last_job_failed: int = 0
    notes: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        return not (self.stuck or self.inconsistent or self.half_visible_batches or self.files_left
                    or self.last_job_failed)


def _programme(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT id FROM programme WHERE slug = 'crash'")).scalar()


def kill_job_once(url: str, big: Path, rows: int, at_s: float, report: JobCrashReport) -> bool:
    """Kill a job's process `at_s` seconds after its start; True if its import ended first."""
    engine = make_engine(url)
    try:
        with JobProcess(url, _programme(engine), big, rows) as running:
            deadline = time.monotonic() + at_s
            while time.monotonic() < deadline and running.process.poll() is None:
                time.sleep(0.01)
            running.kill()
        state = import_jobs.get(engine, running.job_id)
        if state is not None and state.status == DONE:  # its import ended before the kill
            report.finished_before_kill += 1
            _undo_last(url)
            return True
        report.kills += 1
        if state is None or state.status != FAILED:
            report.stuck += 1
            report.notes.append(f"after a kill at {at_s:.2f} s: {state and state.status}")
        directory = sidecar_dir(engine)
        report.files_left += directory is not None and (directory / f"{running.job_id}.json").exists()
        consistent, half = check_database(engine)
        report.inconsistent += not consistent
        report.half_visible_batches += half
        return False
    finally:
        engine.dispose()


def run_job_kills(url: str, big: Path, rows: int, kills: int, backend: str, full_s: float, seed: int = 2) -> JobCrashReport:
    """`kills` job runners killed at random moments within most of `full_s` (an import's time),
    then one job run to its end. A job that ends first is no kill: another is started, at most
    three times as many attempts as kills; the next kills come sooner than the moment it beat
    (this machine runs faster today than `full_s` says)."""
    report = JobCrashReport(backend)
    rnd = random.Random(seed)
    window = full_s * 0.8
    attempts = 0
    while report.kills < kills and attempts < kills * 3:
        attempts += 1
        at_s = rnd.uniform(0.05, window)
        if kill_job_once(url, big, rows, at_s, report):
            window = max(0.1, min(window, at_s * 0.9))
    engine = make_engine(url)
    try:
        with JobProcess(url, _programme(engine), big, rows) as last:
            last.finish()
        final = import_jobs.get(engine, last.job_id)
        if final is None or final.status != DONE:
            report.last_job_failed += 1
            report.notes.append(f"the last job: {final and (final.status, final.error())}")
    finally:
        engine.dispose()
    return report
