"""`roadmap --help` and every command's own `--help` in the user's language.

The help is asked before any command runs, so its language is the one `--lang` gives when it
comes before `--help` or the command (`roadmap --lang nl --help`, `roadmap --lang fr load --help`),
else the locale's. English is click's own rendering of the docstrings, untouched; in Dutch and
French the texts take their place: the usage line's prefix, the command's help (every paragraph),
each option's help and its `[default: …]`/`[required]`, the headings and one line per command.
This module holds the top-level texts; each command module's texts are in its
`help_texts_<module>.py` (HELP keyed by command path, OPTION_HELP by path and option), each English
text the docstring or option help it translates (tests/test_cli_command_help.py checks them).
Every command added to a `TranslatedHelpGroup` (the `roadmap` group) gets the translating class.
"""

from __future__ import annotations

import functools
import importlib
import re
import textwrap

import click

from pipelines.errors import Bilingual, in_language
from roadmap_cli.language import environment_language

# Each English text is the opening of the command's docstring (tests/test_cli_help.py checks it), and
# each translation the opening of the command's own help (tests/test_cli_command_help.py). An argument
# (FILE, BATCH) is named as the usage line names it.
SUMMARIES: dict[str, Bilingual] = {
    "area": Bilingual("The names and codes of the programme's area, by which files with many areas are cut down to its rows.",
                      "De namen en codes van het gebied van het programma, waarmee bestanden met veel gebieden tot "
                      "zijn rijen worden beperkt.",
                      "Les noms et codes de la zone du programme, qui réduisent les fichiers de plusieurs zones à ses lignes."),
    "backup": Bilingual("Write a consistent copy of the live database to FILE.",
                        "Schrijf een consistente kopie van de draaiende databank naar FILE.",
                        "Écrire une copie cohérente de la base de données en service dans FILE."),
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
                         "Vervang de inhoud van de databank door de back-up in FILE.",
                         "Remplacer le contenu de la base de données par la sauvegarde de FILE."),
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
# Options' help that several command modules' commands share (their help_texts_<module>.py use them).
CONFIRMATION = Bilingual("Do not ask for confirmation.", "Vraag geen bevestiging.", "Ne pas demander de confirmation.")
JSON_TABLE = Bilingual("Print a JSON list instead of a table.", "Toon een JSON-lijst in plaats van een tabel.",
                       "Afficher une liste JSON au lieu d'un tableau.")
TARGET_SET_NAME = Bilingual("Name of the target set (default: the primary one).",
                            "Naam van de doelstelling (standaard: de hoofddoelstelling).",
                            "Nom de l'ensemble d'objectifs (par défaut : l'ensemble principal).")
# click adds the colon after a heading: French wants a (no-break) space before it.
USAGE = Bilingual("Usage:", "Gebruik:", "Usage :")
OPTIONS_HEADING = Bilingual("Options", "Opties", "Options\u00a0")
COMMANDS_HEADING = Bilingual("Commands", "Opdrachten", "Commandes\u00a0")
ARGUMENTS_HEADING = Bilingual("Positional arguments", "Positionele argumenten", "Arguments positionnels\u00a0")
# What click adds after an option's help, between brackets.
DEFAULT = Bilingual("default: {default}", "standaard: {default}", "par défaut : {default}")
REQUIRED = Bilingual("required", "verplicht", "obligatoire")
ENV_VAR = Bilingual("env var: {var}", "omgevingsvariabele: {var}", "variable d'environnement : {var}")

# The modules with the texts of each command module's commands (roadmap_cli/__init__.py's COMMAND_MODULES).
HELP_MODULES = (
    "help_texts_setup",
    "help_texts_load",
    "help_texts_admin",
    "help_texts_theme",
    "help_texts_user",
    "help_texts_status",
    "help_texts_target",
    "help_texts_demo",
    "help_texts_serve",
    "help_texts_profile",
    "help_texts_report",
    "help_texts_programme",
    "help_texts_scenario",
    "help_texts_worker",
)


def help_language(ctx: click.Context) -> str:
    """The language of the help: `--lang` when given before the command or `--help`, else the locale's."""
    lang = ctx.find_root().params.get("lang")
    return lang.lower() if lang else environment_language()


@functools.cache
def command_helps() -> dict[str, Bilingual]:
    """Every command's help, keyed by its path below `roadmap` ('' for `roadmap` itself, 'programme add')."""
    helps = {"": MAIN}
    for name in HELP_MODULES:
        helps.update(importlib.import_module(f"roadmap_cli.{name}").HELP)
    return helps


@functools.cache
def option_helps() -> dict[tuple[str, str], Bilingual]:
    """Every option's help, keyed by its command's path and its long name: ('load indicators', '--dry-run')."""
    helps = {("", "--" + name.replace("_", "-")): text for name, text in OPTIONS.items() if name != "help"}
    for name in HELP_MODULES:
        helps.update(importlib.import_module(f"roadmap_cli.{name}").OPTION_HELP)
    return helps


def command_path(ctx: click.Context) -> str:
    """The names of the command and the groups above it below `roadmap`: 'programme add' ('' for the top)."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def option_name(param: click.Parameter) -> str:
    """An option's long name as OPTION_HELP keys it ('--output' of '--output/-o'); an argument's name."""
    if isinstance(param, click.Argument):
        return param.name or ""
    return next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])


def short(text: str, limit: int) -> str:
    """A summary cut to `limit` characters at a word, as click shortens a docstring."""
    if len(text) <= limit:
        return text
    return textwrap.shorten(text, limit, placeholder="...")[:-3].rstrip(".,;: ") + "..."


def first_sentence(text: str, limit: int) -> str:
    """A sub-command's line in its group's help, made from its help as click makes it from the
    docstring: the first paragraph up to the end of its first sentence, cut to `limit` at a word."""
    words = text.partition("\n\n")[0].split()
    for i, word in enumerate(words):
        # A period ends a sentence at the end or before a word that does not start in lowercase
        # (the one of 'bv.' or 'p. ex.' does not).
        if word.endswith(".") and (i == len(words) - 1 or not words[i + 1][0].islower()):
            words = words[: i + 1]
            break
    line = " ".join(words)
    if len(line) <= limit:
        return line
    return textwrap.shorten(line, limit, placeholder="...", break_on_hyphens=False)


def typeset(text: str, lang: str) -> str:
    """French help with a no-break space before : ; ? ! and inside « » (and in 'p. ex.'), so that
    click's wrapping never begins a line with the mark; other languages as they are."""
    if lang != "fr":
        return text
    text = re.sub(r" ([:;?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")
    return text.replace("p. ex.", "p.\u00a0ex.")


class TranslatedHelp:
    """A click command whose `--help` speaks Dutch or French when asked (see the module docstring);
    a text without its translation is shown as the docstring says it."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_usage(ctx, formatter)
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=in_language(USAGE, lang) + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        text = command_helps().get(command_path(ctx)) if lang != "en" else None
        if text is None:
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(typeset(in_language(text, lang), lang))

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        arguments = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        if lang == "en" or not any(getattr(p, "help", None) is not None for p in arguments):
            return super().format_arguments(ctx, formatter)
        with formatter.section(in_language(ARGUMENTS_HEADING, lang)):
            formatter.write_dl([(p.get_help_record(ctx)[0], self.param_help(ctx, p, lang)) for p in arguments])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_options(ctx, formatter)
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                rows.append((record[0], self.param_help(ctx, param, lang)))
        if rows:
            with formatter.section(in_language(OPTIONS_HEADING, lang)):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def param_help(self, ctx: click.Context, param: click.Parameter, lang: str) -> str:
        """An option's help in `lang` and what click adds after it ([default: …; required]), as
        click's `get_help_record` writes it in English."""
        if param is self.get_help_option(ctx):
            words: str | None = OPTIONS["help"]
        else:
            words = option_helps().get((command_path(ctx), option_name(param)), getattr(param, "help", None))
        text = typeset(in_language(words, lang), lang) if words else ""
        if not hasattr(param, "get_help_extra"):  # click before 8.2: its brackets as it writes them
            written, english = (param.get_help_record(ctx) or ("", ""))[1], getattr(param, "help", None) or ""
            return text + written[len(english):] if written.startswith(english) else text
        extra = param.get_help_extra(ctx) if isinstance(param, click.Option) else {}
        items = []
        if "envvars" in extra:
            items.append(in_language(ENV_VAR, lang).format(var=", ".join(extra["envvars"])))
        if "default" in extra:
            items.append(in_language(DEFAULT, lang).format(default=extra["default"]))
        if "range" in extra:
            items.append(extra["range"])
        if "required" in extra:
            items.append(in_language(REQUIRED, lang))
        if not items:
            return text
        brackets = typeset("[" + "; ".join(items) + "]", lang)
        return f"{text}  {brackets}" if text else brackets

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        if lang == "en":
            return super().format_commands(ctx, formatter)
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None
                    and not command.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        path, rows = command_path(ctx), []
        for name, command in commands:
            if not path and name in SUMMARIES:  # `roadmap --help`: the summaries above
                line = short(in_language(SUMMARIES[name], lang), limit)
            elif (text := command_helps().get(f"{path} {name}".strip())) is not None:
                line = first_sentence(in_language(text, lang), limit)
            else:
                line = command.get_short_help_str(limit)
            rows.append((name, typeset(line, lang)))
        with formatter.section(in_language(COMMANDS_HEADING, lang)):
            formatter.write_dl(rows)


class TranslatedHelpCommand(TranslatedHelp, click.Command):
    """A command whose help speaks the user's language."""


class TranslatedHelpGroup(TranslatedHelp, click.Group):
    """A group whose help speaks the user's language, and so does that of every command added to it
    (and of theirs): `roadmap`'s commands are written with plain `click.command`/`click.group`."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(translated(cmd), name)


def translated(command: click.Command) -> click.Command:
    """`command` and the commands below it, their help speaking the user's language: each gets the
    subclass of its class with TranslatedHelp (its methods and state are unchanged otherwise)."""
    if not isinstance(command, TranslatedHelp):
        command.__class__ = _translated_class(type(command))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translated(sub)
    return command


@functools.cache
def _translated_class(cls: type[click.Command]) -> type[click.Command]:
    if cls is click.Command:
        return TranslatedHelpCommand
    if cls is click.Group:
        return TranslatedHelpGroup
    base = TranslatedHelpGroup if issubclass(cls, click.Group) else TranslatedHelpCommand
    return type(f"Translated{cls.__name__}", (base, cls), {})
