"""Alembic environment: runs on the engine the caller passes (see pipelines.db.migrate)."""

from alembic import context
from sqlalchemy import pool

from pipelines.db import make_engine
from pipelines.schema import Base
from pipelines.settings import Settings

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(Settings.from_env().database_url, poolclass=pool.NullPool)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
