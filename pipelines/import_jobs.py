"""Imports confirmed on the upload page, run as background jobs, their state in `import_job`.

A job moves queued → running → done | failed (a queued job may also fail, e.g. its programme
is gone); any other move is a bug and raises. Its row holds who started it, its progress (rows
done of the rows the check counted), and at the end the counts and batch, or every problem.
The job only calls the front door every import uses (`pipelines.load.load_file`, whose write is
one `programme_write`): all or nothing, and queued behind another writer of the programme.

Where it runs is `pipelines.job_queue`'s business (an RQ worker, or a thread of the web
process). Any process reports a job from its row; the process running it also keeps the state
in memory, because SQLite has one writer: while the job's own import holds the write lock no
other connection can write its progress, so on SQLite the row gets each state when the lock
allows (running before the import, done or failed after) and the progress in between goes to
a sidecar file beside the database, which every process reads (pipelines/job_pulse.py). On
PostgreSQL every change is written as it happens.

A job whose process died (kill -9, a restart) is failed by the next process that reads it
(pipelines/job_reaper.py: how a dead holder is told from a live one is pipelines/job_lease.py).
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import fields

from sqlalchemy import Engine, insert, select, update

from pipelines import db, job_pulse, job_reaper
from pipelines.errors import UserError, ValidationFailed
from pipelines.job_lease import holder_dead, read_sidecar, sidecar_dir, this_runner
from pipelines.job_state import (
    DONE,
    FAILED,
    FINISHED,
    MOVES,
    PROGRAMME_GONE,
    QUEUED,
    RESULT_FIELDS,
    RUNNER_GONE,
    RUNNING,
    UNEXPECTED,
    UNFINISHED,
    BadMove,
    JobState,
    error_row,
    move,
    problem_row,
)
from pipelines.load import load_file
from pipelines.load.upload_options import upload_load_options
from pipelines.schema import ImportJob, utcnow

log = logging.getLogger(__name__)

# The state machine and its texts live in pipelines/job_state.py; named here for the callers.
__all__ = ["BadMove", "DONE", "FAILED", "FINISHED", "MOVES", "PROGRAMME_GONE", "QUEUED", "RESULT_FIELDS",
           "RUNNER_GONE", "RUNNING", "UNEXPECTED", "JobState", "ahead_of", "count_rows", "create", "get",
           "move", "payload_of", "run", "unfinished"]
PROGRESS_EVERY_S = 0.5  # how often a running job writes its progress (PostgreSQL)
STATE_WAIT_S = 1.0  # a state write that meets SQLite's write lock gives up after this (kept in memory)
STATE_FIELDS = [f.name for f in fields(JobState)]


# --- Reading and writing the rows ------------------------------------------------------------------

def _save(engine: Engine, state: JobState, *, wait_s: float | None, payload: bytes | None = None,
          clear_payload: bool = False, hold: bool = False) -> bool:
    """Write the whole state of a job (insert or update), with this process as its holder when
    `hold`; False when the write lock stayed taken for `wait_s` (the state then lives in memory
    until the next write)."""
    values = state.row()
    if hold:
        runner = this_runner()
        values.update(runner_host=runner.host, runner_pid=runner.pid, runner_start=runner.start,
                      heartbeat_at=utcnow())
    try:
        with db.writing(engine, wait_s=wait_s) as conn:
            exists = conn.execute(select(ImportJob.id).where(ImportJob.id == state.id)).first()
            if exists is None:
                conn.execute(insert(ImportJob).values(**values, payload=payload))
            else:
                extra = {"payload": None} if clear_payload else {}
                conn.execute(update(ImportJob).where(ImportJob.id == state.id).values(**values, **extra))
    except db.ImportRunning:
        return False
    return True


def _row(engine: Engine, job_id: str) -> JobState | None:
    with engine.connect() as conn:
        row = conn.execute(select(*(getattr(ImportJob, n) for n in STATE_FIELDS)).where(ImportJob.id == job_id)).first()
    return None if row is None else JobState(**dict(zip(STATE_FIELDS, row, strict=True))).with_zones()


def get(engine: Engine, job_id: str) -> JobState | None:
    """A job's state: this process's own if it holds the job (fresher), else its row — or, on
    SQLite, its sidecar file while it runs elsewhere. A job whose process died is failed here."""
    mine = job_pulse.mine(job_id)
    if mine is not None:
        return mine
    state = _row(engine, job_id)
    if state is None:
        return _unwritten(engine, job_id)
    if state.finished:
        return state
    lease = job_reaper.lease_of(engine, job_id)
    if lease is not None and lease.status in UNFINISHED and job_reaper.is_dead(engine, lease):
        if job_reaper.fail_dead(engine, lease):
            return _row(engine, job_id)
        again = _row(engine, job_id)
        if again is not None and again.finished:  # it finished while it was judged
            return again
        # The write lock is taken: reported failed now, recorded by the next reader.
        return move(state, FAILED, waiting=False, problems=[error_row(RUNNER_GONE)], finished_at=utcnow())
    side = read_sidecar(sidecar_dir(engine), job_id)
    return state if side is None else JobState(**side.state).with_zones()


def _unwritten(engine: Engine, job_id: str) -> JobState | None:
    """A job whose row is not written yet (SQLite's write lock was taken), from its sidecar file;
    failed when its holder died (nothing to record: the database never had it)."""
    side = read_sidecar(sidecar_dir(engine), job_id)
    if side is None:
        return None
    state = JobState(**side.state).with_zones()
    if not state.finished and holder_dead(side.runner, side.beat_at):
        state.status, state.waiting, state.finished_at = FAILED, False, utcnow()
        state.problems = [error_row(RUNNER_GONE)]
    return state


def payload_of(engine: Engine, job_id: str) -> bytes | None:
    with engine.connect() as conn:
        return conn.execute(select(ImportJob.payload).where(ImportJob.id == job_id)).scalar()


def ahead_of(engine: Engine, state: JobState) -> int:
    """How many unfinished jobs of the same programme were created before this one (the dead
    ones failed first: they hold nothing up)."""
    dead = job_reaper.reap(engine, state.programme_id)
    with engine.connect() as conn:
        ids = set(conn.execute(select(ImportJob.id).where(
            ImportJob.programme_id == state.programme_id, ImportJob.status.in_(UNFINISHED),
            ImportJob.created_at < state.created_at, ImportJob.id != state.id)).scalars())
    ids |= {s.id for s in job_pulse.mine_of(state.programme_id) if s.created_at < state.created_at and s.id != state.id}
    return len(ids - set(dead))


def unfinished(engine: Engine, programme_id: int) -> int:
    """Jobs of a programme queued or running (in the database, or only in this process so far)."""
    dead = job_reaper.reap(engine, programme_id)
    with engine.connect() as conn:
        ids = set(conn.execute(select(ImportJob.id).where(
            ImportJob.programme_id == programme_id, ImportJob.status.in_(UNFINISHED))).scalars())
    return len((ids | {s.id for s in job_pulse.mine_of(programme_id)}) - set(dead))


# --- The state machine ------------------------------------------------------------------------------

def create(engine: Engine, programme_id: int, kind: str, file_name: str, sha256: str, options: dict,
           user: str, rows_total: int | None, *, payload: bytes | None = None) -> JobState:
    """A new queued job. With `payload` (a worker elsewhere will read the file from the row) the
    row must be written now: a bounded wait for the lock, then ImportRunning in words. Without
    it (this process runs the job and holds the file, and so holds the job) a locked SQLite
    database is no reason to refuse: the row is written when the lock allows."""
    state = JobState(uuid.uuid4().hex, programme_id, kind, file_name[:200], sha256, options, user[:100],
                     rows_total=rows_total)
    if payload is not None:
        with db.writing(engine) as conn:  # db.EDIT_WAIT_S, then ImportRunning
            conn.execute(insert(ImportJob).values(**state.row(), payload=payload))
        return state
    job_pulse.keep(engine, state)
    _save(engine, state, wait_s=STATE_WAIT_S, hold=True)
    return state


def count_rows(data: bytes, file_name: str) -> int | None:
    """About how many data rows a text file has (its lines less the header), for the progress bar."""
    if file_name.lower().endswith(".xlsx"):
        return None
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    return max(lines - 1, 0)


class _Reporter:
    """The running job's progress and waiting, in memory at once and in its row when allowed."""

    def __init__(self, engine: Engine, state: JobState):
        self.engine, self.state = engine, state
        self.can_write = not db.is_sqlite(engine)  # SQLite: the job's own import holds the lock
        self.last = 0.0

    def rows(self, n: int) -> None:
        self.state.rows_done += n
        self.state.waiting = False
        self._changed()

    def waits(self, _text: str) -> None:
        self.state.waiting = True
        self._changed(force=True)

    def _changed(self, force: bool = False) -> None:
        job_pulse.keep(self.engine, self.state)
        now = time.monotonic()
        if self.can_write and (force or now - self.last >= PROGRESS_EVERY_S):
            self.last = now
            _save(self.engine, self.state, wait_s=STATE_WAIT_S)


def run(engine: Engine, job_id: str, *, payload: bytes | None = None, may_fork: bool = False) -> JobState:
    """Run a queued job: load its file through `load_file`, and record done or failed.

    Never raises for the file's problems or an error: they are the job's result."""
    state = job_pulse.mine(job_id) or _row(engine, job_id)  # not `get`: this process is to hold it
    if state is None:
        raise BadMove(f"import job {job_id} does not exist")
    if payload is None:
        payload = payload_of(engine, job_id)
    move(state, RUNNING, started_at=utcnow())
    job_pulse.keep(engine, state)  # held (and on SQLite its file written) before its row says running
    _save(engine, state, wait_s=STATE_WAIT_S, hold=True)
    reporter = _Reporter(engine, state)
    try:
        if payload is None:
            raise UserError(PROGRAMME_GONE)
        result = _load(engine, state, payload, reporter, may_fork)
    except ValidationFailed as failed:
        move(state, FAILED, problems=[problem_row(p) for p in failed.problems])
    except UserError as error:
        message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        move(state, FAILED, problems=[error_row(message)])
    except Exception:  # noqa: BLE001 — the job's result, not a dead worker thread
        log.exception("import job %s failed", job_id)
        move(state, FAILED, problems=[error_row(UNEXPECTED)])
    else:
        counts = {name: getattr(result, name) for name in RESULT_FIELDS}
        move(state, DONE, result=counts, rows_done=max(state.rows_done, result.rows_in_file))
    state.waiting, state.finished_at = False, utcnow()
    _save(engine, state, wait_s=None, clear_payload=True)  # waits as long as another import runs
    job_pulse.keep(engine, state)  # let go, its file removed: after the row says how it ended
    return state


def _load(engine: Engine, state: JobState, payload: bytes, reporter: _Reporter, may_fork: bool):
    from dataclasses import replace

    opts = state.options or {}
    mapping = tuple((str(row[0]), str(row[1]), str(row[2])) for row in opts.get("mapping") or () if len(row) == 3)
    planned = opts.get("planned_target_set")
    with upload_load_options(state.kind, opts.get("decimal"), bool(opts.get("new_indicators")), mapping,
                             dry_run=False, user=state.started_by, on_wait=reporter.waits,
                             planned_target_set=planned if isinstance(planned, str) else None) as options:
        return load_file(engine, state.programme_id, state.kind, payload, file_name=state.file_name,
                         options=replace(options, may_fork=may_fork), progress=reporter.rows)

