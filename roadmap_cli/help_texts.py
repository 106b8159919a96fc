"""`roadmap --help` in the user's language: the summary, the options and one line per command.

The help is asked before any command runs, so its language is the one `--lang` gives when it
comes before `--help` (an eager option), else the locale's. English is click's own rendering of
the docstrings, untouched; in Dutch and French the lines below take their place. A command's own
help (`roadmap load --help`) stays as its docstring says it (English).
"""

from __future__ import annotations

import textwrap

import click

from pipelines.errors import Bilingual, in_language
from roadmap_cli.language import environment_language

# Each English text is the opening of the command's docstring (tests/test_cli_help.py checks it).
SUMMARIES: dict[str, Bilingual] = {
    "area": Bilingual("The names and codes of the programme's area, by which files with many areas are cut down to its rows.",
                      "De namen en codes van het gebied van het programma, waarmee bestanden met veel gebieden tot "
                      "zijn rijen worden beperkt.",
                      "Les noms et codes de la zone du programme, qui réduisent les fichiers de plusieurs zones à ses lignes."),
    "backup": Bilingual("Write a consistent copy of the live database to FILE.",
                        "Schrijf een consistente kopie van de draaiende databank naar BESTAND.",
                        "Écrire une copie cohérente de la base de données en service dans FICHIER."),
    "batches": Bilingual("List the programme's imports, newest first: file, rows added/superseded/unchanged, status.",
                         "Toon de imports van het programma, de nieuwste eerst: bestand, rijen toegevoegd/vervangen/"
                         "ongewijzigd, status.",
                         "Lister les imports du programme, du plus récent au plus ancien : fichier, lignes ajoutées/"
                         "remplacées/inchangées, statut."),
    "copy-db": Bilingual("Copy a whole roadmap database to another one, e.g. from SQLite to PostgreSQL.",
                         "Kopieer een volledige roadmap-databank naar een andere, bv. van SQLite naar PostgreSQL.",
                         "Copier toute une base de données de la feuille de route dans une autre, p. ex. de SQLite "
                         "vers PostgreSQL."),
    "demo": Bilingual("Build the demo database (default data/roadmap.db) from the files in data/demo/.",
                      "Bouw de demodatabank (standaard data/roadmap.db) uit de bestanden in data/demo/.",
                      "Construire la base de démonstration (par défaut data/roadmap.db) à partir des fichiers de data/demo/."),
    "export": Bilingual("Export stored data as CSV.", "Exporteer bewaarde gegevens als CSV.",
                        "Exporter les données enregistrées en CSV."),
    "init": Bilingual("Create or migrate the database; add a programme if it has none.",
                      "Maak de databank aan of werk ze bij; voeg een programma toe als ze er geen heeft.",
                      "Créer ou migrer la base de données ; ajouter un programme si elle n'en a aucun."),
    "jobs": Bilingual("The import jobs of the upload page (the import_job table).",
                      "De importtaken van de uploadpagina (de tabel import_job).",
                      "Les tâches d'import de la page de téléversement (la table import_job)."),
    "load": Bilingual("Load a CSV or .xlsx file of indicators, partners or commitments.",
                      "Laad een CSV- of .xlsx-bestand met indicatoren, partners of engagementen.",
                      "Charger un fichier CSV ou .xlsx d'indicateurs, de partenaires ou d'engagements."),
    "profiles": Bilingual("Import profiles: how a known export (Klimaatmonitor, Klimawatch, CDP, Covenant of Mayors…) "
                          "is read.",
                          "Importprofielen: hoe een bekende export (Klimaatmonitor, Klimawatch, CDP, "
                          "Burgemeestersconvenant…) gelezen wordt.",
                          "Profils d'import : comment un export connu (Klimaatmonitor, Klimawatch, CDP, Convention "
                          "des maires…) est lu."),
    "programme": Bilingual("The deployment's programmes: one per area (a city, a municipality of a region).",
                           "De programma's van de installatie: één per gebied (een stad, een gemeente van een regio).",
                           "Les programmes de l'installation : un par zone (une ville, une commune d'une région)."),
    "report": Bilingual("Write a report for an outside body: com (Covenant of Mayors inventory by its sectors), "
                        "cdp (city-wide emissions by GPC sector) or nzc (climate city contract table vs the baseline).",
                        "Schrijf een rapport voor een externe instantie: com (inventaris van het Burgemeestersconvenant "
                        "per sector), cdp (stadsbrede uitstoot per GPC-sector) of nzc (tabel van het klimaatstadscontract "
                        "tegenover het basisjaar).",
                        "Écrire un rapport pour un organisme extérieur : com (inventaire de la Convention des maires par "
                        "secteur), cdp (émissions de la ville par secteur GPC) ou nzc (tableau du contrat de ville "
                        "climatique par rapport à l'année de référence)."),
    "restore": Bilingual("Replace the database's content with the backup in FILE.",
                         "Vervang de inhoud van de databank door de back-up in BESTAND.",
                         "Remplacer le contenu de la base de données par la sauvegarde de FICHIER."),
    "scenario": Bilingual("The trend projection minus the chosen commitments' reductions, spread from their start to "
                          "their target year, with one wedge per theme (or sector) and whether it reaches the target.",
                          "De trendprojectie min de reducties van de gekozen engagementen, gespreid van hun start tot "
                          "hun doeljaar, met een band per thema (of sector) en of ze het doel haalt.",
                          "La projection de la tendance moins les réductions des engagements choisis, réparties de leur "
                          "début à leur année cible, avec une bande par thème (ou secteur) et si elle atteint l'objectif."),
    "serve": Bilingual("Start the dashboard on the configured database.",
                       "Start het dashboard op de ingestelde databank.",
                       "Lancer le tableau de bord sur la base de données configurée."),
    "status": Bilingual("Show progress toward the target: baseline, latest, pathway, gap, trend and status.",
                        "Toon de voortgang naar het doel: basisjaar, laatste jaar, doeltraject, kloof, trend en status.",
                        "Montrer l'avancement vers l'objectif : référence, dernière année, trajectoire, écart, tendance "
                        "et statut."),
    "target": Bilingual("Target sets: the programme's targets, one of them primary (the headline).",
                        "Doelstellingen: de doelen van het programma, één ervan de hoofddoelstelling (de kop).",
                        "Ensembles d'objectifs : les objectifs du programme, dont un principal (le titre)."),
    "themes": Bilingual("List or add the programme's roadmap themes (e.g. Leuven 2030's 13 programmes).",
                        "Toon de thema's van de roadmap van het programma of voeg er een toe (bv. de 13 programma's "
                        "van Leuven 2030).",
                        "Lister ou ajouter les thèmes de la feuille de route du programme (p. ex. les 13 programmes "
                        "de Leuven 2030)."),
    "undo": Bilingual("Undo import BATCH: its values are withdrawn and the ones it replaced come back.",
                      "Maak import BATCH ongedaan: zijn waarden worden ingetrokken en die welke hij verving, komen terug.",
                      "Annuler l'import BATCH : ses valeurs sont retirées et celles qu'il a remplacées reviennent."),
    "user": Bilingual("Manage who can log in to the workspace, and with which role.",
                      "Beheer wie zich kan aanmelden in de werkruimte, en met welke rol.",
                      "Gérer qui peut se connecter à l'espace de travail, et avec quel rôle."),
    "worker": Bilingual("Run import jobs from the Redis queue (REDIS_URL) on the configured database.",
                        "Voer importtaken uit de Redis-wachtrij (REDIS_URL) uit op de ingestelde databank.",
                        "Exécuter les tâches d'import de la file Redis (REDIS_URL) sur la base de données configurée."),
}

MAIN = Bilingual("Track a city's climate roadmap: load indicators, partners and commitments; show progress.",
                 "Volg de klimaatroadmap van een stad: laad indicatoren, partners en engagementen; toon de voortgang.",
                 "Suivre la feuille de route climat d'une ville : charger indicateurs, partenaires et engagements ; "
                 "montrer l'avancement.")
OPTIONS = {
    "programme": Bilingual("Programme to act on (its slug); default: the only one in the database.",
                           "Programma waarop de opdracht werkt (zijn korte naam); standaard: het enige in de databank.",
                           "Programme visé (son nom court) ; par défaut : le seul de la base de données."),
    "database_url": Bilingual("SQLAlchemy database URL (default: $DATABASE_URL, else data/roadmap.db).",
                              "SQLAlchemy-URL van de databank (standaard: $DATABASE_URL, anders data/roadmap.db).",
                              "URL SQLAlchemy de la base de données (par défaut : $DATABASE_URL, sinon data/roadmap.db)."),
    "lang": Bilingual("Language of the messages: nl, en or fr (default: the locale, from LANGUAGE, LC_ALL or LANG; "
                      "else en).",
                      "Taal van de berichten: nl, en of fr (standaard: de locale, uit LANGUAGE, LC_ALL of LANG; "
                      "anders en).",
                      "Langue des messages : nl, en ou fr (par défaut : la locale, d'après LANGUAGE, LC_ALL ou LANG ; "
                      "sinon en)."),
    "help": Bilingual("Show this message and exit.", "Toon deze hulp en stop.", "Afficher cette aide et quitter."),
}
# click adds the colon after a heading: French wants a space before it.
USAGE = Bilingual("Usage:", "Gebruik:", "Usage :")
OPTIONS_HEADING = Bilingual("Options", "Opties", "Options ")
COMMANDS_HEADING = Bilingual("Commands", "Opdrachten", "Commandes ")


def help_language(ctx: click.Context) -> str:
    """The language of the help: `--lang` when given before `--help`, else the locale's."""
    lang = ctx.find_root().params.get("lang")
    return lang.lower() if lang else environment_language()


def short(text: str, limit: int) -> str:
    """A summary cut to `limit` characters at a word, as click shortens a docstring."""
    if len(text) <= limit:
        return text
    return textwrap.shorten(text, limit, placeholder="...")[:-3].rstrip(".,;: ") + "..."


class TranslatedHelpGroup(click.Group):
    """The top-level group, whose help speaks Dutch or French when asked (see the module docstring)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_usage(ctx, formatter)
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=in_language(USAGE, lang) + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(in_language(MAIN, lang))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_options(ctx, formatter)
        rows, help_option = [], self.get_help_option(ctx)
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                words = OPTIONS["help"] if param is help_option else OPTIONS.get(param.name or "")
                rows.append((record[0], in_language(words, lang) if words else record[1]))
        with formatter.section(in_language(OPTIONS_HEADING, lang)):
            formatter.write_dl(rows)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_commands(ctx, formatter)
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        rows = [(name, short(in_language(SUMMARIES[name], lang), limit) if name in SUMMARIES
                 else command.get_short_help_str(limit)) for name, command in commands]
        with formatter.section(in_language(COMMANDS_HEADING, lang)):
            formatter.write_dl(rows)
