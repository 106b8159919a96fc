"""`roadmap demo`: a database holding the Leuven 2030-style demo programme."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual, UserError
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say, warn


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
        say(result.summary())
        for warning in result.warnings:
            warn(warning, indent="  ", err=False)
    slug, name = DEMO_PROGRAMME.slug, DEMO_PROGRAMME.name
    say(Bilingual(f"Demo database ready at {where}: programme '{slug}' ({name}). "
                  "Start the dashboard with `roadmap serve`.",
                  f"Demodatabank klaar op {where}: programma '{slug}' ({name}). "
                  "Start het dashboard met `roadmap serve`.",
                  f"Base de données de démonstration prête à {where} : programme « {slug} » ({name}). "
                  "Lancez le tableau de bord avec `roadmap serve`."))


COMMANDS = [demo_command]
