"""Backups restore exactly what was there; copy-db moves a programme between backends intact."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipelines.copy import table_counts
from pipelines.db import make_engine
from pipelines.programmes import create_programme, init_database
from pipelines.schema import ImportBatch, Indicator, Observation, Partner
from roadmap_cli import main
from tests.conftest import LEUVEN, fresh_database


def _add_observations(
    engine, programme_id: int, values: dict[str, float], partner: str | None = None
) -> None:
    with Session(engine) as s:
        indicator = s.scalar(
            select(Indicator).where(
                Indicator.programme_id == programme_id, Indicator.code == "emissions.transport"
            )
        )
        batch = ImportBatch(
            programme_id=programme_id, kind="indicators", file_name="t.csv", sha256="0" * 64,
            created_by="test",
        )
        s.add(batch)
        s.flush()
        for period, value in values.items():
            s.add(Observation(
                programme_id=programme_id, indicator_id=indicator.id, period=period,
                year=int(period[:4]), value=value, batch_id=batch.id,
            ))
        if partner:
            s.add(Partner(programme_id=programme_id, name=partner, type="knowledge", batch_id=batch.id))
        s.commit()


def _values(engine) -> list[tuple[str, float]]:
    with Session(engine) as s:
        return list(s.execute(select(Observation.period, Observation.value).order_by(Observation.period)))


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_backup_then_restore_brings_back_exactly_the_backed_up_rows(engine, programme_id, tmp_path):
    _add_observations(engine, programme_id, {"2019": 64629.0, "2020": 58000.0}, "KU Leuven")
    before = table_counts(engine)
    runner = CliRunner()
    backup_file = tmp_path / "roadmap.backup"
    done = runner.invoke(main, ["--database-url", _url(engine), "backup", str(backup_file)])
    assert done.exit_code == 0, done.output
    assert backup_file.stat().st_size > 0

    _add_observations(engine, programme_id, {"2021": 1.0})  # a change after the backup
    assert table_counts(engine) != before

    done = runner.invoke(main, ["--database-url", _url(engine), "restore", str(backup_file), "--yes"])
    assert done.exit_code == 0, done.output
    engine.dispose()
    assert table_counts(engine) == before
    assert _values(engine) == [("2019", 64629.0), ("2020", 58000.0)]


def test_restore_refuses_a_file_that_is_not_a_backup(engine, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    done = CliRunner().invoke(main, ["--database-url", _url(engine), "restore", str(junk), "--yes"])
    assert done.exit_code == 1
    assert "is not a roadmap backup" in done.output
    assert "Traceback" not in done.output


def test_restore_without_yes_and_without_terminal_refuses(engine, programme_id, tmp_path):
    backup_file = tmp_path / "b.backup"
    CliRunner().invoke(main, ["--database-url", _url(engine), "backup", str(backup_file)])
    done = CliRunner().invoke(main, ["--database-url", _url(engine), "restore", str(backup_file)])
    assert done.exit_code == 1
    assert "pass --yes" in done.output


@pytest.fixture
def sqlite_source(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'source.db'}"
    source = make_engine(url)
    init_database(source)
    pid = create_programme(source, LEUVEN)
    _add_observations(source, pid, {"2010": 68028.0, "2019": 64629.0}, "KU Leuven <b>")
    source.dispose()
    return url


def test_copy_db_moves_every_row_and_keeps_ids(sqlite_source, engine):
    source = make_engine(sqlite_source)
    done = CliRunner().invoke(main, ["copy-db", "--from", sqlite_source, "--to", _url(engine)])
    assert done.exit_code == 0, done.output
    assert table_counts(engine) == table_counts(source)
    assert _values(engine) == [("2010", 68028.0), ("2019", 64629.0)]
    with Session(engine) as s:
        assert s.scalar(select(Partner.name)) == "KU Leuven <b>"
        # New rows after the copy get fresh ids (PostgreSQL sequences moved past the copied ones).
        pid = s.scalar(select(Partner.programme_id))
    _add_observations(engine, pid, {"2024": 50000.0})
    assert len(_values(engine)) == 3
    source.dispose()


def test_copy_db_refuses_a_target_that_already_holds_a_programme(sqlite_source, engine, programme_id):
    done = CliRunner().invoke(main, ["copy-db", "--from", sqlite_source, "--to", _url(engine)])
    assert done.exit_code == 1
    assert "already holds programmes" in done.output


def test_sqlite_backup_restores_into_postgresql_too(sqlite_source, postgres_templates, sqlite_template, tmp_path):
    with fresh_database("postgresql", tmp_path, sqlite_template, postgres_templates) as pg_url:
        source, target = make_engine(sqlite_source), make_engine(pg_url)
        try:
            backup_file = tmp_path / "from_sqlite.backup"
            CliRunner().invoke(main, ["--database-url", sqlite_source, "backup", str(backup_file)])
            done = CliRunner().invoke(main, ["--database-url", pg_url, "restore", str(backup_file), "--yes"])
            assert done.exit_code == 0, done.output
            assert table_counts(target) == table_counts(source)
            assert _values(target) == [("2010", 68028.0), ("2019", 64629.0)]
        finally:
            source.dispose()
            target.dispose()
