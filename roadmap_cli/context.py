"""What every command gets: settings, a database engine, and the programme it acts on."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

import click
from sqlalchemy import Engine

from pipelines.db import current_revision, has_schema, head_revision, make_engine
from pipelines.errors import Bilingual, UserError
from pipelines.schema import Programme
from pipelines.settings import Settings


@dataclass
class AppContext:
    programme_slug: str | None = None
    database_url: str | None = None
    lang: str = "en"  # the language of the command's messages (roadmap_cli.language)
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        return Settings.from_env(database_url=self.database_url, programme=self.programme_slug)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.settings.database_url)
        return self._engine

    def ready_engine(self, current_schema: bool = True) -> Engine:
        """The engine of a database that `roadmap init` has set up (else a clear error).

        With `current_schema`, the database must also be migrated to this version's schema:
        an older one gets a clear request to migrate, not errors from missing columns.
        """
        where = self.engine.url.render_as_string()
        if not has_schema(self.engine):
            raise UserError(Bilingual(f"no roadmap database at {where}: run `roadmap init` first",
                                      f"geen roadmap-databank op {where}: voer eerst `roadmap init` uit",
                                      f"aucune base de données de la feuille de route à {where} : "
                                      "exécutez d'abord `roadmap init`"))
        if current_schema:
            found, wanted = current_revision(self.engine), head_revision()
            if found != wanted:
                raise UserError(Bilingual(
                    f"the database at {where} has schema revision {found}, this version needs "
                    f"{wanted}: back it up (`roadmap backup FILE`), then run `roadmap init` to migrate it",
                    f"de databank op {where} heeft schemaversie {found}, deze versie heeft {wanted} nodig: "
                    "maak een back-up (`roadmap backup BESTAND`) en voer dan `roadmap init` uit om ze bij te werken",
                    f"la base de données à {where} a la révision de schéma {found}, cette version requiert "
                    f"{wanted} : sauvegardez-la (`roadmap backup FICHIER`), puis exécutez `roadmap init` "
                    "pour la migrer"))
        return self.engine

    def programme(self) -> Programme:
        from pipelines.programmes import resolve_programme

        return resolve_programme(self.ready_engine(), self.settings.programme)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


pass_app = click.make_pass_decorator(AppContext)


def cli_user() -> str:
    """Who the audit log and import history name for a command: 'cli:' and the login name."""
    try:
        return f"cli:{getpass.getuser()}"[:100]
    except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
        return "cli"
