"""Reporting formats cities must file (Covenant of Mayors, CDP, NetZeroCities), from the dashboard's numbers.

Each report reads the same derived emissions the dashboard shows, lays them out by the outside
body's sectors, marks what it could not fill (a GPC notation key and the reason), and ends with
the dashboard's own total for the year, saying how the lines differ from it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from pipelines.analytics.progress import change_since_baseline_pct
from pipelines.errors import Bilingual, UserError
from pipelines.schema import DerivedEmissions, Programme
from pipelines.vocab import SECTOR_BY_CODE, TOTAL

REPORT_KINDS = ("com", "cdp", "nzc")
ROUNDING_T = 0.5  # differences below half a tonne are rounding, not a gap


@dataclass(frozen=True)
class Line:
    """One line of a report: the sectors it adds up, or what is left of an aggregate."""

    code: str
    label: str
    sectors: tuple[str, ...] = ()
    rest_of: str | None = None  # the aggregate sector whose not-split remainder this line holds
    rest_after: tuple[str, ...] = ()  # the lines' sectors already counted from that aggregate


@dataclass
class Report:
    kind: str
    title: str
    year: int
    columns: tuple[str, ...]
    rows: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


BUILDING_PARTS = ("municipal", "tertiary", "residential", "public_lighting")
TRANSPORT_PARTS = ("transport_municipal", "transport_public", "transport_private")
COM_LINES = (
    Line("A.1", "Municipal buildings, equipment/facilities", ("municipal",)),
    Line("A.2", "Tertiary (non municipal) buildings, equipment/facilities", ("tertiary",)),
    Line("A.3", "Residential buildings", ("residential",)),
    Line("A.4", "Public lighting", ("public_lighting",)),
    Line("A.5", "Buildings, not split by the data", rest_of="buildings", rest_after=BUILDING_PARTS),
    Line("A.6", "Industry (non-ETS)", ("industry",)),
    Line("B.1", "Municipal fleet", ("transport_municipal",)),
    Line("B.2", "Public transport", ("transport_public",)),
    Line("B.3", "Private and commercial transport", ("transport_private",)),
    Line("B.4", "Transport, not split by the data", rest_of="transport", rest_after=TRANSPORT_PARTS),
    Line("C.1", "Waste (with wastewater where reported)", ("waste",)),
    Line("C.2", "Agriculture", ("agriculture",)),
    Line("D.1", "Local energy production", ("energy_production",)),
)
CDP_LINES = (
    Line("I.1", "Stationary energy: residential buildings", ("residential",)),
    Line("I.2", "Stationary energy: commercial and institutional buildings and facilities",
         ("tertiary", "municipal", "public_lighting")),
    Line("I.x", "Stationary energy: buildings, not split by the data", rest_of="buildings",
         rest_after=BUILDING_PARTS),
    Line("I.3", "Stationary energy: manufacturing industries and construction", ("industry",)),
    Line("I.4", "Stationary energy: energy industries", ("energy_production",)),
    Line("II", "Transportation", ("transport",)),
    Line("III", "Waste", ("waste",)),
    Line("IV", "Industrial processes and product use (IPPU)", ("ippu",)),
    Line("V", "Agriculture, forestry and other land use (AFOLU)", ("afolu",)),
)
NZC_LINES = tuple(
    Line(s.gpc, s.en, (s.code,)) for s in SECTOR_BY_CODE.values() if s.parent is None
)


def yearly_emissions(engine: Engine, programme_id: int) -> dict[int, dict[str, float]]:
    """The dashboard's derived emissions: {year: {sector or 'total': t CO2e}} (values only)."""
    e = DerivedEmissions
    query = select(e.year, e.sector_code, e.value_t).where(
        e.programme_id == programme_id, e.value_t.is_not(None))
    out: dict[int, dict[str, float]] = {}
    with engine.connect() as conn:
        for year, sector, value in conn.execute(query):
            if value is not None:  # never, by the query; said again for the type checker
                out.setdefault(int(year), {})[sector] = float(value)
    return out


def _line_value(line: Line, values: dict[str, float]) -> tuple[float | None, str | None, str]:
    """(value, notation key, note) of one line for one year's values."""
    if line.rest_of is not None:
        whole = values.get(line.rest_of)
        if whole is None:
            return None, None, ""
        parts = sum(values.get(s, 0.0) for s in line.rest_after)
        rest = whole - parts
        if abs(rest) < ROUNDING_T:
            return None, None, ""
        return rest, None, f"{_name(line.rest_of)} is reported without this split"
    present = [values[s] for s in line.sectors if s in values]
    if not present:
        names = ", ".join(_name(s) for s in line.sectors)
        return None, "NE", f"no data for {names}"
    return sum(present), None, ""


def _name(sector: str) -> str:
    s = SECTOR_BY_CODE.get(sector)
    return s.en[0].lower() + s.en[1:] if s else sector


def _lines(lines: tuple[Line, ...], values: dict[str, float]) -> list[dict]:
    rows = []
    for line in lines:
        value, key, note = _line_value(line, values)
        if line.rest_of is not None and value is None:
            continue  # nothing left unsplit: no line
        rows.append({"code": line.code, "line": line.label, "value_t_co2e": value,
                     "notation_key": key, "note": note})
    # A part whose aggregate is reported without a split is included in the "not split" line.
    rest_lines = {r["code"] for r in rows if str(r["note"] or "").endswith("without this split")}
    for row in rows:
        line = next(x for x in lines if x.code == row["code"])
        if row["notation_key"] == "NE" and any(
            x.code in rest_lines and set(line.sectors) <= set(x.rest_after) for x in lines
        ):
            row["notation_key"], row["note"] = "IE", "included in the 'not split' line"
    return rows


def _uncovered(lines: tuple[Line, ...], values: dict[str, float]) -> list[str]:
    """Sectors with a value that no line counts (a parent's children stand for it)."""
    covered = {s for line in lines for s in line.sectors} | {line.rest_of for line in lines}
    present = {s for s in values if s != TOTAL}
    out = []
    for sector in sorted(present, key=lambda c: list(SECTOR_BY_CODE).index(c) if c in SECTOR_BY_CODE else 99):
        parent = SECTOR_BY_CODE[sector].parent if sector in SECTOR_BY_CODE else None
        has_children = any(SECTOR_BY_CODE[c].parent == sector for c in present if c in SECTOR_BY_CODE)
        if sector not in covered and parent not in covered and not has_children:
            out.append(f"{_name(sector)} {values[sector]:+,.0f} t")
    return out


def _total_rows(
    lines: tuple[Line, ...], rows: list[dict], values: dict[str, float], year: int
) -> tuple[list[dict], list[str]]:
    total = values[TOTAL]
    summed = sum(r["value_t_co2e"] for r in rows if r["value_t_co2e"] is not None)
    notes = []
    if abs(summed - total) >= ROUNDING_T:
        missing = "; ".join(_uncovered(lines, values)) or "sectors this format has no line for"
        notes.append(f"The lines add up to {summed:,.0f} t; the dashboard's total for {year} is "
                     f"{total:,.0f} t. This format has no line for: {missing}.")
    return [{"code": "TOTAL", "line": "Total, as on the dashboard", "value_t_co2e": total,
             "notation_key": None, "note": ""}], notes


def _year_values(engine: Engine, programme_id: int, year: int) -> tuple[dict[str, float], dict]:
    by_year = yearly_emissions(engine, programme_id)
    if year not in by_year or TOTAL not in by_year[year]:
        have = ", ".join(str(y) for y in sorted(by_year))
        raise UserError(Bilingual(f"no emissions total for {year} (years with one: {have or 'none'})",
                                  f"geen totale uitstoot voor {year} (jaren met een totaal: {have or 'geen'})",
                                  f"aucun total d'émissions pour {year} (années qui en ont un : {have or 'aucune'})"))
    return by_year[year], by_year


def build_report(engine: Engine, programme_id: int, kind: str, year: int) -> Report:
    """The report `kind` (com, cdp or nzc) for `year`."""
    values, by_year = _year_values(engine, programme_id, year)
    with engine.connect() as conn:
        programme = conn.execute(select(Programme.name, Programme.baseline_year, Programme.scope_note)
                                 .where(Programme.id == programme_id)).one()
    columns: tuple[str, ...] = ("code", "line", "value_t_co2e", "notation_key", "note")
    if kind == "nzc":
        return _nzc(programme, year, values, by_year)
    lines, title = {
        "com": (COM_LINES, f"Covenant of Mayors emission inventory, {programme.name}, {year}"),
        "cdp": (CDP_LINES, f"CDP city-wide emissions (GPC sectors), {programme.name}, {year}"),
    }[kind]
    rows = _lines(lines, values)
    totals, notes = _total_rows(lines, rows, values, year)
    if kind == "cdp":
        notes.insert(0, "Scope 1 and scope 2 are not told apart in the data: each line is the "
                        "scope 1+2 total; the scope columns are NE.")
        for row in rows + totals:
            row["scope_1_t_co2e"] = row["scope_2_t_co2e"] = "NE"
        columns = ("code", "line", "scope_1_t_co2e", "scope_2_t_co2e", "value_t_co2e",
                   "notation_key", "note")
    if programme.scope_note:
        notes.append(f"Scope of the data: {programme.scope_note.rstrip('. ')}.")
    return Report(kind, title, year, columns, rows + totals, notes)


def _nzc(programme, year: int, values: dict[str, float], by_year: dict) -> Report:
    base_year = programme.baseline_year
    base = by_year.get(base_year, {})
    rows = []
    for line in NZC_LINES + (Line("TOTAL", "Total, as on the dashboard", (TOTAL,)),):
        now, key, note = _line_value(line, values)
        then, _, _ = _line_value(line, base)
        if now is None and then is None and line.code != "TOTAL":
            continue  # a sector the programme never reported: no line (listed in the notes)
        change = change_since_baseline_pct(base_year, then, year, now)  # (none for the baseline year)
        rows.append({"code": line.code, "line": line.label, "baseline_t_co2e": then,
                     "value_t_co2e": now, "change_vs_baseline_pct": change,
                     "notation_key": key, "note": note if now is None else
                     ("" if then is not None else f"no data for {base_year}")})
    missing = [line.label for line in NZC_LINES if line.code not in {r["code"] for r in rows}]
    notes = [f"Baseline year {base_year} (the programme's)."]
    if year <= base_year:
        notes.append(f"No change against the baseline: {year} is not after the baseline year {base_year}.")
    if missing:
        notes.append("Not estimated (no data in either year): " + ", ".join(missing) + ".")
    columns = ("code", "line", "baseline_t_co2e", "value_t_co2e", "change_vs_baseline_pct",
               "notation_key", "note")
    title = f"NetZeroCities climate city contract emissions, {programme.name}, {base_year} and {year}"
    return Report("nzc", title, year, columns, rows, notes)


def report_bytes(report: Report, file_format: str) -> bytes:
    """The report as an .xlsx workbook ('xlsx': title, table, notes) or CSV ('csv': table, notes)."""
    rows = [[_rounded(row.get(c)) for c in report.columns] for row in report.rows]
    notes = [["NOTE", note] for note in report.notes]
    if file_format == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None  # a new workbook always has its first sheet
        sheet.title = report.kind.upper()
        for values in ([report.title], [], list(report.columns), *rows, [], *notes):
            sheet.append(values)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(report.columns)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    writer.writerows(notes)
    return text.getvalue().encode("utf-8")


def _rounded(value):
    """Tonnes and percentages to 3 decimals: the sums' float noise (397827.60000000003) goes."""
    return round(value, 3) if isinstance(value, float) else value


def write_report(report: Report, path: Path) -> None:
    """Write the report to `path`: .xlsx by its suffix, else CSV."""
    path.write_bytes(report_bytes(report, "xlsx" if path.suffix.lower() == ".xlsx" else "csv"))
