"""Regional benchmark: 352 municipalities loaded with --all-areas, and the /compare page's callbacks.

On a new PostgreSQL database (dropped afterwards; `--admin-url` names the server) or a SQLite
file (`--sqlite`): `roadmap init`, then Klimaatmonitor's municipal export
(../shared/realdata/klimaatmonitor/CO2-uitstoot-sectoren_2019.csv, or `--file`) loaded with
`load_all_areas` (as `roadmap load indicators FILE --all-areas`), timed. Then the dashboard is
served from a thread and the comparison page's callbacks are POSTed `--repeat` times each (page
routing of /compare with its 352-row ranking, showing a choice of 3 and of 6 programmes, adding
one; sorting the ranking runs in the browser, no request): p50 and p95, with the query cache as
served and with it switched off.

    .venv/bin/python benchmarks/compare.py [--admin-url URL | --sqlite] [--repeat N]

The last line printed is one JSON object: load_s, programmes, callback_p50_ms, callback_p95_ms,
callback_uncached_p50_ms, callback_uncached_p95_ms, backend. Goals: load_s < 60 (PostgreSQL),
callback p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select, text
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.dashboard import Served, percentiles, time_callbacks  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.cache import EXTENSION_KEY as QUERY_CACHE  # noqa: E402
from pipelines.db import make_engine  # noqa: E402
from pipelines.load.regional import load_all_areas_file  # noqa: E402
from pipelines.load.result import LoadOptions  # noqa: E402
from pipelines.programmes import ProgrammeSpec, create_programme, init_database  # noqa: E402
from pipelines.schema import Programme  # noqa: E402
from pipelines.settings import Settings  # noqa: E402

FILE = ROOT / ".." / "shared" / "realdata" / "klimaatmonitor" / "CO2-uitstoot-sectoren_2019.csv"
THREE = ["leiden", "leiderdorp", "oegstgeest"]
SIX = THREE + ["amsterdam", "rotterdam", "den-haag"]  # the slugs --all-areas gives (Den Haag: den-haag)


def new_postgres(admin_url: str) -> tuple[str, Callable[[], None]]:
    """URL of a new empty database on the server, and a function that drops it."""
    name = f"roadmap_bench_compare_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def regional_load(url: str, file: Path) -> tuple[float, int]:
    """Seconds of the --all-areas load on a database `roadmap init` set up; programmes after it."""
    engine = make_engine(url)
    init_database(engine)
    create_programme(engine, ProgrammeSpec(slug="city", name="Climate programme", baseline_year=2010,
                                           target_year=2030, target_residual_pct=0.0))
    start = time.perf_counter()
    load_all_areas_file(engine, file, LoadOptions(user="benchmark"))
    seconds = time.perf_counter() - start
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(Programme))
    engine.dispose()
    return seconds, count


def compare_bodies(app) -> list[dict]:
    """The POST bodies the comparison page sends."""
    def key(fragment: str) -> str:
        return next(k for k in app.callback_map if fragment in k)

    state = [{"id": "compare-state", "property": "data",
              "value": {"path": "/compare", "lang": "en", "languages": ["nl", "fr"], "fixed": {"lang": "en"},
                        "programme": None, "keys": ["programmes", "sort"]}}]
    router = {
        "output": key("_pages_content.children"),
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/compare"},
                   {"id": "_pages_location", "property": "search", "value": f"?programmes={','.join(THREE)}"}],
        "changedPropIds": ["_pages_location.pathname"], "state": [],
    }
    bodies = [router]
    for chosen in (THREE, SIX):
        bodies.append({
            "output": key("compare-content.children"),
            "outputs": [{"id": "compare-chosen-list", "property": "children"},
                        {"id": "compare-content", "property": "children"}],
            "inputs": [{"id": "compare-chosen", "property": "data", "value": chosen}],
            "changedPropIds": ["compare-chosen.data"], "state": state,
        })
    bodies.append({
        "output": key("compare-message.children"),
        "outputs": [{"id": "compare-chosen", "property": "data"}, {"id": "compare-search", "property": "value"},
                    {"id": "compare-message", "property": "children"}],
        "inputs": [{"id": "compare-add", "property": "n_clicks", "value": 1},
                   {"id": "compare-search", "property": "n_submit", "value": 0},
                   [{"id": {"remove": s}, "property": "n_clicks", "value": 0} for s in THREE]],
        "changedPropIds": ["compare-add.n_clicks"],
        "state": [{"id": "compare-search", "property": "value", "value": "Utrecht"},
                  {"id": "compare-chosen", "property": "data", "value": THREE}, *state],
    })
    return bodies


class ServedUrl(Served):
    """`Served`, on any database URL (PostgreSQL too)."""

    def __init__(self, url: str):
        self.engine = make_engine(url)
        self.app = create_app(Settings(database_url=url), self.engine)
        self.server = make_server("127.0.0.1", 0, self.app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()


def measure_callbacks(url: str, repeat: int) -> dict:
    served = ServedUrl(url)
    try:
        session = requests.Session()
        session.get(f"{served.url}/compare")  # Dash Pages registers its routing callback on the first request
        bodies = compare_bodies(served.app)
        cached = time_callbacks(session, served.url, bodies, repeat)
        served.app.server.extensions.pop(QUERY_CACHE)  # from here on every query reads the database
        uncached = time_callbacks(session, served.url, bodies, repeat)
        return {**percentiles(cached, "callback"), **percentiles(uncached, "callback_uncached"),
                "callbacks_timed": len(cached)}
    finally:
        served.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="a PostgreSQL server's maintenance database (a new database is made beside it)")
    parser.add_argument("--sqlite", action="store_true", help="use a SQLite file instead of PostgreSQL")
    parser.add_argument("--file", type=Path, default=FILE, help="the regional export to load")
    parser.add_argument("--repeat", type=int, default=30, help="rounds of the page's callbacks")
    args = parser.parse_args()
    if args.sqlite:
        folder = tempfile.mkdtemp(prefix="roadmap-compare-bench-")
        url, drop = f"sqlite:///{folder}/bench.db", (lambda: None)
    else:
        url, drop = new_postgres(args.admin_url)
    try:
        seconds, programmes = regional_load(url, args.file.resolve())
        print(f"regional load: {programmes} programmes in {seconds:.1f} s", file=sys.stderr)
        timings = measure_callbacks(url, args.repeat)
    finally:
        drop()
    result = {"backend": "sqlite" if args.sqlite else "postgresql", "programmes": programmes,
              "load_s": round(seconds, 1), **timings}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
