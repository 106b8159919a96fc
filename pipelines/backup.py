"""Consistent online backups and restores: SQLite's backup API, PostgreSQL's pg_dump format."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from pipelines import db
from pipelines.copy import copy_database
from pipelines.errors import Bilingual, UserError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


def backup(engine: Engine, path: Path) -> str:
    """Write a consistent copy of the live database to `path`; returns the format written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if db.is_sqlite(engine):
        # The backup API copies a consistent snapshot while readers and writers go on.
        with sqlite3.connect(engine.url.database or "") as src, sqlite3.connect(path) as dst:
            src.backup(dst)
        return "sqlite"
    if engine.dialect.name == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", _libpq_url(engine)])
        return "pg_dump"
    raise UserError(Bilingual(f"backups of {engine.dialect.name} databases are not supported",
                              f"back-ups van {engine.dialect.name}-databanken zijn niet mogelijk",
                              f"les sauvegardes de bases de données {engine.dialect.name} ne sont pas prises en charge"))


def restore(engine: Engine, path: Path) -> str:
    """Replace the database's content with the backup at `path`; returns the format read."""
    if not path.is_file():
        raise UserError(Bilingual(f"no backup file at {path}", f"geen back-upbestand op {path}",
                                  f"aucun fichier de sauvegarde à l'emplacement {path}"))
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        if db.is_sqlite(engine):
            engine.dispose()
            with sqlite3.connect(path) as src, sqlite3.connect(engine.url.database or "") as dst:
                src.backup(dst)
        else:
            # A SQLite backup restored into PostgreSQL: the portable path, row by row.
            _empty(engine)
            source = db.make_engine(f"sqlite:///{path}")
            try:
                copy_database(source, engine)
            finally:
                source.dispose()
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        if engine.dialect.name != "postgresql":
            raise UserError(Bilingual("a pg_dump backup can only be restored into PostgreSQL",
                                      "een pg_dump-back-up kan je alleen in PostgreSQL terugzetten",
                                      "une sauvegarde pg_dump ne peut être restaurée que dans PostgreSQL"))
        engine.dispose()
        _run([
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
            f"--dbname={_libpq_url(engine)}", str(path),
        ])
        return "pg_dump"
    raise UserError(Bilingual(
        f"{path} is not a roadmap backup (neither a SQLite file nor a pg_dump archive)",
        f"{path} is geen back-up van de roadmap (geen SQLite-bestand en geen pg_dump-archief)",
        f"{path} n'est pas une sauvegarde de la feuille de route (ni un fichier SQLite, ni une archive pg_dump)"))


def _empty(engine: Engine) -> None:
    from pipelines.schema import Base

    db.migrate(engine)
    with db.writing(engine) as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


def _libpq_url(engine: Engine) -> str:
    url = make_url(engine.url.render_as_string(hide_password=False)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _run(cmd: list[str]) -> None:
    program = cmd[0]
    if shutil.which(program) is None:
        raise UserError(Bilingual(f"`{program}` is not installed (Debian package postgresql-client)",
                                  f"`{program}` is niet geïnstalleerd (Debian-pakket postgresql-client)",
                                  f"`{program}` n'est pas installé (paquet Debian postgresql-client)"))
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        # The tool's own last line, as it wrote it (its language is the server's locale's).
        said = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode
        raise UserError(Bilingual(f"{program} failed: {said}", f"{program} is mislukt: {said}",
                                  f"{program} a échoué : {said}"))
