"""`roadmap themes list|add|load`: the programme's roadmap themes (workstreams commitments belong to)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipelines.errors import Bilingual
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say, warn


@click.group("themes")
def themes_group() -> None:
    """List or add the programme's roadmap themes (e.g. Leuven 2030's 13 programmes)."""


@themes_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the themes as JSON.")
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Show every theme of the programme: code, Dutch, English and French name."""
    from pipelines.themes import list_themes

    programme = app.programme()
    with app.engine.connect() as conn:
        themes = list_themes(conn, programme.id)
    if as_json:
        rows = [{"code": t.code, "nl": t.name_nl, "en": t.name_en, "fr": t.name_fr} for t in themes]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not themes:
        slug = programme.slug
        say(Bilingual(f"{slug} has no themes yet; add one with `roadmap themes add CODE --nl NAME`.",
                      f"{slug} heeft nog geen thema's; voeg er een toe met `roadmap themes add CODE --nl NAAM`.",
                      f"{slug} n'a pas encore de thèmes ; ajoutez-en un avec `roadmap themes add CODE --nl NOM`."))
        return
    width = max(len(t.code) for t in themes)
    for t in themes:
        click.echo(f"{t.code:<{width}}  {t.name_nl}  |  {t.name_en}" + (f"  |  {t.name_fr}" if t.name_fr else ""))


@themes_group.command("add")
@click.argument("code")
@click.option("--nl", "name_nl", required=True, help="Dutch name of the theme.")
@click.option("--en", "name_en", default=None, help="English name (default: the Dutch one).")
@click.option("--fr", "name_fr", default=None,
              help="French name (default: none, French pages show the English; '' clears it).")
@pass_app
def add_command(app: AppContext, code: str, name_nl: str, name_en: str | None, name_fr: str | None) -> None:
    """Add theme CODE (or rename it when it exists), so commitments files can name it."""
    from pipelines.themes import define_themes

    programme = app.programme()
    row = {"code": code, "nl": name_nl, "en": name_en or ""}
    if name_fr is not None:  # left out: a French name given before stays
        row["fr"] = name_fr
    counts = define_themes(app.engine, programme.id, [row])
    slug = programme.slug
    if counts["added"]:
        say(Bilingual(f"Theme {code} added in {slug}.", f"Thema {code} toegevoegd in {slug}.",
                      f"Thème {code} ajouté dans {slug}."))
    elif counts["renamed"]:
        say(Bilingual(f"Theme {code} renamed in {slug}.", f"Thema {code} hernoemd in {slug}.",
                      f"Thème {code} renommé dans {slug}."))
    else:
        say(Bilingual(f"Theme {code} unchanged in {slug}.", f"Thema {code} ongewijzigd in {slug}.",
                      f"Thème {code} inchangé dans {slug}."))


@themes_group.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and count what would change; write nothing.")
@pass_app
def load_command(app: AppContext, file: Path, dry_run: bool) -> None:
    """Add or rename the themes of FILE: columns code, nl, en and fr (headers in Dutch, English
    or French, e.g. `naam nl`, `name en`, `nom fr`). An empty French cell clears the theme's
    French name; a file without the column leaves it as it is."""
    from pipelines.themes import load_themes_file

    programme = app.programme()
    loaded = load_themes_file(app.engine, programme.id, file, dry_run=dry_run)
    added, renamed, unchanged = (loaded.counts[k] for k in ("added", "renamed", "unchanged"))
    name, slug = file.name, programme.slug
    say(Bilingual(
        f"Themes of {name} in {slug}: {added} added, {renamed} renamed, {unchanged} unchanged"
        + (" (dry run: nothing written)." if dry_run else "."),
        f"Thema's van {name} in {slug}: {added} toegevoegd, {renamed} hernoemd, {unchanged} ongewijzigd"
        + (" (proefdraai: niets geschreven)." if dry_run else "."),
        f"Thèmes de {name} dans {slug} : {added} ajouté(s), {renamed} renommé(s), {unchanged} inchangé(s)"
        + (" (essai : rien n'a été écrit)." if dry_run else ".")))
    warning = loaded.left_out_warning()
    if warning is not None:
        warn(warning)


COMMANDS = [themes_group]
