"""`roadmap programme add|list|show|remove`: the programmes one deployment holds (twin cities, a region)."""

from __future__ import annotations

import json

import click

from pipelines.errors import Bilingual, in_language, plural
from roadmap_cli.context import AppContext, cli_user, pass_app
from roadmap_cli.language import command_language, confirm, say

NO_TARGET_SET = Bilingual("no target set", "geen doelstelling", "aucun ensemble d'objectifs")
NO_TARGET_SET_YET = Bilingual("none (add one with `roadmap target add`)", "geen (voeg er een toe met `roadmap target add`)",
                              "aucun (ajoutez-en un avec `roadmap target add`)")
NO_DATA = Bilingual("no data", "geen gegevens", "aucune donnée")
MISSING = Bilingual("missing", "ontbreekt", "manquante")
NONE = Bilingual("none", "geen", "aucune")


@click.group("programme")
def programme_group() -> None:
    """The deployment's programmes: one per area (a city, a municipality of a region)."""


@programme_group.command("add")
@click.argument("area_name")
@click.option("--name", default=None, help="Programme name (default: the area name).")
@click.option("--slug", default=None, help="Short name for --programme (default: from the area name, e.g. den-haag).")
@click.option("--area-name", "other_names", multiple=True, help="Another name of the area (The Hague); repeatable.")
@click.option("--area-code", "codes", multiple=True, help="A code of the area, KIND:VALUE (cbs:GM0546, nis:24062); repeatable.")
@click.option("--population", multiple=True, metavar="YEAR=N", help="Inhabitants in a year (2019=124306); repeatable.")
@click.option("--baseline-year", type=int, default=2019, show_default=True)
@click.option("--target-year", type=int, default=2050, show_default=True)
@click.option("--target-residual-pct", type=float, default=None,
              help="A primary target set: emissions left at the target year in % of the baseline (0 = neutral). Default: none.")
@pass_app
def add_command(app: AppContext, area_name: str, name, slug, other_names, codes, population,
                baseline_year: int, target_year: int, target_residual_pct: float | None) -> None:
    """Add a programme for AREA_NAME (its slug is made from the name unless --slug is given)."""
    from pipelines.programme_areas import parse_area_code
    from pipelines.programme_registry import (
        add_programme_with_population,
        check_slug,
        parse_population,
        slug_for,
    )
    from pipelines.programmes import ProgrammeSpec

    engine = app.ready_engine()
    main_code = parse_area_code(codes[0])[1] if codes else None
    spec = ProgrammeSpec(
        slug=check_slug(slug) if slug else slug_for(area_name), name=name or area_name,
        baseline_year=baseline_year, target_year=target_year, area_name=area_name,
        area_code=main_code if main_code and len(main_code) <= 32 else None,
        target_residual_pct=target_residual_pct,
        other_area_names=tuple(other_names), other_area_codes=tuple(codes),
    )
    series = [parse_population(p) for p in population]
    add_programme_with_population(engine, spec, series, user=cli_user())
    say(Bilingual(f"Added programme '{spec.slug}' ({spec.name}, baseline {baseline_year}, target {target_year}).",
                  f"Programma '{spec.slug}' toegevoegd ({spec.name}, basisjaar {baseline_year}, doeljaar {target_year}).",
                  f"Programme « {spec.slug} » ajouté ({spec.name}, année de référence {baseline_year}, "
                  f"année cible {target_year})."))


@programme_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """List the programmes: slug, name, areas, baseline, target and years of data."""
    from pipelines.programme_registry import programme_rows

    rows = programme_rows(app.ready_engine())
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        say(Bilingual("No programmes yet.", "Nog geen programma's.", "Pas encore de programmes."))
        return
    lang = command_language()
    for row in rows:
        target = row["target_set"]["name"] if row["target_set"] else in_language(NO_TARGET_SET, lang)
        years = row["emission_years"]
        data = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else in_language(NO_DATA, lang))
        slug, name, baseline, target_year = row["slug"], row["name"], row["baseline_year"], row["target_year"]
        say(Bilingual(f"{slug}\t{name}\tbaseline {baseline}, target {target_year} ({target})\temissions: {data}",
                      f"{slug}\t{name}\tbasisjaar {baseline}, doeljaar {target_year} ({target})\tuitstoot: {data}",
                      f"{slug}\t{name}\tannée de référence {baseline}, année cible {target_year} ({target})"
                      f"\témissions : {data}"))


@programme_group.command("show")
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_app
def show_command(app: AppContext, slug: str, as_json: bool) -> None:
    """Show one programme: its area names and codes, population series, baseline and target."""
    from pipelines.programme_registry import programme_row

    row = programme_row(app.ready_engine(), slug)
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
        return
    lang = command_language()
    missing, none = in_language(MISSING, lang), in_language(NONE, lang)
    population = ", ".join(f"{y}: {missing if v is None else f'{v:,.0f}'}" for y, v in row["population"].items())
    names, codes = ", ".join(row["area_names"]) or "-", ", ".join(row["area_codes"]) or "-"
    baseline, target_year = row["baseline_year"], row["target_year"]
    target = row["target_set"]["name"] if row["target_set"] else in_language(NO_TARGET_SET_YET, lang)
    years = ", ".join(map(str, row["emission_years"])) or none
    click.echo(f"{row['name']} ({row['slug']})")
    say(Bilingual(f"area names: {names}\narea codes: {codes}\npopulation: {population or 'none loaded'}\n"
                  f"baseline year: {baseline}; target year: {target_year}\ntarget set: {target}\n"
                  f"years with emissions: {years}",
                  f"namen van het gebied: {names}\ncodes van het gebied: {codes}\n"
                  f"inwoners: {population or 'geen geladen'}\n"
                  f"basisjaar: {baseline}; doeljaar: {target_year}\ndoelstelling: {target}\n"
                  f"jaren met uitstoot: {years}",
                  f"noms de la zone : {names}\ncodes de la zone : {codes}\n"
                  f"population : {population or 'aucune chargée'}\n"
                  f"année de référence : {baseline} ; année cible : {target_year}\n"
                  f"ensemble d'objectifs : {target}\nannées avec émissions : {years}"))


@programme_group.command("remove")
@click.argument("slug")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def remove_command(app: AppContext, slug: str, yes: bool) -> None:
    """Remove programme SLUG with all its data (values, imports, targets, partners)."""
    from pipelines.programme_registry import programme_row, remove_programme

    engine = app.ready_engine()
    programme_row(engine, slug)  # a clear error before asking
    confirm(Bilingual(f"Remove programme '{slug}' and all its data?", f"Programma '{slug}' met al zijn gegevens verwijderen?",
                      f"Supprimer le programme « {slug} » et toutes ses données ?"), yes, Bilingual(
        "remove needs confirmation: pass --yes when not running on a terminal",
        "verwijderen vraagt een bevestiging: geef --yes mee als je niet in een terminal werkt",
        "la suppression doit être confirmée : ajoutez --yes hors d'un terminal"))
    remove_programme(engine, slug)
    say(Bilingual(f"Removed programme '{slug}'.", f"Programma '{slug}' verwijderd.", f"Programme « {slug} » supprimé."))


@programme_group.command("refresh")
@pass_app
def refresh_command(app: AppContext) -> None:
    """Rebuild the progress tables of every programme computed for an earlier year.

    Years left and overdue commitments hold for the year the tables were rebuilt in. The dashboard
    does this itself on its first request after 1 January; run it from cron where the dashboard
    cannot write (a read-only deployment).
    """
    from pipelines import clock
    from pipelines.year_turn import refresh_stale

    refreshed = refresh_stale(app.ready_engine(), wait_s=None)
    year, count = clock.today().year, len(refreshed)
    if not refreshed:
        say(Bilingual(f"Every programme's progress tables are for {year}.",
                      f"De voortgangstabellen van elk programma zijn voor {year}.",
                      f"Les tableaux de progression de chaque programme sont pour {year}."))
        return
    say(plural(count, Bilingual(f"Rebuilt the progress tables of {count} programme for {year}.",
                                f"De voortgangstabellen van {count} programma herberekend voor {year}.",
                                f"Tableaux de progression de {count} programme recalculés pour {year}."),
               Bilingual(f"Rebuilt the progress tables of {count} programmes for {year}.",
                         f"De voortgangstabellen van {count} programma's herberekend voor {year}.",
                         f"Tableaux de progression de {count} programmes recalculés pour {year}.")))


COMMANDS = [programme_group]
