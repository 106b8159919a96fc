"""What every command gets: settings, a database engine, and the programme it acts on."""

from __future__ import annotations

from dataclasses import dataclass, field

import click
from sqlalchemy import Engine

from pipelines.db import has_schema, make_engine
from pipelines.errors import UserError
from pipelines.schema import Programme
from pipelines.settings import Settings


@dataclass
class AppContext:
    programme_slug: str | None = None
    database_url: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return Settings.from_env(database_url=self.database_url, programme=self.programme_slug)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.settings.database_url)
        return self._engine

    def ready_engine(self) -> Engine:
        """The engine of a database that `roadmap init` has set up (else a clear error)."""
        if not has_schema(self.engine):
            raise UserError(
                f"no roadmap database at {self.engine.url.render_as_string()}: run `roadmap init` first"
            )
        return self.engine

    def programme(self) -> Programme:
        from pipelines.programmes import resolve_programme

        return resolve_programme(self.ready_engine(), self.settings.programme)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


pass_app = click.make_pass_decorator(AppContext)
