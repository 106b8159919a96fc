"""The help of `roadmap serve` (roadmap_cli/serve_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "serve": SUMMARIES["serve"] + Bilingual(
        "\n\nWithout --production: Flask's development server, one process, for a laptop. With "
        "--production: gunicorn with --workers processes (see the README's Deployment section). "
        "The database must exist: `roadmap demo` builds one with the demo data, `roadmap init` "
        "an empty one to load your own files into.",
        "\n\nZonder --production: de ontwikkelserver van Flask, één proces, voor een laptop. Met "
        "--production: gunicorn met --workers processen (zie de sectie Deployment van de README). De "
        "databank moet bestaan: `roadmap demo` bouwt er een met de demogegevens, `roadmap init` een lege "
        "om je eigen bestanden in te laden.",
        "\n\nSans --production : le serveur de développement de Flask, un seul processus, pour un "
        "ordinateur portable. Avec --production : gunicorn avec --workers processus (voir la section "
        "Deployment du README). La base de données doit exister : `roadmap demo` en construit une avec "
        "les données de démonstration, `roadmap init` une vide dans laquelle charger vos propres "
        "fichiers."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("serve", "--host"): Bilingual("Address to listen on (default: $ROADMAP_HOST, else 127.0.0.1).",
                                   "Adres om op te luisteren (standaard: $ROADMAP_HOST, anders 127.0.0.1).",
                                   "Adresse d'écoute (par défaut : $ROADMAP_HOST, sinon 127.0.0.1)."),
    ("serve", "--port"): Bilingual("Port to listen on (default: $ROADMAP_PORT, else 8050).",
                                   "Poort om op te luisteren (standaard: $ROADMAP_PORT, anders 8050).",
                                   "Port d'écoute (par défaut : $ROADMAP_PORT, sinon 8050)."),
    ("serve", "--debug"): Bilingual("Dash's debug mode: reloads on code changes, shows errors.",
                                    "De debugmodus van Dash: herlaadt bij wijzigingen in de code, toont fouten.",
                                    "Le mode de débogage de Dash : recharge à chaque modification du code, "
                                    "affiche les erreurs."),
    ("serve", "--production"): Bilingual(
        "Serve with gunicorn and several worker processes (needs SECRET_KEY).",
        "Serveer met gunicorn en meerdere workerprocessen (vereist SECRET_KEY).",
        "Servir avec gunicorn et plusieurs processus de travail (nécessite SECRET_KEY)."),
    ("serve", "--workers"): Bilingual(
        "gunicorn workers with --production (default: $ROADMAP_WORKERS, else 2).",
        "Aantal gunicorn-workers met --production (standaard: $ROADMAP_WORKERS, anders 2).",
        "Nombre de processus gunicorn avec --production (par défaut : $ROADMAP_WORKERS, sinon 2)."),
    ("serve", "--bind"): Bilingual("Address with --production (default: --host and --port).",
                                   "Adres met --production (standaard: --host en --port).",
                                   "Adresse avec --production (par défaut : --host et --port)."),
}
