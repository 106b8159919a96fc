"""Check and normalise the values of one chunk of an indicators file, vectorised.

Each step works on the distinct labels, periods and units of the chunk (a few hundred in a
million rows), then maps the answers back onto the rows with numpy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual
from pipelines.load.labels import TOTAL_ROW, UNKNOWN, LabelResolver, unknown_label_hint
from pipelines.load.layout import Layout, LongRows
from pipelines.load.observation_store import StoreRows, empty_rows
from pipelines.load.periods import EXPECTED_PERIOD, parse_period
from pipelines.load.problems import ProblemLog
from pipelines.load.totals import TotalsCheck
from pipelines.numbers import (
    ambiguous_mask,
    expected_number,
    missing_key,
    parse_number_series,
)
from pipelines.units import MAX_UNIT_CHARS, UnitConverter, UnitProblem
from pipelines.vocab import SECTOR_BY_CODE

EMISSIONS_UNIT = "t CO2e"
AMBIGUOUS = Bilingual(
    "a number whose decimal mark is known: nothing in the file shows whether '.' or ',' is the "
    "decimal mark (e.g. '1.953' is 1953 with a decimal comma, 1.953 with a decimal point); "
    "pass --decimal , or --decimal .",
    "een getal waarvan het decimaalteken vaststaat: niets in het bestand toont of '.' of ',' het "
    "decimaalteken is ('1.953' is 1953 met een decimale komma, 1,953 met een decimale punt); "
    "kies het decimaalteken van het bestand",
)
PARENTHESES = Bilingual(
    "a plain number: a value in parentheses is excluded from totals (or negative) depending on "
    "the report; remove the row or the parentheses",
    "een gewoon getal: een waarde tussen haakjes telt, naargelang het rapport, niet mee in de "
    "totalen (of is negatief); verwijder de rij of de haakjes",
)
MISSING_MARKER = Bilingual(" or a missing-value marker (NE, NO, IE, C, -, ?, NA, empty)",
                           " of een teken voor een ontbrekende waarde (NE, NO, IE, C, -, ?, NA, leeg)")


@dataclass
class FileState:
    """What one file's chunks share: lookups, the decimal mark, problems and running checks."""

    layout: Layout
    resolver: LabelResolver
    converter: UnitConverter
    problems: ProblemLog
    totals: TotalsCheck
    define: object = None  # callable(label, frame, row) -> indicator id | None (--new-indicators)
    decimal: str | None = None
    source: str | None = None  # --source: for rows that name none
    # The source the batch records: --source, else the commonest of the first chunk. Rows that
    # name it store NULL (readers take the batch's), so a file's one source is not kept a
    # million times over.
    batch_source: str | None = None
    keys: list[np.ndarray] = field(default_factory=list)
    key_lines: list[np.ndarray] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    labels: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # label -> _resolve()
    periods: dict = field(default_factory=dict)  # period as written -> parse_period()
    # Keys so far, sorted (duplicates must not be written).
    seen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    has_duplicates: bool = False

    @property
    def writable(self) -> bool:
        """False once the file is known to be bad: nothing more is written, checking goes on."""
        return not self.problems and not self.has_duplicates


def normalise(state: FileState, rows: LongRows, frame: pd.DataFrame) -> StoreRows:
    """The chunk's valid, storable rows; every problem goes to state.problems."""
    if not len(rows):
        return empty_rows()
    ind = _indicators(state, rows, frame)
    period, year, month, month_num, period_ok = _periods(state, rows)
    raw_value, missing_key, is_missing, value, value_ok = _values(state, rows)
    factor, unit_ok = _units(state, rows, ind, is_missing)
    value = value * factor
    ok = (ind != UNKNOWN) & period_ok & value_ok & unit_ok
    totals = ok & (ind == TOTAL_ROW)
    state.totals.add_totals(period[totals], value[totals], rows.line[totals])
    store = ok & (ind > 0)
    key = ind[store] * 32768 + year[store] * 13 + month_num[store]
    _track(state, ind[store], period[store], key, value[store], rows.line[store])
    columns = {
        "indicator_id": ind[store], "period": period[store], "year": year[store],
        "month": month[store], "value": value[store], "missing_key": missing_key[store],
        "original_value": raw_value[store], "original_unit": rows.unit[store],
        "source": _sources(state, frame, rows.row[store]),
    }
    return StoreRows(rows.line[store], key, columns)


def _indicators(state: FileState, rows: LongRows, frame: pd.DataFrame) -> np.ndarray:
    """Indicator id (or TOTAL_ROW / UNKNOWN) per row; fills units written inside labels."""
    codes, uniques = pd.factorize(rows.label)
    first = _first_positions(codes, len(uniques))
    counts = np.bincount(codes, minlength=len(uniques))
    ids = np.empty(len(uniques), dtype=np.int64)
    for k, label in enumerate(uniques):
        i = int(first[k])
        if label not in state.labels:
            state.labels[label] = _resolve(state, label, frame, int(rows.row[i]), int(rows.line[i]))
        ids[k], unit, reason = state.labels[label]
        if unit:
            rows.unit[(codes == k) & (rows.unit == "")] = unit
        if ids[k] == UNKNOWN:
            state.problems.add_once(("label", label), int(rows.line[i]), state.layout.label, label, reason, int(counts[k]))
    return ids[codes]


def _resolve(state: FileState, label: str, frame: pd.DataFrame, row: int, line: int) -> tuple[int, str, str]:
    """(indicator id, unit in the label, why unknown)."""
    found = state.resolver.resolve(label)
    if found.indicator_id != UNKNOWN:
        return found.indicator_id, found.unit, ""
    if found.mapped_to is not None:
        return UNKNOWN, "", Bilingual(
            f"a label mapped to an indicator of the programme; {found.mapped_to!r} is none",
            f"een label gekoppeld aan een indicator van het programma; {found.mapped_to!r} is er geen")
    if not label.strip():
        return UNKNOWN, "", Bilingual("an indicator code or a sector name", "een indicatorcode of een sectornaam")
    if state.define is not None:
        defined = state.define(label, frame, row, line)
        if defined:
            return defined, found.unit, ""
    return UNKNOWN, "", unknown_label_hint(state.layout.has_definitions)


def _first_positions(codes: np.ndarray, n: int) -> np.ndarray:
    _, first = np.unique(codes, return_index=True)
    out = np.zeros(n, dtype=np.int64)
    out[: len(first)] = first
    return out


def _periods(state: FileState, rows: LongRows):
    """(period code, year, month or None, month number 0–12, ok) per row."""
    codes, uniques = pd.factorize(rows.period)
    known = state.periods  # every chunk of a monthly file repeats the same few thousand periods
    parsed = [known[p] if p in known else known.setdefault(p, parse_period(p)) for p in uniques]
    ok = np.array([p is not None for p in parsed], dtype=bool)[codes]
    code = np.array([p.code if p else "" for p in parsed], dtype=object)[codes]
    year = np.array([p.year if p else 0 for p in parsed], dtype=np.int64)[codes]
    month = np.array([p.month if p else None for p in parsed], dtype=object)[codes]
    month_num = np.array([(p.month or 0) if p else 0 for p in parsed], dtype=np.int64)[codes]
    column = state.layout.period_column
    for i in np.flatnonzero(~ok):
        state.problems.add(int(rows.line[i]), column or str(rows.column[i]), str(rows.period[i]), EXPECTED_PERIOD)
    return code, year, month, month_num, ok


def _values(state: FileState, rows: LongRows):
    """(original text, missing key, is missing, value, ok) per row.

    One pass parses every cell as a number; only the cells that are not (a few markers, or
    mistakes) are then looked at again: a missing-value marker, or a problem.
    """
    raw = rows.value
    parsed, bad_series = parse_number_series(pd.Series(raw, dtype=object), state.decimal)
    value, bad = parsed.to_numpy().copy(), bad_series.to_numpy().copy()
    missing = np.isnan(value) & ~bad  # empty (or blank) cells
    keys = np.full(len(raw), None, dtype=object)
    keys[missing] = ""
    for i in np.flatnonzero(bad):
        key = missing_key(raw[i])
        if key is not None:
            keys[i], missing[i], bad[i] = key, True, False
    _value_problems(state, rows, raw, np.flatnonzero(bad))
    original = np.where(missing & (keys == ""), None, raw)
    return original, keys, missing, value, ~bad


def _value_problems(state: FileState, rows: LongRows, raw: np.ndarray, bad_at: np.ndarray) -> None:
    if not len(bad_at):
        return
    ambiguous = ambiguous_mask(pd.Series(raw[bad_at])).to_numpy() if state.decimal is None else np.zeros(len(bad_at), bool)
    for i, amb in zip(bad_at, ambiguous, strict=True):
        text = str(raw[i]).strip()
        if amb:
            expected = AMBIGUOUS
        elif text.startswith("(") and text.endswith(")"):
            expected = PARENTHESES
        else:
            expected = expected_number(state.decimal) + MISSING_MARKER
        state.problems.add(int(rows.line[i]), str(rows.column[i]), text, expected)


def _units(state: FileState, rows: LongRows, ind: np.ndarray, missing: np.ndarray):
    ucodes, uniques = pd.factorize(rows.unit)
    if any(len(u) > 40 for u in uniques):  # the original unit is kept in a 40-character column
        rows.unit[:] = np.array([u[:40] for u in uniques], dtype=object)[ucodes]
    n_units = max(len(uniques), 1)
    inverse, pairs = pd.factorize(ind * n_units + ucodes)
    factor_p = np.ones(len(pairs))
    ok_p = np.ones(len(pairs), dtype=bool)
    first = _first_positions(inverse, len(pairs))
    for k, pair in enumerate(pairs):
        indicator_id, unit = int(pair // n_units), str(uniques[pair % n_units]) if len(uniques) else ""
        if indicator_id == UNKNOWN:
            continue
        canonical = EMISSIONS_UNIT if indicator_id == TOTAL_ROW else state.resolver.info(indicator_id).unit
        try:
            factor_p[k] = state.converter.factor(unit, canonical)
        except UnitProblem as problem:
            ok_p[k] = False
            _unit_problem(state, rows, first[k], (inverse == k) & ~missing, problem, unit, canonical)
    factor, ok = factor_p[inverse], ok_p[inverse]
    ok |= missing  # a missing value needs no unit
    state.counts["no_unit"] += int(((rows.unit == "") & ~missing & (ind != UNKNOWN)).sum())
    return factor, ok


def _unit_problem(state, rows, i, mask, problem: UnitProblem, unit: str, canonical: str) -> None:
    n = int(mask.sum())
    if not n:
        return
    column = state.layout.column("unit") or str(rows.column[i])
    if len(unit) > MAX_UNIT_CHARS:
        expected = Bilingual(f"a unit of at most {MAX_UNIT_CHARS} characters (this cell has {len(unit)})",
                             f"een eenheid van hoogstens {MAX_UNIT_CHARS} tekens (deze cel heeft er {len(unit)})")
    elif problem.kind == "unknown":
        expected = Bilingual(
            f"a unit the loader knows for {canonical!r} (e.g. t, kt or Mt CO2e; kWh, MWh, "
            "GWh, TJ; %; persons); map it with --mapping FILE (kind 'unit')",
            f"een eenheid die de lader kent voor {canonical!r} (bv. t, kt of Mt CO2e; kWh, MWh, "
            "GWh, TJ; %; personen); koppel ze hieronder aan een gekende eenheid")
    else:
        expected = Bilingual(f"a unit convertible to the indicator's unit {canonical!r}",
                             f"een eenheid die om te zetten is naar de eenheid van de indicator, {canonical!r}")
    state.problems.add_once(("unit", unit, canonical), int(rows.line[i]), column, unit, expected, n)


def _track(state: FileState, ind, period, key, value, lines) -> None:
    """Duplicate keys, sector sums for the totals check, and negative non-sink emissions."""
    state.keys.append(key)
    state.key_lines.append(lines.astype(np.int64))
    ordered = np.sort(key)
    at = np.searchsorted(state.seen, ordered)
    earlier = state.seen[np.minimum(at, len(state.seen) - 1)] == ordered if len(state.seen) else at < 0
    if (ordered[1:] == ordered[:-1]).any() or earlier.any():
        state.has_duplicates = True  # reported in full at the end; stop writing now
    # Two sorted runs: the stable sort merges them in linear time.
    state.seen = np.sort(np.concatenate([state.seen, ordered]), kind="stable")
    if not len(ind):
        return
    inverse, uids = pd.factorize(ind)
    sectors = np.array([_emission_sector(state, i) for i in uids], dtype=object)[inverse]
    is_sector = sectors != None  # noqa: E711  (elementwise on an object array)
    if is_sector.any():
        state.totals.add_sectors(period[is_sector], sectors[is_sector], value[is_sector])
        negative = is_sector & (value < 0)
        for sector in sectors[negative]:
            if not SECTOR_BY_CODE[sector].can_be_sink:
                state.counts[f"negative:{sector}"] += 1


def _emission_sector(state: FileState, indicator_id: int) -> str | None:
    info = state.resolver.info(int(indicator_id))
    return info.sector_code if info.kind == "emissions" and info.sector_code in SECTOR_BY_CODE else None


def _sources(state: FileState, frame: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Each row's source as stored: NULL where it is the batch's source."""
    column = state.layout.column("source")
    if column is None or not len(rows):
        state.batch_source = state.batch_source or state.source
        return np.full(len(rows), None, dtype=object)
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object)[rows])
    cleaned = [u.strip()[:500] or state.source for u in uniques]
    if state.batch_source is None:
        counts = np.bincount(codes, minlength=len(cleaned))
        named = [(counts[k], -k) for k, text in enumerate(cleaned) if text]
        state.batch_source = cleaned[-max(named)[1]] if named else None
    # '' keeps "no source" apart from NULL, which reads as the batch's source.
    stored = np.array([None if text == state.batch_source else text or "" for text in cleaned], dtype=object)
    return stored[codes]
