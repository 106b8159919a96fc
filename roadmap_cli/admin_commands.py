"""`roadmap backup`, `roadmap restore` and `roadmap copy-db`: keep and move the database."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.errors import Bilingual, UserError, plural
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import confirm, say


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def backup_command(app: AppContext, file: Path) -> None:
    """Write a consistent copy of the live database to FILE.

    SQLite: a SQLite file made with the online backup API. PostgreSQL: a pg_dump archive
    (custom format). Readers and imports may go on meanwhile.
    """
    from pipelines.backup import backup

    kind = backup(app.ready_engine(current_schema=False), file)
    where = app.engine.url.render_as_string()
    say(Bilingual(f"Backed up {where} to {file} ({kind}).", f"Back-up van {where} gemaakt in {file} ({kind}).",
                  f"{where} sauvegardée dans {file} ({kind})."))


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def restore_command(app: AppContext, file: Path, yes: bool) -> None:
    """Replace the database's content with the backup in FILE.

    A SQLite backup restores into SQLite or (row by row) into PostgreSQL; a pg_dump archive
    into PostgreSQL.
    """
    from pipelines.backup import restore

    target = app.engine.url.render_as_string()
    confirm(Bilingual(f"Replace everything in {target} with {file}?", f"Alles in {target} vervangen door {file}?",
                      f"Remplacer tout le contenu de {target} par {file} ?"), yes, Bilingual(
        "restore replaces every row of the database: pass --yes to confirm",
        "terugzetten vervangt elke rij van de databank: geef --yes mee om te bevestigen",
        "la restauration remplace chaque ligne de la base de données : ajoutez --yes pour confirmer"))
    kind = restore(app.engine, file)
    say(Bilingual(f"Restored {target} from {file} ({kind}).", f"{target} teruggezet uit {file} ({kind}).",
                  f"{target} restaurée depuis {file} ({kind})."))


@click.command("copy-db")
@click.option("--from", "source_url", required=True, help="SQLAlchemy URL to copy from.")
@click.option("--to", "target_url", required=True, help="SQLAlchemy URL to copy into (no programme yet).")
def copy_db_command(source_url: str, target_url: str) -> None:
    """Copy a whole roadmap database to another one, e.g. from SQLite to PostgreSQL.

    Every row keeps its id, so history, provenance and audit logs stay intact. The target is
    migrated first and must not hold a programme yet.
    """
    from pipelines.copy import copy_database, table_counts
    from pipelines.db import has_schema, make_engine

    source, target = make_engine(source_url), make_engine(target_url)
    try:
        if not has_schema(source):
            raise UserError(Bilingual(f"{source_url} is not a roadmap database",
                                      f"{source_url} is geen roadmap-databank",
                                      f"{source_url} n'est pas une base de données de la feuille de route"))
        counts = copy_database(source, target)
        if table_counts(target) != table_counts(source):
            raise UserError(Bilingual(
                "the copy is incomplete: row counts differ (nothing was kept)",
                "de kopie is onvolledig: de aantallen rijen verschillen (er is niets bewaard)",
                "la copie est incomplète : les nombres de lignes diffèrent (rien n'a été conservé)"))
    finally:
        source.dispose()
        target.dispose()
    total, tables, where = sum(counts.values()), len(counts), make_engine(target_url).url.render_as_string()
    say(plural(total, Bilingual(f"Copied {total} rows in {tables} tables to {where}.",
                                f"{total} rij in {tables} tabellen gekopieerd naar {where}.",
                                f"{total} ligne de {tables} tables copiée dans {where}."),
               Bilingual(f"Copied {total} rows in {tables} tables to {where}.",
                         f"{total} rijen in {tables} tabellen gekopieerd naar {where}.",
                         f"{total} lignes de {tables} tables copiées dans {where}.")))


COMMANDS = [backup_command, restore_command, copy_db_command]
