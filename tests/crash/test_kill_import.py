"""A few kill -9 of a big command-line import per backend (the long run: `make crash-test`)."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from tests.crash.harness import ROWS, prepare, run_kills


@pytest.mark.slow
def test_killed_imports_leave_no_orphan_no_half_batch_and_the_next_import_runs(database_url, tmp_path):
    big = prepare(database_url, tmp_path)
    # Kills at random moments within the first 4 s (about half an import here), and every
    # other one within 0.5 s of the checker's start.
    report = run_kills(database_url, big, kills=4, backend=database_url.split(":")[0], full_import_s=4.0)
    assert report.kills == 4  # an import that ended first is no kill: another is started
    assert report.attempts == report.kills + report.finished_before_kill
    assert report.killed_while_checking >= 2  # the kills that waited for the checker to exist
    assert (report.orphans, report.inconsistent, report.half_visible_batches, report.next_import_failed) == (
        0, 0, 0, 0), asdict(report)


@pytest.mark.slow
def test_killed_import_jobs_are_failed_not_stuck_and_the_next_job_runs(database_url, tmp_path):
    from tests.crash.jobs import run_job_kills

    big = prepare(database_url, tmp_path)
    # Kills within the first 1.2 s of a job (an import of this file takes 1.5 to 4 s here).
    report = run_job_kills(database_url, big, ROWS, kills=3, backend=database_url.split(":")[0], full_s=1.5)
    assert report.kills == 3
    assert (report.stuck, report.inconsistent, report.half_visible_batches, report.files_left,
            report.last_job_failed) == (0, 0, 0, 0, 0), asdict(report)
