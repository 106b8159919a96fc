"""`roadmap load …`, `batches`, `undo` and `export`: getting data in, seeing it, taking it back."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from pipelines.errors import Bilingual, UserError, in_language, plural
from roadmap_cli.context import AppContext, cli_user, pass_app
from roadmap_cli.language import command_language, confirm, say, warn

BIG_FILE_BYTES = 20_000_000  # a progress bar even off a terminal from this size on
DIFF_ROWS_SHOWN = 20
AREA_WARNING = Bilingual("{slug}: {warning}", "{slug}: {warning}", "{slug} : {warning}")  # one area's, --all-areas


@click.group("load")
def load_group() -> None:
    """Load a CSV or .xlsx file of indicators, partners or commitments.

    The file is checked as a whole first: any problem is reported (file, row, column, value,
    what was expected) and nothing is imported. Loading the same file twice adds nothing.
    """


def _load_options(with_definitions: bool):
    def decorate(func):
        options = [
            click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
            click.option("--dry-run", is_flag=True, help="Check and show what would change; write nothing."),
            click.option("--decimal", type=click.Choice([",", "."]), default=None,
                         help="Decimal mark of the file (default: detected; asked for when ambiguous)."),
            click.option("--separator", default=None, help="Field separator: ',' ';' or 'tab' (default: detected)."),
            click.option("--encoding", default=None, help="Text encoding (default: UTF-8 with or without BOM, else cp1252)."),
            click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                         help="CSV with columns source_label,kind,target mapping unknown labels to an indicator, sector or unit."),
            click.option("--source", default=None, help="Source to record for rows without a source column."),
            click.option("--show", type=int, default=DIFF_ROWS_SHOWN, show_default=True,
                         help="Rows of the dry-run diff to print."),
        ]
        if with_definitions:
            options.append(click.option("--profile", default=None, help=(
                "Import profile to read the file with (`roadmap profiles list`); default: the one "
                "whose header the file matches, if any.")))
            options.append(click.option(
                "--new-indicators", is_flag=True,
                help="Define the indicators the file names but the programme lacks (from its name, unit and kind columns).",
            ))
            options.append(click.option(
                "--missing-marker", "missing_markers", multiple=True, metavar="VALUE",
                help="A value the file uses for 'no data' (e.g. -1): stored as missing with the marker kept. Repeatable.",
            ))
            options.append(click.option(
                "--all-areas", is_flag=True,
                help="The file covers many areas (a regional export): load each into its own programme, "
                     "creating the missing ones (slug from the name, baseline the file's first year).",
            ))
            options.append(click.option(
                "--target-year", type=int, default=None,
                help="With --all-areas: the target year of the programmes it creates (default 2050).",
            ))
            options.append(click.option(
                "--target-residual-pct", type=float, default=None,
                help="With --all-areas: give the programmes it creates a target set (emissions left at "
                     "the target year, % of baseline; default: no target set).",
            ))
            options.append(click.option(
                "--planned-as-target-set", default=None, metavar="NAME",
                help="Keep the rows a type/status column marks planned as a new target set NAME: each "
                     "planned year's emissions (total, or sum of sectors) a milestone in t CO2e, the last "
                     "planned year the target. Written with the load, all or nothing.",
            ))
            options.append(click.option(
                "--add-up", is_flag=True,
                help="Add up several rows for one indicator and period (direct + indirect, sub-sectors) instead of refusing them.",
            ))
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def _make_load_command(kind: str, summary: str):
    @click.command(kind, help=summary)
    @_load_options(with_definitions=kind == "indicators")
    @pass_app
    def command(app: AppContext, file: Path, show: int, new_indicators: bool = False,
                missing_markers: tuple[str, ...] = (), all_areas: bool = False,
                target_year: int | None = None, target_residual_pct: float | None = None, **options):
        from pipelines.load import load_file
        from pipelines.load.result import LoadOptions

        if all_areas and options.get("planned_as_target_set"):
            raise UserError(Bilingual(
                "--planned-as-target-set goes with one programme's file, not --all-areas",
                "--planned-as-target-set gaat samen met het bestand van één programma, niet met --all-areas",
                "--planned-as-target-set s'utilise avec le fichier d'un seul programme, pas avec --all-areas"))
        if all_areas:
            _load_all_areas(app, file, LoadOptions(new_indicators=new_indicators, user=cli_user(),
                                                   missing_markers=tuple(missing_markers), **options),
                            target_year, target_residual_pct)
            return
        if target_year is not None or target_residual_pct is not None:
            raise UserError(Bilingual(
                "--target-year and --target-residual-pct go with --all-areas "
                "(a programme's own targets: `roadmap target`)",
                "--target-year en --target-residual-pct gaan samen met --all-areas "
                "(de eigen doelen van een programma: `roadmap target`)",
                "--target-year et --target-residual-pct s'utilisent avec --all-areas "
                "(les objectifs propres à un programme : `roadmap target`)"))
        programme = app.programme()
        load_options = LoadOptions(new_indicators=new_indicators, user=cli_user(), may_fork=True,
                                   missing_markers=tuple(missing_markers), on_wait=lambda text: say(text, err=True), **options)
        with _progress_bar(file) as bar:
            result = load_file(
                app.ready_engine(), programme.id, kind, file, options=load_options,
                progress=bar.update if bar is not None else None,
            )
        _print_result(result, show)

    return command


def _load_all_areas(app: AppContext, file: Path, options, target_year: int | None,
                    target_residual_pct: float | None) -> None:
    from pipelines.load.regional import DEFAULT_TARGET_YEAR, NewProgrammes, load_all_areas_file

    new = NewProgrammes(target_year=target_year or DEFAULT_TARGET_YEAR, target_residual_pct=target_residual_pct)
    result = load_all_areas_file(app.ready_engine(), file, options, new=new)
    say(result.summary())
    lang = command_language()
    for slug, one in result.results.items():
        for warning in one.warnings:
            warn(in_language(AREA_WARNING, lang).format(slug=slug, warning=in_language(warning, lang)))


def _progress_bar(file: Path):
    size = file.stat().st_size
    if not (sys.stderr.isatty() or size >= BIG_FILE_BYTES):
        return nullcontext(None)
    from tqdm import tqdm

    # No monitor thread: a big file is checked in a forked process, which wants no other threads.
    tqdm.monitor_interval = 0
    return tqdm(unit=" rows", unit_scale=True, file=sys.stderr, desc=file.name, leave=False)


def _print_result(result, show: int) -> None:
    from pipelines.load.completeness import incomplete_year_text

    lang = command_language()
    say(result.summary())
    profile = result.detected.get("profile", {})
    for line in profile.get("lines" if lang == "en" else f"lines_{lang}", profile.get("lines", [])):
        click.echo(line)  # the profile report's lines, already in the language
    for warning in result.warnings:
        warn(warning)
    for entry in result.incomplete_years:
        warn(incomplete_year_text(entry))
    if result.planned_offer:
        say(_planned_offer(result.planned_offer))
    if result.dry_run and result.diff is not None and show > 0 and result.already_loaded_as is None:
        diff = result.diff
        changed = diff[diff["change"] != "unchanged"]
        if len(changed):
            say(_diff_heading(min(show, len(changed)), len(changed)))
            click.echo(changed.head(show).to_string(index=False))  # a table of the data: its column names


def _planned_offer(rows: int) -> Bilingual:
    return plural(rows, Bilingual(f"{rows} planned row(s) left out; to keep them as a target set, "
                                  "use --planned-as-target-set NAME",
                                  f"{rows} geplande rij weggelaten; om ze als doelstelling te bewaren, "
                                  "gebruik --planned-as-target-set NAAM",
                                  f"{rows} ligne prévue laissée de côté ; pour la conserver comme ensemble "
                                  "d'objectifs, utilisez --planned-as-target-set NOM"),
                  Bilingual(f"{rows} planned row(s) left out; to keep them as a target set, "
                            "use --planned-as-target-set NAME",
                            f"{rows} geplande rijen weggelaten; om ze als doelstelling te bewaren, "
                            "gebruik --planned-as-target-set NAAM",
                            f"{rows} lignes prévues laissées de côté ; pour les conserver comme ensemble "
                            "d'objectifs, utilisez --planned-as-target-set NOM"))


def _diff_heading(shown: int, count: int) -> Bilingual:
    return plural(count, Bilingual(f"First {shown} of {count} changed row(s):",
                                   f"De eerste {shown} van {count} gewijzigde rij:",
                                   f"{shown} ligne modifiée sur {count} :"),
                  Bilingual(f"First {shown} of {count} changed row(s):",
                            f"De eerste {shown} van {count} gewijzigde rijen:",
                            f"Les {shown} premières lignes modifiées sur {count} :"))


load_group.add_command(_make_load_command(
    "indicators",
    "Load indicator values (emissions per sector, activity, context) from FILE.\n\n"
    "Long layout (indicator or sector, period or year[, month], value[, unit, source, area]) or "
    "wide (one column per year). Units are converted to each indicator's unit; missing markers "
    "(NE, NO, IE, C, -, ?, NA, empty, and --missing-marker) are stored as missing, never 0. "
    "Total rows are stored as the reported total (emissions.total) and checked against the "
    "sectors. Rows a type/status column marks planned are left out and reported (or kept as a "
    "target set: --planned-as-target-set NAME); a measurement for a year (or month) after the "
    "current one is refused. A corrected "
    "value supersedes the old one, which stays in the history.",
))
load_group.add_command(_make_load_command("partners", "Load partners (name, type, sector, joined, website) from FILE."))
load_group.add_command(_make_load_command(
    "commitments", "Load partners' commitments (partner, title, reduction or indicator target, status) from FILE."
))


@click.command("batches")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_app
def batches_command(app: AppContext, as_json: bool) -> None:
    """List the programme's imports, newest first: file, rows added/superseded/unchanged, status."""
    from pipelines.batches import list_batches

    frame = list_batches(app.ready_engine(), app.programme().id)
    if as_json:
        click.echo(frame.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
        return
    if frame.empty:
        say(Bilingual("No imports yet.", "Nog geen imports.", "Pas encore d'imports."))
        return
    shown = frame[["id", "kind", "status", "file_name", "rows_added", "rows_superseded",
                   "rows_unchanged", "rows_skipped", "created_by", "created_at"]].copy()
    shown["created_at"] = shown["created_at"].astype(str).str.slice(0, 19)
    click.echo(shown.to_string(index=False))


@click.command("undo")
@click.argument("batch", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def undo_command(app: AppContext, batch: int, yes: bool) -> None:
    """Undo import BATCH: its values are withdrawn and the ones it replaced come back."""
    from pipelines.undo import undo_batch

    engine, programme = app.ready_engine(), app.programme()
    confirm(Bilingual(f"Undo batch {batch}?", f"Import {batch} ongedaan maken?", f"Annuler l'import {batch} ?"),
            yes, Bilingual("undo needs confirmation: pass --yes when not running on a terminal",
                           "ongedaan maken vraagt een bevestiging: geef --yes mee als je niet in een terminal werkt",
                           "l'annulation doit être confirmée : ajoutez --yes hors d'un terminal"))
    say(undo_batch(engine, batch, cli_user(), programme_id=programme.id))


@click.group("export")
def export_group() -> None:
    """Export stored data as CSV."""


@export_group.command("observations")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
@click.option("--all-history", is_flag=True, help="Every version of each value, not only the current ones.")
@pass_app
def export_observations_command(app: AppContext, output: Path | None, all_history: bool) -> None:
    """Observations in canonical units with indicator, period, unit, missing key, source and batch."""
    from pipelines.export import export_observations

    engine, programme = app.ready_engine(), app.programme()
    if output is None:
        export_observations(engine, programme.id, sys.stdout, all_history)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        count = export_observations(engine, programme.id, out, all_history)
    say(plural(count, Bilingual(f"Wrote {count} row(s) to {output}.", f"{count} rij geschreven naar {output}.",
                                f"{count} ligne écrite dans {output}."),
               Bilingual(f"Wrote {count} row(s) to {output}.", f"{count} rijen geschreven naar {output}.",
                         f"{count} lignes écrites dans {output}.")))


COMMANDS = [load_group, batches_command, undo_command, export_group]
