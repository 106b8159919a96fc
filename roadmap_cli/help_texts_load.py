"""The help of `roadmap load …`, `batches`, `undo` and `export` (roadmap_cli/load_commands.py) in
Dutch and French.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import CONFIRMATION, JSON_TABLE, SUMMARIES

HELP: dict[str, Bilingual] = {
    "load": SUMMARIES["load"] + Bilingual(
        "\n\nThe file is checked as a whole first: any problem is reported (file, row, column, value, "
        "what was expected) and nothing is imported. Loading the same file twice adds nothing.",
        "\n\nHet bestand wordt eerst als geheel gecontroleerd: elk probleem wordt gemeld (bestand, rij, kolom, "
        "waarde, wat verwacht werd) en er wordt niets geïmporteerd. Hetzelfde bestand twee keer laden "
        "voegt niets toe.",
        "\n\nLe fichier est d'abord vérifié dans son ensemble : tout problème est signalé (fichier, ligne, "
        "colonne, valeur, ce qui était attendu) et rien n'est importé. Charger deux fois le même fichier "
        "n'ajoute rien."),
    "load indicators": Bilingual(
        "Load indicator values (emissions per sector, activity, context) from FILE.\n\n"
        "Long layout (indicator or sector, period or year[, month], value[, unit, source, area]) or "
        "wide (one column per year). Units are converted to each indicator's unit; missing markers "
        "(NE, NO, IE, C, -, ?, NA, empty, and --missing-marker) are stored as missing, never 0. "
        "Total rows are stored as the reported total (emissions.total) and checked against the "
        "sectors. Rows a type/status column marks planned are left out and reported (or kept as a "
        "target set: --planned-as-target-set NAME); a measurement for a year (or month) after the "
        "current one is refused. A corrected value supersedes the old one, which stays in the history.",
        "Laad indicatorwaarden (uitstoot per sector, activiteit, context) uit FILE.\n\n"
        "Lang formaat (indicator of sector, periode of jaar[, maand], waarde[, eenheid, bron, gebied]) of "
        "breed (één kolom per jaar). Eenheden worden omgerekend naar de eenheid van elke indicator; tekens "
        "voor een ontbrekende waarde (NE, NO, IE, C, -, ?, NA, leeg, en --missing-marker) worden als "
        "ontbrekend bewaard, nooit als 0. Totaalrijen worden bewaard als het gerapporteerde totaal "
        "(emissions.total) en vergeleken met de sectoren. Rijen die een type- of statuskolom als gepland "
        "markeert, worden weggelaten en gemeld (of als doelstelling bewaard: --planned-as-target-set "
        "NAME); een meting voor een jaar (of maand) na het huidige wordt geweigerd. Een verbeterde waarde "
        "vervangt de oude, die in de geschiedenis blijft.",
        "Charger des valeurs d'indicateurs (émissions par secteur, activité, contexte) depuis FILE.\n\n"
        "Format long (indicateur ou secteur, période ou année[, mois], valeur[, unité, source, zone]) ou "
        "large (une colonne par année). Les unités sont converties dans l'unité de chaque indicateur ; les "
        "marqueurs de valeur manquante (NE, NO, IE, C, -, ?, NA, vide, et --missing-marker) sont "
        "enregistrés comme manquants, jamais comme 0. Les lignes de total sont enregistrées comme total "
        "déclaré (emissions.total) et comparées aux secteurs. Les lignes qu'une colonne type ou statut "
        "marque comme prévues sont laissées de côté et signalées (ou conservées comme ensemble "
        "d'objectifs : --planned-as-target-set NAME) ; une mesure pour une année (ou un mois) postérieure "
        "à l'année (ou au mois) en cours est refusée. Une valeur corrigée remplace l'ancienne, qui reste "
        "dans l'historique."),
    "load partners": Bilingual(
        "Load partners (name, type, sector, joined, website) from FILE.",
        "Laad partners (naam, type, sector, toetreding, website) uit FILE.",
        "Charger des partenaires (nom, type, secteur, adhésion, site web) depuis FILE."),
    "load commitments": Bilingual(
        "Load partners' commitments (partner, title, reduction or indicator target, status) from FILE.",
        "Laad de engagementen van partners (partner, titel, reductie of doel voor een indicator, status) "
        "uit FILE.",
        "Charger les engagements des partenaires (partenaire, titre, réduction ou objectif d'indicateur, "
        "statut) depuis FILE."),
    "batches": SUMMARIES["batches"],
    "undo": SUMMARIES["undo"],
    "export": SUMMARIES["export"],
    "export observations": Bilingual(
        "Observations in canonical units with indicator, period, unit, missing key, source and batch.",
        "Waarnemingen in canonieke eenheden met indicator, periode, eenheid, teken voor een ontbrekende "
        "waarde, bron en import.",
        "Observations en unités canoniques avec indicateur, période, unité, marqueur de valeur manquante, "
        "source et import."),
}

# The options every `roadmap load` command has.
_LOAD_OPTIONS: dict[str, Bilingual] = {
    "--dry-run": Bilingual("Check and show what would change; write nothing.",
                           "Controleer en toon wat er zou veranderen; schrijf niets.",
                           "Vérifier et montrer ce qui changerait ; ne rien écrire."),
    "--decimal": Bilingual("Decimal mark of the file (default: detected; asked for when ambiguous).",
                           "Decimaalteken van het bestand (standaard: herkend; gevraagd als het dubbelzinnig is).",
                           "Séparateur décimal du fichier (par défaut : détecté ; demandé en cas d'ambiguïté)."),
    "--separator": Bilingual("Field separator: ',' ';' or 'tab' (default: detected).",
                             "Scheidingsteken tussen de velden: ',' ';' of 'tab' (standaard: herkend).",
                             "Séparateur de champs : ',' ';' ou 'tab' (par défaut : détecté)."),
    "--encoding": Bilingual("Text encoding (default: UTF-8 with or without BOM, else cp1252).",
                            "Tekenset (standaard: UTF-8 met of zonder BOM, anders cp1252).",
                            "Encodage du texte (par défaut : UTF-8 avec ou sans BOM, sinon cp1252)."),
    "--mapping": Bilingual(
        "CSV with columns source_label,kind,target mapping unknown labels to an indicator, sector or unit.",
        "CSV met de kolommen source_label,kind,target dat onbekende namen koppelt aan een indicator, "
        "sector of eenheid.",
        "CSV avec les colonnes source_label,kind,target qui fait correspondre des libellés inconnus à un "
        "indicateur, un secteur ou une unité."),
    "--source": Bilingual("Source to record for rows without a source column.",
                          "Bron om te bewaren voor rijen zonder bronkolom.",
                          "Source à enregistrer pour les lignes sans colonne de source."),
    "--show": Bilingual("Rows of the dry-run diff to print.",
                        "Aantal rijen van de verschillen van de proefdraai (--dry-run) om te tonen.",
                        "Nombre de lignes des différences de l'essai (--dry-run) à afficher."),
}

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    **{(f"load {kind}", option): text for kind in ("indicators", "partners", "commitments")
       for option, text in _LOAD_OPTIONS.items()},
    ("load indicators", "--profile"): Bilingual(
        "Import profile to read the file with (`roadmap profiles list`); default: the one whose header "
        "the file matches, if any.",
        "Importprofiel om het bestand mee te lezen (`roadmap profiles list`); standaard: het profiel "
        "waarvan de kopregel overeenkomt met die van het bestand, als er een is.",
        "Profil d'import avec lequel lire le fichier (`roadmap profiles list`) ; par défaut : celui dont "
        "l'en-tête correspond à celui du fichier, s'il y en a un."),
    ("load indicators", "--new-indicators"): Bilingual(
        "Define the indicators the file names but the programme lacks (from its name, unit and kind columns).",
        "Definieer de indicatoren die het bestand noemt maar het programma nog niet heeft (uit de kolommen "
        "naam, eenheid en soort van het bestand).",
        "Définir les indicateurs que le fichier nomme mais que le programme n'a pas (d'après ses colonnes "
        "nom, unité et type)."),
    ("load indicators", "--missing-marker"): Bilingual(
        "A value the file uses for 'no data' (e.g. -1): stored as missing with the marker kept. Repeatable.",
        "Een waarde die het bestand gebruikt voor 'geen gegevens' (bv. -1): bewaard als ontbrekend, met "
        "het teken erbij. Meermaals mogelijk.",
        "Une valeur que le fichier utilise pour « pas de données » (p. ex. -1) : enregistrée comme "
        "manquante, avec le marqueur conservé. Répétable."),
    ("load indicators", "--all-areas"): Bilingual(
        "The file covers many areas (a regional export): load each into its own programme, creating the "
        "missing ones (slug from the name, baseline the file's first year).",
        "Het bestand bestrijkt veel gebieden (een regionale export): laad elk gebied in zijn eigen "
        "programma en maak de ontbrekende programma's aan (korte naam uit de naam, basisjaar het eerste "
        "jaar van het bestand).",
        "Le fichier couvre de nombreuses zones (un export régional) : charger chacune dans son propre "
        "programme, en créant ceux qui manquent (nom court tiré du nom, année de référence la première "
        "année du fichier)."),
    ("load indicators", "--target-year"): Bilingual(
        "With --all-areas: the target year of the programmes it creates (default 2050).",
        "Met --all-areas: het doeljaar van de programma's die het aanmaakt (standaard 2050).",
        "Avec --all-areas : l'année cible des programmes qu'il crée (par défaut 2050)."),
    ("load indicators", "--target-residual-pct"): Bilingual(
        "With --all-areas: give the programmes it creates a target set (emissions left at the target "
        "year, % of baseline; default: no target set).",
        "Met --all-areas: geef de programma's die het aanmaakt een doelstelling (uitstoot die in het "
        "doeljaar overblijft, % van het basisjaar; standaard: geen doelstelling).",
        "Avec --all-areas : donner aux programmes qu'il crée un ensemble d'objectifs (émissions restantes "
        "l'année cible, en % de l'année de référence ; par défaut : aucun ensemble d'objectifs)."),
    ("load indicators", "--planned-as-target-set"): Bilingual(
        "Keep the rows a type/status column marks planned as a new target set NAME: each planned year's "
        "emissions (total, or sum of sectors) a milestone in t CO2e, the last planned year the target. "
        "Written with the load, all or nothing.",
        "Bewaar de rijen die een type- of statuskolom als gepland markeert als een nieuwe doelstelling "
        "NAME: de uitstoot van elk gepland jaar (het totaal, of de som van de sectoren) wordt een "
        "tussendoel in t CO2e, het laatste geplande jaar het doel. Samen met de import geschreven, alles "
        "of niets.",
        "Conserver les lignes qu'une colonne type ou statut marque comme prévues comme un nouvel ensemble "
        "d'objectifs NAME : les émissions de chaque année prévue (le total, ou la somme des secteurs) "
        "deviennent un jalon en t CO2e, la dernière année prévue l'objectif. Écrit avec le chargement, "
        "tout ou rien."),
    ("load indicators", "--add-up"): Bilingual(
        "Add up several rows for one indicator and period (direct + indirect, sub-sectors) instead of "
        "refusing them.",
        "Tel meerdere rijen voor één indicator en periode op (direct + indirect, subsectoren) in plaats "
        "van ze te weigeren.",
        "Additionner plusieurs lignes pour un même indicateur et une même période (direct + indirect, "
        "sous-secteurs) au lieu de les refuser."),
    ("batches", "--json"): JSON_TABLE,
    ("undo", "--yes"): CONFIRMATION,
    ("export observations", "--output"): Bilingual(
        "File to write (default: standard output).",
        "Bestand om naar te schrijven (standaard: de standaarduitvoer).",
        "Fichier à écrire (par défaut : la sortie standard)."),
    ("export observations", "--all-history"): Bilingual(
        "Every version of each value, not only the current ones.",
        "Elke versie van elke waarde, niet alleen de huidige.",
        "Chaque version de chaque valeur, pas seulement les versions actuelles."),
}
