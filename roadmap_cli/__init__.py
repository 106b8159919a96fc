"""`roadmap`: the command line of the climate roadmap tracker."""

from __future__ import annotations

import gc
import sys

# Python's cyclic collector paused while the command's modules are imported: the imports make
# hundreds of thousands of objects and no garbage, and the collector walked them again and again
# (0.1 s of every command's 0.5 s start). Switched back on below, once the commands are
# registered, with what the imports made frozen: it lives as long as the process anyway, and
# would otherwise be walked once more at the first collection.
_COLLECTING = gc.isenabled()
gc.disable()

import click  # noqa: E402

from pipelines.errors import UserError, ValidationFailed  # noqa: E402
from pipelines.field_checks import InvalidFields  # noqa: E402
from roadmap_cli.context import pass_app  # noqa: E402, F401  (re-exported for command modules)
from roadmap_cli.help_texts import TranslatedHelpGroup  # noqa: E402
from roadmap_cli.language import LANGUAGES, environment_language, error_line, nothing_imported  # noqa: E402


class RoadmapGroup(TranslatedHelpGroup):
    """Prints a user's mistake as one clear line, in the command's language, and exits non-zero,
    never a traceback; its help speaks that language too."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            lang = getattr(ctx.obj, "lang", None) or environment_language()
            for line in _error_lines(exc, lang):
                click.echo(error_line(line, lang), err=True)
            sys.exit(1)


def _error_lines(exc: UserError, lang: str) -> list[str]:
    """A file's problems one line each with their count; every wrong value one line each."""
    if isinstance(exc, ValidationFailed):
        return [p.in_language(lang) for p in exc.problems] + [nothing_imported(len(exc.problems), lang)]
    if isinstance(exc, InvalidFields):
        return [p.in_language(lang) for p in exc.problems]
    return [exc.in_language(lang)]


@click.group(cls=RoadmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--programme",
    envvar="ROADMAP_PROGRAMME",
    default=None,
    help="Programme to act on (its slug); default: the only one in the database.",
)
@click.option(
    "--database-url",
    envvar="DATABASE_URL",
    default=None,
    help="SQLAlchemy database URL (default: $DATABASE_URL, else data/roadmap.db).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    default=None,
    is_eager=True,  # read before --help, so that `roadmap --lang nl --help` is in Dutch
    help="Language of the messages: nl, en or fr (default: the locale, from LANGUAGE, LC_ALL or LANG; else en).",
)
@click.pass_context
def main(ctx: click.Context, programme: str | None, database_url: str | None, lang: str | None) -> None:
    """Track a city's climate roadmap: load indicators, partners and commitments; show progress."""
    from roadmap_cli.context import AppContext

    chosen = lang.lower() if lang else environment_language()
    ctx.obj = AppContext(programme_slug=programme, database_url=database_url, lang=chosen)
    ctx.call_on_close(ctx.obj.close)


# Command modules, each with a COMMANDS list; add a line per new module (and its help in Dutch and
# French: a help_texts_<module>.py in help_texts.HELP_MODULES, which tests/test_cli_command_help.py asks for).
COMMAND_MODULES = (
    "setup_commands",
    "load_commands",
    "admin_commands",
    "theme_commands",
    "user_commands",
    "status_commands",
    "target_commands",
    "demo_commands",
    "serve_commands",
    "profile_commands",
    "report_commands",
    "programme_commands",
    "scenario_commands",
    "worker_commands",
)


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"roadmap_cli.{name}")
        for command in module.COMMANDS:
            main.add_command(command)


try:
    _register()
finally:
    if _COLLECTING:
        gc.freeze()
        gc.enable()


def run() -> None:
    """The `roadmap` command: `main`, then out at once.

    Python's own way out tears every module and object down one by one, about 0.2 s after a
    big load (of the 4 s a million rows take) and 0.1 s after any command, for nothing the
    operating system would not do itself. So: the exit handlers run, the output is flushed,
    and the process ends, unless a thread is still at work (it is then waited for, as ever).
    """
    try:
        main()  # click's standalone mode always ends in SystemExit
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _leave(code)


def _leave(code: object) -> None:
    import atexit
    import os
    import threading

    if threading.active_count() > 1 and any(not t.daemon for t in threading.enumerate()
                                            if t is not threading.main_thread()):
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): printed, status 1, as Python does
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # the engine's and logging's handlers (private, but there since Python 2)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
        status = status or 1
    os._exit(status)
