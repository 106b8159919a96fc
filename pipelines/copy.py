"""Copy a whole roadmap database to another backend (e.g. SQLite to PostgreSQL), intact."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, Table, delete, func, select, text

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.schema import Base, Programme, Sector

CHUNK = 5000


def copy_database(
    source: Engine, target: Engine, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of `source` into `target` (migrated, holding no programme yet).

    Ids are kept, so every reference (observation → batch, commitment → partner, audit rows)
    stays intact; PostgreSQL sequences are moved past the copied ids. Returns rows per table.
    """
    # A source at an older revision is upgraded first, so both have the same tables.
    db.migrate(source)
    db.migrate(target)
    with target.connect() as conn:
        if conn.scalar(select(func.count()).select_from(Programme)):
            where = target.url.render_as_string()
            raise UserError(Bilingual(
                f"the target database {where} already holds programmes; copy into an empty database",
                f"de doeldatabank {where} bevat al programma's; kopieer naar een lege databank",
                f"la base de données cible {where} contient déjà des programmes ; copiez vers une base vide"))
    counts: dict[str, int] = {}
    with source.connect() as src, db.writing(target) as dst:
        # Standard sectors may already be seeded in the target: replace them with the source's.
        dst.execute(delete(Sector))
        for table in Base.metadata.sorted_tables:
            counts[table.name] = _copy_table(src, dst, table, progress)
        if target.dialect.name == "postgresql":
            _reset_sequences(dst)
    return counts


def _copy_table(src, dst, table: Table, progress) -> int:
    order = list(table.primary_key.columns)
    result = src.execution_options(stream_results=True).execute(select(table).order_by(*order))
    copied = 0
    while rows := result.fetchmany(CHUNK):
        dst.execute(table.insert(), [dict(r._mapping) for r in rows])
        copied += len(rows)
        if progress:
            progress(table.name, copied)
    return copied


def _reset_sequences(conn) -> None:
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].type.python_type is not int or table.name.startswith("derived_"):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
            )
        )


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, to check that a copy or a restore is complete."""
    with engine.connect() as conn:
        return {
            t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables
        }
