"""`roadmap demo`: builds the demo into the configured database, never over data without --force."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.db import make_engine
from pipelines.schema import Partner, User
from roadmap_cli import main


def _run(database_url: str, *args: str):
    return CliRunner().invoke(main, ["--database-url", database_url, "demo", *args])


def _partners(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(Partner)).scalar_one()
    finally:
        engine.dispose()


def test_demo_command_builds_then_refuses_to_overwrite_without_force(database_url):
    first = _run(database_url)
    assert first.exit_code == 0, first.output
    assert "programme 'leuven'" in first.output
    again = _run(database_url)
    assert again.exit_code == 1
    assert "already holds data" in again.output and "--force" in again.output
    assert _partners(database_url) == 42  # nothing was added twice


def test_demo_command_with_force_starts_from_an_empty_database(database_url):
    engine = make_engine(database_url)
    with engine.begin() as conn:  # data the demo must replace, not add to
        conn.execute(User.__table__.insert().values(name="someone", role="admin", password_hash="x"))
    engine.dispose()
    assert _run(database_url).exit_code == 1
    forced = _run(database_url, "--force")
    assert forced.exit_code == 0, forced.output
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(User)).scalar_one() == 0
    engine.dispose()
    assert _partners(database_url) == 42
