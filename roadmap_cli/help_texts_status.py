"""The help of `roadmap status` (roadmap_cli/status_commands.py) in Dutch and French; the statuses
are named as `roadmap status` prints them (pipelines/vocab.py's TRACK_STATUSES).

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES, TARGET_SET_NAME

HELP: dict[str, Bilingual] = {
    "status": SUMMARIES["status"] + Bilingual(
        "\n\nThe status rule: on track when the latest value is at or below the pathway and the trend "
        "reaches the target; off track when above the pathway and the whole 90 % prediction interval "
        "of the trend misses the target; at risk otherwise; unknown with fewer than 5 yearly values.",
        "\n\nDe regel voor de status: op koers als de laatste waarde op of onder het doeltraject ligt en "
        "de trend het doel haalt; niet op koers als ze boven het doeltraject ligt en het hele "
        "voorspellingsinterval van 90 % van de trend het doel mist; risico in alle andere gevallen; "
        "onbekend met minder dan 5 jaarwaarden.",
        "\n\nLa règle du statut : sur la bonne voie quand la dernière valeur est égale ou inférieure à "
        "la trajectoire et que la tendance atteint l'objectif ; hors trajectoire quand elle est "
        "au-dessus de la trajectoire et que tout l'intervalle de prédiction à 90 % de la tendance manque "
        "l'objectif ; à risque dans tous les autres cas ; données insuffisantes avec moins de 5 valeurs "
        "annuelles."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("status", "--json"): Bilingual("Print one JSON object instead of the summary.",
                                    "Toon één JSON-object in plaats van de samenvatting.",
                                    "Afficher un seul objet JSON au lieu du résumé."),
    ("status", "--target"): TARGET_SET_NAME,
    ("status", "--year"): Bilingual(
        "The status as known at the end of YEAR: only values for years up to it.",
        "De status zoals hij op het einde van YEAR gekend was: alleen waarden voor de jaren tot en met "
        "YEAR.",
        "Le statut tel qu'il était connu à la fin de YEAR : seulement les valeurs des années jusqu'à "
        "YEAR inclus."),
}
