"""`roadmap target`: list, set, rename and remove target sets, their sector targets and milestones."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, in_language, plural
from pipelines.status_text import PATHWAYS
from roadmap_cli.context import AppContext, cli_user, pass_app
from roadmap_cli.language import command_language, confirm, say

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
    confirm(question, yes, Bilingual(
        "removing needs confirmation: pass --yes when not running on a terminal",
        "verwijderen vraagt een bevestiging: geef --yes mee als je niet in een terminal werkt",
        "la suppression doit être confirmée : ajoutez --yes hors d'un terminal"))


def _pathway(method: str) -> Bilingual:
    """'linear pathway', in every language."""
    words = method.replace("_", " ")
    return PATHWAYS.get(method, Bilingual(f"{words} pathway", f"doeltraject {words}", f"trajectoire {words}"))


def _primary(primary: bool) -> Bilingual:
    return Bilingual(" (primary)", " (hoofddoelstelling)", " (principal)") if primary else Bilingual("", "", "")


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
        say(Bilingual("No target sets yet: add one with `roadmap target add`.",
                      "Nog geen doelstellingen: voeg er een toe met `roadmap target add`.",
                      "Pas encore d'ensembles d'objectifs : ajoutez-en un avec `roadmap target add`."))
    for s in sets:
        name, primary, pathway = s.name, _primary(s.is_primary), _pathway(s.pathway_method)
        baseline, target = s.baseline_year, s.target_year
        say(Bilingual(f"{name}{primary}: baseline {baseline}, target {target}, {pathway}",
                      f"{name}{primary.nl}: basisjaar {baseline}, doeljaar {target}, {pathway.nl}",
                      f"{name}{primary.fr} : année de référence {baseline}, année cible {target}, {pathway.fr}"))
        for t in s.targets:  # the sector and the kind as the options name them (total, residual_pct)
            sector, kind, value = t.sector_code, t.kind, f"{t.value:.15g}"
            baseline_t = f"{t.baseline_t:,.0f}" if t.baseline_t else ""
            extra = (Bilingual(f", published baseline {baseline_t} t", f", gepubliceerd basisjaarcijfer {baseline_t} t",
                               f", référence publiée {baseline_t} t") if t.baseline_t else Bilingual("", "", ""))
            say(Bilingual(f"  target {sector}: {kind} {value}{extra}", f"  doel {sector}: {kind} {value}{extra.nl}",
                          f"  objectif {sector} : {kind} {value}{extra.fr}"))
        for m in s.milestones:
            year, sector, kind, value = m.year, m.sector_code, m.kind, f"{m.value:.15g}"
            say(Bilingual(f"  milestone {year} {sector}: {kind} {value}", f"  tussendoel {year} {sector}: {kind} {value}",
                          f"  jalon {year} {sector} : {kind} {value}"))


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
    marked = _primary(primary)
    say(Bilingual(f"Added target set '{name}'{marked}.", f"Doelstelling '{name}'{marked.nl} toegevoegd.",
                  f"Ensemble d'objectifs « {name} »{marked.fr} ajouté."))


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
    value = f"{value:.15g}"
    say(Bilingual(f"Set the {sector} target of '{name}' to {kind} {value}.",
                  f"Doel {sector} van '{name}' ingesteld op {kind} {value}.",
                  f"Objectif {sector} de « {name} » fixé à {kind} {value}."))


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
    value = f"{value:.15g}"
    say(Bilingual(f"Set the {year} milestone of '{name}' ({sector}) to {kind} {value}.",
                  f"Tussendoel {year} van '{name}' ({sector}) ingesteld op {kind} {value}.",
                  f"Jalon {year} de « {name} » ({sector}) fixé à {kind} {value}."))
    method = next(s.pathway_method for s in list_target_sets(app.engine, programme.id) if s.name == name)
    if method != "milestones":
        method_nl, method_fr = _pathway(method).nl, _pathway(method).fr
        say(Bilingual(f"Note: '{name}' uses the {method} pathway; milestones shape it only with the milestones method.",
                      f"Opmerking: '{name}' volgt een {method_nl}; tussendoelen vormen het alleen "
                      "met de methode milestones (--method).",
                      f"Remarque : « {name} » suit une {method_fr} ; les jalons ne la façonnent "
                      "qu'avec la méthode milestones (--method)."))


@target_group.command("set-primary")
@click.argument("name")
@pass_app
def set_primary_command(app: AppContext, name):
    """Make target set NAME the primary one (the headline of status and dashboard)."""
    from pipelines.targets import set_primary

    set_primary(app.ready_engine(), app.programme().id, name, user=cli_user())
    say(Bilingual(f"'{name}' is now the primary target set.", f"'{name}' is nu de hoofddoelstelling.",
                  f"« {name} » est maintenant l'ensemble d'objectifs principal."))


@target_group.command("rename")
@click.argument("name")
@click.argument("new_name")
@pass_app
def rename_command(app: AppContext, name, new_name):
    """Rename target set NAME to NEW_NAME (unique in the programme, at most 200 characters)."""
    from pipelines.targets import clean_name, rename_target_set

    if rename_target_set(app.ready_engine(), app.programme().id, name, new_name, user=cli_user()):
        new = clean_name(new_name)
        say(Bilingual(f"Renamed target set '{name}' to '{new}'.", f"Doelstelling '{name}' hernoemd tot '{new}'.",
                      f"Ensemble d'objectifs « {name} » renommé en « {new} »."))
    else:
        say(Bilingual(f"'{name}' already has that name; nothing changed.",
                      f"'{name}' heeft die naam al; er is niets veranderd.",
                      f"« {name} » porte déjà ce nom ; rien n'a changé."))


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
    targets, milestones = len(found.targets), len(found.milestones)
    what = (plural(targets, Bilingual(f"{targets} target", f"{targets} doel", f"{targets} objectif"),
                   Bilingual(f"{targets} targets", f"{targets} doelen", f"{targets} objectifs"))
            + Bilingual(" and ", " en ", " et ")
            + plural(milestones, Bilingual(f"{milestones} milestone", f"{milestones} tussendoel", f"{milestones} jalon"),
                     Bilingual(f"{milestones} milestones", f"{milestones} tussendoelen", f"{milestones} jalons")))
    _confirm(Bilingual(f"Remove target set '{name}' with its {what}?",
                       f"Doelstelling '{name}' met haar {what.nl} verwijderen?",
                       f"Supprimer l'ensemble d'objectifs « {name} » avec ses {what.fr} ?"), yes)
    remove_target_set(engine, programme.id, name, user=cli_user())
    say(Bilingual(f"Removed target set '{name}' with its {what}.", f"Doelstelling '{name}' met haar {what.nl} verwijderd.",
                  f"Ensemble d'objectifs « {name} » supprimé avec ses {what.fr}."))


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
    kind, value = found.kind, f"{found.value:.15g}"
    _confirm(Bilingual(f"Remove the {year} milestone of '{name}' ({sector}: {kind} {value})?",
                       f"Tussendoel {year} van '{name}' ({sector}: {kind} {value}) verwijderen?",
                       f"Supprimer le jalon {year} de « {name} » ({sector} : {kind} {value}) ?"), yes)
    remove_milestone(engine, programme.id, name, year, sector_code=sector, user=cli_user())
    say(Bilingual(f"Removed the {year} milestone of '{name}' ({sector}: {kind} {value}).",
                  f"Tussendoel {year} van '{name}' ({sector}: {kind} {value}) verwijderd.",
                  f"Jalon {year} de « {name} » ({sector} : {kind} {value}) supprimé."))


COMMANDS = [target_group]
