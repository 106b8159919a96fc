"""Load benchmark: requests/s and p99 latency of the overview's callbacks under concurrent readers.

Builds the demo database (a SQLite file, or a new database on the PostgreSQL server given by
--database-url, dropped afterwards), serves it with `roadmap serve --production --workers 2` on
127.0.0.1 (query cache in Redis when one answers at --redis-url, else in-process), and runs
`wrk` (Debian package `wrk`) with a Lua script that POSTs the overview's callback payloads in
turn (page routing, target-set choice, sector breakdown) for --duration seconds over
--connections connections:

1. readers only;
2. the same while `roadmap load indicators` imports a generated --import-rows file (the one
   benchmarks/ingest.py writes) into the same database, started a few seconds before.

    .venv/bin/python benchmarks/load.py [--duration 15] [--connections 8] [--import-rows 3000000]
                                        [--database-url postgresql+psycopg://postgres@127.0.0.1/postgres]

Traffic goes only to 127.0.0.1. Non-2xx answers and socket errors are counted (goal: none). The
last line printed is one JSON object: {"readers": {...}, "during_import": {...}, ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis
import requests
from sqlalchemy import select
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # before benchmarks/, whose dashboard.py would hide the package
sys.path.append(str(ROOT / "benchmarks"))

from callback_payloads import callback_bodies  # noqa: E402
from ingest import indicator_codes, write_big_file, write_definitions  # noqa: E402

from dashboard.app import create_app  # noqa: E402
from pipelines.db import make_engine  # noqa: E402
from pipelines.schema import TargetSet  # noqa: E402
from pipelines.settings import Settings  # noqa: E402

ROADMAP = [sys.executable, "-c", "from roadmap_cli import main; main()"]
IMPORT_HEAD_START_S = 3  # the import is reading and writing when the readers start
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def callback_payloads(database_url: str) -> list[str]:
    """The overview's callback bodies (as JSON), built from the app's own callback map."""
    engine = make_engine(database_url)
    app = create_app(Settings(database_url=database_url, secret_key="payloads"), engine)
    app.server.test_client().get("/")  # Dash Pages registers its routing callback on the first request
    with engine.connect() as conn:
        targets = list(conn.scalars(select(TargetSet.id).order_by(TargetSet.is_primary.desc())))
    bodies = callback_bodies(app, targets[:2], [], [])["overview"]
    engine.dispose()
    return [json.dumps(body) for body in bodies]


def lua_script(bodies: list[str]) -> str:
    """wrk's request generator: each connection POSTs the bodies in turn."""
    quoted = ",\n".join(f"[==[{body}]==]" for body in bodies)
    return f"""local bodies = {{
{quoted}
}}
local headers = {{["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip"}}
local n = 0
request = function()
  n = n % #bodies + 1
  return wrk.format("POST", "/_dash-update-component", headers, bodies[n])
end
"""


def run_wrk(url: str, script: Path, duration: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s", "-s", str(script), url],
        capture_output=True, text=True, check=True,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict:
    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return round(float(value) * UNIT_MS[unit], 2)

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def roadmap(args: list[str], env: dict) -> None:
    done = subprocess.run([*ROADMAP, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: roadmap {' '.join(args)}\n{done.stdout}\n{done.stderr}")


def start_server(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [*ROADMAP, "serve", "--production", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            sys.exit("the production server did not start")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.3)
    sys.exit("the production server did not answer")


class Database:
    """A SQLite file in the work directory, or a new database on a PostgreSQL server."""

    def __init__(self, work: Path, server_url: str | None):
        self.server_url, self.name = server_url, f"roadmap_load_{os.getpid()}"
        if server_url is None:
            self.url = f"sqlite:///{work / 'roadmap.db'}"
            return
        with psycopg.connect(self._libpq(server_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.url = make_url(server_url).set(database=self.name).render_as_string(hide_password=False)

    @staticmethod
    def _libpq(url: str) -> str:
        return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    def drop(self) -> None:
        if self.server_url is not None:
            with psycopg.connect(self._libpq(self.server_url), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def redis_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def bench(args: argparse.Namespace, work: Path, database: Database) -> dict:
    env = {**os.environ, "DATABASE_URL": database.url, "SECRET_KEY": secrets.token_hex(32)}
    env.pop("REDIS_URL", None)
    if redis_answers(args.redis_url):
        env["REDIS_URL"] = args.redis_url
    roadmap(["demo"], env)
    big, definitions = work / "indicators.csv", work / "definitions.csv"
    write_big_file(big, args.import_rows)
    write_definitions(definitions, indicator_codes(args.import_rows))
    roadmap(["load", "indicators", str(definitions), "--new-indicators"], env)
    script = work / "overview.lua"
    script.write_text(lua_script(callback_payloads(database.url)), encoding="utf-8")
    server, url = start_server(env, args.workers)
    try:
        run_wrk(url, script, 3, args.connections)  # warm-up: workers' first requests, caches
        readers = run_wrk(url, script, args.duration, args.connections)
        started = time.monotonic()
        load = subprocess.Popen([*ROADMAP, "load", "indicators", str(big)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(IMPORT_HEAD_START_S)
        during = run_wrk(url, script, args.duration, args.connections)
        covered = load.poll() is None
        _out, err = load.communicate()
        if load.returncode != 0:
            sys.exit(f"the import failed: {err}")
        during.update(import_s=round(time.monotonic() - started, 1), import_ran_throughout=covered)
    finally:
        server.terminate()
        server.wait(30)
    backend = make_url(database.url).get_backend_name()
    return {"backend": backend, "workers": args.workers, "connections": args.connections,
            "duration_s": args.duration, "cache": "redis" if "REDIS_URL" in env else "in-process",
            "import_rows": args.import_rows, "readers": readers, "during_import": during}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--import-rows", type=int, default=3_000_000,
                        help="rows of the file imported while the readers run (it must outlast them)")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server to use instead of SQLite")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    work = Path(tempfile.mkdtemp(prefix="roadmap-load-"))
    database = Database(work, args.database_url)
    try:
        report = bench(args, work, database)
    finally:
        database.drop()
        shutil.rmtree(work, ignore_errors=True)
    for name in ("readers", "during_import"):
        r = report[name]
        print(f"{name}: {r['requests_per_s']:.0f} requests/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, "
              f"{r['non_2xx']} non-2xx, {r['socket_errors']} socket errors")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
