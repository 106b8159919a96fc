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

from pipelines.errors import Bilingual, UserError
from pipelines.load.periods import period_in_header
from pipelines.profiles.decimals import decide_by_totals
from pipelines.profiles.model import TOTAL_TARGET, Profile
from pipelines.profiles.report import ProfileReport
from pipelines.profiles.rows import area_rows, before_footer, measured_rows, tile_rows
from pipelines.profiles.sums import add_up, summed_columns
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
    keep = before_footer(profile, frame, lines, report)
    keep &= area_rows(profile, frame, columns.get("area"), area_keys, raw, report)
    keep &= tile_rows(profile, frame, raw, report)
    keep &= measured_rows(profile, frame, columns, lines, raw, report)
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
        long, decimal = add_up(long, decimal, report)
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
            f"{raw.file_name} mist de kolom(men) {', '.join(missing)} die profiel {profile.name!r} leest",
            f"il manque à {raw.file_name} la ou les colonnes {', '.join(missing)} que le profil {profile.name!r} lit"))
    return found


def _shape_columns(profile: Profile, raw: RawTable) -> set[str]:
    used = {c for f in profile.keep for c in raw.columns if fold(c) == fold(f.column)}
    if profile.shape == "wide":
        used |= {c for c in raw.columns if _wide_header(profile, c)}
        if "label" not in profile.columns:  # the label column: the first that is not a period
            used |= {next((c for c in raw.columns if not _wide_header(profile, c) and fold(c) != fold(profile.columns.get("area", ""))), "")}
    used |= {c for alt in profile.sum_alternatives for c in raw.columns if fold(c) in {fold(a) for a in alt}}
    return used


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
        value_columns = [(c, *found) for c in raw.columns if (found := _wide_header(profile, c))]
        label_column = columns.get("label") or next(
            (c for c in raw.columns if not _wide_header(profile, c) and c != columns.get("area")), None)
        parts = [pd.DataFrame({
            "line": lines, "label": label or frame[label_column].to_numpy(dtype=object),
            "period": period, "value": frame[c].to_numpy(dtype=object), "unit": cells("unit"), "note": cells("note"),
        }) for c, label, period in value_columns]
        return pd.concat(parts, ignore_index=True) if parts else _empty()
    label = cells("label") if "label" in columns else np.full(n, profile.label_constant or "", dtype=object)
    if profile.shape == "sum_columns":
        value = summed_columns(profile, frame, raw, report)
    else:
        value = cells("value")
    return pd.DataFrame({"line": lines, "label": label, "period": cells("period"), "value": value,
                         "unit": cells("unit"), "note": cells("note")})


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in ("line", "label", "period", "value", "unit", "note")})


def _map_labels(profile: Profile, long: pd.DataFrame, report: ProfileReport) -> pd.DataFrame:
    codes, uniques = pd.factorize(long["label"].to_numpy(dtype=object))
    rules = [next((r for r in profile.labels if r.pattern.search(str(u))), None) for u in uniques]
    mapped = np.array([r is not None for r in rules], dtype=bool)
    rows_mapped = mapped[codes] if len(uniques) else np.zeros(0, dtype=bool)
    if profile.leave_out_unmapped:
        unmapped = long["label"].to_numpy(dtype=object)[~rows_mapped]
        report.leave_out(profile.unmapped_reason, [str(u) for u in unmapped], int((~rows_mapped).sum()),
                         Bilingual("value(s)", "waarde(n)", "valeur(s)"))
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


def _table(profile: Profile, raw: RawTable, long: pd.DataFrame) -> RawTable:
    out = pd.DataFrame({c: long[c].astype(object).fillna("").astype(str).to_numpy() for c in ("label", "period", "value", "unit", "note")})
    out.columns = list(OUTPUT_COLUMNS)
    if profile.indicators:
        specs = {d["code"]: d for d in profile.indicators}
        for column in ("name_nl", "name_en", "name_fr", "kind"):
            out[column] = [str(specs.get(label, {}).get(column, "")) for label in out["indicator"]]
    # The loader sizes its work by the file's bytes: give it the size of the long table instead.
    detected = dict(raw.detected, size_bytes=len(out) * 40)
    table = RawTable(raw.file_name, raw.sha256, list(out.columns), detected, lambda _n: iter(()))
    table.__dict__["frame"] = out
    table.__dict__["line_numbers"] = [int(x) for x in long["line"]]
    return table
