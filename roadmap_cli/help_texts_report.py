"""The help of `roadmap report com|cdp|nzc` (roadmap_cli/report_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "report": SUMMARIES["report"] + Bilingual(
        "\n\nNumbers are the dashboard's; lines the data cannot fill are marked (NE, IE) with the reason, "
        "and the total is the dashboard's total for the year.",
        "\n\nDe cijfers zijn die van het dashboard; regels die de gegevens niet kunnen invullen, worden "
        "gemarkeerd (NE, IE) met de reden, en het totaal is het totaal van het dashboard voor het jaar.",
        "\n\nLes chiffres sont ceux du tableau de bord ; les lignes que les données ne permettent pas de "
        "remplir sont marquées (NE, IE) avec la raison, et le total est celui du tableau de bord pour "
        "l'année."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("report", "--year"): Bilingual("The inventory year to report.", "Het inventarisjaar om te rapporteren.",
                                    "L'année d'inventaire à rapporter."),
    ("report", "--output"): Bilingual("File to write: .xlsx, or CSV for any other name.",
                                      "Bestand om te schrijven: .xlsx, of CSV voor elke andere naam.",
                                      "Fichier à écrire : .xlsx, ou CSV pour tout autre nom."),
}
