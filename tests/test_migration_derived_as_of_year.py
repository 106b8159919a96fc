"""Migration 0012: programmes get the year their derived tables were computed for (none for the
existing ones, so the first year check rebuilds them), and a downgrade drops it again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from pipelines import year_turn
from pipelines.db import alembic_config, current_revision, make_engine, migrate
from tests.conftest import _postgres_admin_url
from tests.test_migrations import _assert_matches_models, _empty_database_urls


def _programmes(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text("SELECT id, slug, data_version FROM programme ORDER BY id"))]


def test_existing_programmes_are_rebuilt_at_the_first_check_and_a_downgrade_keeps_them(tmp_path, postgres_templates):
    backends = []
    for backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            migrate(engine, "0011_theme_name_fr")
            with engine.begin() as conn:
                conn.execute(text(
                    "INSERT INTO programme (id, slug, name, baseline_year, target_year, created_at, data_version)"
                    " VALUES (1, 'leuven', 'Leuven', 2019, 2050, '2026-01-01', 'v1')"))
                conn.execute(text(
                    "INSERT INTO target_set (id, programme_id, name, is_primary, baseline_year, target_year,"
                    " pathway_method) VALUES (1, 1, 'Neutral', TRUE, 2019, 2050, 'linear')"))
                conn.execute(text(
                    "INSERT INTO derived_summary (programme_id, target_set_id, sector_code, status, summary,"
                    " computed_at) VALUES (1, 1, 'total', 'unknown', '{}', '2026-01-01')"))
            migrate(engine, "0012_derived_as_of_year")
            assert current_revision(engine) == "0012_derived_as_of_year"
            _assert_matches_models(engine)
            with engine.connect() as conn:
                assert conn.scalar(text("SELECT derived_as_of_year FROM programme WHERE id = 1")) is None
                assert year_turn.stale_programmes(conn, 2026) == [1]

            command.downgrade(alembic_config(engine), "0011_theme_name_fr")

            assert current_revision(engine) == "0011_theme_name_fr"
            assert "derived_as_of_year" not in {c["name"] for c in inspect(engine).get_columns("programme")}
            assert _programmes(engine) == [(1, "leuven", "v1")]
            backends.append(backend)
        finally:
            engine.dispose()
    assert backends == ["sqlite"] + (["postgresql"] if _postgres_admin_url()[0] else [])
