"""The help of `roadmap init` (roadmap_cli/setup_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "init": SUMMARIES["init"] + Bilingual(
        "\n\nA fresh database gets the standard sectors and one emissions indicator per sector, so an "
        "inventory file loads with no further set-up.",
        "\n\nEen nieuwe databank krijgt de standaardsectoren en één uitstootindicator per sector, zodat een "
        "inventarisbestand zonder verdere voorbereiding laadt.",
        "\n\nUne nouvelle base de données reçoit les secteurs standard et un indicateur d'émissions par "
        "secteur, de sorte qu'un fichier d'inventaire se charge sans autre préparation."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("init", "--name"): Bilingual("Programme name.", "Naam van het programma.", "Nom du programme."),
    ("init", "--slug"): Bilingual(
        "Short name used with --programme (default: from --programme or 'city').",
        "Korte naam om met --programme te gebruiken (standaard: die van --programme, of 'city').",
        "Nom court à utiliser avec --programme (par défaut : celui de --programme, ou 'city')."),
    ("init", "--area-name"): Bilingual(
        "Area the programme covers (e.g. Leuven); repeat for other names (Den Haag, The Hague).",
        "Gebied dat het programma bestrijkt (bv. Leuven); herhaal voor andere namen (Den Haag, The Hague).",
        "Zone que couvre le programme (p. ex. Leuven) ; répétez pour d'autres noms (Den Haag, The Hague)."),
    ("init", "--area-code"): Bilingual(
        "Code of the area (e.g. 24062); repeat for more, with their kind: nis:24062, com:BE0015, "
        "'locode:BE LEU', cbs:GM0546.",
        "Code van het gebied (bv. 24062); herhaal voor meer codes, met hun soort: nis:24062, com:BE0015, "
        "'locode:BE LEU', cbs:GM0546.",
        "Code de la zone (p. ex. 24062) ; répétez pour en donner d'autres, avec leur type : nis:24062, "
        "com:BE0015, 'locode:BE LEU', cbs:GM0546."),
    ("init", "--target-residual-pct"): Bilingual(
        "Emissions left at the target year, in % of the baseline (0 = climate-neutral).",
        "Uitstoot die in het doeljaar overblijft, in % van het basisjaar (0 = klimaatneutraal).",
        "Émissions restantes l'année cible, en % de l'année de référence (0 = neutralité climatique)."),
}
