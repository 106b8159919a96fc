"""`roadmap target`: list, set, rename and remove target sets, their sector targets and milestones."""

from __future__ import annotations

import sys

import click

from pipelines.errors import Bilingual, UserError, in_language
from roadmap_cli.context import AppContext, cli_user, pass_app
from roadmap_cli.language import command_language

KIND_OPTIONS = (
    ("residual_pct", "Emissions left at the target year, in % of the baseline (e.g. 17)."),
    ("reduction_pct", "Reduction against the baseline, in % (e.g. 55)."),
    ("absolute_t", "Emissions at the target year, in t CO2e."),
)


def _target_options(func):
    for kind, help_text in reversed(KIND_OPTIONS):
        func = click.option(f"--{kind.replace('_', '-')}", kind, type=float, default=None,
                            help=help_text)(func)
    return func


def _one_kind(**given) -> tuple[str, float]:
    chosen = [(k, v) for k, v in given.items() if v is not None]
    if len(chosen) != 1:
        raise click.UsageError(in_language(Bilingual(
            "give exactly one of --residual-pct, --reduction-pct, --absolute-t",
            "geef precies één van --residual-pct, --reduction-pct, --absolute-t",
            "indiquez exactement une option parmi --residual-pct, --reduction-pct, --absolute-t"),
            command_language()))
    return chosen[0]


def _confirm(question: str, yes: bool) -> None:
    """Ask on a terminal, as `roadmap undo` does; a script (no terminal) must say --yes."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(Bilingual(
            "removing needs confirmation: pass --yes when not running on a terminal",
            "verwijderen vraagt een bevestiging: geef --yes mee als je niet in een terminal werkt",
            "la suppression doit être confirmée : ajoutez --yes hors d'un terminal"))
    click.confirm(question, abort=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.group("target")
def target_group():
    """Target sets: the programme's targets, one of them primary (the headline)."""


@target_group.command("list")
@pass_app
def list_command(app: AppContext):
    """List the target sets with their targets and milestones."""
    from pipelines.targets import list_target_sets

    programme = app.programme()
    sets = list_target_sets(app.engine, programme.id)
    if not sets:
        click.echo("No target sets yet: add one with `roadmap target add`.")
    for s in sets:
        primary = " (primary)" if s.is_primary else ""
        click.echo(f"{s.name}{primary}: baseline {s.baseline_year}, target {s.target_year}, "
                   f"{s.pathway_method.replace('_', ' ')} pathway")
        for t in s.targets:
            published = f", published baseline {t.baseline_t:,.0f} t" if t.baseline_t else ""
            click.echo(f"  target {t.sector_code}: {t.kind} {t.value:g}{published}")
        for m in s.milestones:
            click.echo(f"  milestone {m.year} {m.sector_code}: {m.kind} {m.value:g}")


@target_group.command("add")
@click.argument("name")
@click.option("--baseline-year", type=int, required=True)
@click.option("--target-year", type=int, required=True)
@_target_options
@click.option("--method", type=click.Choice(["linear", "milestones", "constant_rate"]),
              default="linear", show_default=True, help="Shape of the pathway.")
@click.option("--baseline-t", type=float, default=None,
              help="A published baseline in t CO2e, used instead of the stored series.")
@click.option("--primary", is_flag=True, help="Make it the primary target set.")
@click.option("--description", default=None)
@pass_app
def add_command(app: AppContext, name, baseline_year, target_year, residual_pct, reduction_pct,
                absolute_t, method, baseline_t, primary, description):
    """Add a target set NAME with its overall target."""
    from pipelines.targets import add_target_set

    kind, value = _one_kind(residual_pct=residual_pct, reduction_pct=reduction_pct,
                            absolute_t=absolute_t)
    programme = app.programme()
    add_target_set(app.ready_engine(), programme.id, name, baseline_year, target_year, kind, value, user=cli_user(),
                   method=method, primary=primary, baseline_t=baseline_t, description=description)
    click.echo(f"Added target set '{name}'{' (primary)' if primary else ''}.")


@target_group.command("sector")
@click.argument("name")
@click.argument("sector")
@_target_options
@click.option("--baseline-t", type=float, default=None, help="A published sector baseline in t CO2e.")
@pass_app
def sector_command(app: AppContext, name, sector, residual_pct, reduction_pct, absolute_t, baseline_t):
    """Set the target of SECTOR (a sector code, or 'total') in target set NAME."""
    from pipelines.targets import set_target

    kind, value = _one_kind(residual_pct=residual_pct, reduction_pct=reduction_pct,
                            absolute_t=absolute_t)
    set_target(app.ready_engine(), app.programme().id, name, sector, kind, value, baseline_t=baseline_t,
               user=cli_user())
    click.echo(f"Set the {sector} target of '{name}' to {kind} {value:g}.")


@target_group.command("milestone")
@click.argument("name")
@click.argument("year", type=int)
@_target_options
@click.option("--sector", default="total", show_default=True, help="Sector code, or 'total'.")
@pass_app
def milestone_command(app: AppContext, name, year, residual_pct, reduction_pct, absolute_t, sector):
    """Set an interim milestone of target set NAME in YEAR (used by --method milestones)."""
    from pipelines.targets import list_target_sets, set_milestone

    kind, value = _one_kind(residual_pct=residual_pct, reduction_pct=reduction_pct,
                            absolute_t=absolute_t)
    programme = app.programme()
    set_milestone(app.ready_engine(), programme.id, name, year, kind, value, sector_code=sector, user=cli_user())
    click.echo(f"Set the {year} milestone of '{name}' ({sector}) to {kind} {value:g}.")
    method = next(s.pathway_method for s in list_target_sets(app.engine, programme.id) if s.name == name)
    if method != "milestones":
        click.echo(f"Note: '{name}' uses the {method} pathway; milestones shape it only with "
                   "the milestones method.")


@target_group.command("set-primary")
@click.argument("name")
@pass_app
def set_primary_command(app: AppContext, name):
    """Make target set NAME the primary one (the headline of status and dashboard)."""
    from pipelines.targets import set_primary

    set_primary(app.ready_engine(), app.programme().id, name, user=cli_user())
    click.echo(f"'{name}' is now the primary target set.")


@target_group.command("rename")
@click.argument("name")
@click.argument("new_name")
@pass_app
def rename_command(app: AppContext, name, new_name):
    """Rename target set NAME to NEW_NAME (unique in the programme, at most 200 characters)."""
    from pipelines.targets import clean_name, rename_target_set

    if rename_target_set(app.ready_engine(), app.programme().id, name, new_name, user=cli_user()):
        click.echo(f"Renamed target set '{name}' to '{clean_name(new_name)}'.")
    else:
        click.echo(f"'{name}' already has that name; nothing changed.")


@target_group.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def remove_command(app: AppContext, name, yes):
    """Remove target set NAME with its targets and milestones.

    The primary set can only be removed when it is the only one: make another set primary first.
    """
    from pipelines.targets import removable_target_set, remove_target_set

    engine, programme = app.ready_engine(), app.programme()
    found = removable_target_set(engine, programme.id, name)  # a mistake is said before the question
    what = f"{_plural(len(found.targets), 'target')} and {_plural(len(found.milestones), 'milestone')}"
    _confirm(f"Remove target set '{name}' with its {what}?", yes)
    remove_target_set(engine, programme.id, name, user=cli_user())
    click.echo(f"Removed target set '{name}' with its {what}.")


@target_group.command("remove-milestone")
@click.argument("name")
@click.argument("year", type=int)
@click.option("--sector", default="total", show_default=True, help="Sector code, or 'total'.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def remove_milestone_command(app: AppContext, name, year, sector, yes):
    """Remove the milestone of target set NAME in YEAR."""
    from pipelines.targets import milestone_of, remove_milestone

    engine, programme = app.ready_engine(), app.programme()
    found = milestone_of(engine, programme.id, name, year, sector)
    what = f"the {year} milestone of '{name}' ({sector}: {found.kind} {found.value:g})"
    _confirm(f"Remove {what}?", yes)
    remove_milestone(engine, programme.id, name, year, sector_code=sector, user=cli_user())
    click.echo(f"Removed {what}.")


COMMANDS = [target_group]
