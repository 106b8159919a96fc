"""`roadmap demo`: a database holding the Leuven 2030-style demo programme."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, UserError
from roadmap_cli.context import AppContext, pass_app


@click.command("demo")
@click.option(
    "--force", is_flag=True,
    help="Start from an empty database even if it holds data: deletes a SQLite file, or drops "
    "every table of a PostgreSQL database, before building the demo.",
)
@pass_app
def demo_command(app: AppContext, force: bool) -> None:
    """Build the demo database (default data/roadmap.db) from the files in data/demo/.

    Loads the emissions inventory, activity indicators, partners and commitments through the
    same loaders as `roadmap load`, and adds the demo's target sets and roadmap themes. Refuses
    to touch a database that already holds a programme or a user unless --force is given.
    """
    from pipelines.demo import DEMO_PROGRAMME, build_demo, holds_data, wipe_database

    engine = app.engine
    where = engine.url.render_as_string()
    if holds_data(engine):
        if not force:
            raise UserError(Bilingual(
                f"{where} already holds data; `roadmap demo --force` replaces it with the demo",
                f"{where} bevat al gegevens; `roadmap demo --force` vervangt ze door de demo",
                f"{where} contient déjà des données ; `roadmap demo --force` les remplace par la démonstration"))
        wipe_database(engine)
    for result in build_demo(engine):
        click.echo(result.summary())
        for warning in result.warnings:
            click.echo(f"  warning: {warning}")
    click.echo(
        f"Demo database ready at {where}: programme '{DEMO_PROGRAMME.slug}' "
        f"({DEMO_PROGRAMME.name}). Start the dashboard with `roadmap serve`."
    )


COMMANDS = [demo_command]
