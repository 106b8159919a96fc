"""`roadmap profiles …` (import profiles: list, show, export, import, remove) and `roadmap area …`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipelines.errors import Bilingual, UserError, in_language, plural
from roadmap_cli.context import AppContext, cli_user, pass_app
from roadmap_cli.language import command_language, say

NAME_KIND = Bilingual("name", "naam", "nom")
ORIGINS = {"shipped": Bilingual("shipped", "meegeleverd", "fourni"),
           "database": Bilingual("database", "databank", "base de données")}


@click.group("profiles")
def profiles_group() -> None:
    """Import profiles: how a known export (Klimaatmonitor, Klimawatch, CDP, Covenant of Mayors…)
    is read. A file whose header matches a profile is loaded through it with no option."""


@profiles_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Every profile: name, where it comes from (shipped or saved), what it reads."""
    from pipelines.profiles.catalogue import all_profiles

    with app.ready_engine().connect() as conn:
        stored = all_profiles(conn)
    rows = [{"name": s.profile.name, "origin": s.origin, "created_by": s.created_by,
             "created_at": s.created_at.isoformat() if s.created_at else None,
             "description": s.profile.description.get("en", "")} for s in stored]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    lang = command_language()
    width = max(len(r["name"]) for r in rows)
    for s, r in zip(stored, rows, strict=True):
        author = r["created_by"]
        by = in_language(Bilingual(f" by {author}", f" door {author}", f" par {author}"), lang) if author else ""
        origin = in_language(ORIGINS.get(r["origin"], r["origin"]), lang)
        description = s.profile.description.get(lang) or r["description"]  # a profile's own languages
        click.echo(f"{r['name']:<{width}}  {origin}{by}  {description}")


@profiles_group.command("show")
@click.argument("name")
@pass_app
def show_command(app: AppContext, name: str) -> None:
    """Print profile NAME's definition (JSON)."""
    from pipelines.profiles.catalogue import find_profile

    with app.ready_engine().connect() as conn:
        stored = find_profile(conn, name)
    click.echo(json.dumps(stored.profile.definition, ensure_ascii=False, indent=2))


@profiles_group.command("export")
@click.argument("name")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="JSON file to write.")
@pass_app
def export_command(app: AppContext, name: str, output: Path) -> None:
    """Write profile NAME to a JSON file (to share it, or edit it and import it again)."""
    from pipelines.profiles.catalogue import find_profile

    with app.ready_engine().connect() as conn:
        stored = find_profile(conn, name)
    output.write_text(json.dumps(stored.profile.definition, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say(Bilingual(f"Wrote profile {name} to {output}.", f"Profiel {name} geschreven naar {output}.",
                  f"Profil {name} écrit dans {output}."))


@profiles_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_app
def import_command(app: AppContext, file: Path) -> None:
    """Save the profile in FILE (JSON) in the database; a saved profile of the same name is replaced."""
    from pipelines.profiles.catalogue import save_profile

    try:
        definition = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(Bilingual(f"{file.name} is not a JSON profile: {exc}",
                                  f"{file.name} is geen JSON-profiel: {exc}",
                                  f"{file.name} n'est pas un profil JSON : {exc}")) from None
    if not isinstance(definition, dict):
        raise UserError(Bilingual(f"{file.name} is not a JSON profile: it holds no object",
                                  f"{file.name} is geen JSON-profiel: het bevat geen object",
                                  f"{file.name} n'est pas un profil JSON : il ne contient aucun objet"))
    profile = save_profile(app.ready_engine(), definition, cli_user())
    saved = profile.name
    say(Bilingual(f"Saved profile {saved}.", f"Profiel {saved} bewaard.", f"Profil {saved} enregistré."))


@profiles_group.command("remove")
@click.argument("name")
@pass_app
def remove_command(app: AppContext, name: str) -> None:
    """Remove saved profile NAME (shipped profiles stay)."""
    from pipelines.profiles.catalogue import remove_profile

    if not remove_profile(app.ready_engine(), name):
        raise UserError(Bilingual(f"no saved profile {name!r} (shipped profiles cannot be removed)",
                                  f"geen bewaard profiel {name!r} (meegeleverde profielen kan je niet verwijderen)",
                                  f"aucun profil enregistré {name!r} (les profils fournis ne peuvent pas être supprimés)"))
    say(Bilingual(f"Removed profile {name}.", f"Profiel {name} verwijderd.", f"Profil {name} supprimé."))


@click.group("area")
def area_group() -> None:
    """The names and codes of the programme's area, by which files with many areas are cut down to its rows."""


@area_group.command("list")
@pass_app
def area_list_command(app: AppContext) -> None:
    """Every name and code of the programme's area, with its kind."""
    from pipelines.programme_areas import area_entries

    programme = app.programme()
    with app.engine.connect() as conn:
        entries = area_entries(conn, programme.id)
    if not entries:
        slug = programme.slug
        say(Bilingual(f"{slug} has no area name or code yet; add one with `roadmap area add`.",
                      f"{slug} heeft nog geen naam of code van een gebied; voeg er een toe met `roadmap area add`.",
                      f"{slug} n'a pas encore de nom ni de code de zone ; ajoutez-en un avec `roadmap area add`."))
    lang = command_language()
    for kind, value in entries:  # the kind as `--code` takes it (nis, cbs, …), or 'name'
        click.echo(f"{in_language(NAME_KIND, lang) if kind == 'name' else kind:<7} {value}")


@area_group.command("add")
@click.option("--name", "names", multiple=True, help="Another name of the area (e.g. 's-Gravenhage).")
@click.option("--code", "codes", multiple=True, help="A code, with its kind: nis:24062, com:BE0015, 'locode:BE LEU', cbs:GM0518.")
@pass_app
def area_add_command(app: AppContext, names: tuple[str, ...], codes: tuple[str, ...]) -> None:
    """Add names and codes to the programme's area."""
    from pipelines.programme_areas import add_areas

    if not names and not codes:
        raise UserError(Bilingual("give --name or --code (repeatable)",
                                  "geef --name of --code (meermaals mogelijk)",
                                  "indiquez --name ou --code (répétable)"))
    programme = app.programme()
    added = add_areas(app.engine, programme.id, names, codes)
    slug = programme.slug
    say(plural(added, Bilingual(f"Added {added} name(s) or code(s) to the area of {slug}.",
                                f"{added} naam of code toegevoegd aan het gebied van {slug}.",
                                f"{added} nom ou code ajouté à la zone de {slug}."),
               Bilingual(f"Added {added} name(s) or code(s) to the area of {slug}.",
                         f"{added} namen of codes toegevoegd aan het gebied van {slug}.",
                         f"{added} noms ou codes ajoutés à la zone de {slug}.")))


COMMANDS = [profiles_group, area_group]
