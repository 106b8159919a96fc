"""The language the command line speaks: `--lang`, else the environment's locale, else English.

The locale is read as gettext reads it: LANGUAGE (a list such as `fr_BE:fr:en`, the first
language we have wins), else the first of LC_ALL, LC_MESSAGES and LANG that is set
(`nl_BE.UTF-8` → nl, `fr_BE` → fr, `C.UTF-8` or `de_DE` → en).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

import click

from pipelines.errors import Bilingual, UserError, in_language

LANGUAGES = ("nl", "en", "fr")
FALLBACK = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_ERROR = Bilingual("error: {message}", "fout: {message}", "erreur : {message}")
_WARNING = Bilingual("warning: {message}", "waarschuwing: {message}", "avertissement : {message}")


def _language_of(locale_name: str) -> str | None:
    """'nl_BE.UTF-8' → 'nl'; None for a locale whose language the command line does not speak."""
    code = locale_name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()
    return code if code in LANGUAGES else None


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (nl, en or fr)."""
    env = os.environ if environ is None else environ
    for name in env.get("LANGUAGE", "").split(":"):
        if (lang := _language_of(name)) is not None:
            return lang
    for variable in LOCALE_VARIABLES:
        if env.get(variable):  # the first one set decides, as in the C library
            return _language_of(env[variable]) or FALLBACK
    return FALLBACK


def error_line(message: str, lang: str) -> str:
    """One line of a user's mistake, as the command line prints it on standard error."""
    return in_language(_ERROR, lang).format(message=message)


def nothing_imported(count: int, lang: str) -> str:
    """The last line after a file's problems: how many, and that nothing changed."""
    problems_en = "problem(s)"  # as scripts that read this line know it
    problems_nl = "probleem" if count == 1 else "problemen"
    problems_fr = "problème trouvé" if count == 1 else "problèmes trouvés"
    return in_language(Bilingual(
        f"{count} {problems_en} found; nothing was imported.",
        f"{count} {problems_nl} gevonden; er is niets geïmporteerd.",
        f"{count} {problems_fr} ; rien n'a été importé.",
    ), lang)


def command_language() -> str:
    """The language of the command running now (its --lang or the locale)."""
    ctx = click.get_current_context(silent=True)
    lang = getattr(ctx.find_root().obj, "lang", None) if ctx is not None else None
    return lang or environment_language()


def say(text: str, err: bool = False) -> None:
    """Print `text` (a Bilingual: every line a command prints for people is one) in the command's language."""
    click.echo(in_language(text, command_language()), err=err)


def warn(message: str, indent: str = "", err: bool = True) -> None:
    """One 'warning: …' line: the label and the message (a Bilingual where it has its languages)."""
    lang = command_language()
    click.echo(indent + in_language(_WARNING, lang).format(message=in_language(message, lang)), err=err)


def confirm(question: str, yes: bool, without_terminal: str) -> None:
    """Ask `question` on a terminal (no: the command stops); a script, with no terminal to ask
    on, must pass --yes, else it is refused with `without_terminal` (what to pass)."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(without_terminal)
    click.confirm(in_language(question, command_language()), abort=True)
