"""Migration 0013: every programme's derived tables are made again once, under the rule that
change and progress wait for a year after the baseline (its summary said 0 % before)."""

from __future__ import annotations

from sqlalchemy import text

from pipelines import year_turn
from pipelines.db import current_revision, make_engine, migrate
from tests.conftest import _postgres_admin_url
from tests.test_migrations import _empty_database_urls


def test_every_programme_with_summaries_is_rebuilt_at_the_first_check(tmp_path, postgres_templates):
    backends = []
    for backend, url in _empty_database_urls(tmp_path, postgres_templates):
        engine = make_engine(url)
        try:
            migrate(engine, "0012_derived_as_of_year")
            with engine.begin() as conn:
                for pid, slug in ((1, "leuven"), (2, "leiden")):
                    conn.execute(text(
                        "INSERT INTO programme (id, slug, name, baseline_year, target_year, created_at, data_version,"
                        f" derived_as_of_year) VALUES ({pid}, '{slug}', '{slug}', 2019, 2050, '2026-01-01', 'v1', 2026)"))
                    conn.execute(text(
                        "INSERT INTO target_set (id, programme_id, name, is_primary, baseline_year, target_year,"
                        f" pathway_method) VALUES ({pid}, {pid}, 'Neutral', TRUE, 2019, 2050, 'linear')"))
                conn.execute(text(  # Leiden has nothing derived (no target value, nothing loaded)
                    "INSERT INTO derived_summary (programme_id, target_set_id, sector_code, status, summary,"
                    " computed_at) VALUES (1, 1, 'total', 'unknown', '{}', '2026-01-01')"))
                assert year_turn.stale_programmes(conn, 2026) == []  # up to date for the year

            migrate(engine)

            assert current_revision(engine) == "0013_rebuild_for_no_later_year"
            with engine.connect() as conn:
                assert conn.scalar(text("SELECT count(*) FROM programme WHERE derived_as_of_year IS NULL")) == 2
                assert year_turn.stale_programmes(conn, 2026) == [1]  # the one with summaries to make again
                assert conn.scalar(text("SELECT data_version FROM programme WHERE id = 1")) == "v1"
            backends.append(backend)
        finally:
            engine.dispose()
    assert backends == ["sqlite"] + (["postgresql"] if _postgres_admin_url()[0] else [])
