"""Start `python -m roadmap_cli load indicators BIG.csv`, SIGKILL it at a random moment, check.

After each kill: no process of the killed command's group is left (the forked checker dies with
its parent), the database is consistent (SQLite's integrity check; every completed batch holds
exactly the observations it counts, nothing stored without a completed batch), and the next
import runs (the next kill's import, and a last one run to its end).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from pipelines.db import make_engine

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import ingest  # noqa: E402  (the benchmark's file generator: the same shape of big file)

ROWS = 100_000  # 10 MB: over the 8 MB (200,000 rows at 40 bytes) from which the checker is forked
MAX_ATTEMPTS_PER_KILL = 3
NEXT_IMPORT_S = 120  # the import after the last kill must finish within this


@dataclass
class CrashReport:
    backend: str
    kills: int = 0
    attempts: int = 0  # imports started to be killed (one that ends first is no kill)
    killed_while_checking: int = 0  # the checker process existed at the kill
    finished_before_kill: int = 0  # the import ended first (its batch is undone for the next round)
    orphans: int = 0
    inconsistent: int = 0
    half_visible_batches: int = 0
    next_import_failed: int = 0
    full_import_s: float = 0.0
    notes: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        return not (self.orphans or self.inconsistent or self.half_visible_batches or self.next_import_failed)


def _cli(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "roadmap_cli", "--database-url", url, "--programme", "crash", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def prepare(url: str, work: Path, rows: int = ROWS) -> Path:
    """A programme with the benchmark's indicators defined, and the big file to kill imports of."""
    big, definitions = work / "BIG.csv", work / "definitions.csv"
    if not big.exists():
        ingest.write_big_file(big, rows)
        ingest.write_definitions(definitions, ingest.indicator_codes(rows))
    subprocess.run(_cli(url, "init", "--slug", "crash", "--area-name", "Leuven", "--area-code", "24062"),
                   cwd=REPO, env=_env(), check=True, capture_output=True)
    subprocess.run(_cli(url, "load", "indicators", str(definitions), "--new-indicators"),
                   cwd=REPO, env=_env(), check=True, capture_output=True)
    return big


def _group_members(pgid: int) -> list[int]:
    """Processes of a process group still alive (zombies included: they are reaped later)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def check_database(engine) -> tuple[bool, int]:
    """(consistent, half-visible batches): each completed batch holds exactly what it counts."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite" and conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
            return False, 0
        half = conn.execute(text(
            "SELECT count(*) FROM import_batch b WHERE b.kind = 'indicators' AND b.status = 'completed' AND "
            "(SELECT count(*) FROM observation o WHERE o.batch_id = b.id) <> b.rows_added + b.rows_superseded"
        )).scalar()
        strays = conn.execute(text(
            "SELECT count(*) FROM observation o WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = o.batch_id)"
        )).scalar()
        orphans_current = conn.execute(text(
            "SELECT count(*) FROM observation o JOIN import_batch b ON b.id = o.batch_id "
            "WHERE o.is_current AND b.status <> 'completed'"
        )).scalar()
    return strays == 0 and orphans_current == 0, int(half)


def _undo_last(url: str) -> None:
    """The import ran to its end before the kill: undo it, so the next round imports again."""
    engine = make_engine(url)
    with engine.connect() as conn:
        batch = conn.execute(text(
            "SELECT max(id) FROM import_batch WHERE status = 'completed' AND file_name = 'BIG.csv'")).scalar()
    engine.dispose()
    if batch is not None:
        subprocess.run(_cli(url, "undo", "--yes", str(batch)), cwd=REPO, env=_env(), check=True, capture_output=True)


def time_full_import(url: str, big: Path) -> float:
    started = time.monotonic()
    subprocess.run(_cli(url, "load", "indicators", str(big)), cwd=REPO, env=_env(), check=True, capture_output=True)
    elapsed = time.monotonic() - started
    _undo_last(url)
    return elapsed


def kill_once(url: str, big: Path, at_s: float, report: CrashReport, *, once_checking: bool = False) -> float | None:
    """Kill an import `at_s` seconds after its start, or (once_checking) after its checker started.

    Returns how long the import took when it ended before the kill (else None)."""
    started = time.monotonic()
    process = subprocess.Popen(_cli(url, "load", "indicators", str(big)), cwd=REPO, env=_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    if once_checking:
        while process.poll() is None and len(_group_members(process.pid)) < 2:
            time.sleep(0.01)
    deadline = time.monotonic() + at_s
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    checking = len(_group_members(process.pid)) > 1
    took = None
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        report.kills += 1
        report.killed_while_checking += checking
    else:
        took = time.monotonic() - started  # within the 10 ms of a poll
        report.finished_before_kill += 1
        err = process.stderr.read().decode(errors="replace")
        if process.returncode != 0:
            report.next_import_failed += 1
            report.notes.append(f"an import failed: {err.strip().splitlines()[-1:] }")
    process.stderr.close()
    time.sleep(0.3)  # the kernel's death signal is immediate; give an orphan a moment to show
    left = _group_members(process.pid)
    if left:
        report.orphans += 1
        report.notes.append(f"orphans after a kill at {at_s:.2f} s: {left}")
        for pid in left:  # ours: end them so the next round starts clean
            os.kill(pid, signal.SIGKILL)
    engine = make_engine(url)
    consistent, half = check_database(engine)
    engine.dispose()
    report.inconsistent += not consistent
    report.half_visible_batches += half
    if process.returncode == 0:
        _undo_last(url)
    return took


def run_kills(url: str, big: Path, kills: int, backend: str, seed: int = 1,
              full_import_s: float | None = None) -> CrashReport:
    """`kills` imports of BIG.csv killed at random moments (every other one while its checker
    runs, the case that left orphans), then one run to its end.

    An import that ends before its kill time (a later one runs faster than the timed first one,
    more often on PostgreSQL) is no kill: attempts go on until `kills` real kills, at most
    MAX_ATTEMPTS_PER_KILL times as many attempts (then the note says how many were made).
    Such an import also says how long an import takes on this machine today: later kills come
    within that time (a `full_import_s` given from a slower day would otherwise miss them all)."""
    report = CrashReport(backend)
    report.full_import_s = full_import_s or round(time_full_import(url, big), 2)
    window = report.full_import_s * 0.95
    rnd = random.Random(seed)
    n = 0
    while report.kills < kills and n < kills * MAX_ATTEMPTS_PER_KILL:
        n += 1
        # Half the kills while the checker works: the turn goes by the kills made so far, not by
        # attempts (an attempt whose import ended first, or whose kill found no checker, would
        # otherwise leave fewer of those than asked for).
        if report.killed_while_checking < report.kills - report.killed_while_checking:
            kill_once(url, big, rnd.uniform(0, 0.1), report, once_checking=True)  # checker still at work
        else:
            took = kill_once(url, big, rnd.uniform(0.3, window), report)
            if took is not None:
                window = max(0.4, min(window, took * 0.95))
    report.attempts = n
    if report.kills < kills:
        report.notes.append(f"only {report.kills} kills in {n} attempts: the imports ended first")
    last = subprocess.run(_cli(url, "load", "indicators", str(big)), cwd=REPO, env=_env(),
                          capture_output=True, text=True, timeout=NEXT_IMPORT_S)
    if last.returncode != 0 or "added" not in last.stdout:
        report.next_import_failed += 1
        report.notes.append(f"the last import: {last.stderr.strip()[-300:]}")
    return report
