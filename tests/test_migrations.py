"""Alembic: an empty database and a database at every earlier revision upgrade to the models."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from pipelines.db import alembic_config, current_revision, make_engine, migrate
from pipelines.schema import Base
from tests.conftest import WORKER, _postgres_admin_url

REVISIONS = [
    rev.revision
    for rev in reversed(list(ScriptDirectory.from_config(alembic_config(None)).walk_revisions()))
]


def _empty_database_urls(tmp_path, postgres_templates):
    yield "sqlite", f"sqlite:///{tmp_path / 'empty.db'}"
    templates, _reason = postgres_templates
    if templates is not None:
        # Unique on the server: parallel workers (and other runs) have tmp_paths of the same name.
        name = f"roadmap_mig_{WORKER}_{uuid.uuid4().hex[:10]}"
        templates._exec(f'CREATE DATABASE "{name}"')
        try:
            yield "postgresql", templates._url(name)
        finally:
            templates.drop(name)


def _assert_matches_models(engine) -> None:
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


@pytest.mark.parametrize("start", [None, *REVISIONS[:-1]], ids=lambda r: f"from-{r or 'empty'}")
def test_upgrade_to_head_from_every_earlier_revision(start, tmp_path, postgres_templates):
    backends = []
    for backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            if start is not None:
                migrate(engine, start)
                assert current_revision(engine) == start
            migrate(engine)
            assert current_revision(engine) == REVISIONS[-1]
            _assert_matches_models(engine)
            assert inspect(engine).has_table("observation")
            backends.append(backend)
        finally:
            engine.dispose()
    expected = ["sqlite"] + (["postgresql"] if _postgres_admin_url()[0] else [])
    assert backends == expected


def test_commands_on_a_database_at_another_revision_ask_to_migrate_it(engine, programme_id):
    from click.testing import CliRunner
    from sqlalchemy import text

    from roadmap_cli import main

    with engine.begin() as conn:  # as if made by an older version of the code
        conn.execute(text("UPDATE alembic_version SET version_num = '0000_older'"))
    url = engine.url.render_as_string(hide_password=False)
    done = CliRunner().invoke(main, ["--database-url", url, "status"])
    assert done.exit_code == 1
    assert "has schema revision 0000_older" in done.output
    assert "run `roadmap init` to migrate it" in done.output
    assert "Traceback" not in done.output


def test_the_quick_revision_checks_agree_with_alembic(engine):
    # Every command compares the two without loading Alembic; Alembic has the last word.
    from alembic.runtime.migration import MigrationContext

    from pipelines.db import head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config(None)).get_current_head()
    with engine.connect() as conn:
        assert current_revision(engine) == MigrationContext.configure(conn).get_current_revision()
    assert current_revision(engine) == head_revision()


def test_existing_programmes_get_the_reported_total_indicator(tmp_path):
    # A programme made before 0004 has no emissions.total; the migration adds exactly one.
    from sqlalchemy import text

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        migrate(engine, "0002")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO programme (slug, name, baseline_year, target_year, data_version, created_at) "
                "VALUES ('old', 'Old', 2019, 2030, 'v1', '2026-01-01 00:00:00')"))
        migrate(engine, "0004_reported_totals")
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT kind, sector_code, unit, name_en FROM indicator WHERE code = 'emissions.total'"
            )).all()
        assert [tuple(r) for r in rows] == [("emissions", None, "t CO2e", "Reported total emissions")]
    finally:
        engine.dispose()
