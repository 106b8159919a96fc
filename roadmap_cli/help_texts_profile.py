"""The help of `roadmap profiles …` and `roadmap area …` (roadmap_cli/profile_commands.py) in Dutch
and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "profiles": SUMMARIES["profiles"] + Bilingual(
        " A file whose header matches a profile is loaded through it with no option.",
        " Een bestand waarvan de kopregel overeenkomt met een profiel, wordt zonder optie via dat profiel "
        "geladen.",
        " Un fichier dont l'en-tête correspond à un profil est chargé au moyen de celui-ci sans aucune "
        "option."),
    "profiles list": Bilingual(
        "Every profile: name, where it comes from (shipped or saved), what it reads.",
        "Elk profiel: naam, waar het vandaan komt (meegeleverd of bewaard), wat het leest.",
        "Chaque profil : nom, provenance (fourni ou enregistré), ce qu'il lit."),
    "profiles show": Bilingual(
        "Print profile NAME's definition (JSON).",
        "Toon de definitie van profiel NAME (JSON).",
        "Afficher la définition du profil NAME (JSON)."),
    "profiles export": Bilingual(
        "Write profile NAME to a JSON file (to share it, or edit it and import it again).",
        "Schrijf profiel NAME naar een JSON-bestand (om het te delen, of om het te bewerken en opnieuw te "
        "importeren).",
        "Écrire le profil NAME dans un fichier JSON (pour le partager, ou le modifier et l'importer à "
        "nouveau)."),
    "profiles import": Bilingual(
        "Save the profile in FILE (JSON) in the database; a saved profile of the same name is replaced.",
        "Bewaar het profiel in FILE (JSON) in de databank; een bewaard profiel met dezelfde naam wordt "
        "vervangen.",
        "Enregistrer le profil de FILE (JSON) dans la base de données ; un profil enregistré du même nom "
        "est remplacé."),
    "profiles remove": Bilingual(
        "Remove saved profile NAME (shipped profiles stay).",
        "Verwijder het bewaarde profiel NAME (meegeleverde profielen blijven).",
        "Supprimer le profil enregistré NAME (les profils fournis restent)."),
    "area": SUMMARIES["area"],
    "area list": Bilingual(
        "Every name and code of the programme's area, with its kind.",
        "Elke naam en code van het gebied van het programma, met de soort.",
        "Chaque nom et chaque code de la zone du programme, avec son type."),
    "area add": Bilingual(
        "Add names and codes to the programme's area.",
        "Voeg namen en codes toe aan het gebied van het programma.",
        "Ajouter des noms et des codes à la zone du programme."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("profiles list", "--json"): Bilingual("Print a JSON list.", "Toon een JSON-lijst.", "Afficher une liste JSON."),
    ("profiles export", "--output"): Bilingual("JSON file to write.", "JSON-bestand om te schrijven.",
                                               "Fichier JSON à écrire."),
    ("area add", "--name"): Bilingual("Another name of the area (e.g. 's-Gravenhage).",
                                      "Een andere naam van het gebied (bv. 's-Gravenhage).",
                                      "Un autre nom de la zone (p. ex. 's-Gravenhage)."),
    ("area add", "--code"): Bilingual(
        "A code, with its kind: nis:24062, com:BE0015, 'locode:BE LEU', cbs:GM0518.",
        "Een code, met de soort: nis:24062, com:BE0015, 'locode:BE LEU', cbs:GM0518.",
        "Un code, avec son type : nis:24062, com:BE0015, 'locode:BE LEU', cbs:GM0518."),
}
