"""`roadmap status`: are we on track? The headline numbers, per sector, and the commitments gap."""

from __future__ import annotations

import json

import click

from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import command_language


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the summary.")
@click.option("--target", "target_name", default=None,
              help="Name of the target set (default: the primary one).")
@click.option("--year", type=int, default=None,
              help="The status as known at the end of YEAR: only values for years up to it.")
@pass_app
def status_command(app: AppContext, as_json: bool, target_name: str | None, year: int | None):
    """Show progress toward the target: baseline, latest, pathway, gap, trend and status.

    The status rule: on track when the latest value is at or below the pathway and the trend
    reaches the target; off track when above the pathway and the whole 90 % prediction interval
    of the trend misses the target; at risk otherwise; unknown with fewer than 5 yearly values.
    """
    from pipelines.status_report import status_summary
    from pipelines.status_text import format_status

    programme = app.programme()
    if as_json and target_name is None and year is None and not _has_target_set(app, programme.id):
        # A programme a regional load created has no target yet: say what the data says.
        from pipelines.status_report import data_summary

        click.echo(json.dumps(data_summary(app.engine, programme.id), ensure_ascii=False, indent=2))
        return
    lang = "en" if as_json else command_language()
    # The stored summary's words are English only: Dutch and French ones are computed again.
    summary = status_summary(app.engine, programme.id, target_name, year, fresh=lang != "en")
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(format_status(summary, programme.name, lang))


def _has_target_set(app: AppContext, programme_id: int) -> bool:
    from sqlalchemy import exists, select

    from pipelines.schema import TargetSet

    with app.engine.connect() as conn:
        return bool(conn.scalar(select(exists().where(TargetSet.programme_id == programme_id))))


COMMANDS = [status_command]
