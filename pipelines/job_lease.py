"""Who holds an import job, whether that process still lives, and the SQLite sidecar files.

A job is held by the process that runs it, or that keeps it queued in its memory (a thread
queue). When that process dies (kill -9, a restart, a recycled gunicorn worker) its job must
not say "running" for ever: any process can judge the holder dead and fail the job
(pipelines/job_reaper.py). Two ways to judge, because neither works everywhere:

- On the holder's own host, by its pid: dead when no process has that pid any more, or the one
  that has it started at another moment or before another boot (a pid is reused; the start
  token, from /proc, tells them apart). Immediate and certain, so it is used whenever it can be.
- From another host, by the heartbeat: dead when the holder has not shown life for LEASE_S
  (it beats every HEARTBEAT_S). Only PostgreSQL serves several hosts; it writes the beat in
  the row (import_job.heartbeat_at).

SQLite cannot take a beat in the row: while a job's import holds the write lock, no other
connection can write (pipelines/import_jobs.py), and that is exactly while the job runs. So on
SQLite the holder writes a sidecar file per job next to the database (`<db file>-jobs/<id>.json`,
written whole to a temporary file and moved into place, so a reader never sees half of one):
who holds the job, when it last beat, and the job's state — the progress that other processes
(other gunicorn workers) could not otherwise see. SQLite is one host, so the pid decides; the
file's beat only serves a holder with another host name (containers sharing the file).
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from pipelines.schema import utcnow

HEARTBEAT_S = 10.0  # how often a holder shows life (row or sidecar), even when nothing changed
LEASE_S = 60.0  # a holder on another host that has not beaten for this long is dead
JOB_ID = re.compile(r"[0-9a-f]{32}")  # ids come back from browsers: never a path of their choosing


@dataclass(frozen=True)
class Runner:
    """A process: its host name, pid, and start token ('' where the system has no /proc)."""

    host: str
    pid: int
    start: str


def this_runner() -> Runner:
    """This process (computed each time: a forked worker is another process)."""
    return Runner(socket.gethostname()[:255], os.getpid(), _start_token(os.getpid()) or "")


def _start_token(pid: int) -> str | None:
    """The boot and the moment (clock ticks since boot) pid's process started; None: no such
    process (or a zombie: killed, not yet reaped); '' when the system has no /proc."""
    if not Path("/proc/self/stat").exists():
        return ""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # the name, in parentheses, may hold spaces
    if fields[0] in ("Z", "X"):
        return None
    return f"{boot}:{fields[19]}"  # field 22 of proc(5), starttime


def process_alive(pid: int, start: str) -> bool:
    """Whether the process `pid` that started at `start` still runs on this host."""
    if start:
        return _start_token(pid) == start
    try:  # recorded where there is no /proc: the pid alone
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def holder_dead(runner: Runner, beat_at: datetime | None, now: datetime | None = None) -> bool:
    """Whether the job's holder is gone: by pid on its own host, else by its last beat."""
    if runner.host == socket.gethostname()[:255]:
        return not process_alive(runner.pid, runner.start)
    if beat_at is None:
        return True
    return ((now or utcnow()) - beat_at).total_seconds() > LEASE_S


# --- SQLite's sidecar files -------------------------------------------------------------------


@dataclass(frozen=True)
class Sidecar:
    """What a sidecar file says: the job's state (a row's values), its holder, its last beat."""

    state: dict
    runner: Runner
    beat_at: datetime


def sidecar_dir(engine: Engine) -> Path | None:
    """Where a SQLite database's job files go (beside -wal and -shm); None: not a SQLite file."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(f"{database}-jobs")


def write_sidecar(directory: Path, job_id: str, state: dict, runner: Runner) -> None:
    if not JOB_ID.fullmatch(job_id):
        return
    directory.mkdir(exist_ok=True)
    body = json.dumps({"state": state, "runner": [runner.host, runner.pid, runner.start],
                       "beat_at": utcnow().isoformat()}, default=_iso)
    temporary = directory / f".{job_id}.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary.write_text(body, encoding="utf-8")
    os.replace(temporary, directory / f"{job_id}.json")  # atomic: a reader sees the old or the new


def read_sidecar(directory: Path | None, job_id: str) -> Sidecar | None:
    if directory is None or not JOB_ID.fullmatch(job_id):
        return None
    try:
        found = json.loads((directory / f"{job_id}.json").read_text(encoding="utf-8"))
        host, pid, start = found["runner"]
        return Sidecar(found["state"], Runner(str(host), int(pid), str(start)),
                       datetime.fromisoformat(found["beat_at"]))
    except (OSError, ValueError, KeyError, TypeError):  # none (or not ours): no sidecar
        return None


def remove_sidecar(directory: Path | None, job_id: str) -> None:
    if directory is not None and JOB_ID.fullmatch(job_id):
        (directory / f"{job_id}.json").unlink(missing_ok=True)


def sidecar_ages(directory: Path | None) -> dict[str, float]:
    """Each job file in `directory` (temporary ones left by a killed writer too): seconds since
    it was last written."""
    if directory is None or not directory.is_dir():
        return {}
    now = utcnow().timestamp()
    ages = {}
    for path in directory.iterdir():
        try:
            ages[path.name] = now - path.stat().st_mtime
        except OSError:  # removed meanwhile
            continue
    return ages


def _iso(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a job's state")
