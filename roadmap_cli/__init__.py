"""`roadmap`: the command line of the climate roadmap tracker."""

from __future__ import annotations

import sys

import click

from pipelines.errors import UserError, ValidationFailed
from pipelines.field_checks import InvalidFields
from roadmap_cli.context import pass_app  # noqa: F401  (re-exported for command modules)


class RoadmapGroup(click.Group):
    """Prints a user's mistake as one clear line and exits non-zero, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            click.echo(
                f"error: {len(exc.problems)} problem(s) found; nothing was imported.", err=True
            )
            sys.exit(1)
        except InvalidFields as exc:  # every wrong value, one line each
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(1)
        except UserError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


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
@click.pass_context
def main(ctx: click.Context, programme: str | None, database_url: str | None) -> None:
    """Track a city's climate roadmap: load indicators, partners and commitments; show progress."""
    from roadmap_cli.context import AppContext

    ctx.obj = AppContext(programme_slug=programme, database_url=database_url)
    ctx.call_on_close(ctx.obj.close)


# Command modules, each with a COMMANDS list; add a line per new module.
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


_register()
