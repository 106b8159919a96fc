"""Every command's own `--help` in the user's language: `--lang` before the command, else the locale.

The texts are in roadmap_cli/help_texts_<module>.py (HELP by command path, OPTION_HELP by path and
option), applied by roadmap_cli/help_texts.py's TranslatedHelp, which every command gets when it is
added to `roadmap`. Each English text there must be the docstring or option help it translates, so a
changed docstring, or a new command or option without its Dutch and French, fails here. English help
stays click's own rendering.
"""

from __future__ import annotations

import copy
import inspect

import click
import pytest
from click.testing import CliRunner

from pipelines.errors import in_language
from roadmap_cli import main
from roadmap_cli.help_texts import (
    HELP_MODULES,
    SUMMARIES,
    TranslatedHelp,
    TranslatedHelpGroup,
    command_helps,
    command_path,
    option_helps,
    option_name,
)

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None, "COLUMNS": "80"}
NBSP = "\u00a0"


def walk(command: click.Command = main, path: str = ""):
    """(path, command) for `roadmap` ('') and every command and sub-command below it."""
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], f"{path} {name}".strip())


COMMANDS = dict(walk())
PATHS = sorted(COMMANDS)


def contexts(path: str) -> click.Context:
    """A context for the command at `path`, with its parents' contexts above it, as a run makes them
    (80 columns wide, as CliRunner's)."""
    ctx = click.Context(main, info_name="roadmap", terminal_width=80)
    command: click.Command = main
    for name in path.split():
        command = command.commands[name]  # type: ignore[attr-defined]
        ctx = click.Context(command, info_name=name, parent=ctx)
    return ctx


def documented_options(path: str) -> list[click.Option]:
    command = COMMANDS[path]
    return [p for p in command.params if isinstance(p, click.Option) and p.help and not p.hidden]


def paragraphs(text: str) -> list[str]:
    """A help text as click shows it (cleandoc, up to a form feed) in paragraphs, whitespace collapsed."""
    text = inspect.cleandoc(text).partition("\f")[0]
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def flat(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) collapsed: what a reader reads."""
    return " ".join(text.split())


def read(text: str) -> str:
    """What a reader reads of a help as shown: as `flat`, and a word click broke at a hyphen
    at the end of a line ('--dry-' 'run') joined again."""
    return flat(text).replace("- ", "-")


def help_of(*args: str, locale: str | None = None) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], env={**NO_LOCALE, "LANG": locale}, prog_name="roadmap")
    assert result.exit_code == 0, result.output
    return result.stdout


# 1. Every command and option has its Dutch and French, and its English is the docstring.

def test_the_tree_is_what_the_translations_cover():
    """54 commands and sub-commands under `roadmap`, 101 documented options (with `roadmap`'s own)."""
    assert len(PATHS) - 1 >= 54
    assert sum(len(documented_options(path)) for path in PATHS) >= 101


@pytest.mark.parametrize("path", PATHS)
def test_every_command_speaks_the_help_language(path):
    assert isinstance(COMMANDS[path], TranslatedHelp), path


@pytest.mark.parametrize("path", PATHS)
def test_every_command_has_its_help_in_dutch_and_french_and_its_english_is_the_docstring(path):
    text = command_helps().get(path)
    assert text is not None, f"no Dutch and French help for `roadmap {path}`"
    english = paragraphs(COMMANDS[path].help or "")
    assert paragraphs(str(text)) == english, f"`roadmap {path}`: the docstring changed; translate it again"
    for lang in ("nl", "fr"):
        translated = paragraphs(in_language(text, lang))
        assert len(translated) == len(english), (path, lang)  # paragraph for paragraph
        assert all(t != e for t, e in zip(translated, english, strict=True)), (path, lang)
    assert in_language(text, "nl") != in_language(text, "fr")


@pytest.mark.parametrize("path", PATHS)
def test_every_option_has_its_help_in_dutch_and_french_and_its_english_is_the_options(path):
    for option in documented_options(path):
        key = (path, option_name(option))
        text = option_helps().get(key)
        assert text is not None, f"no Dutch and French help for {key}"
        assert flat(str(text)) == flat(option.help or ""), f"{key}: the option's help changed; translate it again"
        nl, fr = in_language(text, "nl"), in_language(text, "fr")
        assert flat(nl) != flat(str(text)) and flat(fr) != flat(str(text)) and nl != fr, key


def test_no_translation_is_left_without_its_command_or_option():
    assert set(command_helps()) == set(PATHS)
    assert set(option_helps()) == {(path, option_name(o)) for path in PATHS for o in documented_options(path)}


def test_every_command_module_has_its_help_module():
    from roadmap_cli import COMMAND_MODULES

    assert list(HELP_MODULES) == [f"help_texts_{name.removesuffix('_commands')}" for name in COMMAND_MODULES]


def test_no_two_modules_translate_the_same_command_or_option():
    import importlib

    modules = [importlib.import_module(f"roadmap_cli.{name}") for name in HELP_MODULES]
    assert sum(len(m.HELP) for m in modules) == len(command_helps()) - 1  # `roadmap` itself: MAIN
    assert sum(len(m.OPTION_HELP) for m in modules) == len(option_helps()) - 3  # --programme, --database-url, --lang


@pytest.mark.parametrize("name", sorted(SUMMARIES))
def test_a_commands_help_opens_with_its_summary_in_roadmap_help(name):
    """The line `roadmap --help` shows for a command and the opening of the command's help agree."""
    for lang in ("en", "nl", "fr"):
        opening = flat(in_language(command_helps()[name], lang))
        assert opening.startswith(flat(in_language(SUMMARIES[name], lang))), (name, lang)


# 2. The help as shown, in Dutch and French.

@pytest.mark.parametrize(("args", "locale", "lines"), [
    (["--lang", "nl", "programme", "add"], "fr_BE.UTF-8", [
        "Gebruik: roadmap programme add [OPTIONS] AREA_NAME",
        "  Voeg een programma toe voor AREA_NAME (de korte naam wordt uit de naam",
        "Opties:",
        "  --name TEXT                  Naam van het programma (standaard: de naam van",
        "  --baseline-year INTEGER      [standaard: 2019]",
        "  -h, --help                   Toon deze hulp en stop.",
    ]),
    (["user"], "fr_BE.UTF-8", [
        "Usage\u00a0: roadmap user [OPTIONS] COMMAND [ARGS]...",
        "  Gérer qui peut se connecter à l'espace de travail, et avec quel rôle.",
        f"  Rôles{NBSP}: analyst (téléverse des fichiers, annule ses propres imports),",
        "Options\u00a0:",
        "Commandes\u00a0:",
        "  add           Ajouter un utilisateur NAME avec un mot de passe (au moins...",
        f"  remove        Supprimer l'utilisateur NAME{NBSP}; ses sessions ouvertes...",
        "  -h, --help  Afficher cette aide et quitter.",
    ]),
    (["--lang", "fr", "load", "indicators"], "nl_BE.UTF-8", [
        "Usage\u00a0: roadmap load indicators [OPTIONS] FILE",
        "  Charger des valeurs d'indicateurs (émissions par secteur, activité, contexte)",
        "Options\u00a0:",
        "  --add-up                      Additionner plusieurs lignes pour un même",
        f"                                (--dry-run) à afficher.  [par défaut{NBSP}: 20]",
    ]),
    (["load"], "nl_BE.UTF-8", [
        "Gebruik: roadmap load [OPTIONS] COMMAND [ARGS]...",
        "  Het bestand wordt eerst als geheel gecontroleerd: elk probleem wordt gemeld",
        "Opdrachten:",
        "  partners     Laad partners (naam, type, sector, toetreding, website) uit...",
    ]),
    (["--lang", "nl", "target", "add"], None, [
        "  --baseline-year INTEGER         [verplicht]",
        "                                  Vorm van het doeltraject.  [standaard: linear]",
    ]),
    (["--lang", "fr", "jobs", "prune"], None, [
        "Usage\u00a0: roadmap jobs prune [OPTIONS]",
        "                      IMPORT_JOBS_KEEP_DAYS).  [x>=0]",
    ]),
])
def test_help_in_dutch_and_french(args, locale, lines):
    shown = help_of(*args, locale=locale).splitlines()
    for line in lines:
        assert line in shown, line
    for english in ("Usage:", "Options:", "Commands:", "Show this message and exit.", "[default:", "[required]"):
        assert not any(english in line for line in shown), english


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("path", PATHS)
def test_every_help_is_all_in_the_language(path, lang):
    """The whole translated help is shown, every option's, and no sentence of the English."""
    shown = help_of("--lang", lang, *path.split())
    text = read(shown)
    for paragraph in paragraphs(in_language(command_helps()[path], lang)):
        assert read(paragraph) in text, (path, lang, paragraph)
    for option in documented_options(path):
        assert read(in_language(option_helps()[(path, option_name(option))], lang)) in text, (path, option.name)
    for paragraph in paragraphs(COMMANDS[path].help or ""):
        assert read(paragraph) not in text, (path, lang, paragraph)
    heading = {"nl": "Gebruik: roadmap", "fr": "Usage\u00a0: roadmap"}[lang]
    assert shown.startswith(heading) and "Options:" not in shown and "Commands:" not in shown


@pytest.mark.parametrize("path", PATHS)
def test_french_help_never_starts_a_line_with_a_colon(path):
    """A no-break space keeps ':' ';' '?' with the word before them when click wraps the lines
    (the headings' 'Options :' are never wrapped)."""
    lines = help_of("--lang", "fr", *path.split()).splitlines()
    assert not [line for line in lines if line.strip()[:1] in (":", ";", "?", "!", "»")]
    body = [line for line in lines if line.startswith(" ")]
    assert not [line for line in body if " :" in line or " ;" in line or " ?" in line], path


# 3. English stays click's rendering of the docstrings.

def plain_help(path: str) -> str:
    """The help of the command at `path` as plain click.Command / click.Group renders it."""
    ctx = contexts(path)
    plain = copy.copy(COMMANDS[path])
    plain.__class__ = click.Group if isinstance(plain, click.Group) else click.Command
    return plain.get_help(ctx) + "\n"


@pytest.mark.parametrize("path", PATHS)
def test_english_help_is_clicks_rendering(path):
    english = help_of(*path.split())
    assert english == plain_help(path)
    assert english == help_of("--lang", "en", *path.split(), locale="fr_BE.UTF-8")
    assert english == help_of(*path.split(), locale="de_DE.UTF-8")


@pytest.mark.parametrize(("path", "lines"), [
    ("user", ["Usage: roadmap user [OPTIONS] COMMAND [ARGS]...",
              "  Manage who can log in to the workspace, and with which role.",
              "Options:", "Commands:",
              "  add           Add a user NAME with a password (at least 10 characters).",
              "  set-password  Give user NAME a new password; logs out their sessions and..."]),
    ("target add", ["Usage: roadmap target add [OPTIONS] NAME",
                    "  --baseline-year INTEGER         [required]",
                    "                                  Shape of the pathway.  [default: linear]"]),
    ("load indicators", ["  --show INTEGER                Rows of the dry-run diff to print.  [default:",
                         "  -h, --help                    Show this message and exit."]),
])
def test_english_help_as_written(path, lines):
    shown = help_of(*path.split()).splitlines()
    for line in lines:
        assert line in shown, line


def test_the_english_brackets_are_clicks():
    """What the translated help adds after an option's help ([default: …]) is built as click builds it:
    in English, the same as click's own record for every option of every command."""
    for path in PATHS:
        ctx = contexts(path)
        command = COMMANDS[path]
        for param in command.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and isinstance(param, click.Option):
                assert flat(command.param_help(ctx, param, "en")) == flat(record[1]), (path, param.name)


# The mechanism: what is added later, and what has no translation.

def test_a_command_added_later_speaks_the_language_and_falls_back_to_its_docstring():
    @click.command("extra")
    @click.argument("thing", help="The thing.")
    @click.option("--count", type=int, default=3, show_default=True, help="How many.")
    def extra(thing, count):
        """An extra command.

        With a second paragraph."""

    @click.group("top", cls=TranslatedHelpGroup)
    @click.option("--lang", default=None)
    def top(lang):
        """The top."""

    sub = click.Group("sub", help="A plain group.")
    sub.add_command(extra)
    top.add_command(sub)
    assert isinstance(sub, TranslatedHelp) and isinstance(extra, TranslatedHelp)
    assert isinstance(extra, click.Command) and not isinstance(extra, click.Group)

    result = CliRunner().invoke(top, ["--lang", "fr", "sub", "extra", "--help"], env=NO_LOCALE, prog_name="top")
    assert result.exit_code == 0, result.output
    shown = result.stdout.splitlines()
    assert shown[0] == "Usage\u00a0: top sub extra [OPTIONS] THING"
    assert "  An extra command." in shown and "  With a second paragraph." in shown  # no translation: as written
    assert "Arguments positionnels\u00a0:" in shown and "Options\u00a0:" in shown
    assert f"  --count INTEGER  How many.  [par défaut{NBSP}: 3]" in shown
    assert command_path(contexts("programme add")) == "programme add"
