"""`roadmap scenario`: what if a set of commitments delivers? The scenario pathway and its wedges."""

from __future__ import annotations

import json

import click

from pipelines.analytics.commitments_gap import SCENARIO_BASES
from pipelines.analytics.scenarios import GROUPINGS
from pipelines.errors import Bilingual, in_language
from pipelines.vocab import COMMITMENT_STATUSES, PARTNER_TYPES
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import command_language

STATUS_CODES = [s.code for s in COMMITMENT_STATUSES]
PARTNER_TYPE_CODES = [p.code for p in PARTNER_TYPES]
NO_THEME = Bilingual("No theme", "Zonder thema", "Sans thème")
NO_SECTOR = Bilingual("No sector", "Zonder sector", "Sans secteur")


@click.command("scenario")
@click.option("--basis", type=click.Choice([b.replace("_", "-") for b in SCENARIO_BASES]),
              default=None,
              help="How commitments are weighed: as-reported (achieved + in progress x progress, "
                   "the default), all-delivered (all but withdrawn, in full), achieved-only.")
@click.option("--include", "statuses", multiple=True, type=click.Choice(STATUS_CODES),
              help="Count the commitments of this status in full (repeatable); replaces --basis.")
@click.option("--theme", "themes", multiple=True, metavar="NAME",
              help="Only commitments of this theme (code or name; repeatable).")
@click.option("--sector", "sectors", multiple=True, metavar="CODE",
              help="Only commitments of this sector or its sub-sectors (repeatable).")
@click.option("--partner-type", "partner_types", multiple=True, type=click.Choice(PARTNER_TYPE_CODES),
              help="Only commitments of partners of this type (repeatable).")
@click.option("--by", "group_by", type=click.Choice(GROUPINGS), default="theme", show_default=True,
              help="One wedge per theme or per (top-level) sector.")
@click.option("--target", "target_name", default=None,
              help="Name of the target set (default: the primary one).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the text.")
@pass_app
def scenario_command(app: AppContext, basis, statuses, themes, sectors, partner_types, group_by,
                     target_name, as_json):
    """The trend projection minus the chosen commitments' reductions, spread from their start
    to their target year, with one wedge per theme (or sector) and whether it reaches the target.

    The wedges add up to the projection minus the scenario in every year."""
    from pipelines.analytics.scenarios import Scenario
    from pipelines.scenario_inputs import format_scenario, scenario_for

    if basis is not None and statuses:
        raise click.UsageError(in_language(Bilingual(
            "give either --basis or --include, not both", "geef --basis of --include, niet allebei",
            "indiquez --basis ou --include, pas les deux"), command_language()))
    scenario = Scenario(
        basis=(basis or "as-reported").replace("-", "_"), statuses=tuple(statuses),
        themes=tuple(themes), sectors=tuple(sectors), partner_types=tuple(partner_types),
        group_by=group_by,
    )
    programme = app.programme()
    # The JSON keeps its English labels (scripts read them); the text speaks the command's language.
    lang = "en" if as_json else command_language()
    none_label = NO_THEME if group_by == "theme" else NO_SECTOR
    result = scenario_for(app.engine, programme.id, scenario, target_name, lang=lang,
                          none_label=in_language(none_label, lang))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_scenario(result, scenario, lang))


COMMANDS = [scenario_command]
