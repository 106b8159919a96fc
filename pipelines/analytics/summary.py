"""A programme's whole analysis: emissions table, progress rows and summaries per target set.

`derived_summary.summary` (and `roadmap status --json`, which prints the 'total' one) is one JSON
object with these keys; a key is never removed or renamed without bumping `schema_version`.
Tonnes are t CO2e per year; None (null) means "not known" and `error` / `*_text` say why.

Every summary (overall, sector 'total', and each sector):
  schema_version, sector, target_set_id, target_set, is_primary, pathway_method, pathway_note,
  as_of_year (the year "now" stands for), data_up_to_year (null unless `--year`), error, warnings,
  baseline_year, baseline_t, baseline_source (series|published),
  target_year, target_t, target_kind, target_value, target_source (own|from_total|sum_of_sectors),
  latest_year, latest_t, change_vs_baseline_pct, progress_pct,
  pathway_t (pathway at latest_year), gap_t (latest − pathway),
  status (on_track|at_risk|off_track|unknown), status_reason,
  projected_t_at_target_year, projected_low_t_at_target_year, projected_high_t_at_target_year
  (linear trend, 90 % prediction interval), year_target_reached, year_target_reached_text,
  years_left (target_year − as_of_year), required_annual_change_t,
  trend {method, prediction_interval_pct, years, n_values, reason, year_target_reached,
         year_target_reached_text, linear {...}, constant_rate {...}}, where linear and
         constant_rate are null or {annual_change, annual_change_unit, projected_t_at_target_year,
         low_t, high_t, year_target_reached, year_target_reached_text},
  carbon_budget {from_year, to_year, used_to_year, budget_t, used_to_date_t, pathway_to_date_t,
         overspent_to_date_t, remaining_t, expected_t, year_runs_out, year_runs_out_text},
  milestones [{year, value_t}] (each milestone at its own level),
  like_for_like (null, or {sectors, baseline_t, latest_t} when the baseline year is incomplete and
         change and progress compare the latest year on the baseline's sectors),
  commitments {count, partners, committed_reduction_t, achieved_reduction_t,
         in_progress_reduction_t, planned_reduction_t, delayed_reduction_t, withdrawn_reduction_t,
         pending_reduction_t, needed_reduction_t, uncovered_reduction_t,
         with_commitments_t_at_target_year, by_status {status: {count, reduction_t, counted_t}},
         overdue_count, overdue [{id, partner, title, target_year, status, reduction_t_per_year}]}
The overall summary (sector 'total') also has:
  programme_id, sectors_included (top-level sectors in latest_year's total), incomplete_years,
  sectors [{sector, baseline_year, baseline_t, latest_year, latest_t, change_vs_baseline_pct, progress_pct,
            target_t, target_source, gap_t, status}],
  per_capita {year, population, per_capita_t, baseline_per_capita_t, change_vs_baseline_pct},
  data_health {first_year, latest_year, latest_complete_year, incomplete_years, missing_years,
               superseded_values, last_import_at, population_latest_year},
  years [{year, total_t, complete, reported_total_t, source (sectors|reported), sectors_included}].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.analytics import commitments_gap, emissions, headline, progress
from pipelines.analytics.inputs import AnalyticsInputs, TargetSetSpec, TargetSpec
from pipelines.analytics.overall import clean, complete_total
from pipelines.analytics.series_summary import PROGRESS_COLUMNS, SeriesCase, analyse_series
from pipelines.errors import Bilingual
from pipelines.vocab import TOTAL

SCHEMA_VERSION = 1
# The top-level keys of every summary, and those only the overall ('total') summary adds.
SUMMARY_KEYS = frozenset({
    "schema_version", "sector", "target_set_id", "target_set", "is_primary", "pathway_method",
    "pathway_note", "as_of_year", "data_up_to_year", "error", "warnings", "baseline_year",
    "baseline_t", "baseline_source", "target_year", "target_t", "target_kind", "target_value",
    "target_source", "latest_year", "latest_t", "change_vs_baseline_pct", "progress_pct",
    "pathway_t", "gap_t", "status", "status_reason", "projected_t_at_target_year",
    "projected_low_t_at_target_year", "projected_high_t_at_target_year", "year_target_reached",
    "year_target_reached_text", "years_left", "required_annual_change_t", "trend",
    "carbon_budget", "commitments", "milestones", "like_for_like",
})
TOTAL_ONLY_KEYS = frozenset({
    "programme_id", "sectors_included", "incomplete_years", "sectors", "per_capita", "data_health",
    "years",
})


@dataclass
class Analysis:
    emissions: pd.DataFrame  # derived_emissions rows (+ per_capita_t)
    progress: pd.DataFrame  # derived_progress rows (target_set_id, sector_code, PROGRESS_COLUMNS)
    summaries: list[dict]  # {target_set_id, sector_code, status, summary}

    def summary_of(self, target_set_id: int, sector_code: str = TOTAL) -> dict | None:
        for row in self.summaries:
            if row["target_set_id"] == target_set_id and row["sector_code"] == sector_code:
                return row["summary"]
        return None


def emissions_table(inputs: AnalyticsInputs) -> pd.DataFrame:
    """derived_emissions rows with per_capita_t on the total rows."""
    per_indicator = emissions.indicator_year_values(inputs.emissions)
    values = emissions.sector_year_values(per_indicator)
    table = emissions.emissions_table(values, inputs.sectors, emissions.reported_totals(per_indicator))
    totals = emissions.series(table, TOTAL, complete_only=False)
    per_head = progress.per_capita(totals, inputs.population)
    is_total = table["sector_code"] == TOTAL
    table["per_capita_t"] = np.where(is_total, table["year"].map(per_head), np.nan)
    return table


def analyse(inputs: AnalyticsInputs) -> Analysis:
    """Everything the derived tables hold, for every target set of the programme."""
    table = emissions_table(inputs)
    bank = emissions.SeriesBank(table)
    progress_frames, summaries = [], []
    for target_set in inputs.target_sets:
        results = _analyse_target_set(inputs, bank, target_set)
        for sector_code, result in results.items():
            frame = result.rows.assign(target_set_id=target_set.id, sector_code=sector_code)
            progress_frames.append(frame)
            summary = {"schema_version": SCHEMA_VERSION, **result.summary,
                       "data_up_to_year": inputs.up_to_year}
            summaries.append({
                "target_set_id": target_set.id, "sector_code": sector_code,
                "status": summary["status"], "summary": clean(summary),
            })
    columns = ["target_set_id", "sector_code", *PROGRESS_COLUMNS]
    frames = [f[columns] for f in progress_frames if not f.empty]
    progress_rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return Analysis(table, progress_rows, summaries)


def _analyse_target_set(inputs: AnalyticsInputs, bank: emissions.SeriesBank, ts: TargetSetSpec) -> dict:
    """Own-target sectors first, then the total, then the sectors held to the overall target."""
    parent_of = dict(zip(inputs.sectors["code"], inputs.sectors["parent_code"], strict=True))
    top = [c for c, p in parent_of.items() if not isinstance(p, str)]
    reporting = [c for c in top if not bank.values(c).empty]
    own = [t.sector_code for t in ts.targets if t.sector_code != TOTAL]
    results = {}
    for code in own:
        results[code] = analyse_series(_case(inputs, bank, ts, code, ts.target_for(code), "own"))
    total_target, source = _total_target(ts, results, reporting, bank)
    total = analyse_series(_case(inputs, bank, ts, TOTAL, total_target, source))
    for code in (c for c in reporting if c not in results):
        target = _from_total(total.summary, bank.values(code), ts)
        results[code] = analyse_series(_case(inputs, bank, ts, code, target, "from_total"))
    ordered = [c for c in parent_of if c in results]
    for code, result in ((TOTAL, total), *((c, results[c]) for c in ordered)):
        headline.like_for_like(result.summary, bank.table, code)
    total.summary["warnings"] += headline.reported_total_warnings(bank.table)
    complete_total(total.summary, inputs, bank.table, [results[c].summary for c in ordered])
    return {TOTAL: total, **{c: results[c] for c in ordered}}


def _case(inputs, bank, ts: TargetSetSpec, code: str, target, source: str) -> SeriesCase:
    values, complete = bank.values(code), bank.complete(code)
    usable, warnings = _usable(values, complete, ts.baseline_year, bank.table, code)
    parent_of = dict(zip(inputs.sectors["code"], inputs.sectors["parent_code"], strict=True))
    milestones = ts.milestones_for(code) if source != "from_total" else _total_milestones(ts, target)
    return SeriesCase(
        sector_code=code, values=values, usable=usable, target_set=ts, target=target,
        target_source=source, milestones=milestones,
        commitments=commitments_gap.for_sector(inputs.commitments, code, parent_of),
        as_of_year=inputs.as_of_year, warnings=tuple(warnings),
    )


def _usable(values, complete, baseline_year, table, code) -> tuple[pd.Series, list[str]]:
    """Complete years only: an incomplete year — the baseline year too — is left out of the
    latest value and the trend fit, with a warning (the baseline keeps its value as baseline)."""
    warnings: list[str] = []
    usable = complete
    if complete.index.equals(values.index):  # the usual case: nothing incomplete
        return usable, warnings
    rows = table[(table["sector_code"] == code) & table["value_t"].notna()]
    for year in (int(y) for y in values.index if y not in complete.index):
        included = _included(rows, year)
        if year == baseline_year:
            warnings.append(Bilingual(
                f"the baseline year {year} is incomplete: it includes only {included}; it is left out of the trend",
                f"het basisjaar {year} is onvolledig: het bevat alleen {included.nl}; het telt niet mee voor de trend",
                f"l'année de référence {year} est incomplète : elle ne comprend que {included.fr} ; "
                "elle est exclue de la tendance"))
        else:
            warnings.append(Bilingual(f"{year} is left out: incomplete, it includes only {included}",
                                      f"{year} is weggelaten: onvolledig, het bevat alleen {included.nl}",
                                      f"{year} est laissée de côté : incomplète, elle ne comprend que {included.fr}"))
    return usable, warnings


def _included(rows: pd.DataFrame, year: int) -> Bilingual:
    """The sector codes a year's total includes (the same in every language), else 'part'."""
    found = rows.loc[rows["year"] == year, "sectors_included"]
    if len(found) and isinstance(found.iloc[0], str):
        codes = str(found.iloc[0])
        return Bilingual(codes, codes, codes)
    return Bilingual("part", "een deel", "une partie")


def _total_target(ts, results, reporting, bank) -> tuple[TargetSpec | None, str]:
    """The overall target; without one, the sum of sector targets when they cover every sector."""
    own = ts.target_for(TOTAL)
    if own is not None:
        return own, "own"
    at_baseline = [c for c in reporting if ts.baseline_year in bank.values(c).index]
    sums = [results[c].summary["target_t"] for c in at_baseline if c in results]
    if not at_baseline or len(sums) < len(at_baseline) or any(v is None for v in sums):
        return None, "sum_of_sectors"
    return TargetSpec(TOTAL, "absolute_t", float(sum(sums))), "sum_of_sectors"


def _from_total(total: dict, values: pd.Series, ts: TargetSetSpec) -> TargetSpec | None:
    """A sector without its own target is held to the overall residual share of its baseline;
    a net sink (baseline ≤ 0) is held at its baseline."""
    if total["target_t"] is None or not total["baseline_t"]:
        return None
    baseline = values.get(ts.baseline_year)
    if baseline is not None and not pd.isna(baseline) and baseline <= 0:
        return TargetSpec("from_total", "absolute_t", float(baseline))
    return TargetSpec("from_total", "residual_pct", total["target_t"] / total["baseline_t"] * 100.0)


def _total_milestones(ts: TargetSetSpec, target: TargetSpec | None) -> tuple:
    """Milestones of the total carry over to sectors held to the overall target as residual %."""
    if target is None or target.kind != "residual_pct":
        return ()
    return tuple(m for m in ts.milestones_for(TOTAL) if m.kind != "absolute_t")
