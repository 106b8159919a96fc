"""Shared fixtures: a fresh real database per test (SQLite file; PostgreSQL when configured).

Fixtures for every test module (use these rather than building your own):
- `database_url`: a fresh, migrated database (standard sectors, no programme), parametrised
  `sqlite` / `postgresql`; copied from a template made once per session (a file copy for SQLite,
  `CREATE DATABASE ... TEMPLATE` for PostgreSQL), dropped after the test.
- `engine`: `make_engine(database_url)`, disposed after. `programme_id`: Leuven 2030 (`LEUVEN`) in it
  (a test asking for it gets a copy of a template that holds it: see `database_url`).
- `fresh_database(backend, directory, sqlite_template, postgres_templates)`: the same as a context
  manager, for module- or session-scoped fixtures (see tests/test_demo.py).
- `seeded_databases`: for modules whose tests all start from the same seeded data (files through
  the loaders, accounts, the demo): seeded once per session and backend, copied per test. See its
  docstring; tests/test_coordinate_http.py uses it.
  `seeded_databases.engine(...)` gives an engine instead of a URL (for module-scoped fixtures);
  `leuven` is the seed of Leuven 2030 alone, `leuven_id(engine)` finds its id in a copy.
- A module whose tests only read may share one seeded database (module-scoped fixture) and one
  app, with a fresh test client per test; `unchanged(engine)` around it proves no test wrote.
  Anything that writes (a login counts) gets a copy of its own per test.
- `sqlite_template`, `postgres_templates`: the session's templates (rarely needed directly).
- `browser` (tests/browser_support.py): one headless Chromium per test process.

The suite runs in parallel (pytest-xdist, `-n 2`; `make test` runs the browser tests apart, see the README):
each worker is its own process with its own session fixtures, so nothing may be shared between
tests through a fixed name. Files go in `tmp_path`; servers bind port 0
(`tests.service_support.free_port`); PostgreSQL databases get a unique name (the worker id and a
random suffix: other runs may share the server); Redis keys a unique name.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url

from pipelines.db import make_engine
from pipelines.programmes import ProgrammeSpec, create_programme, init_database, resolve_programme
from pipelines.schema import Base, Programme
from tests.browser_support import browser  # noqa: E402,F401  (one Chromium for all browser tests)

DATA = Path(__file__).parent / "data"
# The command line speaks the locale's language (roadmap_cli.language): the tests read its English
# on any machine, unless a test asks for another (--lang, or an environment of its own).
os.environ["LANGUAGE"] = "en"
_counter = itertools.count()


# The local server `make test` and CI use; TEST_DATABASE_URL="" (set, but empty) skips PostgreSQL.
DEFAULT_TEST_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# This test process's name under pytest-xdist (gw0, gw1, ...), "main" when run without workers.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def _postgres_admin_url() -> tuple[str | None, str]:
    """The PostgreSQL URL to test against, or None with the reason the runs are skipped."""
    url = os.environ.get("TEST_DATABASE_URL", DEFAULT_TEST_DATABASE_URL)
    if not url:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("TEST_DATABASE_URL is empty, and REQUIRE_POSTGRES=1")
        return None, "TEST_DATABASE_URL is empty, so the PostgreSQL runs are skipped"
    try:
        probe = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
        probe.dispose()
    except Exception as exc:  # any connection failure means: no server to test against
        reason = f"PostgreSQL at TEST_DATABASE_URL is not reachable ({type(exc).__name__})"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason}, and REQUIRE_POSTGRES=1")
        return None, reason
    return url, ""


class _PostgresTemplates:
    """A migrated template database per test session; each test gets a copy of it.

    Making and dropping a copy takes the server a few tenths of a second each, so background
    threads do both while the tests run: the copy for the next test is made while this one runs,
    and a used copy is dropped after its test, not during the next one's set-up.
    """

    def __init__(self, admin_url: str):
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.base = make_url(admin_url)
        # Unique per worker and per run: several runs (and their workers) may share one server.
        self.template = f"roadmap_tmpl_{WORKER}_{uuid.uuid4().hex[:10]}"
        self._exec(f'CREATE DATABASE "{self.template}"')
        engine = make_engine(self._url(self.template))
        init_database(engine)
        engine.dispose()
        # Two threads: a copy for the next test need not wait behind the drop of the last one.
        self._background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="postgres-test-databases")
        self._spares: dict[str, Future[tuple[str, str]]] = {}  # template -> its next copy
        self._drops: list[Future[None]] = []
        self._kept: list[str] = []

    def _url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _exec(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def _copy(self, template: str | None = None) -> tuple[str, str]:
        name = f"roadmap_t_{WORKER}_{uuid.uuid4().hex[:12]}"
        self._exec(f'CREATE DATABASE "{name}" TEMPLATE "{template or self.template}"')
        # A test database need not survive a server crash: commits then skip the wait for the
        # disk (fsync), which is most of a small write's time on a busy machine. (Per-database
        # settings are not copied from a template, hence here.)
        self._exec(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        return name, self._url(name)

    def fresh(self) -> tuple[str, str]:
        """(name, URL) of a new copy of the template, for one test; the next one is started."""
        return self.copy_of(self.template)

    def copy_of(self, template: str) -> tuple[str, str]:
        """(name, URL) of a new copy of `template` (this one, or a seeded one: `SeededDatabases`).

        The next copy of the same template is started at once, as for `fresh`: the tests of a
        module come one after another, so it is ready for the next test's set-up.
        """
        spare = self._spares.pop(template, None)
        made = spare.result() if spare is not None else self._copy(template)
        self._spares[template] = self._background.submit(self._copy, template)
        return made

    def keep(self, name: str) -> None:
        """Drop the database `name` at the session's end (a seeded template)."""
        self._kept.append(name)

    def drop(self, name: str) -> None:
        self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_later(self, name: str) -> None:
        """Drop a used copy in the background (its errors are raised at the session's end)."""
        self._drops.append(self._background.submit(self.drop, name))

    def close(self) -> None:
        try:
            for spare in self._spares.values():
                self.drop_later(spare.result()[0])
            for dropped in self._drops:
                dropped.result()
        finally:
            self._background.shutdown(wait=True)
            for name in (*self._kept, self.template):
                self.drop(name)
            self.admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_templates():
    url, reason = _postgres_admin_url()
    if url is None:
        yield None, reason
        return
    templates = _PostgresTemplates(url)
    yield templates, ""
    templates.close()


@contextmanager
def fresh_database(backend: str, directory: Path, sqlite_template: Path, postgres_templates):
    """URL of a new, migrated database with the standard sectors and no programme, dropped after.

    The one place PostgreSQL runs are skipped: when no server answers at TEST_DATABASE_URL
    (and REQUIRE_POSTGRES is not set, in which case the session fails instead).
    """
    if backend == "sqlite":
        path = directory / f"roadmap_{next(_counter)}.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    templates, reason = postgres_templates
    if templates is None:
        pytest.skip(reason)
    name, url = templates.fresh()
    try:
        yield url
    finally:
        templates.drop_later(name)


class SeededDatabases:
    """Databases seeded once per session and backend, copied for each test (`fresh`).

    For set-ups that cost more than a copy (files through the real loaders, accounts with their
    password hashes, the demo): `seed(engine)` runs once per test process and backend on a
    fresh database, which then serves as the template: a file copy for SQLite, `CREATE DATABASE
    ... TEMPLATE` for PostgreSQL. `seed` must give the same database every time it runs (it is
    identified by its module and name); what it returns is not kept, so look ids up by name.
    """

    def __init__(self, directory: Path, sqlite_template: Path, postgres_templates):
        self.directory = directory
        self.sqlite_template = sqlite_template
        self.postgres_templates = postgres_templates
        self._sqlite: dict[str, Path] = {}
        self._postgres: dict[str, str] = {}

    @contextmanager
    def fresh(self, backend: str, directory: Path, seed: Callable[[Engine], object]):
        """URL of a new copy of the database `seed` builds, dropped after (as `fresh_database`)."""
        key = f"{seed.__module__}.{seed.__qualname__}"
        if backend == "sqlite":
            if key not in self._sqlite:
                self._sqlite[key] = self._seed_sqlite(key, seed)
            path = directory / f"roadmap_{next(_counter)}.db"
            shutil.copy(self._sqlite[key], path)
            yield f"sqlite:///{path}"
            return
        templates, reason = self.postgres_templates
        if templates is None:
            pytest.skip(reason)
        if key not in self._postgres:
            self._postgres[key] = self._seed_postgres(templates, seed)
        name, url = templates.copy_of(self._postgres[key])
        try:
            yield url
        finally:
            templates.drop_later(name)

    @contextmanager
    def engine(self, backend: str, directory: Path, seed: Callable[[Engine], object]):
        """An engine on a new copy (as `fresh`), disposed after: for module-scoped fixtures."""
        with self.fresh(backend, directory, seed) as url:
            engine = make_engine(url)
            try:
                yield engine
            finally:
                engine.dispose()

    def _seed_sqlite(self, key: str, seed: Callable[[Engine], object]) -> Path:
        path = self.directory / f"seeded_{len(self._sqlite)}_{key.rsplit('.', 1)[-1]}.db"
        shutil.copy(self.sqlite_template, path)
        engine = make_engine(f"sqlite:///{path}")
        try:
            seed(engine)
            with engine.connect() as conn:  # everything in the main file: only it is copied
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        return path

    @staticmethod
    def _seed_postgres(templates: _PostgresTemplates, seed: Callable[[Engine], object]) -> str:
        name, url = templates.fresh()
        templates.keep(name)
        engine = make_engine(url)
        try:
            seed(engine)
        finally:
            engine.dispose()  # a template may have no connection when it is copied
        return name


@pytest.fixture(scope="session")
def seeded_databases(tmp_path_factory, sqlite_template, postgres_templates) -> SeededDatabases:
    """Seeded templates, copied per test: `seeded_databases.fresh(backend, tmp_path, seed)`.

    A module whose every test starts from the same seeded data overrides `database_url`::

        @pytest.fixture(params=["sqlite", "postgresql"])
        def database_url(request, tmp_path, seeded_databases):
            with seeded_databases.fresh(request.param, tmp_path, seed_my_programme) as url:
                yield url
    """
    return SeededDatabases(tmp_path_factory.mktemp("seeded"), sqlite_template, postgres_templates)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, sqlite_template, postgres_templates, seeded_databases):
    """URL of a fresh, migrated database with the standard sectors and no programme.

    For a test that asks for `programme_id`, a copy of a template that already holds it (the
    same rows `create_programme` writes, made once per test process and backend).
    """
    if "programme_id" in request.fixturenames:
        with seeded_databases.fresh(request.param, tmp_path, leuven) as url:
            yield url
        return
    with fresh_database(request.param, tmp_path, sqlite_template, postgres_templates) as url:
        yield url


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


LEUVEN = ProgrammeSpec(
    slug="leuven", name="Leuven 2030", baseline_year=2010, target_year=2030,
    area_name="Leuven", area_code="24062", target_residual_pct=0.0,
)


@pytest.fixture
def programme_id(engine) -> int:
    """A programme like Leuven 2030: baseline 2010, climate-neutral (0 % residual) in 2030.

    Already in the database `database_url` gives such a test; made here for a module whose own
    `database_url` holds no programme.
    """
    with engine.connect() as conn:
        found = conn.scalar(select(Programme.id).where(Programme.slug == LEUVEN.slug))
    return found if found is not None else create_programme(engine, LEUVEN)


def leuven(engine: Engine) -> int:
    """A seed for `seeded_databases`: Leuven 2030 alone (as the `programme_id` fixture makes it)."""
    return create_programme(engine, LEUVEN)


def leuven_id(engine: Engine) -> int:
    """The id of Leuven 2030 in a seeded copy (`SeededDatabases` keeps no ids: look them up by name)."""
    return resolve_programme(engine, LEUVEN.slug).id


@contextmanager
def unchanged(engine: Engine):
    """Fail if the database differs afterwards (every row of every table): for a module whose
    tests share one database because they only read, to prove that they did."""
    before = _every_row(engine)
    yield
    assert _every_row(engine) == before, "a test wrote to a database its module shares"


@pytest.fixture(scope="module")
def shared_engine(shared_database_url):
    """The engine of a module's `shared_database_url` (a module-scoped seeded copy the module
    defines), checked `unchanged` when the module ends."""
    engine = make_engine(shared_database_url)
    with unchanged(engine):
        yield engine
    engine.dispose()


def _every_row(engine: Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {table.name: [tuple(row) for row in conn.execute(
            select(table).order_by(*table.primary_key.columns))] for table in Base.metadata.sorted_tables}
