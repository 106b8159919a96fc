"""The two layouts of an indicators file — long (one row per value) and wide (one column per
year) — and turning a chunk of either into the same long rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from pipelines.errors import Bilingual, Problem, ValidationFailed
from pipelines.load.labels import names_a_sector_or_total
from pipelines.load.periods import Period, period_in_header
from pipelines.read import RawTable, TableChunk, fold, match_columns
from pipelines.vocab import INDICATOR_COLUMNS, TOTAL, TOTAL_LABELS

_HEADER_UNIT = re.compile(r"[\(\[]([^\)\]]+)[\)\]]\s*$")
DEFINITION_COLUMNS = ("name_nl", "name_en", "name_fr", "kind", "lower_is_better")


@dataclass(frozen=True)
class Layout:
    kind: str  # long | wide | columns (one column per sector or total, a row per period)
    label: str  # the column naming the indicator or sector
    columns: dict[str, str]  # canonical role -> column in the file
    periods: tuple[tuple[str, Period, str], ...] = ()  # wide: (column, period, unit in header)
    value_unit: str = ""  # long: unit in the value column's header ('Waarde (kt CO2e)')
    ignored: tuple[str, ...] = field(default=())
    # A file of totals only: no label column, a value column named as a total ('Total emissions
    # (t CO2e)', 'Totale uitstoot'); every row is the programme's reported total.
    totals_only: bool = False
    # kind 'columns': (column, unit in its header) of each sector or total column.
    label_columns: tuple[tuple[str, str], ...] = ()

    def column(self, role: str) -> str | None:
        return self.columns.get(role)

    @property
    def period_column(self) -> str | None:
        return self.columns.get("period") or self.columns.get("year")

    @property
    def value_columns(self) -> list[str]:
        if self.kind == "columns":
            return [c for c, _u in self.label_columns]
        return [self.columns["value"]] if self.kind == "long" else [c for c, _p, _u in self.periods]

    @property
    def has_definitions(self) -> bool:
        """Whether the file can define indicators (--new-indicators): names or units per row."""
        return any(r in self.columns for r in (*DEFINITION_COLUMNS, "unit")) and "indicator" in self.columns


@dataclass(frozen=True)
class LongRows:
    """One entry per value, aligned arrays; `row` points back into the chunk's frame."""

    row: np.ndarray
    line: np.ndarray
    column: np.ndarray  # the column the value came from (for problems)
    label: np.ndarray
    period: np.ndarray
    value: np.ndarray
    unit: np.ndarray  # unit cell, else the unit in the value column's header, else ''

    def __len__(self) -> int:
        return len(self.line)


def header_unit(header: str) -> str:
    found = _HEADER_UNIT.search(header)
    return found.group(1).strip() if found else ""


def detect_layout(table: RawTable) -> Layout:
    """Long when a value column exists, wide when columns are periods; else a clear problem."""
    found = match_columns(table.columns, INDICATOR_COLUMNS)
    used = set(found.values())
    periods = tuple(
        (c, p, header_unit(c)) for c in table.columns if c not in used and (p := period_in_header(c))
    )
    label = found.get("indicator") or found.get("sector")
    if "value" in found and label and ("period" in found or "year" in found):
        ignored = tuple(c for c in table.columns if c not in used)
        return Layout("long", label, found, value_unit=header_unit(found["value"]), ignored=ignored)
    if label is None and ("period" in found or "year" in found) and (by_column := _label_columns(table, found)):
        taken = (used - {found.get("value")}) | {c for c, _u in by_column}
        ignored = tuple(c for c in table.columns if c not in taken)
        columns = {k: v for k, v in found.items() if k != "value"}
        return Layout("columns", by_column[0][0], columns, label_columns=by_column, ignored=ignored)
    if "value" in found and label is None and ("period" in found or "year" in found) and _names_a_total(found["value"]):
        ignored = tuple(c for c in table.columns if c not in used)
        return Layout("long", found["value"], found, value_unit=header_unit(found["value"]), ignored=ignored,
                      totals_only=True)
    if periods and "value" not in found:
        if label is None:
            free = [c for c in table.columns if c not in used and c not in {p[0] for p in periods}]
            label = free[0] if free else None
        if label is not None:
            taken = used | {label} | {p[0] for p in periods}
            ignored = tuple(c for c in table.columns if c not in taken)
            return Layout("wide", label, found, periods=periods, ignored=ignored)
    line = table.detected.get("header_line", 1)
    expected = Bilingual(
        "a long layout with columns for the indicator (or sector), the period (or year, and "
        "month) and the value — e.g. indicator;period;value;unit — or a wide layout with one "
        "column per year (2019, 2020 …) and a column naming the indicator or sector",
        "een lange vorm met kolommen voor de indicator (of sector), de periode (of jaar, en "
        "maand) en de waarde — bv. indicator;periode;waarde;eenheid — of een brede vorm met één "
        "kolom per jaar (2019, 2020 …) en een kolom die de indicator of sector noemt",
        "une disposition longue avec des colonnes pour l'indicateur (ou le secteur), la période (ou "
        "l'année, et le mois) et la valeur — p. ex. indicator;period;value;unit — ou une disposition "
        "large avec une colonne par année (2019, 2020 …) et une colonne qui nomme l'indicateur ou le secteur",
    )
    raise ValidationFailed([Problem(table.file_name, line, None, ", ".join(table.columns), expected)])


def to_long(layout: Layout, chunk: TableChunk, rows: np.ndarray) -> LongRows:
    """The values of the chunk rows `rows` (indices into chunk.frame), one entry per value."""
    frame = chunk.frame
    unit_col = layout.column("unit")
    if layout.kind == "columns":
        return _by_column(layout, chunk, rows)
    if layout.kind == "long":
        units = _cells(frame, unit_col, rows)
        if layout.value_unit:
            units = np.where(units == "", layout.value_unit, units)
        return LongRows(
            row=rows, line=chunk.line_numbers[rows],
            column=np.full(len(rows), layout.columns["value"], dtype=object),
            label=np.full(len(rows), TOTAL, dtype=object) if layout.totals_only else _cells(frame, layout.label, rows),
            period=_period_text(layout, frame, rows),
            value=_cells(frame, layout.columns["value"], rows), unit=units,
        )
    k = len(layout.periods)
    units = _cells(frame, unit_col, rows)
    header_units = np.array([u for _c, _p, u in layout.periods], dtype=object)
    melted_units = np.repeat(units, k)
    fill = np.tile(header_units, len(rows))
    melted_units = np.where(melted_units == "", fill, melted_units)
    values = np.column_stack([_cells(frame, c, rows) for c, _p, _u in layout.periods]) if len(rows) else np.empty((0, k), dtype=object)
    return LongRows(
        row=np.repeat(rows, k), line=np.repeat(chunk.line_numbers[rows], k),
        column=np.tile(np.array([c for c, _p, _u in layout.periods], dtype=object), len(rows)),
        label=np.repeat(_cells(frame, layout.label, rows), k),
        period=np.tile(np.array([p.code for _c, p, _u in layout.periods], dtype=object), len(rows)),
        value=values.reshape(-1), unit=melted_units,
    )


def _label_columns(table: RawTable, found: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Columns named after a sector or a total ('Huishoudens', 'Transport (kt)', 'Totaal') in a
    file with a period column and no label column; a 'value' column counts when it names a total."""
    other_roles = {v for k, v in found.items() if k != "value"}
    named = [c for c in table.columns if c not in other_roles and names_a_sector_or_total(c)]
    if "value" in found and found["value"] not in named:
        if not _names_a_total(found["value"]):
            return ()
        named.append(found["value"])
    if not any(not _names_a_total(c) for c in named):  # totals alone: the totals-only layout
        return ()
    return tuple((c, header_unit(c)) for c in table.columns if c in named)


def _by_column(layout: Layout, chunk: TableChunk, rows: np.ndarray) -> LongRows:
    """The 'columns' layout: each row's period, one value per sector or total column."""
    frame, k = chunk.frame, len(layout.label_columns)
    names = [c for c, _u in layout.label_columns]
    units = np.repeat(_cells(frame, layout.column("unit"), rows), k)
    fill = np.tile(np.array([u for _c, u in layout.label_columns], dtype=object), len(rows))
    values = np.column_stack([_cells(frame, c, rows) for c in names]) if len(rows) else np.empty((0, k), dtype=object)
    return LongRows(
        row=np.repeat(rows, k), line=np.repeat(chunk.line_numbers[rows], k),
        column=np.tile(np.array(names, dtype=object), len(rows)),
        label=np.tile(np.array(names, dtype=object), len(rows)),
        period=np.repeat(_period_text(layout, frame, rows), k),
        value=values.reshape(-1), unit=np.where(units == "", fill, units),
    )


def _names_a_total(header: str) -> bool:
    """Whether a value column's header says its values are totals ('Total emissions (t CO2e)')."""
    bare = re.sub(r"\s*[\(\[].*?[\)\]]\s*$", "", fold(header))
    return re.sub(r"[\s_\-]+", " ", bare).strip() in TOTAL_LABELS


def _cells(frame, column: str | None, rows: np.ndarray) -> np.ndarray:
    if column is None:
        return np.full(len(rows), "", dtype=object)
    return frame[column].to_numpy(dtype=object)[rows]


def _period_text(layout: Layout, frame, rows: np.ndarray) -> np.ndarray:
    if "period" in layout.columns:
        return _cells(frame, layout.columns["period"], rows)
    years = _cells(frame, layout.columns["year"], rows)
    if "month" not in layout.columns:
        return years
    months = _cells(frame, layout.columns["month"], rows)
    return np.array(
        [_year_month(y, m) for y, m in zip(years, months, strict=True)], dtype=object
    )


def _year_month(year: str, month: str) -> str:
    year, month = year.strip(), month.strip()
    if not month:
        return year
    return f"{year}-{month}" if month.isdigit() else f"{month} {year}"
