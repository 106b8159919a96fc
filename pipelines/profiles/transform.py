"""Applying a profile: an export as read (RawTable) → the long table the generic loader reads.

Pure: no database. The output has the loader's own columns (indicator, period, value, unit,
note; name_nl, name_en, kind for indicators a profile declares) and keeps each value's line
in the file, so the loader's problems still point at the export's rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.load.periods import period_in_header
from pipelines.numbers import detect_decimal, missing_key, parse_number_series
from pipelines.profiles.decimals import decide_by_totals
from pipelines.profiles.model import TOTAL_TARGET, Profile
from pipelines.profiles.report import ProfileReport
from pipelines.read import RawTable, fold

_LABEL_UNIT = re.compile(r"\s*\[([^\]]+)\]\s*$")
OUTPUT_COLUMNS = ("indicator", "period", "value", "unit", "note")


@dataclass
class Transformed:
    table: RawTable
    report: ProfileReport
    decimal: str | None  # the decimal mark the values are now written in, when the profile decided it
    defines_indicators: bool


def apply_profile(profile: Profile, raw: RawTable, area_keys: set[str], chosen_by: str = "recognised",
                  decimal: str | None = None) -> Transformed:
    """The export in the loader's long shape, and what was done to get there."""
    columns = _columns(profile, raw)
    frame, lines = raw.frame, np.asarray(raw.line_numbers, dtype=np.int64)
    report = ProfileReport(profile.name, chosen_by)
    keep = _before_footer(profile, frame, lines, report)
    keep &= _area_rows(profile, frame, columns.get("area"), area_keys, raw, report)
    keep &= _tile_rows(profile, frame, raw, report)
    keep &= _measured_rows(profile, frame, columns, lines, raw, report)
    long = _to_long(profile, frame[keep].reset_index(drop=True), lines[keep], columns, raw, report)
    long = _map_labels(profile, long, report)
    if profile.period_pattern is not None:
        long["period"] = [_period(profile.period_pattern, p) for p in long["period"]]
    long["unit"] = _units(profile, long)
    report.markers = int(long["value"].str.strip().isin(list(profile.markers)).sum())
    if profile.markers:
        long["value"] = long["value"].map(lambda v: profile.markers.get(v.strip(), v))
    if profile.decimal_by_totals and decimal is None:
        decimal, readings = decide_by_totals(
            long["value"], long["period"].to_numpy(dtype=object), long["sector"].to_numpy(dtype=object),
            (long["target"] == TOTAL_TARGET).to_numpy(), long["line"].to_numpy())
        report.readings.extend(readings)
    if profile.add_up:
        long, decimal = _add_up(long, decimal, report)
    report.ignored_columns = [c for c in raw.columns if c not in set(columns.values()) | _shape_columns(profile, raw)]
    report.rows_out = len(long)
    return Transformed(_table(profile, raw, long), report, decimal, bool(profile.indicators))


def _columns(profile: Profile, raw: RawTable) -> dict[str, str]:
    """Role → the file's header for each column the profile names; UserError when one is absent."""
    by_fold = {fold(c): c for c in raw.columns}
    found, missing = {}, []
    for role, name in profile.columns.items():
        actual = by_fold.get(fold(name))
        if actual is None:
            missing.append(name)
        else:
            found[role] = actual
    if missing:
        raise UserError(Bilingual(
            f"{raw.file_name} lacks the column(s) {', '.join(missing)} that profile {profile.name!r} reads",
            f"{raw.file_name} mist de kolom(men) {', '.join(missing)} die profiel {profile.name!r} leest"))
    return found


def _shape_columns(profile: Profile, raw: RawTable) -> set[str]:
    used = {c for f in profile.keep for c in raw.columns if fold(c) == fold(f.column)}
    if profile.shape == "wide":
        used |= {c for c in raw.columns if _wide_header(profile, c)}
        if "label" not in profile.columns:  # the label column: the first that is not a period
            used |= {next((c for c in raw.columns if not _wide_header(profile, c) and fold(c) != fold(profile.columns.get("area", ""))), "")}
    used |= {c for alt in profile.sum_alternatives for c in raw.columns if fold(c) in {fold(a) for a in alt}}
    return used


def _before_footer(profile: Profile, frame: pd.DataFrame, lines: np.ndarray, report: ProfileReport) -> np.ndarray:
    """False from the first footer row on (an Excel export's 'Speciale waarden', 'Bron' block)."""
    keep = np.ones(len(frame), dtype=bool)
    if profile.footer_pattern is None or not len(frame.columns):
        return keep
    first = frame[frame.columns[0]].to_numpy(dtype=object)
    starts = [i for i, cell in enumerate(first) if profile.footer_pattern.search(str(cell).strip())]
    if starts:
        keep[starts[0]:] = False
        report.leave_out(Bilingual(f"footer from line {int(lines[starts[0]])}", f"voetregels vanaf regel {int(lines[starts[0]])}"), [str(c) for c in first[starts[0]:]], int((~keep).sum()))
    return keep


def _area_rows(profile: Profile, frame: pd.DataFrame, column: str | None, area_keys: set[str], raw: RawTable,
               report: ProfileReport) -> np.ndarray:
    if column is None:
        return np.ones(len(frame), dtype=bool)
    report.area_column = column
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object))
    ours = np.array([_is_ours(u, area_keys) for u in uniques], dtype=bool)
    keep = ours[codes] if len(uniques) else np.zeros(len(frame), dtype=bool)
    if not keep.any():
        header = raw.detected.get("header_line", 1)
        names = " / ".join(sorted(area_keys)) or "none"
        raise ValidationFailed([Problem(raw.file_name, header, column, ", ".join(list(map(str, uniques))[:5]), Bilingual(
            f"rows for the programme's area (its names and codes: {names}); add the name or code "
            "this file uses with `roadmap area add`",
            f"rijen voor het gebied van het programma (namen en codes: {names}); voeg de naam of code "
            "die dit bestand gebruikt toe aan het programma"))])
    report.area_rows_kept = int(keep.sum())
    others = np.array([str(x) for x in frame[column].to_numpy(dtype=object)[~keep]], dtype=object)
    unknown = np.array([fold(x) in profile.unknown_areas for x in others], dtype=bool)
    report.leave_out(Bilingual("with no known area", "zonder gekend gebied"), list(others[unknown]), int(unknown.sum()))
    report.leave_out(Bilingual("other areas", "andere gebieden"), list(others[~unknown]), int((~unknown).sum()))
    return keep


def _is_ours(value, area_keys: set[str]) -> bool:
    key = fold(str(value))
    return bool(key) and (key in area_keys or (key.isdigit() and key.lstrip("0") in area_keys))


def _tile_rows(profile: Profile, frame: pd.DataFrame, raw: RawTable, report: ProfileReport) -> np.ndarray:
    keep = np.ones(len(frame), dtype=bool)
    by_fold = {fold(c): c for c in raw.columns}
    for rule in profile.keep:
        column = by_fold.get(fold(rule.column))
        if column is None:
            raise UserError(f"{raw.file_name} lacks the column {rule.column} that profile {profile.name!r} filters on")
        cells = frame[column].to_numpy(dtype=object)
        ok = np.array([fold(str(c)) in rule.values for c in cells], dtype=bool)
        report.leave_out(Bilingual(f"other values of {column!r} (another tile or table)",
                                   f"andere waarden van {column!r} (een andere tegel of tabel)"), list(cells[keep & ~ok]), int((keep & ~ok).sum()))
        keep &= ok
    return keep


def _measured_rows(profile: Profile, frame: pd.DataFrame, columns: dict[str, str], lines: np.ndarray,
                   raw: RawTable, report: ProfileReport) -> np.ndarray:
    column = columns.get("measured")
    if column is None:
        return np.ones(len(frame), dtype=bool)
    folded = np.array([fold(str(c)) for c in frame[column]], dtype=object)
    planned = np.isin(folded, list(profile.planned))
    keep = np.isin(folded, list(profile.measured | profile.also_keep))
    unknown = np.flatnonzero(~planned & ~keep)
    if len(unknown):
        expected = ", ".join(sorted(profile.measured | profile.planned | profile.also_keep))
        raise ValidationFailed([Problem(raw.file_name, int(lines[i]), column, str(frame[column].iloc[i]), Bilingual(
            f"a measured or planned marker this profile knows ({expected})",
            f"een aanduiding gemeten of gepland die dit profiel kent ({expected})")) for i in unknown[:20]])
    label = columns.get("label")
    period = columns.get("period")
    examples = [" ".join(str(frame[c].iloc[i]) for c in (period, label) if c) for i in np.flatnonzero(planned)]
    report.leave_out(Bilingual("planned, not measured (never stored as measurements)",
                               "gepland, niet gemeten (nooit bewaard als meting)"), examples, int(planned.sum()))
    return keep


def _wide_header(profile: Profile, header: str) -> tuple[str, str] | None:
    if profile.wide_header is not None:
        found = profile.wide_header.search(header)
        # Without a 'label' group the labels come from a column (rows are indicators).
        return ((found.groupdict().get("label") or "").strip(), found.group("period").strip()) if found else None
    period = period_in_header(header)
    return ("", period.code) if period else None


def _to_long(profile: Profile, frame: pd.DataFrame, lines: np.ndarray, columns: dict[str, str],
             raw: RawTable, report: ProfileReport) -> pd.DataFrame:
    n = len(frame)

    def cells(role: str) -> np.ndarray:
        column = columns.get(role)
        return frame[column].to_numpy(dtype=object) if column else np.full(n, "", dtype=object)

    if profile.shape == "wide":
        value_columns = [(c, *_wide_header(profile, c)) for c in raw.columns if _wide_header(profile, c)]
        label_column = columns.get("label") or next(
            (c for c in raw.columns if not _wide_header(profile, c) and c != columns.get("area")), None)
        parts = [pd.DataFrame({
            "line": lines, "label": label or frame[label_column].to_numpy(dtype=object),
            "period": period, "value": frame[c].to_numpy(dtype=object), "unit": cells("unit"), "note": cells("note"),
        }) for c, label, period in value_columns]
        return pd.concat(parts, ignore_index=True) if parts else _empty()
    label = cells("label") if "label" in columns else np.full(n, profile.label_constant or "", dtype=object)
    if profile.shape == "sum_columns":
        value = _summed_columns(profile, frame, raw, report)
    else:
        value = cells("value")
    return pd.DataFrame({"line": lines, "label": label, "period": cells("period"), "value": value,
                         "unit": cells("unit"), "note": cells("note")})


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in ("line", "label", "period", "value", "unit", "note")})


def _summed_columns(profile: Profile, frame: pd.DataFrame, raw: RawTable, report: ProfileReport) -> np.ndarray:
    """Per row, the sum of the first set of columns that are all filled (CDP: scope 1 + scope 2)."""
    by_fold = {fold(c): c for c in raw.columns}
    out = np.full(len(frame), "", dtype=object)
    for alternative in profile.sum_alternatives:
        names = [by_fold.get(fold(c)) for c in alternative]
        if None in names:
            continue
        parsed = [parse_number_series(frame[c], ".") for c in names]
        numbers = [x.to_numpy() for x, _bad in parsed]
        filled = np.logical_and.reduce([frame[c].str.strip().to_numpy() != "" for c in names]) & (out == "")
        for i in np.flatnonzero(filled):
            wrong = [frame[c].iloc[i] for c, (_x, bad) in zip(names, parsed, strict=True) if bad.iloc[i]]
            if wrong:  # no number: passed on as written, for the loader to refuse with its row
                out[i] = wrong[0]
                continue
            parts = [x[i] for x in numbers]
            out[i] = _number_text(sum(parts))
            summed = f"{' + '.join(_fmt(p) for p in parts)} = {_fmt(sum(parts))}"
            report.sums.append(Bilingual(f"added up {summed} (columns: {'; '.join(names)})",
                                         f"opgeteld: {summed} (kolommen: {'; '.join(names)})"))
    partial = (out == "") & np.logical_or.reduce(
        [frame[c].str.strip().to_numpy() != "" for c in raw.columns if c in _shape_columns(profile, raw)] or [out != ""])
    if partial.any():  # some parts given, never all of one set: missing, and said so
        report.sums.append(Bilingual(
            f"{int(partial.sum())} row(s) left missing: no set of columns to add up is complete",
            f"{int(partial.sum())} rij(en) ontbrekend gelaten: geen reeks kolommen om op te tellen is volledig"))
    return out


def _map_labels(profile: Profile, long: pd.DataFrame, report: ProfileReport) -> pd.DataFrame:
    codes, uniques = pd.factorize(long["label"].to_numpy(dtype=object))
    rules = [next((r for r in profile.labels if r.pattern.search(str(u))), None) for u in uniques]
    mapped = np.array([r is not None for r in rules], dtype=bool)
    rows_mapped = mapped[codes] if len(uniques) else np.zeros(0, dtype=bool)
    if profile.leave_out_unmapped:
        unmapped = long["label"].to_numpy(dtype=object)[~rows_mapped]
        report.leave_out(profile.unmapped_reason, [str(u) for u in unmapped], int((~rows_mapped).sum()),
                         Bilingual("value(s)", "waarde(n)"))
        long, codes = long[rows_mapped].reset_index(drop=True), codes[rows_mapped]
    long["target"] = np.array([r.target if r else None for r in rules], dtype=object)[codes] if len(codes) else []
    long["sector"] = np.array([r.sector if r else None for r in rules], dtype=object)[codes] if len(codes) else []
    long["unit_in_label"] = np.array([_label_unit(str(u)) for u in uniques], dtype=object)[codes] if len(codes) else []
    long["label"] = np.array([r.output_label if r else str(u) for r, u in zip(rules, uniques, strict=True)], dtype=object)[codes] if len(codes) else []
    return long


def _label_unit(label: str) -> str:
    found = _LABEL_UNIT.search(label)
    return found.group(1).strip() if found else ""


def _period(pattern: re.Pattern, text: str) -> str:
    found = pattern.search(str(text).strip())
    return found.group(1) if found else str(text)


def _units(profile: Profile, long: pd.DataFrame) -> list[str]:
    units = []
    for unit, in_label, target in zip(long["unit"], long["unit_in_label"], long["target"], strict=True):
        unit = str(unit).strip()
        if unit:
            units.append(profile.unit_codes.get(unit, unit))
        elif target in profile.target_units:
            units.append(profile.target_units[target])
        elif profile.label_units and in_label:
            units.append(in_label)
        else:
            units.append(profile.unit)
    return units


def _add_up(long: pd.DataFrame, decimal: str | None, report: ProfileReport) -> tuple[pd.DataFrame, str | None]:
    """Rows for one indicator and period added up (JRC: direct + indirect emissions).

    Only groups of several rows change; a value that is neither a number nor a missing marker
    leaves the file as it is, for the loader to refuse with its row.
    """
    mark = decimal or detect_decimal(long["value"]) or "."
    numbers, bad = parse_number_series(long["value"], mark)
    markers = np.array([missing_key(v) is not None for v in long["value"]], dtype=bool)
    if (bad.to_numpy() & ~markers).any():
        return long, decimal
    long = long.assign(number=numbers.to_numpy())
    grouped = long.groupby(["label", "period", "unit"], sort=False, dropna=False)
    summed = grouped.agg(line=("line", "first"), number=("number", lambda s: s.sum(min_count=1)),
                         first=("value", "first"), note=("note", "first"), target=("target", "first"),
                         sector=("sector", "first"), n=("line", "size")).reset_index()
    several = summed["n"] > 1
    if not several.any():
        return long.drop(columns="number"), decimal
    rows, values = int(summed.loc[several, "n"].sum()), int(several.sum())
    report.sums.append(Bilingual(
        f"added up {rows} row(s) into {values} value(s): one value per indicator and year (e.g. direct + indirect emissions)",
        f"{rows} rij(en) opgeteld tot {values} waarde(n): één waarde per indicator en jaar (bv. directe + indirecte uitstoot)"))
    summed["value"] = [
        _number_text(v, mark) if many and not np.isnan(v) else first
        for v, many, first in zip(summed["number"], several, summed["first"], strict=True)
    ]
    return summed.sort_values("line", kind="stable").reset_index(drop=True), mark


def _number_text(value: float, mark: str = ".") -> str:
    """A number as the loader reads it with decimal mark `mark`, without thousands separators."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if mark == "," else text


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _table(profile: Profile, raw: RawTable, long: pd.DataFrame) -> RawTable:
    out = pd.DataFrame({c: long[c].astype(object).fillna("").astype(str).to_numpy() for c in ("label", "period", "value", "unit", "note")})
    out.columns = list(OUTPUT_COLUMNS)
    if profile.indicators:
        specs = {d["code"]: d for d in profile.indicators}
        for column in ("name_nl", "name_en", "kind"):
            out[column] = [str(specs.get(label, {}).get(column, "")) for label in out["indicator"]]
    # The loader sizes its work by the file's bytes: give it the size of the long table instead.
    detected = dict(raw.detected, size_bytes=len(out) * 40)
    table = RawTable(raw.file_name, raw.sha256, list(out.columns), detected, lambda _n: iter(()))
    table.__dict__["frame"] = out
    table.__dict__["line_numbers"] = [int(x) for x in long["line"]]
    return table
