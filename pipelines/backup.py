"""Consistent online backups and restores: SQLite's backup API, PostgreSQL's pg_dump format."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from pipelines import db
from pipelines.copy import copy_database
from pipelines.errors import UserError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


def backup(engine: Engine, path: Path) -> str:
    """Write a consistent copy of the live database to `path`; returns the format written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if db.is_sqlite(engine):
        # The backup API copies a consistent snapshot while readers and writers go on.
        with sqlite3.connect(engine.url.database or "") as src, sqlite3.connect(path) as dst:
            src.backup(dst)
        return "sqlite"
    if engine.dialect.name == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", _libpq_url(engine)])
        return "pg_dump"
    raise UserError(f"backups of {engine.dialect.name} databases are not supported")


def restore(engine: Engine, path: Path) -> str:
    """Replace the database's content with the backup at `path`; returns the format read."""
    if not path.is_file():
        raise UserError(f"no backup file at {path}")
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        if db.is_sqlite(engine):
            engine.dispose()
            with sqlite3.connect(path) as src, sqlite3.connect(engine.url.database or "") as dst:
                src.backup(dst)
        else:
            # A SQLite backup restored into PostgreSQL: the portable path, row by row.
            _empty(engine)
            source = db.make_engine(f"sqlite:///{path}")
            try:
                copy_database(source, engine)
            finally:
                source.dispose()
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        if engine.dialect.name != "postgresql":
            raise UserError("a pg_dump backup can only be restored into PostgreSQL")
        engine.dispose()
        _run([
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
            f"--dbname={_libpq_url(engine)}", str(path),
        ])
        return "pg_dump"
    raise UserError(f"{path} is not a roadmap backup (neither a SQLite file nor a pg_dump archive)")


def _empty(engine: Engine) -> None:
    from pipelines.schema import Base

    db.migrate(engine)
    with db.writing(engine) as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


def _libpq_url(engine: Engine) -> str:
    url = make_url(engine.url.render_as_string(hide_password=False)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _run(cmd: list[str]) -> None:
    if shutil.which(cmd[0]) is None:
        raise UserError(f"`{cmd[0]}` is not installed (Debian package postgresql-client)")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise UserError(f"{cmd[0]} failed: {done.stderr.strip().splitlines()[-1] if done.stderr else done.returncode}")
