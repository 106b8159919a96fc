"""The help of `roadmap themes list|add|load` (roadmap_cli/theme_commands.py) in Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "themes": SUMMARIES["themes"],
    "themes list": Bilingual(
        "Show every theme of the programme: code, Dutch, English and French name.",
        "Toon elk thema van het programma: code, Nederlandse, Engelse en Franse naam.",
        "Afficher chaque thème du programme : code, nom néerlandais, anglais et français."),
    "themes add": Bilingual(
        "Add theme CODE (or rename it when it exists), so commitments files can name it.",
        "Voeg thema CODE toe (of hernoem het als het al bestaat), zodat bestanden met engagementen het "
        "kunnen noemen.",
        "Ajouter le thème CODE (ou le renommer s'il existe), pour que les fichiers d'engagements puissent "
        "le nommer."),
    "themes load": Bilingual(
        "Add or rename the themes of FILE: columns code, nl, en and fr (headers in Dutch, English or "
        "French, e.g. `naam nl`, `name en`, `nom fr`). An empty French cell clears the theme's French "
        "name; a file without the column leaves it as it is.",
        "Voeg de thema's van FILE toe of hernoem ze: kolommen code, nl, en, fr (kolomkoppen in het "
        "Nederlands, Engels of Frans, bv. `naam nl`, `name en`, `nom fr`). Een lege Franse cel wist de "
        "Franse naam van het thema; een bestand zonder die kolom laat hem zoals hij is.",
        "Ajouter ou renommer les thèmes de FILE : colonnes code, nl, en et fr (en-têtes en néerlandais, "
        "en anglais ou en français, p. ex. `naam nl`, `name en`, `nom fr`). Une cellule française vide "
        "efface le nom français du thème ; un fichier sans cette colonne le laisse tel quel."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("themes list", "--json"): Bilingual("Print the themes as JSON.", "Toon de thema's als JSON.",
                                         "Afficher les thèmes en JSON."),
    ("themes add", "--nl"): Bilingual("Dutch name of the theme.", "Nederlandse naam van het thema.",
                                      "Nom néerlandais du thème."),
    ("themes add", "--en"): Bilingual("English name (default: the Dutch one).",
                                      "Engelse naam (standaard: de Nederlandse).",
                                      "Nom anglais (par défaut : le nom néerlandais)."),
    ("themes add", "--fr"): Bilingual(
        "French name (default: none, French pages show the English; '' clears it).",
        "Franse naam (standaard: geen, Franse pagina's tonen de Engelse; '' wist ze).",
        "Nom français (par défaut : aucun, les pages en français affichent le nom anglais ; '' l'efface)."),
    ("themes load", "--dry-run"): Bilingual("Check and count what would change; write nothing.",
                                            "Controleer en tel wat er zou veranderen; schrijf niets.",
                                            "Vérifier et compter ce qui changerait ; ne rien écrire."),
}
