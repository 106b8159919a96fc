"""The help of `roadmap worker` and `roadmap jobs prune` (roadmap_cli/worker_commands.py) in Dutch
and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "worker": SUMMARIES["worker"] + Bilingual(
        "\n\nStart one or more on any host that reaches Redis and the database, next to `roadmap serve "
        "--production` with REDIS_URL set (IMPORT_JOBS=auto or rq). Each job's state and progress go "
        "to the database's import_job table, where the upload page reads them.",
        "\n\nStart er een of meer op elke host die Redis en de databank bereikt, naast `roadmap serve "
        "--production` met REDIS_URL ingesteld (IMPORT_JOBS=auto of rq). De toestand en de voortgang van "
        "elke taak gaan naar de tabel import_job van de databank, waar de uploadpagina ze leest.",
        "\n\nEn lancer un ou plusieurs sur tout hôte qui atteint Redis et la base de données, à côté de "
        "`roadmap serve --production` avec REDIS_URL défini (IMPORT_JOBS=auto ou rq). L'état et "
        "l'avancement de chaque tâche vont dans la table import_job de la base de données, où la page de "
        "téléversement les lit."),
    "jobs": SUMMARIES["jobs"],
    "jobs prune": Bilingual(
        "Fail the jobs whose process died, then delete finished jobs older than --days.\n\n"
        "A dead job's import was one transaction that the database rolled back: nothing of it was "
        "written. Waits for an import that holds the database (SQLite) to finish.",
        "Markeer de taken waarvan het proces gestopt is als mislukt en verwijder dan de afgeronde taken "
        "die ouder zijn dan --days.\n\n"
        "De import van een dode taak was één transactie die de databank heeft teruggedraaid: er is niets "
        "van geschreven. Wacht tot een import die de databank bezet houdt (SQLite) klaar is.",
        "Mettre en échec les tâches dont le processus est mort, puis supprimer les tâches terminées plus "
        "anciennes que --days.\n\n"
        "L'import d'une tâche morte était une seule transaction que la base de données a annulée : rien "
        "n'en a été écrit. Attend la fin d'un import qui occupe la base de données (SQLite)."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("worker", "--burst"): Bilingual(
        "Run the jobs queued now, then stop (for scripts and tests).",
        "Voer de taken uit die nu in de wachtrij staan en stop dan (voor scripts en tests).",
        "Exécuter les tâches qui sont maintenant en file d'attente, puis s'arrêter (pour les scripts et "
        "les tests)."),
    ("jobs prune", "--days"): Bilingual(
        "Delete finished jobs that ended more than this many days ago (default: IMPORT_JOBS_KEEP_DAYS).",
        "Verwijder afgeronde taken die meer dan dit aantal dagen geleden eindigden (standaard: "
        "IMPORT_JOBS_KEEP_DAYS).",
        "Supprimer les tâches terminées qui ont pris fin il y a plus de ce nombre de jours (par défaut : "
        "IMPORT_JOBS_KEEP_DAYS)."),
}
