"""The dashboard reads through a read-only engine: a write through it fails in the database itself
(SQLite and PostgreSQL), while pipelines' writes through the normal engine, on the same pool of
connections, still work, also on a connection a reader used just before."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from dashboard.app import create_app
from dashboard.context import current_engine, write_engine
from pipelines.db import make_engine, read_only, writing
from pipelines.schema import Sector
from pipelines.settings import Settings


def _sector_count(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(Sector))


def _add_sector(engine, code: str) -> None:
    with engine.begin() as conn:
        conn.execute(insert(Sector).values(code=code, name_nl=code, name_en=code, sort_order=99))


def test_a_write_through_the_read_engine_fails_and_the_writer_still_writes(engine):
    reader = read_only(engine)
    before = _sector_count(reader)
    with pytest.raises(DBAPIError):
        _add_sector(reader, "space")
    assert _sector_count(engine) == before
    _add_sector(engine, "space")  # the pool's connection the reader used is writable again
    assert _sector_count(reader) == before + 1
    with pytest.raises(DBAPIError):
        _add_sector(reader, "moon")
    _sector_count(reader)
    with writing(engine) as conn:  # as pipelines write (SQLite: BEGIN IMMEDIATE), after a reader
        conn.execute(insert(Sector).values(code="sun", name_nl="sun", name_en="sun", sort_order=99))
    assert read_only(engine) is not engine and _sector_count(engine) == before + 2


def test_the_dashboards_pages_read_through_the_read_only_engine(engine, database_url):
    app = create_app(Settings(database_url=database_url, secret_key="x" * 32), engine)
    with app.server.app_context():
        before = _sector_count(current_engine())
        with pytest.raises(DBAPIError):
            _add_sector(current_engine(), "space")
        _add_sector(write_engine(), "space")
        assert _sector_count(current_engine()) == before + 1


def test_one_pooled_connection_goes_from_reader_to_writer_and_back(database_url):
    """With a pool of one connection, a reader and a writer take turns on the very same one: the
    reader's mode (PostgreSQL's BEGIN READ ONLY, SQLite's query_only) ends when it is returned."""
    engine = make_engine(database_url, pool_size=1, max_overflow=0)
    try:
        reader = read_only(engine)
        before = _sector_count(reader)
        for code in ("space", "moon"):
            with pytest.raises(DBAPIError):
                _add_sector(reader, code)
            _add_sector(engine, code)
            assert _sector_count(reader) == before + (1 if code == "space" else 2)
        if engine.dialect.name == "postgresql":
            with reader.connect() as conn:
                assert conn.exec_driver_sql("SHOW transaction_read_only").scalar_one() == "on"
            with engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW transaction_read_only").scalar_one() == "off"
    finally:
        engine.dispose()
