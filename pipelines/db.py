"""Database engines and schema migrations (SQLite file by default, PostgreSQL the same way)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from pipelines.errors import Bilingual, UserError

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
        kwargs.setdefault("connect_args", {}).setdefault("timeout", SQLITE_BUSY_MS / 1000)
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
        options = conn.get_execution_options()
        if not options.get("write_lock", False):
            conn.exec_driver_sql("BEGIN")
            return
        busy_ms = options.get("busy_ms")
        if busy_ms is None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        # One slice of waiting for the lock; `writing` tries again (and tells who waits) between.
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(busy_ms)}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")


def read_only(engine: Engine) -> Engine:
    """`engine` for reading only: every transaction on it is read-only in the database itself,
    so a bug in a reader cannot write (SQLite `PRAGMA query_only`, PostgreSQL `BEGIN READ ONLY`).
    It shares `engine`'s pool: no second set of connections to size or leak.

    On PostgreSQL the driver's own read-only mode (SQLAlchemy's `postgresql_readonly`) opens each
    transaction with `BEGIN READ ONLY`, one statement, where a `SET TRANSACTION READ ONLY` after
    the BEGIN cost a round trip of its own on every read; SQLAlchemy resets the connection when it
    goes back to the pool, so a writer never gets a read-only one.

    A SQLite connection a reader marked is writable again when it returns to the pool, before a
    writer can take it. (SQLite's `mode=ro` URI would need a pool of its own, and a WAL file's
    -shm to exist before it can read.)
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(read_only=True, postgresql_readonly=True)
    if engine.dialect.name == "sqlite" and not event.contains(engine, "begin", _mark_read_only):
        event.listen(engine, "begin", _mark_read_only)
        event.listen(engine, "checkin", _writable_again)
    return engine.execution_options(read_only=True)


def _mark_read_only(conn: Connection) -> None:
    if conn.get_execution_options().get("read_only"):
        conn.exec_driver_sql("PRAGMA query_only = 1")


def _writable_again(dbapi_connection, _record) -> None:
    if dbapi_connection is not None:  # None: the connection was invalidated, nothing to reset
        dbapi_connection.execute("PRAGMA query_only = 0")


# First key of pg_advisory_xact_lock(namespace, programme_id): every writer of a programme.
WRITE_LOCK_NAMESPACE = 20_300
SQLITE_BUSY_MS = 30_000  # a statement outside `writing` that meets the write lock waits this long
# An edit, a login or a setting waits this long for an import to finish, then is told in words.
# Imports wait for each other as long as it takes (EDIT_WAIT_S=None), saying that they wait.
EDIT_WAIT_S = 10.0
WAIT_STEP_S = 1.0  # how often a waiting writer tries again (and may say that it waits)
WAITING_FOR_IMPORT = Bilingual("waiting for another import of this programme to finish…",
                               "wachten tot een andere import van dit programma klaar is…",
                               "attente de la fin d'un autre import de ce programme…")


class ImportRunning(UserError):
    """A write that waited its bounded time for the lock an import holds; nothing was changed."""

    def __init__(self, waited_s: float):
        super().__init__(Bilingual(
            f"an import is running and holds the database for writing; nothing was saved after waiting "
            f"{waited_s:.0f} s: try again in a minute",
            f"er loopt een import die de databank bezet houdt; na {waited_s:.0f} s wachten is niets "
            f"bewaard: probeer het over een minuut opnieuw",
            f"un import est en cours et occupe la base de données ; après {waited_s:.0f} s d'attente, rien n'a "
            f"été enregistré : réessayez dans une minute"))
        self.waited_s = waited_s

    def __reduce__(self):
        return (type(self), (self.waited_s,))


class _Wait:
    """The waiting of one writer: its deadline (None: none), and whether it said it waits."""

    def __init__(self, wait_s: float | None, on_wait: Callable[[str], None] | None):
        self.wait_s, self.on_wait = wait_s, on_wait
        self.started, self.told = time.monotonic(), False

    def step_s(self) -> float:
        if self.wait_s is None:
            return WAIT_STEP_S
        return max(0.05, min(WAIT_STEP_S, self.wait_s - (time.monotonic() - self.started)))

    def again(self) -> None:
        """After a slice without the lock: raise ImportRunning when the time is up, else say so once."""
        waited = time.monotonic() - self.started
        if self.wait_s is not None and waited >= self.wait_s - 0.01:
            raise ImportRunning(waited)
        if not self.told and self.on_wait is not None:
            self.on_wait(WAITING_FOR_IMPORT)
        self.told = True


def _lock_wait_over(exc: OperationalError) -> bool:
    """SQLite's 'database is locked' after its busy timeout, or PostgreSQL's lock_timeout."""
    orig = getattr(exc, "orig", None)
    return "database is locked" in str(orig) or getattr(orig, "sqlstate", None) == "55P03"


@contextmanager
def writing(
    engine: Engine, programme_id: int | None = None, *, wait_s: float | None = EDIT_WAIT_S,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Connection]:
    """A transaction for a write: one import, undo or edit commits or rolls back as a whole.

    On SQLite it takes the write lock at BEGIN (readers go on under WAL). On PostgreSQL, given
    the programme, it takes that programme's advisory lock first, so its writers run one after
    another and each rebuilds the derived tables from everything committed before it.
    While another writer holds the lock it waits: up to `wait_s` seconds (then ImportRunning, a
    UserError in words), or for as long as it takes when `wait_s` is None (an import queueing
    behind another); `on_wait` is told once that it waits.
    """
    waiting = _Wait(wait_s, on_wait)
    sqlite = engine.dialect.name == "sqlite"
    while True:
        stack = ExitStack()
        try:
            options = {"write_lock": True, "busy_ms": int(waiting.step_s() * 1000)} if sqlite else {"write_lock": True}
            conn = stack.enter_context(engine.execution_options(**options).begin())
            break
        except OperationalError as exc:
            stack.close()
            if not _lock_wait_over(exc):
                raise
            waiting.again()
    with stack:
        if not sqlite and wait_s is not None:  # row locks an import holds: a bounded wait too
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(wait_s * 1000)}ms'")
        if programme_id is not None:
            _lock(conn, programme_id, waiting)
        try:
            yield conn
        except OperationalError as exc:
            if _lock_wait_over(exc):
                raise ImportRunning(time.monotonic() - waiting.started) from None
            raise


def lock_programme(
    conn: Connection, programme_id: int, *, wait_s: float | None = EDIT_WAIT_S,
    on_wait: Callable[[str], None] | None = None,
) -> None:
    """Serialise writers of one programme on PostgreSQL (SQLite's BEGIN IMMEDIATE already does),
    waiting as `writing` does."""
    _lock(conn, programme_id, _Wait(wait_s, on_wait))


def _lock(conn: Connection, programme_id: int, waiting: _Wait) -> None:
    if conn.dialect.name != "postgresql":
        return
    key = {"ns": WRITE_LOCK_NAMESPACE, "p": programme_id}
    while not conn.execute(text("SELECT pg_try_advisory_xact_lock(:ns, :p)"), key).scalar():
        pause = waiting.step_s()
        waiting.again()
        time.sleep(min(pause, 0.25))


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
    """Whether the database has the roadmap's tables. A SQLite file that does not exist has none,
    and is not asked: connecting would create it empty, and an empty file at the default path
    then looked like a database to `make serve`, which no longer built the demo."""
    if engine.dialect.name == "sqlite" and not _sqlite_file_exists(engine):
        return False
    return inspect(engine).has_table("programme")


def _sqlite_file_exists(engine: Engine) -> bool:
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or engine.url.query.get("uri"):
        return True  # in memory, or a URI filename: connecting creates nothing on disk to mislead
    return Path(database).exists()
