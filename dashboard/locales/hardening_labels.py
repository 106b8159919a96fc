"""Labels of the upload page's background imports (progress, queue): key -> (Dutch, English)."""

HARDENING_LABELS: dict[str, tuple[str, str]] = {
    "up_job_queued": (
        "In de wachtrij: de import begint zodra het vorige werk klaar is.",
        "Queued: the import starts as soon as the work before it is done.",
    ),
    "up_job_queued_behind": (
        "In de wachtrij achter {count} andere import(s) van dit programma: deze begint zodra die klaar zijn.",
        "Queued behind {count} other import(s) of this programme: this one starts when they are done.",
    ),
    "up_job_waiting": (
        "Wacht tot een andere import van dit programma klaar is…",
        "Waiting for another import of this programme to finish…",
    ),
    "up_job_running": (
        "Bezig met importeren van {name}… U mag deze pagina open laten; het resultaat verschijnt hier.",
        "Importing {name}… You may leave this page open; the result appears here.",
    ),
    "up_job_progress_label": ("Voortgang van de import", "Import progress"),
    "up_job_rows": ("{done} van {total} rijen", "{done} of {total} rows"),
    "up_job_rows_read": ("{done} rijen gelezen", "{done} rows read"),
    "up_job_unknown": (
        "Deze import is hier niet (meer) bekend; kijk in de importgeschiedenis of hij gelukt is.",
        "This import is not known here (any more); see the import history for whether it ran.",
    ),
}

HARDENING_FRENCH: dict[str, str] = {
    "up_job_queued": "En file d'attente : l'import commence dès que le travail précédent est terminé.",
    "up_job_queued_behind": (
        "En file d'attente derrière {count} autre(s) import(s) de ce programme : celui-ci commence "
        "quand ils sont terminés."
    ),
    "up_job_waiting": "Attente de la fin d'un autre import de ce programme…",
    "up_job_running": "Import de {name} en cours… Vous pouvez laisser cette page ouverte ; le résultat apparaît ici.",
    "up_job_progress_label": "Progression de l'import",
    "up_job_rows": "{done} lignes sur {total}",
    "up_job_rows_read": "{done} lignes lues",
    "up_job_unknown": (
        "Cet import n'est pas (plus) connu ici ; consultez l'historique des imports pour savoir s'il a abouti."
    ),
}
