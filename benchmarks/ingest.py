"""Ingest benchmark: `roadmap load indicators` against the sqlite3 CLI's `.import` on one file.

Generates a long-format indicators CSV (default 1,000,000 rows) the way a national export
looks — `;`-separated, decimal commas with '.' thousands, NIS code and municipality, units
mixed between t and kt CO2e, some NE and '-' markers — loads it into a fresh database with
`roadmap load indicators` (a subprocess: wall time and its peak RSS), then loads the same file
into a bare typed table with `sqlite3 .import`. The last line printed is one JSON object.

    .venv/bin/python benchmarks/ingest.py [--rows N] [--repeat N] [--database-url URL] [--keep DIR]

With a PostgreSQL --database-url (a server; each run gets its own new database there, dropped
afterwards), the yardstick is psycopg's COPY into a temporary table instead of `.import`, and
also into a durable table (WAL written, as for the tables an import writes). It then times the
server's share alone: COPY of the rows the import stored, already converted, into copies of the
observation table (with its indexes and keys, its indexes only, bare).
--repeat N runs each N times; the ratios are taken between medians (the issue's measure), and the
best times are printed too, for a shared, noisy machine. On PostgreSQL the goal's ratio is
`ratio_to_keyed_copy`: the load against the server's COPY of the same rows into the observation
table with its key and indexes (what storing them costs by the schema itself).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROADMAP = [sys.executable, "-m", "roadmap_cli"] if not (ROOT / ".venv/bin/roadmap").exists() else [str(ROOT / ".venv/bin/roadmap")]
# Past months only (a measurement cannot be for a year still to come): 1901-01 … 2000-12;
# more indicators instead of more years make up the rows (834 for a million).
MONTHS_PER_INDICATOR = 1200
SOURCE = "VITO Klimaatrapport 2024 - gemeentelijke CO2-inventaris"
HEADER = "NIS-code;Gemeente;Indicator;Periode;Waarde;Eenheid;Bron\n"


def indicator_codes(rows: int) -> list[str]:
    return [f"bench.{i:04d}" for i in range(rows // MONTHS_PER_INDICATOR + 1)]


def write_definitions(path: Path, codes: list[str]) -> None:
    """One row per indicator, for --new-indicators (a year the big file does not use)."""
    with path.open("w", encoding="utf-8") as out:
        out.write("Indicator;Naam;Name;Eenheid;Soort;Jaar;Waarde\n")
        for code in codes:
            out.write(f"{code};Uitstoot {code};Emissions {code};t CO2e;activiteit;1900;0\n")


def write_big_file(path: Path, rows: int, seed: int = 2030) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        buffer, written = [], 0
        for code in indicator_codes(rows):
            for m in range(MONTHS_PER_INDICATOR):
                if written == rows:
                    break
                year, month = 1901 + m // 12, m % 12 + 1
                buffer.append(f"24062;Leuven;{code};{year}-{month:02d};{_value(rng)};{SOURCE}\n")
                written += 1
            if len(buffer) > 50_000 or written == rows:
                out.write("".join(buffer))
                buffer.clear()


def _value(rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.01:
        return "NE;t CO2e"
    if draw < 0.015:
        return "-;t CO2e"
    tonnes = rng.uniform(-500, 250_000)
    if draw < 0.5:
        text = f"{tonnes / 1000:,.3f}"
        unit = "kt CO2e"
    else:
        text = f"{tonnes:,.1f}"
        unit = "t CO2e"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + ";" + unit


def run(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "", flush=True)
    return elapsed


def sqlite_import(csv_path: Path, work: Path) -> float:
    db = work / "import.db"
    db.unlink(missing_ok=True)
    script = (
        "CREATE TABLE obs(nis TEXT, area TEXT, indicator TEXT, period TEXT, value REAL, unit TEXT, source TEXT);\n"
        f".mode csv\n.separator ;\n.import --skip 1 {csv_path} obs\n"
    )
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db)], input=script, text=True, check=True)
    return time.perf_counter() - start


def postgres_copy(csv_path: Path, url: str, temporary: bool = True) -> float:
    """COPY of the file into a bare text table: a temporary one (no WAL), or a durable one
    like the tables an import writes (its WAL written and flushed at commit)."""
    import psycopg

    checkpoint(url)
    start = time.perf_counter()
    with psycopg.connect(_libpq(url)) as conn, conn.cursor() as cur:
        table = "obs" if temporary else f"obs_logged_{os.getpid()}"
        cur.execute(f"CREATE {'TEMP ' if temporary else ''}TABLE {table}(nis TEXT, area TEXT, indicator TEXT, "
                    "period TEXT, value TEXT, unit TEXT, source TEXT)")
        with cur.copy(f"COPY {table} FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)") as copy, \
                csv_path.open("rb") as f:
            while block := f.read(1 << 20):
                copy.write(block)
        conn.commit()
        elapsed = time.perf_counter() - start
        if not temporary:
            cur.execute(f"DROP TABLE {table}")
            conn.commit()
    return elapsed


def postgres_store_floor(url: str) -> dict[str, float]:
    """The server's own share: COPY of the rows the import stored (already read, checked and
    converted, so no client work at all) into fresh copies of the observation table: with its
    indexes and foreign keys, with its indexes only, and bare. What no loader can go below."""
    import psycopg

    columns = ("programme_id, batch_id, is_current, indicator_id, period, year, month, value, "
               "missing_key, original_value, original_unit, source")
    with psycopg.connect(_libpq(url)) as conn, conn.cursor() as cur:
        payload = bytearray()
        with cur.copy(f"COPY (SELECT {columns} FROM observation WHERE batch_id = "
                      "(SELECT MAX(batch_id) FROM observation)) TO STDOUT") as copy:
            for block in copy:
                payload += block
        times = {}
        for shape, ddl in (
            ("constraints", "INCLUDING ALL"),
            ("indexes", "INCLUDING ALL"),
            ("bare", "INCLUDING DEFAULTS"),
        ):
            cur.execute(f"CREATE TABLE obs_floor (LIKE observation {ddl})")
            if shape == "constraints":
                cur.execute("ALTER TABLE obs_floor ADD FOREIGN KEY (indicator_id) REFERENCES indicator(id) "
                            "ON DELETE CASCADE, ADD FOREIGN KEY (superseded_by_batch_id) "
                            "REFERENCES import_batch(id) ON DELETE CASCADE")
            conn.commit()
            checkpoint(url)
            start = time.perf_counter()
            with cur.copy(f"COPY obs_floor ({columns}) FROM STDIN") as copy:
                copy.write(payload)
            conn.commit()
            times[shape] = time.perf_counter() - start
            cur.execute("DROP TABLE obs_floor")
            conn.commit()
    return times


def checkpoint(url: str) -> None:
    """Every timed phase on PostgreSQL starts from written-out buffers: without this, one
    phase ran while the server was still writing out the last one's gigabyte of pages, and
    the same COPY took 7.0 s or 8.9 s by what had run just before it."""
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute("CHECKPOINT")


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class FreshDatabase:
    """A new empty database per repetition: a SQLite file, or a PostgreSQL database on the server."""

    def __init__(self, work: Path, server_url: str | None):
        self.work, self.server_url, self.made = work, server_url, []

    def new(self, n: int) -> str:
        if self.server_url is None:
            path = self.work / f"roadmap_{n}.db"
            return f"sqlite:///{path}"
        import psycopg
        from sqlalchemy.engine import make_url

        name = f"roadmap_ingest_{os.getpid()}_{n}"
        with psycopg.connect(_libpq(self.server_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self.server_url is None:
            return
        import psycopg

        with psycopg.connect(_libpq(self.server_url), autocommit=True) as conn:
            for name in self.made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1,
                        help="Run both loads this many times; ratios are between medians (a shared, noisy machine).")
    parser.add_argument("--database-url", default=None,
                        help="A PostgreSQL server (any database on it) to load into instead of SQLite files.")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the generated files in this directory.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ingest_")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    databases = FreshDatabase(work, args.database_url)
    try:
        report = bench(args.rows, work, databases, max(1, args.repeat))
    finally:
        databases.drop_all()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report))


def bench(rows: int, work: Path, databases: FreshDatabase, repeat: int) -> dict:
    big, definitions = work / "indicators.csv", work / "definitions.csv"
    for old in work.glob("*.db*"):  # a kept directory from an earlier run
        old.unlink()
    write_big_file(big, rows)
    write_definitions(definitions, indicator_codes(rows))
    print(f"generated {rows:,} rows, {big.stat().st_size / 1e6:.0f} MB: {big}", flush=True)
    roadmap_times, yard_times, logged_times, floors = [], [], [], []
    for n in range(repeat):
        url = databases.new(n)
        env = {**os.environ, "DATABASE_URL": url, "ROADMAP_PROGRAMME": "bench"}
        run([*ROADMAP, "init", "--slug", "bench", "--area-name", "Leuven", "--area-code", "24062"], env)
        run([*ROADMAP, "load", "indicators", str(definitions), "--new-indicators"], env)
        if databases.server_url is not None:
            checkpoint(url)
        roadmap_times.append(run([*ROADMAP, "load", "indicators", str(big)], env))
        if databases.server_url is None:
            yard_times.append(sqlite_import(big, work))
        else:
            yard_times.append(postgres_copy(big, url))
            logged_times.append(postgres_copy(big, url, temporary=False))
            floors.append(postgres_store_floor(url))
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    yard = "sqlite_import" if databases.server_url is None else "postgres_copy"
    roadmap_s, yard_s = statistics.median(roadmap_times), statistics.median(yard_times)
    print(f"roadmap load indicators: median {roadmap_s:.2f} s (best {min(roadmap_times):.2f} s), "
          f"{rows / roadmap_s:,.0f} rows/s, peak {peak_mib:.0f} MiB")
    print(f"{yard}: {yard_s:.2f} s, {rows / yard_s:,.0f} rows/s; ratio {roadmap_s / yard_s:.2f}x")
    more = {}
    if logged_times:
        logged_s = statistics.median(logged_times)
        print(f"postgres_copy into a durable table: {logged_s:.2f} s, {rows / logged_s:,.0f} rows/s; "
              f"ratio {roadmap_s / logged_s:.2f}x")
        more = {"postgres_copy_durable_rows_per_s": round(rows / logged_s),
                "ratio_durable": round(roadmap_s / logged_s, 2)}
        for shape, label in (("constraints", "its indexes and foreign keys"), ("indexes", "its indexes only"),
                             ("bare", "no index or key")):
            floor_s = statistics.median(f[shape] for f in floors)
            print(f"server alone: COPY of the stored rows into the observation table with {label}: "
                  f"{floor_s:.2f} s, {floor_s / logged_s:.2f}x the durable COPY of the file")
            more[f"server_floor_{shape}_s"] = round(floor_s, 2)
        keyed_s = statistics.median(f["constraints"] for f in floors)
        print(f"roadmap load against that keyed COPY: ratio {roadmap_s / keyed_s:.2f}x (goal <= 1.5)")
        more["ratio_to_keyed_copy"] = round(roadmap_s / keyed_s, 2)
    return {
        "rows": rows,
        "roadmap_rows_per_s": round(rows / roadmap_s),
        f"{yard}_rows_per_s": round(rows / yard_s),
        "ratio": round(roadmap_s / yard_s, 2),
        "runs": repeat,
        "roadmap_s": [round(t, 2) for t in roadmap_times],
        f"{yard}_s": [round(t, 2) for t in yard_times],
        "peak_rss_mib": round(peak_mib, 1),
        **more,
    }


if __name__ == "__main__":
    main()
