"""Dashboard benchmark: first-load bytes (gzip) of the overview and its data callbacks' latency.

Builds the demo database (241 observations), and for each of `--sizes` a copy of it grown to
that many observations: monthly context series 1901-01 onwards, each period with nine
superseded older versions, generated inside SQLite by one INSERT ... SELECT over a recursive
counter (10M rows in about a minute, no Python loop), then derived tables rebuilt. For each,
it serves the dashboard from a thread (werkzeug, as the tests do), then:

- first load: the overview's HTML, every script and stylesheet it names, the layout and
  dependency JSON and the page-routing callback, as transferred with `Accept-Encoding: gzip`,
  and again with `gzip, deflate, br` (as browsers send it) once the brotli copies are made;
- callbacks: POSTs to /_dash-update-component with the payloads the public pages send (the
  overview's page routing, target-set, per-inhabitant and sector-breakdown choices; the sectors
  page's sector choice; the comparison page's choice of programmes), `--repeat` each, median
  and 95th percentile, per page and together; once as served (the query cache answering
  repeated reads) and once with the query cache switched off (every query reaches the database);
- a bare Dash app with one callback, served and timed the same way in the same run: on a shared
  machine the ratio of the callbacks' times to it says more than milliseconds do.

    .venv/bin/python benchmarks/dashboard.py [--sizes demo,1M] [--repeat N] [--keep DIR]
    .venv/bin/python benchmarks/dashboard.py --sizes 10k,1M,10M

Each size's result is printed as one JSON line when it is measured ({"size": ..., ...}), and
the last line is one JSON object with them all: {"demo": {...}, "1M": {...}}. Each holds
observations, first_load_kib_gzip, first_load_kib_br, callback_p50_ms and callback_p95_ms
(cached, every page), overview_/sectors_/compare_p50_ms and _p95_ms, callback_uncached_p50_ms
and callback_uncached_p95_ms (and per page, <page>_uncached_p50_ms …), bare_p50_ms and bare_p95_ms, and ratio_p50_to_bare and
ratio_p95_to_bare (cached callbacks over the bare one).
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

from benchmarks.callback_payloads import callback_bodies  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.cache import EXTENSION_KEY as QUERY_CACHE  # noqa: E402
from dashboard.queries import emissions_by_sector  # noqa: E402
from pipelines import derived  # noqa: E402
from pipelines.db import make_engine, writing  # noqa: E402
from pipelines.demo import build_demo  # noqa: E402
from pipelines.schema import Observation, Programme, TargetSet  # noqa: E402
from pipelines.settings import Settings  # noqa: E402
from pipelines.vocab import SECTORS  # noqa: E402

MONTHS = 1200  # 1901-01 … 2000-12: past months only, as the loaders take them (no measurement to come)
VERSIONS = 10  # one current value and nine superseded ones per period
SIZE_SUFFIX = {"k": 1_000, "M": 1_000_000}


def size_count(label: str) -> int | None:
    """'10k' -> 10,000; '1M' -> 1,000,000; 'demo' -> None (the demo as it is)."""
    if label == "demo":
        return None
    if label[-1:] in SIZE_SUFFIX and label[:-1].isdigit():
        return int(label[:-1]) * SIZE_SUFFIX[label[-1]]
    raise SystemExit(f"a size is 'demo' or a number with k or M (10k, 1M), not {label!r}")


def build_databases(workdir: Path, sizes: list[str]) -> dict[str, Path]:
    """The demo database and its grown copies (reused when --keep already holds them)."""
    demo = workdir / "demo.db"
    if not demo.exists():
        for stale in workdir.glob("demo.db*"):
            stale.unlink()
        engine = make_engine(f"sqlite:///{demo}")
        build_demo(engine)
        engine.dispose()
        _checkpoint(demo)
    paths = {}
    for label in sizes:
        target = size_count(label)
        path = demo if target is None else workdir / f"obs_{label}.db"
        if target is not None and not path.exists():
            partial = path.with_suffix(".partial")
            shutil.copy(demo, partial)
            add_observations(partial, target)
            partial.rename(path)
            for leftover in workdir.glob(f"{partial.name}-*"):  # its empty -wal and -shm
                leftover.unlink()
        paths[label] = path
    return paths


def _checkpoint(path: Path) -> None:
    """Move the write-ahead log into the database file, so the file can be copied alone."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def add_observations(path: Path, target: int) -> None:
    """Grow the database to about `target` observations, then rebuild the derived tables."""
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        programme_id = conn.scalar(select(Programme.id))
        have = conn.scalar(select(func.count()).select_from(Observation))
    engine.dispose()  # the bulk insert below needs the file to itself
    periods = max(0, target - have) // VERSIONS
    series = -(-periods // MONTHS)
    started = time.perf_counter()
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("PRAGMA journal_mode=DELETE")  # a bulk load is faster without the WAL
        raw.execute("BEGIN")
        first_batch = _add_batches(raw, programme_id, periods)
        first_indicator = _add_indicators(raw, programme_id, series)
        raw.execute(GROW_SQL, {"rows": periods * VERSIONS, "v": VERSIONS, "months": MONTHS,
                               "programme": programme_id, "indicator": first_indicator, "batch": first_batch})
        raw.execute("COMMIT")
    finally:
        raw.close()
    with writing(engine) as conn:
        derived.rebuild(conn, programme_id)
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(Observation))
    engine.dispose()
    _checkpoint(path)
    print(f"{path.name}: {count:,} observations ({time.perf_counter() - started:.0f} s to generate)",
          file=sys.stderr)


# Row i: version i % v, month (i / v) % months, series i / (v * months); the last version is current.
GROW_SQL = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :rows)
INSERT INTO observation (programme_id, indicator_id, period, year, month, value, batch_id,
                         is_current, superseded_by_batch_id)
SELECT :programme, :indicator + i / (:v * :months),
       printf('%04d-%02d', 1901 + (i / :v) % :months / 12, (i / :v) % :months % 12 + 1),
       1901 + (i / :v) % :months / 12, (i / :v) % :months % 12 + 1,
       ((i / :v) % :months) + (i % :v), :batch + i % :v,
       i % :v = :v - 1, CASE WHEN i % :v = :v - 1 THEN NULL ELSE :batch + i % :v + 1 END
FROM n
"""


def _add_batches(raw: sqlite3.Connection, programme_id: int, periods: int) -> int:
    now = datetime.now(UTC).isoformat(sep=" ")
    ids = []
    for version in range(VERSIONS):
        cursor = raw.execute(
            "INSERT INTO import_batch (programme_id, kind, file_name, sha256, rows_in_file, rows_added,"
            " rows_superseded, rows_unchanged, rows_skipped, created_by, created_at, status)"
            " VALUES (?, 'indicators', ?, ?, ?, ?, 0, 0, 0, 'benchmark', ?, 'completed')",
            (programme_id, f"bench-{version}.csv", f"{version:064d}", periods, periods, now),
        )
        ids.append(cursor.lastrowid)
    assert ids == list(range(ids[0], ids[0] + VERSIONS))
    return ids[0]


def _add_indicators(raw: sqlite3.Connection, programme_id: int, series: int) -> int:
    ids = []
    for number in range(series):
        cursor = raw.execute(
            "INSERT INTO indicator (programme_id, code, name_nl, name_en, unit, kind, lower_is_better)"
            " VALUES (?, ?, ?, ?, 'index', 'context', 0)",
            (programme_id, f"bench.{number:04d}", f"Benchmarkreeks {number}", f"Benchmark series {number}"),
        )
        ids.append(cursor.lastrowid)
    assert ids == list(range(ids[0], ids[0] + series)) if ids else True
    return ids[0] if ids else 0


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


def first_load_bytes(session: requests.Session, url: str, router_body: dict, encodings: str = "gzip") -> int:
    """Bytes a first visit to the overview transfers (with `encodings` accepted), not counting the favicon."""
    headers = {"Accept-Encoding": encodings}
    page = session.get(f"{url}/?lang=en", stream=True, headers=headers)
    html = page.raw.read(decode_content=False)
    total = len(html)
    text = session.get(f"{url}/?lang=en").text
    for asset in re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)[^"]*)"', text):
        total += gzip_bytes(session.get(url + asset, stream=True, headers=headers))
    for endpoint in ("/_dash-layout", "/_dash-dependencies"):
        total += gzip_bytes(session.get(url + endpoint, stream=True, headers=headers))
    total += gzip_bytes(session.post(f"{url}/_dash-update-component", json=router_body, stream=True, headers=headers))
    return total


def wait_for_brotli_copies() -> None:
    """The server (a thread of this process) makes its brotli copies in the background once per
    machine; a browser that comes back after that gets them."""
    for thread in threading.enumerate():
        if thread.name.startswith("brotli-"):
            thread.join()


def time_callbacks(session: requests.Session, url: str, bodies: list[dict], repeat: int) -> list[float]:
    """Milliseconds of each callback request, `repeat` rounds of every body, after a warm-up round."""
    for body in bodies:  # warm-up: first requests set up Dash's routes and caches
        response = session.post(f"{url}/_dash-update-component", json=body)
        assert response.status_code == 200, response.text[:300]
    times = []
    for _ in range(repeat):
        for body in bodies:
            start = time.perf_counter()
            response = session.post(f"{url}/_dash-update-component", json=body)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.text[:300]
    return sorted(times)


def percentiles(times: list[float], prefix: str) -> dict:
    return {f"{prefix}_p50_ms": round(statistics.median(times), 2),
            f"{prefix}_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}


def bare_round_trip(repeat: int) -> dict:
    """A Dash app with one callback that returns its input, served and timed the same way: what
    Dash, werkzeug and the HTTP round trip cost on this machine right now, with no app code."""
    import dash
    from dash import Input, Output, dcc, html

    app = dash.Dash(__name__)
    app.layout = html.Div([dcc.Store(id="bare-in"), html.Div(id="bare-out")])
    app.callback(Output("bare-out", "children"), Input("bare-in", "data"))(lambda value: f"got {value}")
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        body = {"output": "bare-out.children", "outputs": {"id": "bare-out", "property": "children"},
                "inputs": [{"id": "bare-in", "property": "data", "value": 1}],
                "changedPropIds": ["bare-in.data"], "state": []}
        session = requests.Session()
        return percentiles(time_callbacks(session, f"http://127.0.0.1:{server.server_port}", [body], repeat * 4),
                           "bare")
    finally:
        server.shutdown()
        thread.join()


def measure(path: Path, repeat: int) -> dict:
    served = Served(path)
    try:
        with served.engine.connect() as conn:
            targets = list(conn.scalars(select(TargetSet.id).order_by(TargetSet.is_primary.desc())))
            observations = conn.scalar(select(func.count()).select_from(Observation))
            programmes = list(conn.execute(select(Programme.id, Programme.slug).order_by(Programme.id)))
        emissions = emissions_by_sector(served.engine, programmes[0].id)
        present = set(emissions.loc[emissions["value_t"].notna(), "sector_code"])
        sectors = [s.code for s in SECTORS if s.parent is None and s.code in present][:3]
        session = requests.Session()
        session.headers["Accept-Encoding"] = "gzip"
        session.get(f"{served.url}/")  # Dash Pages registers its routing callback on the first request
        pages = callback_bodies(served.app, targets[:2], sectors, [p.slug for p in programmes])
        router = pages["overview"][0]
        loaded = first_load_bytes(session, served.url, router)
        first_load_bytes(session, served.url, router, "gzip, deflate, br")
        wait_for_brotli_copies()
        loaded_br = first_load_bytes(session, served.url, router, "gzip, deflate, br")
        bare = bare_round_trip(repeat)
        per_page = {page: time_callbacks(session, served.url, bodies, repeat) for page, bodies in pages.items()}
        cached = sorted(t for times in per_page.values() for t in times)
        served.app.server.extensions.pop(QUERY_CACHE)  # from here on every query reads the database
        uncached_per_page = {page: time_callbacks(session, served.url, bodies, repeat) for page, bodies in pages.items()}
        uncached = sorted(t for times in uncached_per_page.values() for t in times)
        result = {
            "observations": observations,
            "first_load_kib_gzip": round(loaded / 1024, 1),
            "first_load_kib_br": round(loaded_br / 1024, 1),
            **percentiles(cached, "callback"),
            **{k: v for page, times in per_page.items() for k, v in percentiles(times, page).items()},
            **percentiles(uncached, "callback_uncached"),
            **{k: v for page, times in uncached_per_page.items()
               for k, v in percentiles(times, f"{page}_uncached").items()},
            **bare,
            "callbacks_timed": len(cached),
        }
        result["ratio_p50_to_bare"] = round(result["callback_p50_ms"] / bare["bare_p50_ms"], 2)
        result["ratio_p95_to_bare"] = round(result["callback_p95_ms"] / bare["bare_p95_ms"], 2)
        return result
    finally:
        served.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="demo,1M",
                        help="comma-separated: 'demo' and/or observation counts like 10k, 1M, 10M")
    parser.add_argument("--repeat", type=int, default=40, help="rounds of the overview's callbacks")
    parser.add_argument("--keep", type=Path, default=None, help="build the databases here and keep them")
    args = parser.parse_args()
    sizes = [label.strip() for label in args.sizes.split(",") if label.strip()]
    for label in sizes:
        size_count(label)  # a bad size stops here, before anything is built
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="roadmap-dash-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        paths = build_databases(workdir, sizes)
        print(f"databases built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        results = {}
        for name, path in paths.items():
            results[name] = measure(path, args.repeat)
            print(json.dumps({"size": name, **results[name]}), flush=True)
        for name, r in results.items():
            print(f"{name} ({r['observations']:,} observations): first load {r['first_load_kib_gzip']} KiB gzip, {r['first_load_kib_br']} KiB brotli; "
                  f"callbacks p50 {r['callback_p50_ms']} ms, p95 {r['callback_p95_ms']} ms; without the "
                  f"query cache p50 {r['callback_uncached_p50_ms']} ms, p95 {r['callback_uncached_p95_ms']} ms "
                  f"({r['callbacks_timed']} timed each); a bare Dash callback p50 {r['bare_p50_ms']} ms, "
                  f"p95 {r['bare_p95_ms']} ms (ratios {r['ratio_p50_to_bare']}, {r['ratio_p95_to_bare']})")
        print(json.dumps(results))
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
