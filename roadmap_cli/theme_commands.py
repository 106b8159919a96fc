"""`roadmap themes list|add`: the programme's roadmap themes (workstreams commitments belong to)."""

from __future__ import annotations

import json

import click

from pipelines.errors import Bilingual
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say


@click.group("themes")
def themes_group() -> None:
    """List or add the programme's roadmap themes (e.g. Leuven 2030's 13 programmes)."""


@themes_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the themes as JSON.")
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    """Show every theme of the programme: code, Dutch and English name."""
    from pipelines.themes import list_themes

    programme = app.programme()
    with app.engine.connect() as conn:
        themes = list_themes(conn, programme.id)
    if as_json:
        rows = [{"code": t.code, "nl": t.name_nl, "en": t.name_en} for t in themes]
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
        click.echo(f"{t.code:<{width}}  {t.name_nl}  |  {t.name_en}")


@themes_group.command("add")
@click.argument("code")
@click.option("--nl", "name_nl", required=True, help="Dutch name of the theme.")
@click.option("--en", "name_en", default=None, help="English name (default: the Dutch one).")
@pass_app
def add_command(app: AppContext, code: str, name_nl: str, name_en: str | None) -> None:
    """Add theme CODE (or rename it when it exists), so commitments files can name it."""
    from pipelines.themes import define_themes

    programme = app.programme()
    counts = define_themes(app.engine, programme.id, [{"code": code, "nl": name_nl, "en": name_en or ""}])
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


COMMANDS = [themes_group]
