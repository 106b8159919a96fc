"""Import jobs (pipelines/import_jobs.py, pipelines/job_queue.py): the state machine, its rows on
SQLite and PostgreSQL, a job run by another process and reported here, a thread runner that
queues a programme's imports, and an RQ worker (`roadmap worker --burst`) on a real Redis.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipelines import import_jobs, job_queue
from pipelines.db import make_engine
from pipelines.import_jobs import DONE, FAILED, QUEUED, RUNNING, BadMove, JobState
from pipelines.schema import ImportBatch, ImportJob
from pipelines.settings import Settings
from tests.conftest import DATA
from tests.job_process_support import eventually
from tests.test_writers_queue import HeldImport

REPO = Path(__file__).resolve().parents[1]
FIRST = (DATA / "conc_first.csv").read_bytes()  # 6 values
BAD = b"indicator,period,value,unit\nemissions.residential,2010,lots,t CO2e\n"


def _state(status: str) -> JobState:
    return JobState("x" * 32, 1, "indicators", "f.csv", "0" * 64, {}, "ann", status=status)


@pytest.mark.parametrize(("start", "to"), [(QUEUED, RUNNING), (QUEUED, FAILED), (RUNNING, RUNNING),
                                           (RUNNING, DONE), (RUNNING, FAILED)])
def test_the_moves_the_state_machine_allows(start, to):
    assert import_jobs.move(_state(start), to).status == to


@pytest.mark.parametrize(("start", "to"), [(QUEUED, DONE), (DONE, RUNNING), (DONE, FAILED), (FAILED, RUNNING),
                                           (FAILED, DONE), (RUNNING, QUEUED)])
def test_the_moves_it_refuses(start, to):
    with pytest.raises(BadMove):
        import_jobs.move(_state(start), to)


def _batches(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ImportBatch)).scalar()


def _queued_with_file(engine, programme_id: int, data: bytes, user: str = "ann") -> JobState:
    """A job as the RQ path queues it: its row written at once, the file in it."""
    return import_jobs.create(engine, programme_id, "indicators", "conc_first.csv", "sha", {"decimal": None},
                              user, import_jobs.count_rows(data, "conc_first.csv"), payload=data)


def test_a_job_run_by_another_process_is_reported_here_from_its_row(engine, database_url, programme_id):
    state = _queued_with_file(engine, programme_id, FIRST)
    assert import_jobs.get(engine, state.id).status == QUEUED
    # The RQ job function, in another process, as a worker on another host would run it.
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pipelines import job_queue; "
         "job_queue.serve_database(sys.argv[1]); print(job_queue.run_queued(sys.argv[2], sys.argv[3]))",
         database_url, state.id, engine.url.render_as_string(hide_password=True)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == DONE
    other = make_engine(database_url)  # a fresh engine: nothing of this process's memory
    try:
        found = import_jobs.get(other, state.id)
        assert (found.status, found.started_by, found.rows_done, found.rows_total) == (DONE, "ann", 6, 6)
        assert {k: found.result[k] for k in ("added", "superseded", "unchanged")} == {
            "added": 6, "superseded": 0, "unchanged": 0}
        assert found.result["batch_id"] is not None and found.finished_at >= found.started_at >= found.created_at
        assert import_jobs.payload_of(other, state.id) is None  # the file is not kept once it ran
    finally:
        other.dispose()


def test_a_worker_refuses_a_job_of_another_database(engine, database_url, programme_id):
    state = _queued_with_file(engine, programme_id, FIRST)
    job_queue.serve_database(database_url)
    with pytest.raises(RuntimeError, match="this worker serves another"):
        job_queue.run_queued(state.id, "sqlite:///somewhere/else.db")
    assert import_jobs.get(engine, state.id).status == QUEUED


def test_a_bad_file_fails_with_every_problem_and_writes_nothing(engine, programme_id):
    before = _batches(engine)
    state = _queued_with_file(engine, programme_id, BAD)
    final = import_jobs.run(engine, state.id)
    assert final.status == FAILED
    again = import_jobs.get(engine, state.id)
    problems = again.problem_list()
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "value", "lots")]
    assert again.error() is None
    assert _batches(engine) == before


def test_a_job_of_a_programme_that_is_gone_fails_in_words(engine, programme_id):
    state = _queued_with_file(engine, programme_id, FIRST)
    with engine.begin() as conn:  # its file is gone (as when the programme was removed meanwhile)
        conn.execute(ImportJob.__table__.update().values(payload=None))
    final = import_jobs.run(engine, state.id)
    assert final.status == FAILED and "no longer exists" in final.error()


def test_a_finished_job_cannot_run_again(engine, programme_id):
    state = _queued_with_file(engine, programme_id, FIRST)
    import_jobs.run(engine, state.id)
    with pytest.raises(BadMove):
        import_jobs.run(engine, state.id)
    assert _batches(engine) == 1


def test_the_thread_runner_queues_a_second_import_and_says_so(engine, database_url, programme_id):
    settings = Settings.from_env({}, database_url=database_url, import_jobs="thread")
    second = (DATA / "conc_second.csv").read_bytes()
    with HeldImport(database_url, programme_id):  # another import holds the programme's lock
        first = job_queue.submit(engine, settings, programme_id, "indicators", "conc_first.csv", FIRST,
                                 "sha1", {}, "ann", 6)
        later = job_queue.submit(engine, settings, programme_id, "indicators", "conc_second.csv", second,
                                 "sha2", {}, "bob", 4)
        # The first waits for the lock (saying so), the second waits behind the first.
        waiting = eventually(lambda: import_jobs.get(engine, first.id), lambda s: s.waiting)
        assert waiting.status == RUNNING
        queued = import_jobs.get(engine, later.id)
        assert queued.status == QUEUED and import_jobs.ahead_of(engine, queued) == 1
        assert import_jobs.unfinished(engine, programme_id) == 2
        if engine.dialect.name == "postgresql":  # written as it happens: another engine sees it
            other = make_engine(database_url)
            try:
                with other.connect() as conn:
                    row = conn.execute(select(ImportJob.status, ImportJob.waiting)
                                       .where(ImportJob.id == first.id)).one()
                assert tuple(row) == (RUNNING, True)
            finally:
                other.dispose()
    job_queue.wait_for_threads()
    done = [import_jobs.get(engine, s.id) for s in (first, later)]
    assert [s.status for s in done] == [DONE, DONE]
    assert [s.started_by for s in done] == ["ann", "bob"]
    assert done[0].finished_at <= done[1].started_at  # one after the other
    assert import_jobs.unfinished(engine, programme_id) == 0


def test_rq_jobs_run_in_roadmap_worker(engine, database_url, programme_id):
    from tests.service_support import ROADMAP, redis_url

    url = redis_url()
    settings = Settings.from_env({}, database_url=database_url, redis_url=url)
    assert job_queue.mode(settings) == "rq"
    state = job_queue.submit(engine, settings, programme_id, "indicators", "conc_first.csv", FIRST,
                             "sha", {}, "ann", 6)
    assert import_jobs.get(engine, state.id).status == QUEUED
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": url}
    done = subprocess.run([*ROADMAP, "worker", "--burst"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    found = import_jobs.get(engine, state.id)
    assert (found.status, found.result["added"], found.rows_done) == (DONE, 6, 6)


def test_the_mode_follows_the_settings():
    assert job_queue.mode(Settings.from_env({})) == "thread"
    assert job_queue.mode(Settings.from_env({"REDIS_URL": "redis://x"})) == "rq"
    assert job_queue.mode(Settings.from_env({"REDIS_URL": "redis://x", "IMPORT_JOBS": "thread"})) == "thread"
    with pytest.raises(ValueError, match="needs REDIS_URL"):
        job_queue.mode(Settings.from_env({"IMPORT_JOBS": "rq"}))


def test_rows_are_counted_for_the_bar():
    assert import_jobs.count_rows(b"a,b\n1,2\n3,4\n", "f.csv") == 2
    assert import_jobs.count_rows(b"a,b\n1,2\n3,4", "f.csv") == 2
    assert import_jobs.count_rows(b"PK\x03\x04", "f.xlsx") is None


def test_an_rq_worker_waits_for_its_commands_a_second_at_a_time_so_it_stops_at_once():
    """RQ 3 waited 60 s per wait, and redis-py 8 joins that thread unbounded when a worker stops:
    `roadmap worker --burst` then hung up to a minute on its way out."""
    from tests.service_support import redis_url

    queue = job_queue.rq_queue(redis_url(), "sqlite:///a-test-of-the-worker-only.db")
    worker = job_queue.rq_worker(queue)
    worker.subscribe()
    try:
        assert worker.pubsub_thread.sleep_time == job_queue.COMMAND_WAIT_S == 1.0
        assert worker.pubsub_thread.is_alive()
    finally:
        worker.unsubscribe()
    assert not worker.pubsub_thread.is_alive()
