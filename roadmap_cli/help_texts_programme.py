"""The help of `roadmap programme add|list|show|remove|refresh` (roadmap_cli/programme_commands.py)
in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import CONFIRMATION, JSON_TABLE, SUMMARIES

HELP: dict[str, Bilingual] = {
    "programme": SUMMARIES["programme"],
    "programme add": Bilingual(
        "Add a programme for AREA_NAME (its slug is made from the name unless --slug is given).",
        "Voeg een programma toe voor AREA_NAME (de korte naam wordt uit de naam gemaakt, tenzij --slug "
        "gegeven is).",
        "Ajouter un programme pour AREA_NAME (son nom court est tiré du nom, sauf si --slug est donné)."),
    "programme list": Bilingual(
        "List the programmes: slug, name, areas, baseline, target and years of data.",
        "Toon de programma's: korte naam, naam, gebieden, basisjaar, doel en jaren met gegevens.",
        "Lister les programmes : nom court, nom, zones, année de référence, objectif et années de données."),
    "programme show": Bilingual(
        "Show one programme: its area names and codes, population series, baseline and target.",
        "Toon één programma: de namen en codes van zijn gebied, de reeks inwonersaantallen, het basisjaar "
        "en het doel.",
        "Afficher un programme : les noms et codes de sa zone, sa série de population, son année de "
        "référence et son objectif."),
    "programme remove": Bilingual(
        "Remove programme SLUG with all its data (values, imports, targets, partners).",
        "Verwijder programma SLUG met al zijn gegevens (waarden, imports, doelen, partners).",
        "Supprimer le programme SLUG avec toutes ses données (valeurs, imports, objectifs, partenaires)."),
    "programme refresh": Bilingual(
        "Rebuild the progress tables of every programme computed for an earlier year.\n\n"
        "Years left and overdue commitments hold for the year the tables were rebuilt in. The dashboard "
        "does this itself on its first request after 1 January; run it from cron where the dashboard "
        "cannot write (a read-only deployment).",
        "Bereken de voortgangstabellen opnieuw van elk programma waarvoor ze voor een vroeger jaar "
        "berekend zijn.\n\n"
        "De resterende jaren en de achterstallige engagementen gelden voor het jaar waarin de tabellen "
        "herberekend werden. Het dashboard doet dit zelf bij zijn eerste verzoek na 1 januari; voer het "
        "uit vanuit cron waar het dashboard niet kan schrijven (een installatie met alleen leesrechten).",
        "Recalculer les tableaux de progression de chaque programme calculés pour une année "
        "antérieure.\n\n"
        "Les années restantes et les engagements en retard valent pour l'année au cours de laquelle les "
        "tableaux ont été recalculés. Le tableau de bord le fait lui-même à sa première requête après le "
        "1er janvier ; lancez-le depuis cron là où le tableau de bord ne peut pas écrire (une installation "
        "en lecture seule)."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("programme add", "--name"): Bilingual("Programme name (default: the area name).",
                                           "Naam van het programma (standaard: de naam van het gebied).",
                                           "Nom du programme (par défaut : le nom de la zone)."),
    ("programme add", "--slug"): Bilingual(
        "Short name for --programme (default: from the area name, e.g. den-haag).",
        "Korte naam voor --programme (standaard: gemaakt uit de naam van het gebied, bv. den-haag).",
        "Nom court pour --programme (par défaut : tiré du nom de la zone, p. ex. den-haag)."),
    ("programme add", "--area-name"): Bilingual(
        "Another name of the area (The Hague); repeatable.",
        "Een andere naam van het gebied (The Hague); meermaals mogelijk.",
        "Un autre nom de la zone (The Hague) ; répétable."),
    ("programme add", "--area-code"): Bilingual(
        "A code of the area, KIND:VALUE (cbs:GM0546, nis:24062); repeatable.",
        "Een code van het gebied, KIND:VALUE (cbs:GM0546, nis:24062); meermaals mogelijk.",
        "Un code de la zone, KIND:VALUE (cbs:GM0546, nis:24062) ; répétable."),
    ("programme add", "--population"): Bilingual(
        "Inhabitants in a year (2019=124306); repeatable.",
        "Aantal inwoners in een jaar (2019=124306); meermaals mogelijk.",
        "Nombre d'habitants une année donnée (2019=124306) ; répétable."),
    ("programme add", "--target-residual-pct"): Bilingual(
        "A primary target set: emissions left at the target year in % of the baseline (0 = neutral). "
        "Default: none.",
        "Een hoofddoelstelling: uitstoot die in het doeljaar overblijft in % van het basisjaar "
        "(0 = neutraal). Standaard: geen.",
        "Un ensemble d'objectifs principal : émissions restantes l'année cible en % de l'année de "
        "référence (0 = neutralité). Par défaut : aucun."),
    ("programme list", "--json"): JSON_TABLE,
    ("programme show", "--json"): Bilingual("Print one JSON object.", "Toon één JSON-object.",
                                            "Afficher un seul objet JSON."),
    ("programme remove", "--yes"): CONFIRMATION,
}
