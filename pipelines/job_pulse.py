"""This process's own import jobs (queued in its memory, or running), and the pulse that shows them.

The process that holds a job knows its state first (on SQLite the row cannot be written while
the job's import holds the write lock). A daemon thread, the pulse, shows it to every other
process: on SQLite it writes each job's sidecar file (pipelines/job_lease.py) when the state
changed — about every PULSE_S while rows go in — and at least every HEARTBEAT_S as a beat; on
PostgreSQL the job writes its own progress and the pulse sets the row's heartbeat_at every
HEARTBEAT_S. A forked process (a gunicorn worker) starts its own pulse: threads do not fork.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from sqlalchemy import Engine, update

from pipelines import db
from pipelines.job_lease import HEARTBEAT_S, remove_sidecar, sidecar_dir, this_runner, write_sidecar
from pipelines.job_state import UNFINISHED, JobState
from pipelines.schema import ImportJob, utcnow

log = logging.getLogger(__name__)

PULSE_S = 0.5  # how fresh the progress other processes read from a sidecar file is

_LOCK = threading.Lock()  # also held while a sidecar is written, so a finished job's is not written back
_JOBS: dict[str, tuple[Engine, JobState]] = {}
_SHOWN: dict[str, tuple[dict, float]] = {}  # per job: the sidecar's state as last written, and when
_BEAT: dict[str, float] = {}  # per PostgreSQL job: when its heartbeat was last written
_PULSE_PID: list[int] = []  # the process whose pulse runs (a forked child has none)


def keep(engine: Engine, state: JobState) -> None:
    """Hold `state` as this process's job (a finished one is let go, its sidecar removed)."""
    directory = sidecar_dir(engine)
    with _LOCK:
        if state.finished:
            _JOBS.pop(state.id, None)
            _SHOWN.pop(state.id, None)
            _BEAT.pop(state.id, None)
            remove_sidecar(directory, state.id)
            return
        _JOBS[state.id] = (engine, state)
        shown = _SHOWN.get(state.id)
        # A new job's file exists before its row says it exists; a new status at once.
        if directory is not None and (shown is None or _moved(shown[0], state)):
            _show(directory, state)
    _start_pulse()


def mine(job_id: str) -> JobState | None:
    """A copy of this process's job, if it holds it."""
    with _LOCK:
        found = _JOBS.get(job_id)
        return None if found is None else JobState(**found[1].row())


def mine_of(programme_id: int) -> list[JobState]:
    with _LOCK:
        return [JobState(**s.row()) for _e, s in _JOBS.values() if s.programme_id == programme_id]


def held_ids() -> set[str]:
    with _LOCK:
        return set(_JOBS)


def _moved(shown: dict, state: JobState) -> bool:
    return shown["status"] != state.status or shown["waiting"] != state.waiting


def _show(directory, state: JobState) -> None:
    """Write a job's sidecar (with _LOCK held); a disk that refuses is logged, not the job's end."""
    row = state.row()
    try:
        write_sidecar(directory, state.id, row, this_runner())
    except OSError:
        log.exception("import job %s: its progress file could not be written", state.id)
    _SHOWN[state.id] = (row, time.monotonic())


def _start_pulse() -> None:
    with _LOCK:
        if _PULSE_PID and _PULSE_PID[0] == os.getpid():
            return
        _PULSE_PID[:] = [os.getpid()]
    threading.Thread(target=_pulse, daemon=True, name="import-jobs-pulse").start()


def _pulse() -> None:
    while True:
        time.sleep(PULSE_S)
        try:
            _show_all()
            _beat_all()
        except Exception:  # noqa: BLE001 — the pulse must go on (a database hiccup)
            log.exception("import jobs' pulse")


def _show_all() -> None:
    now = time.monotonic()
    with _LOCK:
        for engine, state in list(_JOBS.values()):
            directory = sidecar_dir(engine)
            shown = _SHOWN.get(state.id)
            if directory is not None and (shown is None or shown[0] != state.row() or now - shown[1] >= HEARTBEAT_S):
                _show(directory, state)


def _beat_all() -> None:
    now = time.monotonic()
    with _LOCK:
        due = [(engine, job_id) for job_id, (engine, _s) in _JOBS.items()
               if not db.is_sqlite(engine) and now - _BEAT.get(job_id, 0.0) >= HEARTBEAT_S]
        for _engine, job_id in due:
            _BEAT[job_id] = now
    for engine, job_id in due:  # outside the lock: a slow database must not hold the jobs up
        with engine.begin() as conn:
            conn.execute(update(ImportJob).where(ImportJob.id == job_id, ImportJob.status.in_(UNFINISHED))
                         .values(heartbeat_at=utcnow()))
