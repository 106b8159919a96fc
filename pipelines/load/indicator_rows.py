"""Check and normalise the values of one chunk of an indicators file, vectorised.

Each step works on the distinct labels, periods and units of the chunk (a few hundred in a
million rows), then maps the answers back onto the rows with numpy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from types import EllipsisType

import numpy as np
import pandas as pd

from pipelines import clock
from pipelines.errors import UNKNOWN_LABEL, UNKNOWN_UNIT, Bilingual
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
from pipelines.read import fold
from pipelines.units import MAX_UNIT_CHARS, UnitConverter, UnitProblem
from pipelines.vocab import MEASURED_WORDS, PLANNED_WORDS, SECTOR_BY_CODE

EMISSIONS_UNIT = "t CO2e"
AMBIGUOUS = Bilingual(
    "a number whose decimal mark is known: nothing in the file shows whether '.' or ',' is the "
    "decimal mark (e.g. '1.953' is 1953 with a decimal comma, 1.953 with a decimal point); "
    "pass --decimal , or --decimal .",
    "een getal waarvan het decimaalteken vaststaat: niets in het bestand toont of '.' of ',' het "
    "decimaalteken is ('1.953' is 1953 met een decimale komma, 1,953 met een decimale punt); "
    "kies het decimaalteken van het bestand",
    "un nombre dont le séparateur décimal est connu : rien dans le fichier n'indique si « . » ou "
    "« , » est le séparateur décimal (« 1.953 » vaut 1953 avec une virgule décimale, 1,953 avec "
    "un point décimal) ; choisissez le séparateur décimal du fichier",
)
PARENTHESES = Bilingual(
    "a plain number: a value in parentheses is excluded from totals (or negative) depending on "
    "the report; remove the row or the parentheses",
    "een gewoon getal: een waarde tussen haakjes telt, naargelang het rapport, niet mee in de "
    "totalen (of is negatief); verwijder de rij of de haakjes",
    "un nombre simple : selon le rapport, une valeur entre parenthèses est exclue des totaux (ou "
    "négative) ; supprimez la ligne ou les parenthèses",
)
MEASURED_OR_PLANNED = Bilingual(
    "whether the row is measured (real, measured, actual, gemeten, Ist, werkelijk) or planned "
    "(geplant, planned, target, doel, scenario, Soll, prognose)",
    "of de rij gemeten is (real, measured, actual, gemeten, Ist, werkelijk) of gepland "
    "(geplant, planned, target, doel, scenario, Soll, prognose)",
    "si la ligne est mesurée (real, measured, actual, gemeten, Ist, werkelijk) ou prévue "
    "(geplant, planned, target, doel, scenario, Soll, prognose)",
)
MISSING_MARKER = Bilingual(" or a missing-value marker (NE, NO, IE, C, -, ?, NA, empty)",
                           " of een teken voor een ontbrekende waarde (NE, NO, IE, C, -, ?, NA, leeg)",
                           " ou un marqueur de valeur manquante (NE, NO, IE, C, -, ?, NA, vide)")


@dataclass
class FileState:
    """What one file's chunks share: lookups, the decimal mark, problems and running checks."""

    layout: Layout
    resolver: LabelResolver
    converter: UnitConverter
    problems: ProblemLog
    totals: TotalsCheck
    define: Callable[..., int | None] | None = None  # (label, frame, row, line) -> indicator id (--new-indicators)
    decimal: str | None = None
    source: str | None = None  # --source: for rows that name none
    # The source the batch records: --source, else the commonest of the first chunk. Rows that
    # name it store NULL (readers take the batch's), so a file's one source is not kept a
    # million times over.
    batch_source: str | None = None
    keys: list[np.ndarray] = field(default_factory=list)
    key_lines: list[np.ndarray] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    labels: dict[str, tuple[int, str, str, str | None]] = field(default_factory=dict)  # label -> _resolve()
    periods: dict = field(default_factory=dict)  # period as written -> parse_period()
    # Keys so far, sorted (duplicates must not be written).
    seen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    has_duplicates: bool = False
    total_id: int = TOTAL_ROW  # the reported-total indicator: total rows are stored as it
    markers: frozenset[str] = frozenset()  # the file's own missing-value markers (--missing-marker)
    add_up: bool = False  # rows repeating an indicator and period are added up (--add-up)
    held: list = field(default_factory=list)  # --add-up: the rows, stored once all are read
    # Today (pipelines/clock.py, or LoadOptions.today): no measurement is for a period after it.
    today: date = field(default_factory=clock.today)
    # The column saying measured or planned: None when the file has none; ... until decided.
    measured_column: str | None | EllipsisType = ...
    planned_lines: int = 0  # file rows left out as planned
    planned_years: set[int] = field(default_factory=set)
    # --planned-as-target-set: the planned rows, kept to become a target set (planned_rows.py);
    # None when they are only counted.
    planned_held: list | None = None

    @property
    def writable(self) -> bool:
        """False once the file is known to be bad: nothing more is written, checking goes on."""
        return not self.problems and not self.has_duplicates


def normalise(state: FileState, rows: LongRows, frame: pd.DataFrame) -> StoreRows:
    """The chunk's valid, storable rows; every problem goes to state.problems."""
    if not len(rows):
        return empty_rows()
    rows = _measured_only(state, rows, frame)
    if not len(rows):
        return empty_rows()
    ind = _indicators(state, rows, frame)
    period, year, month, month_num, period_ok = _periods(state, rows)
    raw_value, missing_key, is_missing, value, value_ok = _values(state, rows)
    factor, unit_ok = _units(state, rows, ind, is_missing)
    value = value * factor
    ok = (ind != UNKNOWN) & period_ok & value_ok & unit_ok
    ok &= _plausible(state, rows, ind, year, month_num, value, raw_value, ok)
    totals = ok & ((ind == TOTAL_ROW) | (ind == state.total_id))
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
    if state.layout.column("note"):
        columns["note"] = _notes(state, frame, rows.row[store])
    return StoreRows(rows.line[store], key, columns)


def _measured_only(state: FileState, rows: LongRows, frame: pd.DataFrame) -> LongRows:
    """The rows the file marks measured; planned ones are counted (rows, years) and left out,
    and a value that says neither is a problem of its row."""
    column = _measured_column(state, frame)
    if column is None:
        return rows
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object)[rows.row])
    words = [fold(u) for u in uniques]
    planned_u = np.array([w in PLANNED_WORDS for w in words], dtype=bool)
    measured_u = np.array([w in MEASURED_WORDS or not w for w in words], dtype=bool)  # empty: measured
    first = _first_positions(codes, len(uniques))
    counts = np.bincount(codes, minlength=len(uniques))
    for k in np.flatnonzero(~planned_u & ~measured_u):
        i = int(first[k])
        state.problems.add_once(("measured", uniques[k]), int(rows.line[i]), column, str(uniques[k]),
                                MEASURED_OR_PLANNED, int(counts[k]))
    planned = planned_u[codes] if len(uniques) else np.zeros(len(rows), dtype=bool)
    if planned.any():
        state.planned_lines += len(np.unique(rows.line[planned]))
        for text in pd.unique(rows.period[planned]):
            found = state.periods[text] if text in state.periods else parse_period(str(text))
            if found is not None:
                state.planned_years.add(found.year)
        if state.planned_held is not None:
            state.planned_held.append((state.layout, _subset(rows, planned), frame))
    keep = measured_u[codes] if len(uniques) else np.ones(len(rows), dtype=bool)
    return rows if keep.all() else _subset(rows, keep)


def _measured_column(state: FileState, frame: pd.DataFrame) -> str | None:
    """The measured/planned column: one named so ('status', 'art' …), or a 'type'/'soort'
    column whose values are measured/planned words (else it is the definitions' kind)."""
    if state.measured_column is ...:
        layout = state.layout
        column = layout.column("measured")
        if column is None and layout.column("kind") and state.define is None:
            values = {fold(v) for v in pd.unique(frame[layout.column("kind")].to_numpy(dtype=object))}
            if values & (MEASURED_WORDS | PLANNED_WORDS):
                column = layout.column("kind")
        state.measured_column = column
    return None if state.measured_column is ... else state.measured_column


def _subset(rows: LongRows, keep: np.ndarray) -> LongRows:
    return replace(rows, **{name: getattr(rows, name)[keep] for name in
                            ("row", "line", "column", "label", "period", "value", "unit")})


def _plausible(state: FileState, rows: LongRows, ind, year, month_num, value, raw_value, ok) -> np.ndarray:
    """False for values that cannot be what the file means: a negative value in a sector that is
    no sink, a measurement for a period still to come, of any indicator (refused, each with its row)."""
    bad = np.zeros(len(ind), dtype=bool)
    negative = _where(ok & (value < 0), ind, lambda i: i > 0 and _no_sink(state, i))
    for i in np.flatnonzero(negative):
        bad[i] = True
        name = SECTOR_BY_CODE[_emission_sector(state, int(ind[i])) or ""]  # a sink test passed: an emissions sector
        state.problems.add(int(rows.line[i]), str(rows.column[i]), str(raw_value[i]), Bilingual(
            f"a value of 0 or more: {name.en} is no sink (only forestry and land use can be "
            "negative); check the sign",
            f"een waarde van 0 of meer: {name.nl} is geen put (enkel bossen en landgebruik kunnen "
            "negatief zijn); controleer het teken",
            f"une valeur de 0 ou plus : {name.fr or name.en} n'est pas un puits (seuls la forêt et "
            "l'utilisation des terres peuvent être négatives) ; vérifiez le signe"))
    # Every row is a measurement (planned ones were taken out above): none may be for a year
    # after this one, nor for a month after this one, whatever its indicator.
    this_year, this_month = state.today.year, state.today.month
    future = ok & ((year > this_year) | ((year == this_year) & (month_num > this_month)))
    for i in np.flatnonzero(future):
        bad[i] = True
        state.problems.add(int(rows.line[i]), state.layout.period_column or str(rows.column[i]),
                           str(rows.period[i]), future_period(this_year, this_month, int(month_num[i]) > 0))
    return ~bad


def future_period(this_year: int, this_month: int, monthly: bool) -> Bilingual:
    """What a row for a period still to come is expected to be, and what to do with planned values."""
    if monthly:
        at = f"{this_year}-{this_month:02d}"
        up_to_en, up_to_nl, up_to_fr = f"a month up to {at}", f"een maand tot {at}", f"un mois jusqu'à {at}"
        after_en = f"a measurement cannot be for a month after {at}"
        after_nl = f"een meting kan niet voor een maand na {at} zijn"
        after_fr = f"une mesure ne peut pas porter sur un mois après {at}"
    else:
        up_to_en, up_to_nl = f"a year up to {this_year}", f"een jaar tot {this_year}"
        up_to_fr = f"une année jusqu'à {this_year}"
        after_en = f"a measurement cannot be for a year after {this_year}"
        after_nl = f"een meting kan niet voor een jaar na {this_year} zijn"
        after_fr = f"une mesure ne peut pas porter sur une année après {this_year}"
    return Bilingual(
        f"{up_to_en} ({after_en}); if these are planned values, add a column saying so "
        "(type: measured/planned) or load them as a target set (--planned-as-target-set NAME)",
        f"{up_to_nl} ({after_nl}); zijn dit geplande waarden, voeg dan een kolom toe die dat zegt "
        "(type: gemeten/gepland) of laad ze als doelstelling (geplande rijen als doelstelling bewaren)",
        f"{up_to_fr} ({after_fr}) ; s'il s'agit de valeurs prévues, ajoutez une colonne qui le dit "
        "(type : mesuré/prévu) ou chargez-les comme ensemble d'objectifs (--planned-as-target-set NOM)")


def _where(mask: np.ndarray, ind: np.ndarray, test) -> np.ndarray:
    """`mask` narrowed to the rows whose indicator passes `test` (asked once per indicator)."""
    at = np.flatnonzero(mask)
    if not len(at):
        return mask
    uniques, inverse = np.unique(ind[at], return_inverse=True)
    passes = np.array([test(int(i)) for i in uniques], dtype=bool)[inverse]
    out = np.zeros(len(mask), dtype=bool)
    out[at[passes]] = True
    return out


def _no_sink(state: FileState, indicator_id: int) -> bool:
    sector = _emission_sector(state, indicator_id)
    return sector is not None and not SECTOR_BY_CODE[sector].can_be_sink


def _notes(state: FileState, frame: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Each row's note (the file's notes column), None where it has none."""
    column = state.layout.column("note")
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object)[rows])
    cleaned = np.array([str(u).strip() or None for u in uniques] or [None], dtype=object)
    return cleaned[codes]


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
        ids[k], unit, reason, code = state.labels[label]
        if unit:
            rows.unit[(codes == k) & (rows.unit == "")] = unit
        if ids[k] == UNKNOWN:
            state.problems.add_once(("label", label), int(rows.line[i]), state.layout.label, label, reason,
                                    int(counts[k]), code)
    return ids[codes]


def _resolve(state: FileState, label: str, frame: pd.DataFrame, row: int, line: int) -> tuple[int, str, str, str | None]:
    """(indicator id, unit in the label, why unknown, the problem's code)."""
    found = state.resolver.resolve(label)
    if found.indicator_id != UNKNOWN:
        return found.indicator_id, found.unit, "", None
    if found.mapped_to is not None:
        return UNKNOWN, "", Bilingual(
            f"a label mapped to an indicator of the programme; {found.mapped_to!r} is none",
            f"een label gekoppeld aan een indicator van het programma; {found.mapped_to!r} is er geen",
            f"un libellé associé à un indicateur du programme ; {found.mapped_to!r} n'en est pas un"), None
    if not label.strip():
        return UNKNOWN, "", Bilingual("an indicator code or a sector name", "een indicatorcode of een sectornaam",
                                    "un code d'indicateur ou un nom de secteur"), None
    if state.define is not None:
        defined = state.define(label, frame, row, line)
        if defined:
            return defined, found.unit, "", None
    return UNKNOWN, "", unknown_label_hint(state.layout.has_definitions), UNKNOWN_LABEL


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
    if state.markers:  # the file's own markers: '-1' reads as a number, but is none
        stripped = pd.Series(raw, dtype=object).str.strip()
        for i in np.flatnonzero(stripped.isin(state.markers).to_numpy()):
            keys[i], missing[i], bad[i], value[i] = stripped.iat[i], True, False, np.nan
    _value_problems(state, rows, raw, np.flatnonzero(bad))
    original = np.where(missing & (keys == ""), None, raw)  # type: ignore[call-overload]  # numpy takes None
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
    code = None
    if len(unit) > MAX_UNIT_CHARS:
        expected = Bilingual(f"a unit of at most {MAX_UNIT_CHARS} characters (this cell has {len(unit)})",
                             f"een eenheid van hoogstens {MAX_UNIT_CHARS} tekens (deze cel heeft er {len(unit)})",
                             f"une unité d'au plus {MAX_UNIT_CHARS} caractères (cette cellule en a {len(unit)})")
    elif problem.kind == "unknown":
        expected = Bilingual(
            f"a unit the loader knows for {canonical!r} (e.g. t, kt or Mt CO2e; kWh, MWh, "
            "GWh, TJ; %; persons); map it with --mapping FILE (kind 'unit')",
            f"een eenheid die de lader kent voor {canonical!r} (bv. t, kt of Mt CO2e; kWh, MWh, "
            "GWh, TJ; %; personen); koppel ze hieronder aan een gekende eenheid",
            f"une unité que le chargement connaît pour {canonical!r} (p. ex. t, kt ou Mt CO2e ; kWh, "
            "MWh, GWh, TJ ; % ; personnes) ; associez-la ci-dessous à une unité connue")
        code = UNKNOWN_UNIT
    else:
        expected = Bilingual(f"a unit convertible to the indicator's unit {canonical!r}",
                             f"een eenheid die om te zetten is naar de eenheid van de indicator, {canonical!r}",
                             f"une unité convertible dans l'unité de l'indicateur, {canonical!r}")
    state.problems.add_once(("unit", unit, canonical), int(rows.line[i]), column, unit, expected, n, code)


def _track(state: FileState, ind, period, key, value, lines) -> None:
    """Duplicate keys, and sector sums for the totals check."""
    state.keys.append(key)
    state.key_lines.append(lines.astype(np.int64))
    ordered = np.sort(key)
    at = np.searchsorted(state.seen, ordered)
    earlier = state.seen[np.minimum(at, len(state.seen) - 1)] == ordered if len(state.seen) else at < 0
    if not state.add_up and ((ordered[1:] == ordered[:-1]).any() or earlier.any()):
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
