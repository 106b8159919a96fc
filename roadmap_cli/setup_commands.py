"""`roadmap init`: create or migrate the database and its first programme."""

from __future__ import annotations

import click

from pipelines.errors import Bilingual
from pipelines.programmes import ProgrammeSpec, create_programme, init_database
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say


@click.command("init")
@click.option("--name", default="Climate programme", show_default=True, help="Programme name.")
@click.option("--slug", default=None, help="Short name used with --programme (default: from --programme or 'city').")
@click.option("--area-name", multiple=True, help="Area the programme covers (e.g. Leuven); repeat for other names (Den Haag, The Hague).")
@click.option("--area-code", multiple=True,
              help="Code of the area (e.g. 24062); repeat for more, with their kind: nis:24062, com:BE0015, 'locode:BE LEU', cbs:GM0546.")
@click.option("--baseline-year", type=int, default=2010, show_default=True)
@click.option("--target-year", type=int, default=2030, show_default=True)
@click.option(
    "--target-residual-pct", type=float, default=0.0, show_default=True,
    help="Emissions left at the target year, in % of the baseline (0 = climate-neutral).",
)
@pass_app
def init_command(app: AppContext, name, slug, area_name, area_code, baseline_year, target_year, target_residual_pct):
    """Create or migrate the database; add a programme if it has none.

    A fresh database gets the standard sectors and one emissions indicator per sector, so an
    inventory file loads with no further set-up.
    """
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from pipelines.schema import Programme

    engine = app.engine
    where = engine.url.render_as_string()
    init_database(engine)
    with Session(engine) as session:
        existing = list(session.scalars(select(Programme.slug)))
    wanted = slug or app.programme_slug
    if existing and (wanted is None or wanted in existing):
        slugs = ", ".join(existing)
        say(Bilingual(f"Database ready at {where}; programmes: {slugs}.",
                      f"Databank klaar op {where}; programma's: {slugs}.",
                      f"Base de données prête à {where} ; programmes : {slugs}."))
        return
    from pipelines.programme_areas import parse_area_code

    # The first code is also the programme's own (a 32-character column); every code is kept in programme_area.
    main_code = parse_area_code(area_code[0])[1] if area_code else None
    main_code = main_code if main_code and len(main_code) <= 32 else None
    spec = ProgrammeSpec(
        slug=wanted or "city", name=name, baseline_year=baseline_year, target_year=target_year,
        area_name=area_name[0] if area_name else None, area_code=main_code,
        target_residual_pct=target_residual_pct,
        other_area_names=tuple(area_name[1:]), other_area_codes=tuple(area_code),
    )
    create_programme(engine, spec)
    say(Bilingual(f"Database ready at {where}; created programme '{spec.slug}' "
                  f"({spec.name}, baseline {baseline_year}, target {target_year}).",
                  f"Databank klaar op {where}; programma '{spec.slug}' aangemaakt "
                  f"({spec.name}, basisjaar {baseline_year}, doeljaar {target_year}).",
                  f"Base de données prête à {where} ; programme « {spec.slug} » créé "
                  f"({spec.name}, année de référence {baseline_year}, année cible {target_year})."))


COMMANDS = [init_command]
