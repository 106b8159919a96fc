"""The help of `roadmap scenario` (roadmap_cli/scenario_commands.py) in Dutch and French; the values
the options take (as-reported, theme, …) stay as they are typed.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES, TARGET_SET_NAME

HELP: dict[str, Bilingual] = {
    "scenario": SUMMARIES["scenario"] + Bilingual(
        "\n\nThe wedges add up to the projection minus the scenario in every year.",
        "\n\nDe banden tellen elk jaar op tot de projectie min het scenario.",
        "\n\nChaque année, la somme des bandes est égale à la projection moins le scénario."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("scenario", "--basis"): Bilingual(
        "How commitments are weighed: as-reported (achieved + in progress x progress, the default), "
        "all-delivered (all but withdrawn, in full), achieved-only.",
        "Hoe de engagementen meetellen: as-reported (gerealiseerd + bezig x voortgang, de standaard), "
        "all-delivered (alle behalve de ingetrokken, volledig), achieved-only (alleen de gerealiseerde).",
        "Comment les engagements sont comptés : as-reported (réalisés + en cours x avancement, par "
        "défaut), all-delivered (tous sauf les retirés, en entier), achieved-only (les réalisés "
        "uniquement)."),
    ("scenario", "--include"): Bilingual(
        "Count the commitments of this status in full (repeatable); replaces --basis.",
        "Tel de engagementen met deze status volledig mee (meermaals mogelijk); vervangt --basis.",
        "Compter en entier les engagements de ce statut (répétable) ; remplace --basis."),
    ("scenario", "--theme"): Bilingual(
        "Only commitments of this theme (code or name; repeatable).",
        "Alleen engagementen van dit thema (code of naam; meermaals mogelijk).",
        "Seulement les engagements de ce thème (code ou nom ; répétable)."),
    ("scenario", "--sector"): Bilingual(
        "Only commitments of this sector or its sub-sectors (repeatable).",
        "Alleen engagementen van deze sector of zijn subsectoren (meermaals mogelijk).",
        "Seulement les engagements de ce secteur ou de ses sous-secteurs (répétable)."),
    ("scenario", "--partner-type"): Bilingual(
        "Only commitments of partners of this type (repeatable).",
        "Alleen engagementen van partners van dit type (meermaals mogelijk).",
        "Seulement les engagements des partenaires de ce type (répétable)."),
    ("scenario", "--by"): Bilingual("One wedge per theme or per (top-level) sector.",
                                    "Eén band per thema of per (hoofd)sector.",
                                    "Une bande par thème ou par secteur (de premier niveau)."),
    ("scenario", "--target"): TARGET_SET_NAME,
    ("scenario", "--json"): Bilingual("Print one JSON object instead of the text.",
                                      "Toon één JSON-object in plaats van de tekst.",
                                      "Afficher un seul objet JSON au lieu du texte."),
}
