"""The help of `roadmap demo` (roadmap_cli/demo_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "demo": SUMMARIES["demo"] + Bilingual(
        "\n\nLoads the emissions inventory, activity indicators, partners and commitments through the "
        "same loaders as `roadmap load`, and adds the demo's target sets and roadmap themes. Refuses "
        "to touch a database that already holds a programme or a user unless --force is given.",
        "\n\nLaadt de uitstootinventaris, de activiteitsindicatoren, de partners en de engagementen met "
        "dezelfde laders als `roadmap load`, en voegt de doelstellingen en de roadmapthema's van de demo "
        "toe. Weigert een databank aan te raken die al een programma of een gebruiker bevat, tenzij "
        "--force gegeven is.",
        "\n\nCharge l'inventaire des émissions, les indicateurs d'activité, les partenaires et les "
        "engagements avec les mêmes chargeurs que `roadmap load`, et ajoute les ensembles d'objectifs "
        "et les thèmes de la feuille de route de la démonstration. Refuse de toucher à une base de "
        "données qui contient déjà un programme ou un utilisateur, sauf si --force est donné."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("demo", "--force"): Bilingual(
        "Start from an empty database even if it holds data: deletes a SQLite file, or drops every "
        "table of a PostgreSQL database, before building the demo.",
        "Begin met een lege databank, ook als ze gegevens bevat: verwijdert een SQLite-bestand, of elke "
        "tabel van een PostgreSQL-databank, voor de demo gebouwd wordt.",
        "Partir d'une base de données vide même si elle contient des données : supprime un fichier "
        "SQLite, ou toutes les tables d'une base de données PostgreSQL, avant de construire la "
        "démonstration."),
}
