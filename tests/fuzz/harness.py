"""Run one fuzz case through `load_file` and judge it: a result or problems, in time, in memory,
and a refusal that leaves every table as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pipelines.db import make_engine
from pipelines.demo import build_demo
from pipelines.errors import Bilingual, UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.schema import Base, Programme
from tests.fuzz.corpus import Case

MAX_SECONDS = 10.0  # a case slower than this is a hang
HARD_STOP_SECONDS = 60.0  # a case still running then is stopped (and counted as a hang)
MAX_MIB = 300.0  # growth of the process's resident memory during one case
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Outcome:
    case: str
    verdict: str  # result | refused | traceback | hang | memory | partial_write
    seconds: float
    peak_mib: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict in ("result", "refused")


class _Stopped(BaseException):
    """Raised into a case that ran past HARD_STOP_SECONDS (BaseException: no `except Exception` eats it)."""


def _rss() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * PAGE


class PeakMemory:
    """The highest resident memory of this process while a block runs, sampled every 5 ms."""

    def __init__(self):
        self.peak = self.start = 0
        self._stop = threading.Event()

    def __enter__(self) -> PeakMemory:
        self.start = self.peak = _rss()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def growth_mib(self) -> float:
        return (self.peak - self.start) / 2**20


@contextmanager
def _hard_stop(seconds: float):
    """SIGALRM raises _Stopped into the case (only in the main thread, where signals land)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum, _frame):
        raise _Stopped

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fingerprint(engine) -> str:
    """A digest of every row of every table (any write at all changes it)."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            digest.update(table.name.encode())
            for row in sorted(repr(tuple(r)) for r in rows):
                digest.update(row.encode())
    return digest.hexdigest()


def _bilingual(error: UserError) -> bool:
    """Whether a refusal can be shown in Dutch: its message, or each problem's expectation."""
    if isinstance(error, ValidationFailed):
        return all(isinstance(p.expected, Bilingual) for p in error.problems)
    return bool(error.args) and isinstance(error.args[0], Bilingual)


class FuzzDatabase:
    """The demo database in a SQLite file; restored from a copy after each case that imported."""

    def __init__(self, directory: Path):
        self.path = directory / "fuzz.db"
        self.snapshot = directory / "fuzz-snapshot.db"
        engine = make_engine(f"sqlite:///{self.path}")
        build_demo(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            self.programme_id = conn.execute(select(Programme.id)).scalar_one()
        engine.dispose()
        shutil.copy(self.path, self.snapshot)
        self.engine = make_engine(f"sqlite:///{self.path}")
        self.baseline = fingerprint(self.engine)
        self.monolingual: list[str] = []  # refusals with no Dutch wording (counted, not failed)

    def _files(self) -> tuple:
        """Size and modification time of the database file and its write-ahead log: while both
        stay the same nothing was written, so the tables are as they were (no need to read them)."""
        found = []
        for path in (self.path, Path(f"{self.path}-wal")):
            try:
                stat = path.stat()
                found.append((stat.st_size, stat.st_mtime_ns))
            except FileNotFoundError:
                found.append(None)
        return tuple(found)

    def restore(self) -> None:
        self.engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copy(self.snapshot, self.path)

    def run(self, case: Case) -> Outcome:
        files = self._files()
        started = time.monotonic()
        verdict, detail = "result", ""
        with PeakMemory() as memory:
            try:
                with _hard_stop(HARD_STOP_SECONDS):
                    load_file(self.engine, self.programme_id, case.kind, case.data, file_name=case.file_name)
            except UserError as error:
                verdict = "refused"
                if not _bilingual(error):
                    self.monolingual.append(f"{case.name}: {str(error)[:200]}")
            except _Stopped:
                verdict, detail = "hang", f"stopped after {HARD_STOP_SECONDS:.0f} s"
            except Exception:  # noqa: BLE001  (the very thing being hunted)
                verdict, detail = "traceback", traceback.format_exc(limit=-6)
        seconds = time.monotonic() - started
        if verdict in ("result", "refused") and seconds > MAX_SECONDS:
            verdict, detail = "hang", f"{seconds:.1f} s"
        elif verdict in ("result", "refused") and memory.growth_mib > MAX_MIB:
            verdict, detail = "memory", f"{memory.growth_mib:.0f} MiB"
        if self._files() != files and fingerprint(self.engine) != self.baseline:
            if verdict != "result":
                verdict, detail = "partial_write", f"the database changed after: {verdict} {detail}"
            self.restore()
        return Outcome(case.name, verdict, seconds, memory.growth_mib, detail)
