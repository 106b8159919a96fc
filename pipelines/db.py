"""Database engines and schema migrations (SQLite file by default, PostgreSQL the same way)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets foreign keys on, WAL and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {}).setdefault("timeout", 30)
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy issue BEGIN itself so a transaction really spans a whole import.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # IMMEDIATE takes the write lock at the start, so two imports queue instead of deadlocking.
        write = conn.get_execution_options().get("write_lock", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# First key of pg_advisory_xact_lock(namespace, programme_id): every writer of a programme.
WRITE_LOCK_NAMESPACE = 20_300


@contextmanager
def writing(engine: Engine, programme_id: int | None = None) -> Iterator[Connection]:
    """A transaction for a write: one import, undo or edit commits or rolls back as a whole.

    On SQLite it takes the write lock at BEGIN (readers go on under WAL). On PostgreSQL, given
    the programme, it takes that programme's advisory lock first, so its writers run one after
    another and each rebuilds the derived tables from everything committed before it.
    """
    with engine.execution_options(write_lock=True).begin() as conn:
        if programme_id is not None:
            lock_programme(conn, programme_id)
        yield conn


def lock_programme(conn: Connection, programme_id: int) -> None:
    """Serialise writers of one programme on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:ns, :p)"),
            {"ns": WRITE_LOCK_NAMESPACE, "p": programme_id},
        )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def alembic_config(engine: Engine | None) -> Config:
    from alembic.config import Config  # imported here: every CLI start would pay ~0.2 s for it

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` with Alembic."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


# Every command checks the revision; Alembic would take ~0.2 s of each to load and answer.
# test_migrations checks both functions against Alembic's own answers.
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?\s*$", re.MULTILINE)


def current_revision(engine: Engine) -> str | None:
    """The schema revision a database is at (None before the first migration)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str:
    """The newest schema revision this version of the code knows: the one no other revises."""
    revisions, revised = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        revisions.add(found["revision"])
        revised.add(found.get("down_revision"))
    (head,) = revisions - revised
    return head


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("programme")
