"""The help of `roadmap backup`, `restore` and `copy-db` (roadmap_cli/admin_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import CONFIRMATION, SUMMARIES

HELP: dict[str, Bilingual] = {
    "backup": SUMMARIES["backup"] + Bilingual(
        "\n\nSQLite: a SQLite file made with the online backup API. PostgreSQL: a pg_dump archive "
        "(custom format). Readers and imports may go on meanwhile.",
        "\n\nSQLite: een SQLite-bestand, gemaakt met de online-back-up-API. PostgreSQL: een pg_dump-archief "
        "(custom-formaat). Lezers en imports kunnen intussen doorgaan.",
        "\n\nSQLite : un fichier SQLite créé avec l'API de sauvegarde en ligne. PostgreSQL : une archive "
        "pg_dump (format custom). Les lectures et les imports peuvent continuer pendant ce temps."),
    "restore": SUMMARIES["restore"] + Bilingual(
        "\n\nA SQLite backup restores into SQLite or (row by row) into PostgreSQL; a pg_dump archive "
        "into PostgreSQL.",
        "\n\nEen SQLite-back-up wordt teruggezet in SQLite of (rij per rij) in PostgreSQL; een "
        "pg_dump-archief in PostgreSQL.",
        "\n\nUne sauvegarde SQLite se restaure dans SQLite ou (ligne par ligne) dans PostgreSQL ; une archive "
        "pg_dump dans PostgreSQL."),
    "copy-db": SUMMARIES["copy-db"] + Bilingual(
        "\n\nEvery row keeps its id, so history, provenance and audit logs stay intact. The target is "
        "migrated first and must not hold a programme yet.",
        "\n\nElke rij behoudt haar id, zodat de geschiedenis, de herkomst en de logboeken intact blijven. De "
        "doeldatabank wordt eerst bijgewerkt en mag nog geen programma bevatten.",
        "\n\nChaque ligne garde son id, de sorte que l'historique, la provenance et les journaux d'audit "
        "restent intacts. La base de destination est d'abord migrée et ne doit encore contenir aucun "
        "programme."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("restore", "--yes"): CONFIRMATION,
    ("copy-db", "--from"): Bilingual("SQLAlchemy URL to copy from.",
                                     "SQLAlchemy-URL van de databank om te kopiëren.",
                                     "URL SQLAlchemy de la base de données à copier."),
    ("copy-db", "--to"): Bilingual("SQLAlchemy URL to copy into (no programme yet).",
                                   "SQLAlchemy-URL van de databank om naar te kopiëren (nog zonder programma).",
                                   "URL SQLAlchemy de la base de données où copier (encore sans programme)."),
}
