"""One series (overall or a sector) against one target set: the summary and the yearly rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.analytics import budget, commitments_gap, progress, trend
from pipelines.analytics.inputs import MilestoneSpec, TargetSetSpec, TargetSpec
from pipelines.analytics.pathways import Pathway, target_level, target_pathway
from pipelines.analytics.status import UNKNOWN, track_status
from pipelines.errors import Bilingual, number_text

PROGRESS_COLUMNS = [
    "year", "actual_t", "pathway_t", "gap_t", "progress_pct", "projected_t",
    "projected_low_t", "projected_high_t", "with_commitments_t",
]


@dataclass(frozen=True)
class SeriesCase:
    """What one series is judged on: its values, its target, the target set, the commitments."""

    sector_code: str
    values: pd.Series  # every yearly value (incomplete years too), by year
    usable: pd.Series  # the values analysed: complete years (and the baseline year)
    target_set: TargetSetSpec
    target: TargetSpec | None
    target_source: str  # own | from_total | sum_of_sectors
    milestones: tuple[MilestoneSpec, ...]
    commitments: pd.DataFrame
    as_of_year: int
    warnings: tuple[str, ...] = ()


@dataclass
class SeriesResult:
    summary: dict
    rows: pd.DataFrame  # PROGRESS_COLUMNS
    pathway: Pathway | None = None


def baseline_of(case: SeriesCase) -> tuple[float | None, str | None]:
    """(baseline_t, source): the published baseline of the target, else the series' value."""
    if case.target is not None and case.target.baseline_t is not None:
        return float(case.target.baseline_t), "published"
    year = case.target_set.baseline_year
    if year in case.values.index and not pd.isna(case.values[year]):
        return float(case.values[year]), "series"
    return None, None


def analyse_series(case: SeriesCase) -> SeriesResult:
    """Pathway, trend, status, progress, carbon budget and commitments gap of one series."""
    result = _analyse(case)
    summary = result.summary
    if summary["commitments"] is None:  # not judged: the gap without a needed reduction
        summary["commitments"] = commitments_gap.commitments_gap(
            case.commitments, None, case.as_of_year)
    return result


def _no_target(sector_code: str) -> Bilingual:
    # A summary stored as JSON keeps the English; `roadmap status` computes it again for its words.
    if sector_code == "total":
        return Bilingual("the target set has no overall target, and its sector targets do not cover every sector",
                         "de doelstelling heeft geen algemeen doel, en haar sectordoelen dekken niet elke sector",
                         "l'ensemble d'objectifs n'a pas d'objectif global, et ses objectifs sectoriels ne "
                         "couvrent pas tous les secteurs")
    return Bilingual(f"no target for sector '{sector_code}', and no overall target to hold it to",
                     f"geen doel voor sector '{sector_code}', en geen algemeen doel om hem aan te toetsen",
                     f"aucun objectif pour le secteur « {sector_code} », ni d'objectif global auquel le comparer")


def _no_baseline_value(sector_code: str, baseline_year: int) -> Bilingual:
    if sector_code == "total":
        return Bilingual(f"no emissions value for the total in the baseline year {baseline_year}: load it, "
                         "or give the target a published baseline",
                         f"geen uitstootwaarde voor het totaal in het basisjaar {baseline_year}: laad ze, "
                         "of geef het doel een gepubliceerde basiswaarde",
                         f"aucune valeur d'émissions pour le total de l'année de référence {baseline_year} : "
                         "chargez-la, ou donnez à l'objectif une valeur de référence publiée")
    return Bilingual(f"no emissions value for sector '{sector_code}' in the baseline year {baseline_year}: "
                     "load it, or give the target a published baseline",
                     f"geen uitstootwaarde voor sector '{sector_code}' in het basisjaar {baseline_year}: "
                     "laad ze, of geef het doel een gepubliceerde basiswaarde",
                     f"aucune valeur d'émissions pour le secteur « {sector_code} » de l'année de référence "
                     f"{baseline_year} : chargez-la, ou donnez à l'objectif une valeur de référence publiée")


def _analyse(case: SeriesCase) -> SeriesResult:
    ts = case.target_set
    summary = _empty_summary(case)
    baseline_t, source = baseline_of(case)
    if case.target is None:
        summary["error"] = _no_target(case.sector_code)
        return SeriesResult(summary, _rows(case, None, None, None))
    if baseline_t is None:
        summary["error"] = _no_baseline_value(case.sector_code, ts.baseline_year)
        return SeriesResult(summary, _rows(case, None, None, None))
    target_t = target_level(case.target.kind, case.target.value, baseline_t)
    milestones = {m.year: target_level(m.kind, m.value, baseline_t) for m in case.milestones}
    pathway = target_pathway(
        ts.pathway_method, ts.baseline_year, baseline_t, ts.target_year, target_t, milestones
    )
    summary.update(
        baseline_t=baseline_t, baseline_source=source, target_t=target_t,
        target_kind=case.target.kind, target_value=case.target.value, pathway_note=pathway.note,
        milestones=[{"year": y, "value_t": v} for y, v in sorted(milestones.items())],
    )
    if baseline_t < target_t:
        baseline, target = number_text(baseline_t, ",.0f"), number_text(target_t, ",.0f")
        summary["warnings"].append(Bilingual(
            f"the baseline ({baseline} t) is already below the target ({target} t): progress % has no meaning",
            f"het basisjaar ({baseline.nl} t) ligt al onder het doel ({target.nl} t): voortgang in % heeft geen betekenis",
            f"l'année de référence ({baseline.fr} t) est déjà sous l'objectif ({target.fr} t) : "
            "l'avancement en % n'a pas de sens"))
    usable = case.usable.dropna()
    if usable.empty:
        summary["error"] = Bilingual("no complete yearly value to compare with the target",
                                     "geen volledige jaarwaarde om met het doel te vergelijken",
                                     "aucune valeur annuelle complète à comparer à l'objectif")
        return SeriesResult(summary, _rows(case, pathway, None, None), pathway)
    fits = trend.fit_trend(usable)
    projection = _projection(fits, int(usable.index.max()), ts.target_year)
    _judge(summary, case, pathway, usable, fits, projection)
    summary["carbon_budget"] = budget.carbon_budget(
        pathway, usable, None if projection is None else projection["projected"]
    )
    line = _with_commitments(case, summary, projection)
    return SeriesResult(summary, _rows(case, pathway, projection, line, usable), pathway)


def _projection(fits: trend.Trend, latest_year: int, target_year: int) -> pd.DataFrame | None:
    if fits.linear is None or latest_year >= target_year:
        return None
    return fits.linear.predict(range(latest_year, target_year + 1))


def _judge(summary, case, pathway, usable, fits, projection) -> None:
    """Latest value, gap, progress, trend, status: the headline numbers."""
    ts, target_t, baseline_t = case.target_set, summary["target_t"], summary["baseline_t"]
    latest_year, latest_t = int(usable.index.max()), float(usable.iloc[-1])
    gap = latest_t - pathway.at(latest_year) if pathway.at(latest_year) is not None else None
    later = latest_year > ts.baseline_year  # change and progress need a year after the baseline
    summary.update(
        latest_year=latest_year, latest_t=latest_t, pathway_t=pathway.at(latest_year), gap_t=gap,
        change_vs_baseline_pct=progress.change_since_baseline_pct(ts.baseline_year, baseline_t, latest_year, latest_t),
        progress_pct=progress.progress_pct(baseline_t, latest_t, target_t) if later else None,
        required_annual_change_t=progress.required_annual_change_t(
            latest_year, latest_t, ts.target_year, target_t),
        trend=_trend_summary(fits, target_t, latest_year, latest_t, ts.target_year, usable),
    )
    if not later:
        summary["warnings"].append(_no_later_year(ts.baseline_year))
    at_target_year = float(usable[ts.target_year]) if ts.target_year in usable.index else None
    if projection is not None:
        row = projection.loc[ts.target_year]
        summary.update(
            projected_t_at_target_year=float(row["projected"]),
            projected_low_t_at_target_year=float(row["low"]),
            projected_high_t_at_target_year=float(row["high"]),
        )
    elif at_target_year is not None:
        summary["projected_t_at_target_year"] = at_target_year
    summary["year_target_reached"] = summary["trend"]["year_target_reached"]
    summary["year_target_reached_text"] = summary["trend"]["year_target_reached_text"]
    summary["status"], summary["status_reason"] = track_status(
        gap, target_t, summary["projected_t_at_target_year"],
        summary["projected_low_t_at_target_year"], at_target_year,
    )
    if gap is None:
        baseline_year = ts.baseline_year
        summary["status_reason"] = Bilingual(
            f"the latest value ({latest_year}) is before the baseline year ({baseline_year})",
            f"de laatste waarde ({latest_year}) ligt vóór het basisjaar ({baseline_year})",
            f"la dernière valeur ({latest_year}) précède l'année de référence ({baseline_year})")


def _no_later_year(baseline_year: int) -> Bilingual:
    """Why there is no change or progress before a year after the baseline is measured: with the
    baseline year alone both are 0 by construction, which reads as "measured and nothing moved";
    with only earlier years they would compare backward in time."""
    return Bilingual(
        f"no year after the baseline year {baseline_year} is measured yet: change and progress need one",
        f"nog geen jaar na het basisjaar {baseline_year} gemeten: verandering en voortgang hebben er een nodig",
        f"aucune année postérieure à l'année de référence {baseline_year} n'est encore mesurée : "
        "l'évolution et l'avancement en ont besoin")


def _trend_summary(fits: trend.Trend, target_t, latest_year, latest_t, target_year, usable) -> dict:
    out = {
        "method": "linear", "prediction_interval_pct": trend.PREDICTION_LEVEL_PCT,
        "years": list(fits.years), "n_values": len(fits.years), "reason": fits.reason,
    }
    for name, fit in (("linear", fits.linear), ("constant_rate", fits.constant_rate)):
        reached = trend.year_target_reached(fit, target_t, latest_year, latest_t, target_year, usable)
        detail = None
        if fit is not None:
            centre, low, high = fit.at(target_year)
            detail = {
                "annual_change": fit.annual_change,
                "annual_change_unit": "t/yr" if name == "linear" else "%/yr",
                "projected_t_at_target_year": centre, "low_t": low, "high_t": high,
                "year_target_reached": reached,
                "year_target_reached_text": trend.reached_text(
                    reached, latest_year, target_year, True),
            }
        out[name] = detail
    reached = trend.year_target_reached(
        fits.linear, target_t, latest_year, latest_t, target_year, usable)
    out["year_target_reached"] = reached
    out["year_target_reached_text"] = trend.reached_text(
        reached, latest_year, target_year, fits.linear is not None)
    return out


def _with_commitments(case: SeriesCase, summary: dict, projection) -> pd.Series | None:
    latest_t, target_t = summary["latest_t"], summary["target_t"]
    summary["commitments"] = commitments_gap.commitments_gap(
        case.commitments, latest_t - target_t, case.as_of_year
    )
    if projection is None:
        return None
    line = commitments_gap.with_commitments(
        projection["projected"], case.commitments, summary["latest_year"],
        case.target_set.target_year,
    )
    summary["commitments"]["with_commitments_t_at_target_year"] = float(line.iloc[-1])
    return line


def _empty_summary(case: SeriesCase) -> dict:
    ts = case.target_set
    return {
        "sector": case.sector_code, "target_set_id": ts.id, "target_set": ts.name,
        "is_primary": ts.is_primary, "pathway_method": ts.pathway_method, "pathway_note": None,
        "as_of_year": case.as_of_year, "error": None, "warnings": list(case.warnings),
        "baseline_year": ts.baseline_year, "baseline_t": None, "baseline_source": None,
        "target_year": ts.target_year, "target_t": None, "target_kind": None,
        "target_value": None, "target_source": case.target_source,
        "latest_year": None, "latest_t": None, "change_vs_baseline_pct": None,
        "progress_pct": None, "pathway_t": None, "gap_t": None,
        "status": UNKNOWN, "status_reason": None, "projected_t_at_target_year": None,
        "projected_low_t_at_target_year": None, "projected_high_t_at_target_year": None,
        "year_target_reached": None, "year_target_reached_text": trend.NOT_ENOUGH_DATA,
        # Never negative: after the target year no years are left (status says how it ended).
        "years_left": max(0, ts.target_year - case.as_of_year), "required_annual_change_t": None,
        "trend": None, "carbon_budget": None, "commitments": None, "milestones": [],
        "like_for_like": None,
    }


def _rows(case, pathway, projection, line, usable=None) -> pd.DataFrame:
    """derived_progress rows: every year from the first value (or baseline) to the target year."""
    values = case.values.dropna()
    first = min([case.target_set.baseline_year, *values.index.tolist()])
    last = max([case.target_set.target_year, *values.index.tolist()])
    years = np.arange(int(first), int(last) + 1)
    nothing = np.full(len(years), np.nan)

    def column(series) -> np.ndarray:
        return nothing if series is None else series.reindex(years).to_numpy(dtype=float)

    path = nothing if pathway is None else np.array([pathway.at(int(y)) for y in years], dtype=float)
    judged = column(usable)
    out = {"year": years, "actual_t": column(values), "pathway_t": path, "gap_t": judged - path,
           "progress_pct": nothing}
    if pathway is not None and pathway.values.iloc[0] > pathway.values.iloc[-1]:
        baseline_t, target_t = pathway.values.iloc[0], pathway.values.iloc[-1]
        out["progress_pct"] = (baseline_t - judged) / (baseline_t - target_t) * 100.0
    for name, source in (("projected_t", "projected"), ("projected_low_t", "low"),
                         ("projected_high_t", "high")):
        out[name] = column(None if projection is None else projection[source])
    out["with_commitments_t"] = column(line)
    return pd.DataFrame(out, columns=PROGRESS_COLUMNS)
