"""A process of its own that submits an import job to its thread queue and holds it, for tests
that read the job from here (its progress) or kill that process (kill -9) while it holds it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SUBMIT = """
import sys
from pipelines import job_queue
from pipelines.db import make_engine
from pipelines.settings import Settings
url, programme_id, path, rows = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
engine = make_engine(url)
settings = Settings.from_env({}, database_url=url, import_jobs="thread")
state = job_queue.submit(engine, settings, programme_id, "indicators", path.rsplit("/", 1)[-1],
                         open(path, "rb").read(), "sha", {}, "ann", rows)
print(state.id, flush=True)
job_queue.wait_for_threads()
print("finished", flush=True)
"""


class JobProcess:
    """`python -c SUBMIT`: its job's id once submitted; kill() is kill -9 of it and its children."""

    def __init__(self, database_url: str, programme_id: int, path: Path, rows: int):
        self.process = subprocess.Popen(
            [sys.executable, "-c", SUBMIT, database_url, str(programme_id), str(path), str(rows)],
            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.job_id = self.process.stdout.readline().strip()
        assert len(self.job_id) == 32, self.process.stderr.read() if self.process.poll() is not None else self.job_id

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it ended first
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def finish(self, timeout_s: float = 180) -> str:
        out, err = self.process.communicate(timeout=timeout_s)
        assert self.process.returncode == 0, err
        return out.strip()

    def __enter__(self) -> JobProcess:
        return self

    def __exit__(self, *_exc) -> None:
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


def kill_tree(pid: int) -> None:
    """kill -9 a process and every process it started (in its session or not: an RQ worker's
    work horse starts its own), children first found, then all at once."""
    family, found = {pid}, True
    while found:
        found = False
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) in family:
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) in family:
                family.add(int(entry.name))
                found = True
    for member in family:
        with contextlib.suppress(ProcessLookupError):  # ended meanwhile
            os.kill(member, signal.SIGKILL)


def eventually(read, ok, timeout_s: float = 60.0, every_s: float = 0.05):
    """read() until ok(found), at most timeout_s; what was found."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = read()
        if found is not None and ok(found):
            return found
        assert time.monotonic() < deadline, f"not reached: {found}"
        time.sleep(every_s)
