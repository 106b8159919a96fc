"""Old import jobs go: finished rows after IMPORT_JOBS_KEEP_DAYS (on submit, and by `roadmap jobs
prune`), a finished job's file at once, SQLite's sidecar files of jobs no longer running."""

from __future__ import annotations

import os
from datetime import timedelta

from click.testing import CliRunner
from sqlalchemy import select

from pipelines import import_jobs, job_queue, job_reaper
from pipelines.job_lease import LEASE_S, sidecar_dir, this_runner, write_sidecar
from pipelines.schema import ImportJob, utcnow
from pipelines.settings import Settings
from roadmap_cli import main
from tests.conftest import DATA

FIRST = (DATA / "conc_first.csv").read_bytes()


def _job(engine, programme_id: int, status: str, ended_days_ago: float | None, **extra) -> str:
    state = import_jobs.create(engine, programme_id, "indicators", "f.csv", "sha", {}, "ann", 6, payload=b"x")
    ended = None if ended_days_ago is None else utcnow() - timedelta(days=ended_days_ago)
    with engine.begin() as conn:
        conn.execute(ImportJob.__table__.update().where(ImportJob.id == state.id).values(
            status=status, finished_at=ended, payload=None if status in ("done", "failed") else b"x", **extra))
    return state.id


def _ids(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(ImportJob.id)).scalars())


def test_finished_jobs_older_than_the_setting_go_and_the_rest_stay(engine, programme_id):
    _job(engine, programme_id, "done", 31), _job(engine, programme_id, "failed", 45)  # both go
    recent = _job(engine, programme_id, "done", 29)
    waiting = _job(engine, programme_id, "queued", None)  # in Redis for a worker: kept however old
    with engine.begin() as conn:  # a finished job whose file was left (a row from before)
        conn.execute(ImportJob.__table__.update().where(ImportJob.id == recent).values(payload=b"left"))
    assert job_reaper.prune(engine, 30) == 2
    assert _ids(engine) == {recent, waiting}
    assert import_jobs.payload_of(engine, recent) is None
    assert import_jobs.payload_of(engine, waiting) == b"x"


def test_submitting_an_import_prunes_old_jobs_and_fails_dead_ones(engine, database_url, programme_id):
    old = _job(engine, programme_id, "done", 3)
    me = this_runner()  # this host and pid, but another process start: a pid reused, its job's process gone
    dead = _job(engine, programme_id, "running", None, runner_host=me.host, runner_pid=me.pid,
                runner_start="another-process", heartbeat_at=utcnow())
    settings = Settings.from_env({"IMPORT_JOBS_KEEP_DAYS": "2"}, database_url=database_url, import_jobs="thread")
    assert settings.import_jobs_keep_days == 2.0
    state = job_queue.submit(engine, settings, programme_id, "indicators", "conc_first.csv", FIRST, "sha", {},
                             "ann", 6)
    job_queue.wait_for_threads()
    assert old not in _ids(engine)
    assert import_jobs.get(engine, dead).status == "failed"
    assert import_jobs.get(engine, state.id).status == "done"


def test_roadmap_jobs_prune_fails_dead_jobs_and_deletes_old_ones(engine, database_url, programme_id):
    _job(engine, programme_id, "failed", 10)  # goes
    kept = _job(engine, programme_id, "done", 1)
    me = this_runner()
    dead = _job(engine, programme_id, "running", None, runner_host=me.host, runner_pid=me.pid,
                runner_start="another-process")
    done = CliRunner().invoke(main, ["--database-url", database_url, "jobs", "prune", "--days", "5"])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "1 dead job(s) failed, 1 finished job(s) older than 5 days deleted"
    assert _ids(engine) == {kept, dead}
    error = import_jobs.get(engine, dead).error()
    assert "the process running it ended" in error and "nothing was written" in error


def test_roadmap_jobs_prune_refuses_a_negative_age(database_url):
    done = CliRunner().invoke(main, ["--database-url", database_url, "jobs", "prune", "--days", "-1"])
    assert done.exit_code != 0 and "-1" in done.output


def test_sidecar_files_of_jobs_no_longer_running_are_removed(engine, programme_id):
    directory = sidecar_dir(engine)
    if directory is None:
        return  # PostgreSQL keeps no files
    running = _job(engine, programme_id, "running", None)
    ended = _job(engine, programme_id, "done", 0)
    recent = _job(engine, programme_id, "done", 0)
    for job_id in (running, ended, recent):
        write_sidecar(directory, job_id, {"id": job_id}, this_runner())
    (directory / f".{ended}.1.2.tmp").write_text("{")  # a writer killed before it moved its file
    long_ago = utcnow().timestamp() - LEASE_S - 10
    for name in (f"{running}.json", f"{ended}.json", f".{ended}.1.2.tmp"):
        os.utime(directory / name, (long_ago, long_ago))
    job_reaper.prune(engine, 30)
    # The running job's file stays (its row says it runs: the reaper judges it, not the pruner);
    # the one written just now too (its job may have ended a moment ago, its row said first).
    assert sorted(p.name for p in directory.iterdir()) == sorted([f"{running}.json", f"{recent}.json"])
