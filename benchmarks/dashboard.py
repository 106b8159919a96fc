"""Dashboard benchmark: first-load bytes (gzip) of the overview and its data callbacks' latency.

Builds the demo database, and a copy of it with ~1,000,000 observations (the demo's plus 100
monthly context series 1941-01…2024-04, each period with nine superseded older versions, inserted
with executemany in one transaction; derived tables rebuilt). For each, it serves the dashboard
from a thread (werkzeug, as the tests do), then:

- first load: the overview's HTML, every script and stylesheet it names, the layout and
  dependency JSON and the page-routing callback, as transferred with `Accept-Encoding: gzip`;
- callbacks: POSTs to /_dash-update-component with the payloads the overview sends (page
  routing, the target-set choice, the sector breakdown), `--repeat` each, median and 95th
  percentile.

    .venv/bin/python benchmarks/dashboard.py [--repeat N] [--keep DIR]

The last line printed is one JSON object: {"demo": {...}, "1M": {...}} with first_load_kib_gzip,
callback_p50_ms and callback_p95_ms.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import func, select
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app import create_app  # noqa: E402
from pipelines import derived  # noqa: E402
from pipelines.db import make_engine, writing  # noqa: E402
from pipelines.demo import build_demo  # noqa: E402
from pipelines.schema import Observation, Programme, TargetSet  # noqa: E402
from pipelines.settings import Settings  # noqa: E402

EXTRA_SERIES = 100
MONTHS = 1000  # 1941-01 … 2024-04
VERSIONS = 10  # one current value and nine superseded ones per period


def build_databases(workdir: Path) -> dict[str, Path]:
    """The demo database and its 1M-observation copy (reused when --keep already holds them)."""
    demo, big = workdir / "demo.db", workdir / "big.db"
    if demo.exists() and big.exists():
        return {"demo": demo, "1M": big}
    for stale in workdir.glob("*.db*"):
        stale.unlink()
    engine = make_engine(f"sqlite:///{demo}")
    build_demo(engine)
    engine.dispose()
    _checkpoint(demo)
    shutil.copy(demo, big)
    add_observations(big)
    return {"demo": demo, "1M": big}


def _checkpoint(path: Path) -> None:
    """Move the write-ahead log into the database file, so the file can be copied alone."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def add_observations(path: Path) -> None:
    """Add EXTRA_SERIES × MONTHS × VERSIONS observations, then rebuild the derived tables."""
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        programme_id = conn.scalar(select(Programme.id))
    now = datetime.now(UTC).isoformat(sep=" ")
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        batches = []
        for version in range(VERSIONS):
            cur.execute(
                "INSERT INTO import_batch (programme_id, kind, file_name, sha256, rows_in_file, rows_added,"
                " rows_superseded, rows_unchanged, rows_skipped, created_by, created_at, status)"
                " VALUES (?, 'indicators', ?, ?, ?, ?, 0, 0, 0, 'benchmark', ?, 'completed')",
                (programme_id, f"bench-{version}.csv", f"{version:064d}", EXTRA_SERIES * MONTHS,
                 EXTRA_SERIES * MONTHS, now),
            )
            batches.append(cur.lastrowid)
        for number in range(EXTRA_SERIES):
            cur.execute(
                "INSERT INTO indicator (programme_id, code, name_nl, name_en, unit, kind, lower_is_better)"
                " VALUES (?, ?, ?, ?, 'index', 'context', 0)",
                (programme_id, f"bench.{number:03d}", f"Benchmarkreeks {number}", f"Benchmark series {number}"),
            )
            indicator_id = cur.lastrowid
            cur.executemany(
                "INSERT INTO observation (programme_id, indicator_id, period, year, month, value, batch_id,"
                " is_current, superseded_by_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _rows(programme_id, indicator_id, batches),
            )
        raw.commit()
    finally:
        raw.close()
    with writing(engine) as conn:
        derived.rebuild(conn, programme_id)
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(Observation))
    engine.dispose()
    _checkpoint(path)
    print(f"1M database: {count:,} observations", file=sys.stderr)


def _rows(programme_id: int, indicator_id: int, batches: list[int]):
    for month_number in range(MONTHS):
        year, month = 1941 + month_number // 12, month_number % 12 + 1
        period = f"{year}-{month:02d}"
        for version, batch in enumerate(batches):
            current = version == len(batches) - 1
            yield (programme_id, indicator_id, period, year, month, float(month_number + version), batch,
                   current, None if current else batches[version + 1])


class Served:
    """The dashboard on a database, served from a thread on a free port."""

    def __init__(self, path: Path):
        settings = Settings(database_url=f"sqlite:///{path}")
        self.engine = make_engine(settings.database_url)
        self.app = create_app(settings, self.engine)
        self.server = make_server("127.0.0.1", 0, self.app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.thread.join()
        self.engine.dispose()


def gzip_bytes(response: requests.Response) -> int:
    return len(response.raw.read(decode_content=False))


def first_load_bytes(session: requests.Session, url: str, router_body: dict) -> int:
    """Bytes a first visit to the overview transfers (gzip), not counting the favicon."""
    page = session.get(f"{url}/?lang=en", stream=True)
    html = page.raw.read(decode_content=False)
    total = len(html)
    text = session.get(f"{url}/?lang=en").text
    for asset in re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)[^"]*)"', text):
        total += gzip_bytes(session.get(url + asset, stream=True))
    for endpoint in ("/_dash-layout", "/_dash-dependencies"):
        total += gzip_bytes(session.get(url + endpoint, stream=True))
    total += gzip_bytes(session.post(f"{url}/_dash-update-component", json=router_body, stream=True))
    return total


def callback_bodies(app, programme_state: dict, target_ids: list[int]) -> list[dict]:
    """The POST bodies the overview sends: page routing, target-set choice, sector breakdown."""
    router_key = next(k for k in app.callback_map if "_pages_content.children" in k)
    router = {
        "output": router_key,
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                   {"id": "_pages_location", "property": "search", "value": "?lang=en"}],
        "changedPropIds": ["_pages_location.pathname"], "state": [],
    }
    bodies = [router]
    state = [{"id": "overview-state", "property": "data", "value": programme_state}]
    for target in target_ids:
        bodies.append({
            "output": "overview-main.children", "outputs": {"id": "overview-main", "property": "children"},
            "inputs": [{"id": "overview-target", "property": "data", "value": str(target)}],
            "changedPropIds": ["overview-target.data"], "state": state,
        })
    for breakdown in ("share", "absolute"):
        bodies.append({
            "output": "overview-sectors.children", "outputs": {"id": "overview-sectors", "property": "children"},
            "inputs": [{"id": "overview-breakdown", "property": "data", "value": breakdown}],
            "changedPropIds": ["overview-breakdown.data"], "state": state,
        })
    return bodies


def measure(path: Path, repeat: int) -> dict:
    served = Served(path)
    try:
        with served.engine.connect() as conn:
            targets = list(conn.scalars(select(TargetSet.id).order_by(TargetSet.is_primary.desc())))
        state = {"path": "/", "lang": "en", "other_lang": "nl", "fixed": {"lang": "en"}, "programme": None,
                 "keys": ["target", "breakdown"]}
        session = requests.Session()
        session.headers["Accept-Encoding"] = "gzip"
        session.get(f"{served.url}/")  # Dash Pages registers its routing callback on the first request
        bodies = callback_bodies(served.app, state, targets[:2])
        loaded = first_load_bytes(session, served.url, bodies[0])
        times = []
        for body in bodies:  # warm-up: first requests set up Dash's routes and caches
            assert session.post(f"{served.url}/_dash-update-component", json=body).status_code == 200
        for _ in range(repeat):
            for body in bodies:
                start = time.perf_counter()
                response = session.post(f"{served.url}/_dash-update-component", json=body)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.text[:300]
        times.sort()
        return {
            "first_load_kib_gzip": round(loaded / 1024, 1),
            "callback_p50_ms": round(statistics.median(times), 2),
            "callback_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "callbacks_timed": len(times),
        }
    finally:
        served.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="rounds of the overview's callbacks")
    parser.add_argument("--keep", type=Path, default=None, help="build the databases here and keep them")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="roadmap-dash-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        paths = build_databases(workdir)
        print(f"databases built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        results = {name: measure(path, args.repeat) for name, path in paths.items()}
        for name, result in results.items():
            print(f"{name}: first load {result['first_load_kib_gzip']} KiB gzip; callbacks p50 "
                  f"{result['callback_p50_ms']} ms, p95 {result['callback_p95_ms']} ms "
                  f"({result['callbacks_timed']} timed)")
        print(json.dumps(results))
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
