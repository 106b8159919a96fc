"""Jobs whose process died are failed, in words; finished jobs are pruned after some days.

When: a job is judged whenever its row is read unfinished by a process that does not hold it
(each poll of the upload page, `ahead_of`, `unfinished`), every unfinished job when an import
is submitted, when `roadmap worker` starts and by `roadmap jobs prune`. Pruning runs when an
import is submitted and by `roadmap jobs prune`.

Failing a dead job is honest: an import is one transaction, so a process that died mid-way
wrote nothing (the database rolled it back). The update names the state it judged (still
unfinished, the same holder), so a job that finished or beat meanwhile is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, delete, select, update

from pipelines import db
from pipelines.job_lease import (
    LEASE_S,
    Runner,
    holder_dead,
    read_sidecar,
    remove_sidecar,
    sidecar_ages,
    sidecar_dir,
)
from pipelines.job_pulse import held_ids
from pipelines.job_state import FINISHED, RUNNER_GONE, RUNNING, UNFINISHED, error_row
from pipelines.schema import ImportJob, utcnow

REAP_WAIT_S = 0.5  # failing a dead job on SQLite waits this long for the write lock (else: next time)
LEASE_COLUMNS = (ImportJob.id, ImportJob.status, ImportJob.runner_host, ImportJob.runner_pid,
                 ImportJob.runner_start, ImportJob.heartbeat_at)


@dataclass(frozen=True)
class Lease:
    """What an unfinished row says of its holder (and, on SQLite, what its sidecar says)."""

    job_id: str
    status: str
    runner: Runner | None
    beat_at: datetime | None


def _lease(row) -> Lease:
    job_id, status, host, pid, start, beat_at = row
    if beat_at is not None and beat_at.tzinfo is None:  # SQLite drops the zone
        beat_at = beat_at.replace(tzinfo=utcnow().tzinfo)
    runner = None if host is None or pid is None else Runner(host, pid, start or "")
    return Lease(job_id, status, runner, beat_at)


def lease_of(engine: Engine, job_id: str) -> Lease | None:
    with engine.connect() as conn:
        row = conn.execute(select(*LEASE_COLUMNS).where(ImportJob.id == job_id)).first()
    return None if row is None else _lease(row)


def is_dead(engine: Engine, lease: Lease) -> bool:
    """Whether an unfinished job's holder is gone (see pipelines/job_lease.py for how)."""
    directory = sidecar_dir(engine)
    if directory is not None:
        side = read_sidecar(directory, lease.job_id)
        if side is None:  # a holder writes its file before the row names it: only a job
            return lease.status == RUNNING or lease.runner is not None  # waiting in Redis has none
        return holder_dead(side.runner, side.beat_at)
    if lease.runner is None:  # queued: waits in Redis for a worker (RQ owns that wait); running:
        return lease.status == RUNNING  # a row from before leases (its process ended at the upgrade)
    return holder_dead(lease.runner, lease.beat_at)


def fail_dead(engine: Engine, lease: Lease) -> bool:
    """Record the job failed because its holder died; False when the row could not be written
    now (SQLite's write lock stayed taken; a read-only engine: the job is reported failed, and
    recorded by the next writer that judges it) or it changed meanwhile (finished, beat)."""
    if engine.get_execution_options().get("read_only"):
        return False
    same = [ImportJob.id == lease.job_id, ImportJob.status.in_(UNFINISHED)]
    if lease.runner is not None:
        same += [ImportJob.runner_pid == lease.runner.pid, ImportJob.runner_host == lease.runner.host]
    if lease.beat_at is not None and not db.is_sqlite(engine):
        same.append(ImportJob.heartbeat_at == lease.beat_at)
    try:
        with db.writing(engine, wait_s=REAP_WAIT_S) as conn:
            changed = conn.execute(update(ImportJob).where(and_(*same)).values(
                status="failed", waiting=False, problems=[error_row(RUNNER_GONE)], payload=None,
                finished_at=utcnow())).rowcount
    except db.ImportRunning:
        return False
    if changed:
        remove_sidecar(sidecar_dir(engine), lease.job_id)
    return bool(changed)


def reap(engine: Engine, programme_id: int | None = None) -> dict[str, bool]:
    """Fail every unfinished job (of a programme, or all) whose holder died: each one's id, and
    whether its failure was recorded now (see fail_dead)."""
    query = select(*LEASE_COLUMNS).where(ImportJob.status.in_(UNFINISHED))
    if programme_id is not None:
        query = query.where(ImportJob.programme_id == programme_id)
    with engine.connect() as conn:
        leases = [_lease(row) for row in conn.execute(query)]
    mine = held_ids()
    return {lease.job_id: fail_dead(engine, lease) for lease in leases
            if lease.job_id not in mine and is_dead(engine, lease)}


def prune(engine: Engine, keep_days: float, *, wait_s: float | None = REAP_WAIT_S) -> int:
    """Delete finished jobs that ended over `keep_days` ago, a finished job's file if one is
    left, and sidecar files of jobs no longer unfinished; how many rows went.

    Raises db.ImportRunning when the write lock stayed taken for `wait_s`."""
    cutoff = utcnow() - timedelta(days=keep_days)
    with db.writing(engine, wait_s=wait_s) as conn:
        gone = conn.execute(delete(ImportJob).where(ImportJob.status.in_(FINISHED),
                                                    ImportJob.finished_at < cutoff)).rowcount
        conn.execute(update(ImportJob).where(ImportJob.status.in_(FINISHED), ImportJob.payload.is_not(None))
                     .values(payload=None))
    _prune_sidecars(engine)
    return gone


def _prune_sidecars(engine: Engine) -> None:
    """Files whose job is no longer unfinished and that nobody wrote for LEASE_S (a process
    killed between its last row and removing its file; a killed writer's temporary file)."""
    directory = sidecar_dir(engine)
    ages = sidecar_ages(directory)
    if directory is None or not ages:
        return
    with engine.connect() as conn:
        unfinished = set(conn.execute(select(ImportJob.id).where(ImportJob.status.in_(UNFINISHED))).scalars())
    keep = unfinished | held_ids()
    for name, age in ages.items():
        job_id = name.lstrip(".").split(".")[0]
        if age > LEASE_S and job_id not in keep:
            (directory / name).unlink(missing_ok=True)
