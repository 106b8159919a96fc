"""`make crash-test`: N kill -9 of a big import per backend, then of import jobs' runners (tests/crash/jobs.py);
one JSON line per backend and kind.

    python -m tests.crash.run [--kills 100] [--job-kills 10] [--rows 250000] [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from tests.crash.harness import ROWS, prepare, run_kills
from tests.crash.jobs import run_job_kills


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--job-kills", type=int, default=10)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server too (a new database is made there)")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        targets = [("sqlite", f"sqlite:///{work / 'crash.db'}")]
        made = None
        if args.database_url:
            made = _new_postgres_database(args.database_url)
            targets.append(("postgresql", made[1]))
        try:
            for backend, url in targets:
                big = prepare(url, work, args.rows)
                report = run_kills(url, big, args.kills, backend)
                ok &= report.ok()
                print(json.dumps(asdict(report)), flush=True)
                jobs = run_job_kills(url, big, args.rows, args.job_kills, backend, report.full_import_s)
                ok &= jobs.ok()
                print(json.dumps(asdict(jobs)), flush=True)
        finally:
            if made:
                _drop_postgres_database(args.database_url, made[0])
    return 0 if ok else 1


def _new_postgres_database(server_url: str) -> tuple[str, str]:
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"roadmap_crash_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name, make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(server_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
