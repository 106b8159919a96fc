"""Migration 0003 repairs a database migrated by the first, later edited, version of 0002."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from pipelines.db import (
    MIGRATIONS_DIR,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)
from tests.conftest import _postgres_admin_url
from tests.test_migrations import _assert_matches_models, _empty_database_urls

# The text of 0002 as released on 2026-11-21 (commit 46376b5), before a later commit edited it to
# stop re-creating observation's batch_id key. Kept verbatim, as data, so the test rebuilds the
# very schema a database migrated with it has.
EARLY_0002 = Path(__file__).parent / "data" / "migrations" / "early_0002_lean_observation_rows.py.txt"
STALE_KEY = "fk_observation_batch_id_import_batch"


def _migrate_with_early_0002(engine, scripts: Path) -> None:
    """0001 as released, then the early 0002, from a script directory holding only those two."""
    (scripts / "versions").mkdir(parents=True)
    shutil.copy(MIGRATIONS_DIR / "env.py", scripts / "env.py")
    shutil.copy(MIGRATIONS_DIR / "script.py.mako", scripts / "script.py.mako")
    shutil.copy(MIGRATIONS_DIR / "versions" / "0001_initial_schema.py", scripts / "versions")
    shutil.copy(EARLY_0002, scripts / "versions" / "0002_lean_observation_rows.py")
    config = alembic_config(engine)
    config.set_main_option("script_location", str(scripts))
    command.upgrade(config, "0002")


def _batch_keys(engine) -> list[dict]:
    keys = inspect(engine).get_foreign_keys("observation")
    return [key for key in keys if key["constrained_columns"] == ["batch_id"]]


def _add_one_value(engine) -> None:
    """A programme, an indicator, a batch and one stored value (12.5 t in 2019), in plain SQL."""
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO programme (id, slug, name, baseline_year, target_year, created_at, data_version)"
            " VALUES (1, 'leuven', 'Leuven 2030', 2010, 2030, '2026-11-21 10:00:00', 'v1')"))
        conn.execute(text(
            "INSERT INTO indicator (id, programme_id, code, name_nl, name_en, unit, kind, lower_is_better)"
            " VALUES (1, 1, 'emissions.residential', 'Wonen', 'Residential', 't CO2e', 'emissions', true)"))
        conn.execute(text(
            "INSERT INTO import_batch (id, programme_id, kind, file_name, sha256, rows_in_file, rows_added,"
            " rows_superseded, rows_unchanged, rows_skipped, created_by, created_at, status)"
            " VALUES (1, 1, 'indicators', 'inventory.csv', :sha, 1, 1, 0, 0, 0, 'cli:ann',"
            " '2026-11-21 10:00:00', 'completed')"), {"sha": "a" * 64})
        conn.execute(text(
            "INSERT INTO observation (id, programme_id, indicator_id, period, year, value, batch_id, is_current)"
            " VALUES (1, 1, 1, '2019', 2019, 12.5, 1, true)"))
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them, as
            for table in ("programme", "indicator", "import_batch", "observation"):  # copy-db does
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)"))


def test_a_database_migrated_by_the_early_0002_loses_its_stale_key_and_keeps_its_data(
    tmp_path, postgres_templates
):
    backends = []
    for backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            _migrate_with_early_0002(engine, tmp_path / f"early_{backend}")
            assert [key["name"] for key in _batch_keys(engine)] == [STALE_KEY]  # the stale key is there
            _add_one_value(engine)
            migrate(engine)
            assert current_revision(engine) == head_revision()
            assert _batch_keys(engine) == []
            _assert_matches_models(engine)
            with engine.connect() as conn:
                kept = conn.execute(text("SELECT period, value, batch_id FROM observation")).all()
            assert [tuple(row) for row in kept] == [("2019", 12.5, 1)]
            backends.append(backend)
        finally:
            engine.dispose()
    assert backends == ["sqlite"] + (["postgresql"] if _postgres_admin_url()[0] else [])


def test_the_repair_leaves_a_database_of_the_released_0002_as_it_is(tmp_path, postgres_templates):
    for _backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            migrate(engine, "0002")
            assert _batch_keys(engine) == []
            _add_one_value(engine)
            migrate(engine)
            assert _batch_keys(engine) == []
            with engine.connect() as conn:
                assert conn.scalar(text("SELECT value FROM observation WHERE id = 1")) == 12.5
        finally:
            engine.dispose()


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_downgrade_from_the_repair_and_upgrade_again(start, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    migrate(engine)
    command.downgrade(alembic_config(engine), start)
    assert current_revision(engine) == start
    migrate(engine)
    _assert_matches_models(engine)
    engine.dispose()
