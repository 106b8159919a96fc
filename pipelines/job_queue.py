"""Where an import job runs: an RQ worker on the deployment's Redis, or a thread of this process.

`IMPORT_JOBS=auto` (the default) picks RQ when `REDIS_URL` is set, else a thread; `rq` or
`thread` force one. With RQ the file waits in the job's row for `roadmap worker` (any host);
with a thread it stays in this process's memory. A thread runs one programme's jobs one after
another (a job queued behind another says so); RQ workers run them as they come, and a second
job of a programme waits for the first one's writer lock, saying it waits.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import threading

from sqlalchemy import Engine

from pipelines import import_jobs, job_reaper
from pipelines.db import ImportRunning
from pipelines.import_jobs import JobState
from pipelines.settings import Settings

log = logging.getLogger(__name__)

QUEUE_NAME = "roadmap-imports"
JOB_TIMEOUT_S = 4 * 3600  # an RQ job may run this long: a 1M-row import takes minutes, not hours
RESULT_TTL_S = 24 * 3600  # RQ's own record; the state that matters is in the import_job row


def mode(settings: Settings) -> str:
    """'rq' or 'thread', as IMPORT_JOBS and REDIS_URL say."""
    chosen = settings.import_jobs
    if chosen == "auto":
        return "rq" if settings.redis_url else "thread"
    if chosen not in ("rq", "thread"):
        raise ValueError(f"IMPORT_JOBS={chosen!r}: use auto, rq or thread")
    if chosen == "rq" and not settings.redis_url:
        raise ValueError("IMPORT_JOBS=rq needs REDIS_URL")
    return chosen


def submit(engine: Engine, settings: Settings, programme_id: int, kind: str, file_name: str, data: bytes,
           sha256: str, options: dict, user: str, rows_total: int | None) -> JobState:
    """Queue an import of `data` and start it where it runs; the job's state, queued.

    First the jobs whose process died are failed (so they hold no programme's queue up) and
    old finished ones pruned, as far as the database allows at once."""
    tidy(engine, settings)
    if mode(settings) == "rq":
        state = import_jobs.create(engine, programme_id, kind, file_name, sha256, options, user, rows_total,
                                   payload=data)
        # The job names its database without the password: the worker uses its own DATABASE_URL.
        rq_queue(settings.redis_url or "", engine.url.render_as_string(hide_password=True)).enqueue(
            run_queued, state.id, engine.url.render_as_string(hide_password=True),
            job_id=f"roadmap-import-{state.id}", job_timeout=JOB_TIMEOUT_S, result_ttl=RESULT_TTL_S,
            description=f"import {kind} {file_name} for programme {programme_id}")
        return state
    state = import_jobs.create(engine, programme_id, kind, file_name, sha256, options, user, rows_total)
    _threads.submit(engine, programme_id, state.id, data)
    return state


def tidy(engine: Engine, settings: Settings) -> None:
    """Fail the dead jobs and prune the old ones, without waiting for a busy SQLite database
    (an import holding its write lock): the next submit, or `roadmap jobs prune`, does it then."""
    job_reaper.reap(engine)
    try:
        job_reaper.prune(engine, settings.import_jobs_keep_days)
    except ImportRunning:
        log.info("import jobs not pruned now: the database is busy with an import")


def rq_queue(redis_url: str, database: str):
    """The RQ queue of one database's imports (deployments may share a Redis: each its own queue)."""
    from redis import Redis
    from rq import Queue

    digest = hashlib.sha256(database.encode()).hexdigest()[:12]
    return Queue(f"{QUEUE_NAME}-{digest}", connection=Redis.from_url(redis_url))


def rq_worker(queue):
    """An RQ worker for `queue` whose shutdown takes at most a second (see `_listen_briefly`)."""
    from rq import Worker

    class ImportWorker(Worker):
        def subscribe(self) -> None:
            _listen_briefly(self)

    return ImportWorker([queue], connection=queue.connection)


# RQ 3 listens for its commands (stop a job, shut down) in a thread that waits up to 60 s for a
# message, and redis-py 8 joins that thread without a time limit when the worker stops: when the
# reply to the worker's UNSUBSCRIBE came before the stop, every `roadmap worker` (a --burst run,
# a deploy's restart) hung 60 s on its way out. One second of waiting bounds that.
COMMAND_WAIT_S = 1.0


def _listen_briefly(worker) -> None:
    worker.pubsub = worker.connection.pubsub()
    worker.pubsub.subscribe(**{worker.pubsub_channel_name: worker.handle_payload})
    worker.pubsub_thread = worker.pubsub.run_in_thread(
        sleep_time=COMMAND_WAIT_S, daemon=True, exception_handler=worker._pubsub_exception_handler)


_worker_database: dict[str, str] = {}  # set by `roadmap worker`: the database it serves


def serve_database(database_url: str) -> None:
    """Tell this worker process which database its jobs are in (before it starts working)."""
    _worker_database["url"] = database_url


def run_queued(job_id: str, database: str) -> str:
    """What an RQ worker runs: the job, on its own engine; returns the job's final status.

    A job queued by another deployment sharing the Redis names another database: refused."""
    from sqlalchemy.engine import make_url

    from pipelines.db import make_engine

    url = _worker_database.get("url") or os.environ.get("DATABASE_URL") or Settings.from_env().database_url
    if make_url(url).render_as_string(hide_password=True) != database:
        raise RuntimeError(f"import job {job_id} is for database {database}; this worker serves another")
    engine = make_engine(url)
    try:
        # A worker may fork a checking process, as the command line does (no web server here).
        return import_jobs.run(engine, job_id, may_fork=True).status
    finally:
        engine.dispose()


class _Threads:
    """One daemon thread per programme in this process, each taking its jobs in order."""

    def __init__(self):
        self.lock = threading.Lock()
        self.queues: dict[tuple[int, int, str], queue.Queue] = {}

    def submit(self, engine: Engine, programme_id: int, job_id: str, data: bytes) -> None:
        # Keyed by process too: a forked web worker does not inherit the parent's threads.
        key = (os.getpid(), programme_id, engine.url.render_as_string(hide_password=False))
        with self.lock:
            jobs = self.queues.get(key)
            if jobs is None:
                jobs = self.queues[key] = queue.Queue()
                threading.Thread(target=self._work, args=(engine, jobs), daemon=True,
                                 name=f"import-jobs-{programme_id}").start()
        jobs.put((job_id, data))

    @staticmethod
    def _work(engine: Engine, jobs: queue.Queue) -> None:
        while True:
            job_id, data = jobs.get()
            try:
                import_jobs.run(engine, job_id, payload=data)
            except Exception:  # noqa: BLE001 — the next job must still run
                log.exception("import job %s could not be run", job_id)
            finally:
                del data
                jobs.task_done()


_threads = _Threads()


def wait_for_threads() -> None:
    """Block until this process's queued jobs have run (tests and benchmarks)."""
    for jobs in list(_threads.queues.values()):
        jobs.join()
