"""Load an indicators file: read → validate → normalise → store, in one transaction and batch.

Every problem of the file is collected before anything is kept; a file with any problem
imports nothing. Rows are streamed in chunks, so a million-row file never sits in memory.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
from sqlalchemy import Connection, Engine, select

from pipelines import clock
from pipelines.batches import finish_batch, previous_load, start_batch
from pipelines.errors import (
    Bilingual,
    Problem,
    UserError,
    ValidationFailed,
    columns_left_out,
    plural,
)
from pipelines.load import parallel_check
from pipelines.load.areas import AreaFilter
from pipelines.load.completeness import incomplete_years, newly_incomplete, touches_emissions
from pipelines.load.definitions import make_definer
from pipelines.load.indicator_rows import FileState, normalise
from pipelines.load.labels import LabelResolver, ensure_total_indicator, load_indicators
from pipelines.load.layout import DEFINITION_COLUMNS, Layout, detect_layout, to_long
from pipelines.load.observation_store import STAGING, ObservationStore, add_up
from pipelines.load.planned_rows import PlannedPlan, planned_plan
from pipelines.load.planned_set import planned_set_warnings, write_planned_target_set
from pipelines.load.problems import ProblemLog
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.load.totals import TotalsCheck
from pipelines.mapping import read_mapping
from pipelines.numbers import any_ambiguous, detect_decimal
from pipelines.programme_areas import area_keys
from pipelines.read import RawTable
from pipelines.read_stream import read_ahead
from pipelines.schema import Programme
from pipelines.targets import check_new_name
from pipelines.unit_of_work import programme_write, programme_write_in
from pipelines.units import UnitConverter

Progress = Callable[[int], None]  # called with the number of file rows just processed
BYTES_PER_ROW = 40  # a lower bound, to guess whether a load is a bulk load
MARKER_LENGTH = 8  # the missing_key column's width


class _Discard(Exception):
    """Unwinds the transaction of a dry run, or of a file that changes nothing."""


def load(
    engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions,
    progress: Progress | None = None,
) -> LoadResult:
    """Load indicator values; see the module docstring. Raises ValidationFailed on any problem."""
    result = LoadResult("indicators", raw.file_name, raw.sha256, dry_run=options.dry_run,
                        detected=dict(raw.detected))
    layout = detect_layout(raw)
    mapping = read_mapping(options.mapping)
    _check_markers(options.missing_markers)
    try:
        # An import queues behind another as long as it takes (saying so), never fails for it.
        with programme_write(engine, programme_id, wait_s=None, on_wait=options.on_wait) as work, \
                _gc_paused():
            conn = work.conn
            result.already_loaded_as = previous_load(conn, programme_id, "indicators", raw.sha256)
            if options.planned_as_target_set:
                # The file loaded before may still give its planned rows as a target set.
                _load_with_plan(conn, programme_id, raw, layout, mapping, options, result, progress)
            elif result.already_loaded_as is not None:
                raise _Discard
            else:
                _load_in(conn, programme_id, raw, layout, mapping, options, result, progress)
    except _Discard:
        pass
    return result


def _load_with_plan(conn: Connection, programme_id: int, raw: RawTable, layout: Layout, mapping,
                    options: LoadOptions, result: LoadResult, progress: Progress | None) -> None:
    """The measured rows as `_load_in` stores them and the planned rows as a target set, in the
    caller's one unit of work: both are kept, or neither (any problem, a name taken)."""
    name = options.planned_as_target_set or ""  # only called with one
    check_new_name(conn, programme_id, name)  # before the file is read, not after
    plans: list[PlannedPlan] = []
    try:
        with conn.begin_nested():  # takes back a dry run, or measured rows that change nothing
            _load_in(conn, programme_id, raw, layout, mapping, options, result, progress, plans)
    except _Discard:
        pass
    plan = plans[0]
    if not plan.totals:
        raise UserError(Bilingual(
            f"--planned-as-target-set {name!r}: the file has no planned emissions rows (a total or "
            "sectors, in a column saying measured/planned) to make a target set of; nothing was imported",
            f"geplande rijen als doelstelling {name!r}: het bestand heeft geen geplande uitstootrijen "
            "(een totaal of sectoren, met een kolom gemeten/gepland) om een doelstelling van te maken; "
            "er is niets geïmporteerd",
            f"lignes prévues comme ensemble d'objectifs {name!r} : le fichier n'a pas de lignes d'émissions prévues "
            "(un total ou des secteurs, avec une colonne mesuré/prévu) dont faire un ensemble d'objectifs ; "
            "rien n'a été importé"))
    baseline_year = conn.execute(select(Programme.baseline_year).where(Programme.id == programme_id)).scalar_one()
    result.planned_target_set = write_planned_target_set(
        conn, programme_id, name, baseline_year, plan, raw.file_name, options.user, dry_run=options.dry_run)
    result.planned_offer = 0
    result.warnings.extend(planned_set_warnings(plan, baseline_year))
    if options.dry_run:
        raise _Discard


def load_in(conn: Connection, programme_id: int, raw: RawTable, options: LoadOptions) -> LoadResult:
    """`load` inside a transaction the caller holds (a regional load: one per file, a batch per
    programme); a savepoint takes back a dry run, or a file that changes nothing here."""
    result = LoadResult("indicators", raw.file_name, raw.sha256, dry_run=options.dry_run,
                        detected=dict(raw.detected))
    layout = detect_layout(raw)
    mapping = read_mapping(options.mapping)
    _check_markers(options.missing_markers)
    try:
        with conn.begin_nested(), programme_write_in(conn, programme_id):
            result.already_loaded_as = previous_load(conn, programme_id, "indicators", raw.sha256)
            if result.already_loaded_as is not None:
                raise _Discard
            _load_in(conn, programme_id, raw, layout, mapping, options, result, None)
    except _Discard:
        pass
    return result


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic collector off for the load: a big file makes millions of short-lived
    objects (no cycles among them), and the collector would walk them again and again (~5 %)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_in(conn: Connection, programme_id: int, raw: RawTable, layout: Layout, mapping,
             options: LoadOptions, result: LoadResult, progress: Progress | None,
             plans: list | None = None) -> None:
    programme = conn.execute(
        select(Programme.area_code, Programme.area_name).where(Programme.id == programme_id)
    ).one()
    ensure_total_indicator(conn, programme_id)
    resolver = LabelResolver(load_indicators(conn, programme_id), mapping)
    problems = ProblemLog(raw.file_name)
    state = FileState(layout, resolver, UnitConverter(dict(mapping.units)), problems, TotalsCheck(),
                      decimal=options.decimal, source=(options.source or None) and options.source[:500],
                      total_id=resolver.total_id, add_up=options.add_up,
                      markers=frozenset(m.strip() for m in options.missing_markers),
                      today=options.today or clock.today(),
                      planned_held=[] if plans is not None else None)
    state.batch_source = state.source
    area = AreaFilter(layout, programme.area_code, programme.area_name, also=area_keys(conn, programme_id))
    result.batch_id = start_batch(conn, programme_id, "indicators", raw, options)
    store = ObservationStore(conn, programme_id, result.batch_id, _expected_rows(raw, options))
    if options.new_indicators:
        state.define = make_definer(conn, programme_id, layout, resolver, problems, result.defined_indicators)
    try:
        if _check_in_second_process(raw, options):
            result.rows_in_file, state, area = parallel_check.stream(
                _stream, state, raw, area, store, options.dry_run, progress)
            raw.detected["checked_in"] = "a second process"
        else:
            result.rows_in_file = _stream(state, raw, area, store, options.dry_run, progress)
        result.detected.update(raw.detected)  # the reader adds blank and footer rows as it streams
        if plans is not None:  # before the check: a bad planned row is a problem of the file
            plans.append(planned_plan(state, (state.planned_held or []) + _profile_planned(options)))
        _check(state, raw, layout, resolver, area)
        if state.add_up:
            rows, result.added_up = add_up(state.held)
            store.add(rows, stage_all=options.dry_run)
        counts = store.classify()
    finally:
        store.close()  # no COPY may still run when the transaction ends, however it ends
    result.added, result.superseded, result.unchanged = counts["new"], counts["superseded"], counts["unchanged"]
    result.skipped = area.skipped
    if area.columns:  # the report says which column was taken as the areas
        result.detected["area_column"] = area.columns[0]
    _describe(result, state, layout, options)
    if options.dry_run or not result.changed:
        if options.dry_run:
            result.diff = store.diff()
            # The would-be data, in this transaction only (rolled back below); a file of no
            # emissions values cannot change a year's completeness and pays nothing.
            if result.changed and touches_emissions(conn, STAGING):
                before = incomplete_years(conn, programme_id)
                store.apply()
                result.incomplete_years = newly_incomplete(before, incomplete_years(conn, programme_id))
        result.batch_id = None
        raise _Discard
    store.apply()
    store.finish()
    finish_batch(conn, result, source=state.batch_source)


def _check(state: FileState, raw: RawTable, layout: Layout, resolver: LabelResolver, area: AreaFilter) -> None:
    """Every problem of the file at once (ValidationFailed), or nothing."""
    area_problems = area.problems(raw.file_name, raw.detected.get("header_line", 1))
    # Several areas kept together repeat every key: then the area is the problem, not those.
    repeats = [] if area_problems else _duplicates(state, raw.file_name, layout, resolver)
    problems = area_problems + state.problems.finish() + repeats
    if problems:
        raise ValidationFailed(problems)


def _check_in_second_process(raw: RawTable, options: LoadOptions) -> bool:
    """A big file is checked in a forked process while this one stores it (parallel_check.py),
    when the caller allows it; not with --new-indicators, whose definitions are written as the
    file is read."""
    big = raw.detected.get("size_bytes", 0) // BYTES_PER_ROW >= parallel_check.MIN_ROWS
    return (options.may_fork and big and not options.new_indicators and not options.add_up
            and not options.planned_as_target_set and parallel_check.available())


def _profile_planned(options: LoadOptions) -> list:
    """The planned rows an import profile took out of the file, as the loader reads rows."""
    table = options.planned_rows
    if table is None:
        return []
    layout = detect_layout(table)
    return [(layout, to_long(layout, chunk, np.arange(len(chunk.frame))), chunk.frame)
            for chunk in table.chunks()]


def _check_markers(markers: tuple[str, ...]) -> None:
    for marker in markers:
        if not marker.strip() or len(marker.strip()) > MARKER_LENGTH:
            raise UserError(Bilingual(
                f"--missing-marker {marker!r}: a marker of 1 to {MARKER_LENGTH} characters (e.g. -1)",
                f"ontbrekend-teken {marker!r}: een teken van 1 tot {MARKER_LENGTH} tekens (bv. -1)",
                f"marqueur de valeur manquante {marker!r} : un marqueur de 1 à {MARKER_LENGTH} caractères (p. ex. -1)"))


def _ignored_columns(state: FileState, layout: Layout, options: LoadOptions) -> list[str]:
    """The file's columns whose cells this load does not read."""
    unread = set(layout.ignored)
    if not options.new_indicators:  # the definitions' columns are read only to define indicators
        unread |= {c for r in DEFINITION_COLUMNS if (c := layout.column(r))}
    unread.discard(state.measured_column)
    return [c for c in [*layout.columns.values(), *layout.ignored] if c in unread]


def _expected_rows(raw: RawTable, options: LoadOptions) -> int:
    size = raw.detected.get("size_bytes", 0)
    return 0 if options.dry_run else size // BYTES_PER_ROW


def _stream(state: FileState, raw: RawTable, area: AreaFilter, store: ObservationStore,
            stage_all: bool, progress: Progress | None) -> int:
    """Check and store every chunk; chunks whose decimal mark is still open wait for it."""
    rows_in_file, waiting = 0, []
    for chunk in read_ahead(raw.chunks()):
        rows_in_file += len(chunk.frame)
        long = to_long(state.layout, chunk, np.flatnonzero(area.keep(chunk.frame)))
        if state.decimal is None:
            # The file's decimal mark: its other areas' rows count as evidence too.
            texts = [chunk.frame[c].to_numpy(dtype=object) for c in state.layout.value_columns]
            state.decimal = detect_decimal(itertools.chain.from_iterable(texts))
            if state.decimal is None and any_ambiguous(long.value):
                waiting.append((long, chunk.frame))
                continue
        for long_rows, frame in [*waiting, (long, chunk.frame)]:
            _store(state, store, long_rows, frame, stage_all)
        waiting.clear()
        if progress is not None:
            progress(len(chunk.frame))
    state.decimal = state.decimal or raw.detected.get("decimal_hint")
    for long_rows, frame in waiting:
        _store(state, store, long_rows, frame, stage_all)
    return rows_in_file


def _store(state: FileState, store: ObservationStore, long, frame, stage_all: bool) -> None:
    rows = normalise(state, long, frame)
    if state.add_up:  # rows of one key may sit in different chunks: added up once all are read
        state.held.append(rows)
    elif state.writable:  # a bad file imports nothing: stop writing, keep checking
        store.add(rows, stage_all=stage_all)


def _duplicates(state: FileState, file_name: str, layout: Layout, resolver: LabelResolver) -> list[Problem]:
    """One problem per row that repeats an indicator and period of an earlier row."""
    if not state.keys or state.add_up:
        return []
    keys, lines = np.concatenate(state.keys), np.concatenate(state.key_lines)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    repeats = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1]) + 1
    if not len(repeats):
        return []
    starts = np.r_[0, np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1]
    log = ProblemLog(file_name)
    for j in repeats:
        first = starts[np.searchsorted(starts, j, side="right") - 1]
        key = int(sorted_keys[j])
        code = resolver.info(key // 32768).code
        year, month = divmod(key % 32768, 13)
        period = f"{year}" if not month else f"{year}-{month:02d}"
        earlier = int(lines[order[first]])
        log.add(int(lines[order[j]]), layout.label, f"{code} {period}", Bilingual(
            f"one row per indicator and period: line {earlier} has the same; if the rows are parts "
            "to add up (direct and indirect emissions, sub-sectors mapped to one sector), load "
            "with --add-up",
            f"één rij per indicator en periode: regel {earlier} heeft dezelfde; zijn de rijen delen "
            "om op te tellen (directe en indirecte uitstoot, subsectoren bij één sector), laad dan "
            "met optellen (--add-up)",
            f"une ligne par indicateur et par période : la ligne {earlier} a les mêmes ; si les lignes sont des parties "
            "à additionner (émissions directes et indirectes, sous-secteurs associés à un même secteur), chargez "
            "avec l'addition (--add-up)"))
    return log.finish()


def _describe(result: LoadResult, state: FileState, layout: Layout, options: LoadOptions) -> None:
    """What was detected, and the warnings, for the result and the batch report."""
    result.ignored_columns = _ignored_columns(state, layout, options)
    result.planned_left_out, result.planned_years = state.planned_lines, sorted(state.planned_years)
    result.detected.update({
        "layout": layout.kind, "decimal": state.decimal, "columns": layout.columns,
        "ignored_columns": result.ignored_columns,
        "measured_column": state.measured_column if isinstance(state.measured_column, str) else None,
        "planned_left_out": result.planned_left_out, "planned_years": result.planned_years,
        "periods_in_header": [c for c, _p, _u in layout.periods],
        "units_seen": sorted({u for u, _c in state.converter.factors_used()}),
    })
    if result.ignored_columns:
        result.warnings.append(columns_left_out(result.ignored_columns))
    result.planned_offer = 0 if options.planned_as_target_set else (
        state.planned_lines + result.detected.get("profile_planned_rows", 0))
    if result.planned_left_out:
        years = ", ".join(map(str, result.planned_years))
        result.warnings.append(Bilingual(
            f"{result.planned_left_out} planned row(s) left out, never stored as measurements (years: {years})",
            f"{result.planned_left_out} geplande rij(en) weggelaten, nooit als meting bewaard (jaren: {years})",
            f"{result.planned_left_out} ligne(s) prévue(s) laissée(s) de côté, jamais enregistrée(s) comme mesures (années : {years})"))
    if result.added_up:
        result.warnings.append(Bilingual(
            f"{result.added_up} row(s) added up with another row of the same indicator and period (--add-up)",
            f"{result.added_up} rij(en) opgeteld bij een andere rij van dezelfde indicator en periode",
            f"{result.added_up} ligne(s) additionnée(s) à une autre ligne du même indicateur et de la même période"))
    result.warnings.extend(state.totals.warnings())
    if state.counts["no_unit"] and layout.column("unit"):
        no_unit = state.counts["no_unit"]
        result.warnings.append(plural(
            no_unit,
            Bilingual(f"{no_unit} value(s) had no unit; taken in their indicator's unit",
                      f"{no_unit} waarde zonder eenheid; gelezen in de eenheid van haar indicator",
                      f"{no_unit} valeur sans unité ; lue dans l'unité de son indicateur"),
            Bilingual(f"{no_unit} value(s) had no unit; taken in their indicator's unit",
                      f"{no_unit} waarden zonder eenheid; gelezen in de eenheid van hun indicator",
                      f"{no_unit} valeurs sans unité ; lues dans l'unité de leur indicateur")))
    for footer in result.detected.get("footer_rows", []):
        line, text = footer["line"], repr(footer["text"])
        result.warnings.append(Bilingual(f"line {line} skipped as a footer: {text}",
                                         f"regel {line} overgeslagen als voettekst: {text}",
                                         f"ligne {line} ignorée comme pied de page : {text}"))
