"""Import jobs whose process died (kill -9) are failed in words, not left running; the progress of
a job another process runs is seen here on SQLite too (its sidecar file). Real processes, real
SQLite and PostgreSQL (pipelines/job_lease.py, job_pulse.py, job_reaper.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

from pipelines import import_jobs, job_queue
from pipelines.db import make_engine
from pipelines.errors import in_language
from pipelines.import_jobs import DONE, FAILED, RUNNING
from pipelines.job_lease import (
    LEASE_S,
    Runner,
    holder_dead,
    process_alive,
    sidecar_dir,
    this_runner,
)
from pipelines.schema import ImportBatch, ImportJob, Observation, utcnow
from pipelines.settings import Settings
from tests.conftest import DATA
from tests.job_process_support import REPO, JobProcess, eventually, kill_tree
from tests.test_writers_queue import HeldImport

FIRST = DATA / "conc_first.csv"  # 6 values
SECOND = DATA / "conc_second.csv"  # after FIRST: 2 new values (2013, transport), 2 replaced (2012)


def _sidecars(engine) -> list[str]:
    directory = sidecar_dir(engine)
    return sorted(p.name for p in directory.iterdir()) if directory is not None and directory.is_dir() else []


def _says_the_process_ended(state) -> None:
    error = state.error()
    assert state.status == FAILED and state.finished_at is not None
    assert "the process running it ended" in error and "nothing was written" in error
    assert "rolled back" in error and "Start the import again" in error
    assert "het proces dat hem uitvoerde eindigde" in in_language(error, "nl")
    assert "le processus qui l'exécutait a pris fin" in in_language(error, "fr")


def test_a_job_killed_while_it_waits_is_failed_in_words_and_the_next_import_runs(engine, database_url,
                                                                                 programme_id):
    other = make_engine(database_url)  # nothing of the killed process's memory: its rows and files
    try:
        # The job waits for the held import's lock.
        with HeldImport(database_url, programme_id), JobProcess(database_url, programme_id, SECOND, 4) as held:
            seen = eventually(lambda: import_jobs.get(other, held.job_id), lambda s: s.waiting)
            assert seen.status == RUNNING  # another process's wait, seen here (on SQLite: its file)
            held.kill()
        dead = import_jobs.get(other, held.job_id)
        _says_the_process_ended(dead)
        assert import_jobs.unfinished(other, programme_id) == 0  # it holds no later import up
        with other.connect() as conn:
            assert conn.execute(select(func.count()).select_from(ImportJob)
                                .where(ImportJob.status.in_(("queued", "running")))).scalar() == 0
        settings = Settings.from_env({}, database_url=database_url, import_jobs="thread")
        nxt = job_queue.submit(engine, settings, programme_id, "indicators", "conc_second.csv",
                               SECOND.read_bytes(), "sha", {}, "bob", 4)
        job_queue.wait_for_threads()
        done = import_jobs.get(other, nxt.id)
        # The same file again finds its values new: the killed import wrote none of them.
        assert (done.status, done.result["added"], done.result["superseded"]) == (DONE, 2, 2)
    finally:
        other.dispose()


BIG_ROWS = 600_000


@pytest.fixture
def big_file(database_url, tmp_path):
    """The crash test's programme ('crash', indicators defined) and a BIG_ROWS-row file: chunks of
    50,000 rows, the progress of each reported, a few seconds of import even on a quiet machine
    (with 150,000 rows CI's import ended before a midway state was seen)."""
    # Imported late: it puts benchmarks/ first on sys.path, whose dashboard.py would shadow ours.
    from tests.crash.harness import prepare

    path = prepare(database_url, tmp_path, rows=BIG_ROWS)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        programme = conn.execute(text("SELECT id FROM programme WHERE slug = 'crash'")).scalar()
    engine.dispose()
    return programme, path


def _stored(engine, programme_id: int) -> tuple[int, int]:
    with engine.connect() as conn:
        batches = conn.execute(select(func.count()).select_from(ImportBatch).where(
            ImportBatch.programme_id == programme_id, ImportBatch.file_name == "BIG.csv")).scalar()
        values = conn.execute(select(func.count()).select_from(Observation)).scalar()
    return batches, values


def test_the_progress_of_a_job_another_process_runs_is_seen_here_and_its_file_goes(database_url, big_file):
    programme, path = big_file
    engine = make_engine(database_url)  # a fresh engine: nothing of the running process's memory
    try:
        with JobProcess(database_url, programme, path, BIG_ROWS) as running:
            midway = eventually(lambda: import_jobs.get(engine, running.job_id),
                                lambda s: s.status == RUNNING and 0 < s.rows_done < BIG_ROWS, every_s=0.02)
            assert midway.rows_total == BIG_ROWS and not midway.waiting
            assert running.finish().endswith("finished")
        done = import_jobs.get(engine, running.job_id)
        assert (done.status, done.rows_done, done.result["added"]) == (DONE, BIG_ROWS, BIG_ROWS)
        assert _sidecars(engine) == []  # SQLite's progress file is gone with the job
    finally:
        engine.dispose()


def test_a_job_killed_mid_import_is_failed_and_nothing_of_it_was_written(database_url, big_file):
    programme, path = big_file
    engine = make_engine(database_url)
    try:
        before = _stored(engine, programme)
        with JobProcess(database_url, programme, path, BIG_ROWS) as running:
            eventually(lambda: import_jobs.get(engine, running.job_id),
                       lambda s: s.rows_done >= 50_000, every_s=0.02)  # rows are going in
            running.kill()
        _says_the_process_ended(import_jobs.get(engine, running.job_id))
        assert _stored(engine, programme) == before  # the message's "nothing was written" is true
        assert import_jobs.payload_of(engine, running.job_id) is None
        assert _sidecars(engine) == []
    finally:
        engine.dispose()


def test_a_killed_rq_worker_s_job_is_failed_when_a_worker_starts(engine, database_url, programme_id):
    from tests.service_support import ROADMAP, redis_url

    url = redis_url()
    settings = Settings.from_env({}, database_url=database_url, redis_url=url)
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": url, "PYTHONPATH": str(REPO)}
    state = job_queue.submit(engine, settings, programme_id, "indicators", "conc_second.csv",
                             SECOND.read_bytes(), "sha", {}, "ann", 4)
    with HeldImport(database_url, programme_id):  # the job, taken by the worker, waits for it
        worker = subprocess.Popen([*ROADMAP, "worker"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            eventually(lambda: import_jobs.get(engine, state.id), lambda s: s.waiting)
        finally:
            kill_tree(worker.pid)  # the worker and its work horse (its own session), as a machine going down
            worker.wait(30)
    started = subprocess.run([*ROADMAP, "worker", "--burst"], cwd=REPO, env=env, capture_output=True,
                             text=True, timeout=180)
    assert started.returncode == 0, started.stdout + started.stderr
    assert f"Import job {state.id} failed" in started.stdout
    with engine.connect() as conn:  # recorded by the worker, before any page read it
        status, payload = conn.execute(select(ImportJob.status, ImportJob.payload)
                                       .where(ImportJob.id == state.id)).one()
    assert (status, payload) == (FAILED, None)
    _says_the_process_ended(import_jobs.get(engine, state.id))


# PostgreSQL only: SQLite is one host, its jobs judged by their pid (the sidecar files' test is below).
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_job_held_on_another_host_is_judged_by_its_heartbeat(engine, programme_id):
    fresh, stale = (import_jobs.create(engine, programme_id, "indicators", "f.csv", "sha", {}, "ann", 6,
                                       payload=b"x") for _ in range(2))
    now = utcnow()
    with engine.begin() as conn:
        for state, beat in ((fresh, now - timedelta(seconds=5)), (stale, now - timedelta(seconds=LEASE_S + 5))):
            conn.execute(ImportJob.__table__.update().where(ImportJob.id == state.id).values(
                status=RUNNING, runner_host="worker-on-another-host", runner_pid=1, runner_start="x",
                heartbeat_at=beat))
    assert import_jobs.get(engine, fresh.id).status == RUNNING
    _says_the_process_ended(import_jobs.get(engine, stale.id))


def test_an_rq_job_waiting_for_a_worker_is_not_judged(engine, programme_id):
    state = import_jobs.create(engine, programme_id, "indicators", "f.csv", "sha", {}, "ann", 6, payload=b"x")
    assert import_jobs.get(engine, state.id).status == "queued"  # no holder yet: Redis keeps it
    assert import_jobs.unfinished(engine, programme_id) == 1


def test_a_pid_is_alive_only_while_the_process_that_took_it_runs():
    me = this_runner()
    assert process_alive(me.pid, me.start)
    assert not process_alive(me.pid, me.start + "0")  # the same pid, started at another moment: reused
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    assert not process_alive(int(ended.stdout), "")  # gone (unless reused meanwhile: then not by it)
    assert not holder_dead(me, None)  # this host: the pid decides, not the beat
    elsewhere = Runner("another-host", me.pid, me.start)
    now = utcnow()
    assert holder_dead(elsewhere, None, now)
    assert not holder_dead(elsewhere, now - timedelta(seconds=LEASE_S - 1), now)
    assert holder_dead(elsewhere, now - timedelta(seconds=LEASE_S + 1), now)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the sidecar files are SQLite's
def test_a_sqlite_job_held_under_another_host_name_is_judged_by_its_file_s_beat(engine, programme_id):
    import json

    from pipelines.job_lease import write_sidecar

    directory = sidecar_dir(engine)
    fresh, stale = (import_jobs.create(engine, programme_id, "indicators", "f.csv", "sha", {}, "ann", 6,
                                       payload=b"x") for _ in range(2))
    with engine.begin() as conn:
        conn.execute(ImportJob.__table__.update().values(status=RUNNING))
    for state, age in ((fresh, 5), (stale, LEASE_S + 5)):  # containers sharing the database file
        running = import_jobs.move(state, RUNNING, started_at=utcnow())
        write_sidecar(directory, state.id, running.row(), Runner("another-container", 1, "x"))
        path = directory / f"{state.id}.json"
        body = json.loads(path.read_text())
        body["beat_at"] = (utcnow() - timedelta(seconds=age)).isoformat()
        path.write_text(json.dumps(body))
    assert import_jobs.get(engine, fresh.id).status == RUNNING
    _says_the_process_ended(import_jobs.get(engine, stale.id))
    assert not (directory / f"{stale.id}.json").exists()


def test_a_reader_on_a_read_only_engine_reports_a_dead_job_failed_and_a_writer_records_it(engine, programme_id):
    from pipelines.db import read_only

    state = import_jobs.create(engine, programme_id, "indicators", "f.csv", "sha", {}, "ann", 6, payload=b"x")
    me = this_runner()  # this host and pid, another start: the process that held it is gone
    with engine.begin() as conn:
        conn.execute(ImportJob.__table__.update().where(ImportJob.id == state.id).values(
            status=RUNNING, runner_host=me.host, runner_pid=me.pid, runner_start="another-process"))
    reader = read_only(engine)
    _says_the_process_ended(import_jobs.get(reader, state.id))
    assert import_jobs.unfinished(reader, programme_id) == 0
    with engine.connect() as conn:  # a page's read-only engine writes nothing, not even this
        assert conn.execute(select(ImportJob.status).where(ImportJob.id == state.id)).scalar() == RUNNING
    _says_the_process_ended(import_jobs.get(engine, state.id))
    with engine.connect() as conn:
        assert conn.execute(select(ImportJob.status).where(ImportJob.id == state.id)).scalar() == FAILED
