"""Peak memory of a big upload imported as a background job, against `roadmap load` of the same file.

Generates benchmarks/ingest.py's 1,000,000-row indicators file, then in a fresh process does
what the upload page's confirm does (pipelines.job_queue.submit, a thread of that process, the
file's bytes in memory) and waits for the job; that process's peak RSS, less its RSS before the
file was read, is the import's cost. The same file through `roadmap load indicators` (a process
of its own, on another fresh database) is the yardstick of the same run. Last line: one JSON object.

    .venv/bin/python benchmarks/import_job.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ingest import indicator_codes, write_big_file, write_definitions  # noqa: E402

ROADMAP = [sys.executable, "-m", "roadmap_cli"]
MIB = 1024 * 1024

JOB_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from pipelines import import_jobs, job_queue
from pipelines.db import make_engine
from pipelines.import_jobs import count_rows
from pipelines.programmes import resolve_programme
from pipelines.settings import Settings

url, path = sys.argv[1], Path(sys.argv[2])
engine = make_engine(url)
programme_id = resolve_programme(engine, None).id
def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mib()
data = path.read_bytes()  # as the confirm callback holds the decoded upload
started = time.perf_counter()
state = job_queue.submit(engine, Settings(database_url=url, import_jobs="thread"), programme_id,
                         "indicators", path.name, data, "bench", {"decimal": None}, "bench",
                         count_rows(data, path.name))
del data
job_queue.wait_for_threads()
seconds = time.perf_counter() - started
final = import_jobs.get(engine, state.id)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"status": final.status, "rows_done": final.rows_done, "result": final.result,
                  "problems": (final.problems or [])[:3], "seconds": round(seconds, 1),
                  "rss_before_mib": round(before, 1), "peak_rss_mib": round(peak, 1)}))
"""

# `roadmap load` in this process, printing its own peak RSS and its forked checker's at exit.
CLI_CHILD = r"""
import atexit, json, resource, sys
atexit.register(lambda: print(json.dumps({
    "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr))
from roadmap_cli import main
sys.argv = ["roadmap", *sys.argv[1:]]
main()
"""


def fresh_database(work: Path, name: str, definitions: Path) -> tuple[str, dict]:
    url = f"sqlite:///{work / name}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    for args in (["init", "--slug", "bench", "--area-name", "Leuven", "--area-code", "24062"],
                 ["load", "indicators", str(definitions), "--new-indicators"]):
        subprocess.run([*ROADMAP, *args], env=env, cwd=ROOT, check=True, capture_output=True)
    return url, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the files in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="roadmap-job-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        big, definitions = work / "indicators.csv", work / "definitions.csv"
        write_big_file(big, args.rows)
        write_definitions(definitions, indicator_codes(args.rows))

        url, env = fresh_database(work, "job.db", definitions)
        done = subprocess.run([sys.executable, "-c", JOB_CHILD, url, str(big)], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
        job = json.loads(done.stdout.strip().splitlines()[-1])

        _url, env = fresh_database(work, "cli.db", definitions)
        started = time.perf_counter()
        cli = subprocess.run([sys.executable, "-c", CLI_CHILD, "load", "indicators", str(big)], env=env,
                             cwd=ROOT, check=True, capture_output=True, text=True)
        cli_seconds = time.perf_counter() - started
        peaks = json.loads(cli.stderr.strip().splitlines()[-1])
        cli_peak_mib = peaks["self"] / 1024
        summary = {
            "rows": args.rows, "file_mib": round(big.stat().st_size / MIB, 1),
            "job_status": job["status"], "job_rows_done": job["rows_done"],
            "job_added": (job["result"] or {}).get("added"), "job_problems": job["problems"],
            "job_seconds": job["seconds"], "job_process_rss_before_mib": job["rss_before_mib"],
            "job_process_peak_rss_mib": job["peak_rss_mib"],
            "job_import_cost_mib": round(job["peak_rss_mib"] - job["rss_before_mib"], 1),
            "cli_load_seconds": round(cli_seconds, 1), "cli_load_peak_rss_mib": round(cli_peak_mib, 1),
            "cli_checker_process_peak_rss_mib": round(peaks["children"] / 1024, 1),
            "job_peak_over_cli_peak": round(job["peak_rss_mib"] / cli_peak_mib, 2),
        }
        print(json.dumps(summary))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
