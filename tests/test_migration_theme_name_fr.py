"""Migration 0011: themes get a French name column (empty for existing themes), and a downgrade
drops it again without losing the themes."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from pipelines.db import alembic_config, current_revision, make_engine, migrate
from tests.conftest import _postgres_admin_url
from tests.test_migrations import _empty_database_urls


def _add_programme_and_theme(engine) -> None:
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO programme (id, slug, name, baseline_year, target_year, created_at, data_version)"
            " VALUES (1, 'leuven', 'Leuven', 2019, 2050, '2026-01-01', 'v1')"))
        conn.execute(text("INSERT INTO theme (id, programme_id, code, name_nl, name_en)"
                          " VALUES (1, 1, 'P04', 'Mobiliteit', 'Mobility')"))


def _themes(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text("SELECT * FROM theme ORDER BY id"))]


def test_existing_themes_get_no_french_name_and_a_downgrade_keeps_them(tmp_path, postgres_templates):
    backends = []
    for backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            migrate(engine, "0010_import_job_lease")
            _add_programme_and_theme(engine)
            migrate(engine, "0011_theme_name_fr")
            assert current_revision(engine) == "0011_theme_name_fr"
            with engine.begin() as conn:
                assert conn.scalar(text("SELECT name_fr FROM theme WHERE id = 1")) is None
                conn.execute(text("UPDATE theme SET name_fr = 'Mobilité' WHERE id = 1"))

            command.downgrade(alembic_config(engine), "0010_import_job_lease")

            assert current_revision(engine) == "0010_import_job_lease"
            assert "name_fr" not in {c["name"] for c in inspect(engine).get_columns("theme")}
            assert _themes(engine) == [(1, 1, "P04", "Mobiliteit", "Mobility")]
            migrate(engine, "0011_theme_name_fr")
            assert _themes(engine) == [(1, 1, "P04", "Mobiliteit", "Mobility", None)]
            backends.append(backend)
        finally:
            engine.dispose()
    assert backends == ["sqlite"] + (["postgresql"] if _postgres_admin_url()[0] else [])
