"""`roadmap themes list|add`: the programme's roadmap themes (workstreams commitments belong to)."""

from __future__ import annotations

import json

import click

from roadmap_cli.context import AppContext, pass_app


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
        click.echo(f"{programme.slug} has no themes yet; add one with `roadmap themes add CODE --nl NAME`.")
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
    verb = "added" if counts["added"] else "renamed" if counts["renamed"] else "unchanged"
    click.echo(f"Theme {code} {verb} in {programme.slug}.")


COMMANDS = [themes_group]
