"""`roadmap report com|cdp|nzc`: the reporting formats cities file, from the dashboard's numbers."""

from __future__ import annotations

from pathlib import Path

import click

from pipelines.errors import Bilingual, plural
from pipelines.reporting import REPORT_KINDS
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import say


@click.command("report")
@click.argument("kind", type=click.Choice(REPORT_KINDS))
@click.option("--year", type=int, required=True, help="The inventory year to report.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: .xlsx, or CSV for any other name.")
@pass_app
def report_command(app: AppContext, kind: str, year: int, output: Path) -> None:
    """Write a report for an outside body: com (Covenant of Mayors inventory by its sectors),
    cdp (city-wide emissions by GPC sector) or nzc (climate city contract table vs the baseline).

    Numbers are the dashboard's; lines the data cannot fill are marked (NE, IE) with the reason,
    and the total is the dashboard's total for the year.
    """
    from pipelines.reporting import build_report, write_report

    programme = app.programme()
    report = build_report(app.engine, programme.id, kind, year)
    write_report(report, output)
    # The report's title and notes are its own words (the written file's, in English): quoted as they are.
    title, lines = report.title, len(report.rows)
    say(plural(lines, Bilingual(f"{title}: {lines} lines written to {output}",
                                f"{title}: {lines} regel geschreven naar {output}",
                                f"{title} : {lines} ligne écrite dans {output}"),
               Bilingual(f"{title}: {lines} lines written to {output}",
                         f"{title}: {lines} regels geschreven naar {output}",
                         f"{title} : {lines} lignes écrites dans {output}")))
    for note in report.notes:
        say(Bilingual(f"Note: {note}", f"Opmerking: {note}", f"Remarque : {note}"))


COMMANDS = [report_command]
