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
allows (running before the import, done or failed after) and the progress in between is known
to the running process only. On PostgreSQL every change is written as it happens.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from pipelines import db
from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.load.upload_options import upload_load_options
from pipelines.schema import ImportJob, utcnow

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FINISHED = (DONE, FAILED)
MOVES = {QUEUED: {RUNNING, FAILED}, RUNNING: {RUNNING, DONE, FAILED}, DONE: set(), FAILED: set()}
PROGRESS_EVERY_S = 0.5  # how often a running job writes its progress (PostgreSQL)
STATE_WAIT_S = 1.0  # a state write that meets SQLite's write lock gives up after this (kept in memory)
RESULT_FIELDS = ("batch_id", "added", "superseded", "unchanged", "skipped", "already_loaded_as", "rows_in_file",
                 "planned_offer", "planned_target_set")
UNEXPECTED = Bilingual("the import stopped on an unexpected error; nothing was written. Try again; "
                       "if it happens again, tell the administrator (the server log has the details)",
                       "de import stopte door een onverwachte fout; er is niets geschreven. Probeer het "
                       "opnieuw; gebeurt het weer, meld het dan aan de beheerder (het serverlog heeft de details)",
                       "l'import s'est arrêté sur une erreur inattendue ; rien n'a été écrit. Réessayez ; si "
                       "cela se reproduit, prévenez l'administrateur (le journal du serveur contient les détails)")
PROGRAMME_GONE = Bilingual("the programme no longer exists; nothing was imported",
                           "het programma bestaat niet meer; er is niets geïmporteerd",
                           "le programme n'existe plus ; rien n'a été importé")


class BadMove(RuntimeError):
    """A job asked to move where its state machine does not go (a bug, not a user's mistake)."""


@dataclass
class JobState:
    """One job as its row holds it (without the file), and as the page reports it."""

    id: str
    programme_id: int
    kind: str
    file_name: str
    sha256: str
    options: dict
    started_by: str
    status: str = QUEUED
    waiting: bool = False
    rows_done: int = 0
    rows_total: int | None = None
    result: dict | None = None
    problems: list | None = None
    created_at: datetime = field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def row(self) -> dict:
        return asdict(self)

    def problem_list(self) -> list[Problem]:
        """The problems of a failed job as the loader raised them (Dutch and French kept)."""
        return [Problem(p.get("file") or self.file_name, p.get("row"), p.get("column"), p.get("value"),
                        _text(p.get("expected"), p.get("expected_nl"), p.get("expected_fr")))
                for p in self.problems or () if not p.get("error")]

    def error(self) -> str | None:
        """The one message of a job that failed without a list of problems (a Bilingual)."""
        for p in self.problems or ():
            if p.get("error"):
                return _text(p.get("expected"), p.get("expected_nl"), p.get("expected_fr"))
        return None


def _text(en: str | None, nl: str | None, fr: str | None = None) -> str:
    """A stored message in its languages again (rows written before French have none: English)."""
    return Bilingual(en or "", nl, fr) if nl else (en or "")


def _problem_row(problem: Problem) -> dict:
    expected = problem.expected
    return {"file": problem.file, "row": problem.row, "column": problem.column,
            "value": None if problem.value is None else str(problem.value), "expected": str(expected),
            "expected_nl": expected.nl if isinstance(expected, Bilingual) else None,
            "expected_fr": expected.fr if isinstance(expected, Bilingual) else None}


def _error_row(message) -> dict:
    return {"error": True, "expected": str(message),
            "expected_nl": message.nl if isinstance(message, Bilingual) else None,
            "expected_fr": message.fr if isinstance(message, Bilingual) else None}


# --- The running process's own view of its jobs (see the module docstring) -------------------

_LOCAL: dict[str, JobState] = {}
_LOCAL_LOCK = threading.Lock()


def _keep(state: JobState) -> None:
    with _LOCAL_LOCK:
        if state.finished:
            _LOCAL.pop(state.id, None)
        else:
            _LOCAL[state.id] = state


def _local(job_id: str) -> JobState | None:
    with _LOCAL_LOCK:
        found = _LOCAL.get(job_id)
        return None if found is None else JobState(**found.row())


def _local_jobs(programme_id: int) -> list[JobState]:
    with _LOCAL_LOCK:
        return [JobState(**s.row()) for s in _LOCAL.values() if s.programme_id == programme_id]


# --- Reading and writing the rows ------------------------------------------------------------------

def _save(engine: Engine, state: JobState, *, wait_s: float | None, payload: bytes | None = None,
          clear_payload: bool = False) -> bool:
    """Write the whole state of a job (insert or update); False when the write lock stayed taken
    for `wait_s` (the state then lives in memory until the next write)."""
    values = state.row()
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


def get(engine: Engine, job_id: str) -> JobState | None:
    """A job's state: this process's own if it runs the job (fresher), else its row."""
    mine = _local(job_id)
    if mine is not None:
        return mine
    names = [f.name for f in fields(JobState)]
    with engine.connect() as conn:
        row = conn.execute(select(*(getattr(ImportJob, n) for n in names)).where(ImportJob.id == job_id)).first()
    if row is None:
        return None
    state = JobState(**dict(zip(names, row, strict=True)))
    for name in ("created_at", "started_at", "finished_at"):  # SQLite gives them back without their zone
        value = getattr(state, name)
        if value is not None and value.tzinfo is None:
            setattr(state, name, value.replace(tzinfo=UTC))
    return state


def payload_of(engine: Engine, job_id: str) -> bytes | None:
    with engine.connect() as conn:
        return conn.execute(select(ImportJob.payload).where(ImportJob.id == job_id)).scalar()


def ahead_of(engine: Engine, state: JobState) -> int:
    """How many unfinished jobs of the same programme were created before this one."""
    with engine.connect() as conn:
        ids = set(conn.execute(select(ImportJob.id).where(
            ImportJob.programme_id == state.programme_id, ImportJob.status.in_((QUEUED, RUNNING)),
            ImportJob.created_at < state.created_at, ImportJob.id != state.id)).scalars())
    ids |= {s.id for s in _local_jobs(state.programme_id) if s.created_at < state.created_at and s.id != state.id}
    return len(ids)


def unfinished(engine: Engine, programme_id: int) -> int:
    """Jobs of a programme queued or running (in the database, or only in this process so far)."""
    with engine.connect() as conn:
        ids = set(conn.execute(select(ImportJob.id).where(
            ImportJob.programme_id == programme_id, ImportJob.status.in_((QUEUED, RUNNING)))).scalars())
    return len(ids | {s.id for s in _local_jobs(programme_id)})


# --- The state machine ------------------------------------------------------------------------------

def move(state: JobState, status: str, **changes) -> JobState:
    """`state` moved to `status` with `changes`; BadMove when the machine does not go there."""
    if status not in MOVES[state.status]:
        raise BadMove(f"import job {state.id}: {state.status} → {status}")
    state.status = status
    for name, value in changes.items():
        setattr(state, name, value)
    return state


def create(engine: Engine, programme_id: int, kind: str, file_name: str, sha256: str, options: dict,
           user: str, rows_total: int | None, *, payload: bytes | None = None) -> JobState:
    """A new queued job. With `payload` (a worker elsewhere will read the file from the row) the
    row must be written now: a bounded wait for the lock, then ImportRunning in words. Without
    it (this process runs the job and holds the file) a locked SQLite database is no reason to
    refuse: the row is written when the lock allows."""
    state = JobState(uuid.uuid4().hex, programme_id, kind, file_name[:200], sha256, options, user[:100],
                     rows_total=rows_total)
    if payload is not None:
        with db.writing(engine) as conn:  # db.EDIT_WAIT_S, then ImportRunning
            conn.execute(insert(ImportJob).values(**state.row(), payload=payload))
        return state
    _keep(state)
    _save(engine, state, wait_s=STATE_WAIT_S)
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
        _keep(self.state)
        now = time.monotonic()
        if self.can_write and (force or now - self.last >= PROGRESS_EVERY_S):
            self.last = now
            _save(self.engine, self.state, wait_s=STATE_WAIT_S)


def run(engine: Engine, job_id: str, *, payload: bytes | None = None, may_fork: bool = False) -> JobState:
    """Run a queued job: load its file through `load_file`, and record done or failed.

    Never raises for the file's problems or an error: they are the job's result."""
    state = get(engine, job_id)
    if state is None:
        raise BadMove(f"import job {job_id} does not exist")
    if payload is None:
        payload = payload_of(engine, job_id)
    move(state, RUNNING, started_at=utcnow())
    _keep(state)
    _save(engine, state, wait_s=STATE_WAIT_S)
    reporter = _Reporter(engine, state)
    try:
        if payload is None:
            raise UserError(PROGRAMME_GONE)
        result = _load(engine, state, payload, reporter, may_fork)
    except ValidationFailed as failed:
        move(state, FAILED, problems=[_problem_row(p) for p in failed.problems])
    except UserError as error:
        message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        move(state, FAILED, problems=[_error_row(message)])
    except Exception:  # noqa: BLE001 — the job's result, not a dead worker thread
        log.exception("import job %s failed", job_id)
        move(state, FAILED, problems=[_error_row(UNEXPECTED)])
    else:
        counts = {name: getattr(result, name) for name in RESULT_FIELDS}
        move(state, DONE, result=counts, rows_done=max(state.rows_done, result.rows_in_file))
    state.waiting, state.finished_at = False, utcnow()
    _save(engine, state, wait_s=None, clear_payload=True)  # waits as long as another import runs
    _keep(state)
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

