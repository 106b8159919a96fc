"""The help of `roadmap target …` (roadmap_cli/target_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import CONFIRMATION, SUMMARIES

HELP: dict[str, Bilingual] = {
    "target": SUMMARIES["target"],
    "target list": Bilingual(
        "List the target sets with their targets and milestones.",
        "Toon de doelstellingen met hun doelen en tussendoelen.",
        "Lister les ensembles d'objectifs avec leurs objectifs et leurs jalons."),
    "target add": Bilingual(
        "Add a target set NAME with its overall target.",
        "Voeg een doelstelling NAME toe met haar algemene doel.",
        "Ajouter un ensemble d'objectifs NAME avec son objectif global."),
    "target sector": Bilingual(
        "Set the target of SECTOR (a sector code, or 'total') in target set NAME.",
        "Stel het doel van SECTOR (een sectorcode, of 'total') in doelstelling NAME in.",
        "Fixer l'objectif de SECTOR (un code de secteur, ou 'total') dans l'ensemble d'objectifs NAME."),
    "target milestone": Bilingual(
        "Set an interim milestone of target set NAME in YEAR (used by --method milestones).",
        "Stel een tussendoel van doelstelling NAME in YEAR in (gebruikt door --method milestones).",
        "Fixer un jalon intermédiaire de l'ensemble d'objectifs NAME en YEAR (utilisé par --method "
        "milestones)."),
    "target set-primary": Bilingual(
        "Make target set NAME the primary one (the headline of status and dashboard).",
        "Maak doelstelling NAME de hoofddoelstelling (de kop van status en dashboard).",
        "Faire de l'ensemble d'objectifs NAME l'ensemble principal (le titre du statut et du tableau de "
        "bord)."),
    "target rename": Bilingual(
        "Rename target set NAME to NEW_NAME (unique in the programme, at most 200 characters).",
        "Hernoem doelstelling NAME tot NEW_NAME (uniek in het programma, hoogstens 200 tekens).",
        "Renommer l'ensemble d'objectifs NAME en NEW_NAME (unique dans le programme, 200 caractères au "
        "plus)."),
    "target remove": Bilingual(
        "Remove target set NAME with its targets and milestones.\n\n"
        "The primary set can only be removed when it is the only one: make another set primary first.",
        "Verwijder doelstelling NAME met haar doelen en tussendoelen.\n\n"
        "De hoofddoelstelling kan alleen verwijderd worden als ze de enige is: maak eerst een andere "
        "doelstelling de hoofddoelstelling.",
        "Supprimer l'ensemble d'objectifs NAME avec ses objectifs et ses jalons.\n\n"
        "L'ensemble principal ne peut être supprimé que s'il est le seul : désignez d'abord un autre "
        "ensemble comme principal."),
    "target remove-milestone": Bilingual(
        "Remove the milestone of target set NAME in YEAR.",
        "Verwijder het tussendoel van doelstelling NAME in YEAR.",
        "Supprimer le jalon de l'ensemble d'objectifs NAME en YEAR."),
}

# The kind of a target or milestone: exactly one of them (target_commands.py's KIND_OPTIONS).
_KIND_OPTIONS: dict[str, Bilingual] = {
    "--residual-pct": Bilingual("Emissions left at the target year, in % of the baseline (e.g. 17).",
                                "Uitstoot die in het doeljaar overblijft, in % van het basisjaar (bv. 17).",
                                "Émissions restantes l'année cible, en % de l'année de référence (p. ex. 17)."),
    "--reduction-pct": Bilingual("Reduction against the baseline, in % (e.g. 55).",
                                 "Reductie tegenover het basisjaar, in % (bv. 55).",
                                 "Réduction par rapport à l'année de référence, en % (p. ex. 55)."),
    "--absolute-t": Bilingual("Emissions at the target year, in t CO2e.", "Uitstoot in het doeljaar, in t CO2e.",
                              "Émissions l'année cible, en t CO2e."),
}
_SECTOR = Bilingual("Sector code, or 'total'.", "Sectorcode, of 'total'.", "Code de secteur, ou 'total'.")

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    **{(f"target {command}", option): text for command in ("add", "sector", "milestone")
       for option, text in _KIND_OPTIONS.items()},
    ("target add", "--method"): Bilingual("Shape of the pathway.", "Vorm van het doeltraject.",
                                          "Forme de la trajectoire."),
    ("target add", "--baseline-t"): Bilingual(
        "A published baseline in t CO2e, used instead of the stored series.",
        "Een gepubliceerd basisjaarcijfer in t CO2e, gebruikt in plaats van de bewaarde reeks.",
        "Une référence publiée en t CO2e, utilisée au lieu de la série enregistrée."),
    ("target add", "--primary"): Bilingual("Make it the primary target set.", "Maak er de hoofddoelstelling van.",
                                           "En faire l'ensemble d'objectifs principal."),
    ("target sector", "--baseline-t"): Bilingual(
        "A published sector baseline in t CO2e.",
        "Een gepubliceerd basisjaarcijfer van de sector in t CO2e.",
        "Une référence publiée du secteur en t CO2e."),
    ("target milestone", "--sector"): _SECTOR,
    ("target remove", "--yes"): CONFIRMATION,
    ("target remove-milestone", "--sector"): _SECTOR,
    ("target remove-milestone", "--yes"): CONFIRMATION,
}
