"""Yearly emissions per sector and in total, from the per-indicator yearly or monthly values.

Rules (the dashboard says them next to every total):
- A year's value of an indicator is its yearly observation, else the sum of its 12 monthly
  observations when all 12 are there; anything less is not a yearly value.
- A sector's value is its standard series (`emissions.<sector>`); when that has no value for a
  year, the sum of the sector's other emissions indicators (its parts, e.g. per fuel).
- A top-level sector without a value of its own is the sum of its sub-sectors.
- The total is the sum of the top-level sectors; `sectors_included` lists them. A total (or a
  sector summed from sub-sectors) is incomplete when a sector that reports in other years has no
  value that year, or a sector is marked missing that year. Missing values are never zeros; a missing value marked NO (not occurring) or
  IE (included elsewhere) does not make a total incomplete.
- A programme's *reported total* (`emissions.total`, a published total of all sectors) is kept
  beside the sum on the total row (`reported_total_t`). It is the year's headline (`source`
  'reported', complete) when the sectors are incomplete or absent that year; when they are
  complete their sum is the headline (`source` 'sectors') and a difference is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipelines.vocab import TOTAL, emissions_indicator_code

EXCUSED_KEYS = frozenset({"NO", "IE"})  # nothing is missing: not occurring / counted elsewhere
EMISSIONS_COLUMNS = [
    "year", "sector_code", "value_t", "sectors_included", "complete", "reported_total_t", "source",
]
REPORTED_TOTAL_CODE = emissions_indicator_code(TOTAL)  # its indicator has no sector
SOURCE_SECTORS, SOURCE_REPORTED = "sectors", "reported"


def indicator_year_values(agg: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and year: the yearly value (or full 12-month sum), NaN with its key if none."""
    yearly = agg["yearly_values"].fillna(0) > 0
    full_year_of_months = agg["monthly_values"].fillna(0) == 12
    value = np.where(
        yearly, agg["yearly_sum"], np.where(full_year_of_months, agg["monthly_sum"], np.nan)
    )
    out = agg[["indicator_id", "code", "sector_code", "year"]].copy()
    out["value"] = pd.to_numeric(pd.Series(value, index=agg.index), errors="coerce")
    out["missing_key"] = agg["yearly_key"].where(out["value"].isna())
    return out


def sector_year_values(values: pd.DataFrame) -> pd.DataFrame:
    """Per sector and year: value_t (standard series first, else the sum of parts) and missing_key."""
    cols = ["sector_code", "year", "value_t", "missing_key"]
    values = values[_is_sector_row(values)] if not values.empty else values
    if values.empty:
        return pd.DataFrame(columns=cols)
    standard = values["code"] == values["sector_code"].map(emissions_indicator_code)
    has = values["value"].notna()
    keys = ["sector_code", "year"]
    own = values[standard & has].groupby(keys)["value"].sum()
    parts = values[~standard & has].groupby(keys)["value"].sum()
    value_t = own.combine_first(parts)
    missing = values[~has].groupby(keys)["missing_key"].agg(_combined_key)
    out = pd.concat([value_t.rename("value_t"), missing.rename("missing_key")], axis=1)
    out["missing_key"] = out["missing_key"].where(out["value_t"].isna())
    return out.reset_index()[cols]


def _is_sector_row(values: pd.DataFrame) -> pd.Series:
    """Rows of sector series (the reported total has no sector and is not one)."""
    return values["sector_code"].map(_is_code).astype(bool) & (values["code"] != REPORTED_TOTAL_CODE)


def reported_totals(values: pd.DataFrame) -> dict[int, float]:
    """Year → the programme's reported total (`emissions.total`), where it has a value."""
    if values.empty:
        return {}
    rows = values[(values["code"] == REPORTED_TOTAL_CODE) & values["value"].notna()]
    return {int(y): float(v) for y, v in rows.groupby("year")["value"].sum().items()}


def _combined_key(keys: pd.Series) -> str:
    """One key for a sector-year without value: excused only if every key is NO or IE."""
    given = [str(k) for k in keys if isinstance(k, str) and k]
    if given and all(k in EXCUSED_KEYS for k in given):
        return given[0]
    return next((k for k in given if k not in EXCUSED_KEYS), "missing")


def emissions_table(
    sector_values: pd.DataFrame, sectors: pd.DataFrame, reported: dict[int, float] | None = None,
) -> pd.DataFrame:
    """derived_emissions rows: every sector-year (own, or summed from sub-sectors) and the totals
    (the sum of the sectors, or the reported total where the sectors are incomplete or absent)."""
    reported = reported or {}
    value = {(r.sector_code, int(r.year)): r.value_t for r in sector_values.itertuples()}
    key = {(r.sector_code, int(r.year)): r.missing_key for r in sector_values.itertuples()}
    order = sectors.sort_values("sort_order")
    top = [c for c, p in zip(order["code"], order["parent_code"], strict=True) if not _is_code(p)]
    children = {
        t: [c for c, p in zip(order["code"], order["parent_code"], strict=True) if p == t]
        for t in top
    }
    years = sorted({y for (_, y) in value} | set(reported))
    # Sub-sectors' rows as they are; top-level rows come from _top_level_row.
    rows = [
        _own_row(code, year, v, key.get((code, year)))
        for (code, year), v in value.items() if code not in top
    ]
    top_rows = {}
    for t in top:
        for year in years:
            row = _top_level_row(t, year, children[t], value, key)
            if row is not None:
                rows.append(row)
                top_rows[(t, year)] = row
    headlines = (_headline_row(_total_row(year, top, top_rows), year, reported.get(year)) for year in years)
    rows += [r for r in headlines if r is not None]
    table = pd.DataFrame(rows, columns=EMISSIONS_COLUMNS)
    return table.sort_values(["year", "sector_code"], ignore_index=True)


def _is_code(value) -> bool:
    return isinstance(value, str) and value != ""


def _has(value) -> bool:
    return value is not None and not pd.isna(value)


def _own_row(code: str, year: int, value_t, missing_key) -> dict:
    present = _has(value_t)
    return {
        "year": year, "sector_code": code, "value_t": float(value_t) if present else None,
        "sectors_included": code if present else None,
        "complete": present or missing_key in EXCUSED_KEYS, "reported_total_t": None, "source": None,
    }


def _top_level_row(top: str, year: int, subs: list[str], value: dict, key: dict) -> dict | None:
    """A top-level sector's row: its own value, else the sum of its sub-sectors (or missing)."""
    own = value.get((top, year))
    if _has(own):
        return _own_row(top, year, own, None)
    with_value = [c for c in subs if _has(value.get((c, year)))]
    if not with_value:
        return _own_row(top, year, None, key[(top, year)]) if (top, year) in key else None
    reporting = [c for c in subs if any(_has(v) for (s, _), v in value.items() if s == c)]
    marked = [c for c in subs if (c, year) in key]  # marked missing that year
    complete = all(
        c in with_value or key.get((c, year)) in EXCUSED_KEYS for c in (*reporting, *marked)
    )
    return {
        "year": year, "sector_code": top,
        "value_t": float(sum(value[(c, year)] for c in with_value)),
        "sectors_included": ",".join(with_value), "complete": complete,
        "reported_total_t": None, "source": None,
    }


def _total_row(year: int, top: list[str], top_rows: dict) -> dict | None:
    """The total of a year: the sum of the top-level sectors that have a value that year."""
    with_value = [t for t in top if _has(top_rows.get((t, year), {}).get("value_t"))]
    if not with_value:
        return None
    reporting = [t for t in top if any(_has(r["value_t"]) for (s, _), r in top_rows.items() if s == t)]
    # A sector marked missing that year (C, NE, ?…) is part of the inventory even if it never
    # has a value (a one-year file with a suppressed sector): its absence makes the year incomplete.
    marked = [t for t in top if (t, year) in top_rows and not _has(top_rows[(t, year)]["value_t"])]
    complete = all(top_rows[(t, year)]["complete"] for t in with_value) and all(
        t in with_value or top_rows.get((t, year), {}).get("complete", False)
        for t in (*reporting, *marked)
    )
    return {
        "year": year, "sector_code": TOTAL,
        "value_t": float(sum(top_rows[(t, year)]["value_t"] for t in with_value)),
        "sectors_included": ",".join(with_value), "complete": complete,
        "reported_total_t": None, "source": SOURCE_SECTORS,
    }


def _headline_row(summed: dict | None, year: int, reported_t: float | None) -> dict | None:
    """The year's total row: the sectors' sum when complete, else the reported total if any."""
    if reported_t is None:
        return summed
    if summed is not None and summed["complete"]:
        return {**summed, "reported_total_t": reported_t}
    # Sectors incomplete or absent: the published total stands for the year (its own scope).
    return {
        "year": year, "sector_code": TOTAL, "value_t": reported_t,
        "sectors_included": None, "complete": True, "reported_total_t": reported_t, "source": SOURCE_REPORTED,
    }


def series(table: pd.DataFrame, sector_code: str, complete_only: bool = True) -> pd.Series:
    """One sector's (or the total's) yearly values from an emissions table, indexed by year."""
    rows = table[(table["sector_code"] == sector_code) & table["value_t"].notna()]
    if complete_only:
        rows = rows[rows["complete"].astype(bool)]
    return pd.Series(
        rows["value_t"].astype(float).to_numpy(), index=rows["year"].astype(int).to_numpy(),
        name=sector_code, dtype=float,
    ).sort_index()


EMPTY = pd.Series(dtype=float)


@dataclass
class SeriesBank:
    """Every sector's yearly series (all years, and complete years only), split once."""

    table: pd.DataFrame
    _all: dict[str, pd.Series] = field(init=False)
    _complete: dict[str, pd.Series] = field(init=False)

    def __post_init__(self) -> None:
        rows = self.table[self.table["value_t"].notna()]
        self._all = {code: _as_series(g, code) for code, g in rows.groupby("sector_code")}
        done = rows[rows["complete"].astype(bool)]
        self._complete = {code: _as_series(g, code) for code, g in done.groupby("sector_code")}

    def values(self, sector_code: str) -> pd.Series:
        return self._all.get(sector_code, EMPTY)

    def complete(self, sector_code: str) -> pd.Series:
        return self._complete.get(sector_code, EMPTY)


def _as_series(rows: pd.DataFrame, code: str) -> pd.Series:
    return pd.Series(
        rows["value_t"].astype(float).to_numpy(), index=rows["year"].astype(int).to_numpy(),
        name=code, dtype=float,
    ).sort_index()
