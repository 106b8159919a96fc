"""Plain-language sentences: the headline facts and a one-sentence summary of every chart.

The status summary (derived_summary.summary) is read defensively: a missing key gives
"not available", never an error, so the pages keep working while the analytics grow.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.i18n import NOT_AVAILABLE, fmt_kt, fmt_number, fmt_pct, is_missing, t
from pipelines import clock
from pipelines.vocab import TRACK_STATUSES, terms_by_code

STATUS_TERMS = terms_by_code(TRACK_STATUSES)


def number(mapping: dict | None, key: str) -> float | None:
    """mapping[key] as a float, or None when absent, empty or not a number."""
    if not isinstance(mapping, dict):
        return None
    value = mapping.get(key)
    if isinstance(value, bool) or is_missing(value):
        return None
    return float(value)


def year(mapping: dict | None, key: str) -> int | None:
    value = number(mapping, key)
    return int(value) if value is not None else None


def status_code(summary: dict) -> str:
    code = summary.get("status") if isinstance(summary, dict) else None
    return code if code in STATUS_TERMS else "unknown"


def years_left(target_year: int, today: date | None = None) -> int:
    return max(0, target_year - (today or clock.today()).year)


def headline_facts(summary: dict, target_year: int, lang: str, today: date | None = None) -> list[tuple[str, str]]:
    """(label, value) of the five headline figures, values in words and local number format."""
    latest_year = year(summary, "latest_year")
    baseline_year = year(summary, "baseline_year")
    change = number(summary, "change_vs_baseline_pct")
    return [
        (t("fact_latest", lang, year=latest_year or "…"), fmt_kt(number(summary, "latest_t"), lang)),
        (t("fact_change", lang, year=baseline_year or "…"),
         NOT_AVAILABLE[lang] if change is None else fmt_pct(change, lang, 0)),
        (t("fact_progress", lang), fmt_pct(number(summary, "progress_pct"), lang, 0)),
        (t("fact_status", lang), STATUS_TERMS[status_code(summary)].label(lang)),
        (t("fact_years_left", lang, year=target_year),
         str(max(0, year(summary, "years_left")) if year(summary, "years_left") is not None and today is None
             else years_left(target_year, today))),
    ]


def headline_sentences(summary: dict, area: str, target_year: int, lang: str) -> list[str]:
    """Three or four sentences a resident can quote: where we are, how far, whether on track."""
    latest_t, baseline_t = number(summary, "latest_t"), number(summary, "baseline_t")
    if latest_t is None:
        return [t("headline_no_data", lang)]
    change = number(summary, "change_vs_baseline_pct")
    out = [t(
        "headline_latest", lang, area=area, year=year(summary, "latest_year") or "…",
        value=fmt_kt(latest_t, lang),
    )]
    latest_year = year(summary, "latest_year")
    for entry in summary.get("years") or []:
        if isinstance(entry, dict) and entry.get("year") == latest_year and entry.get("source") == "reported":
            out.append(t("headline_reported", lang, year=latest_year))
    if change is not None and baseline_t is not None:
        key = "headline_change_down" if change <= 0 else "headline_change_up"
        out.append(t(key, lang, pct=fmt_pct(abs(change), lang, 0),
                     year=year(summary, "baseline_year") or "…", value=fmt_kt(baseline_t, lang)))
        like = summary.get("like_for_like")
        if isinstance(like, dict) and like.get("latest_t") is not None:
            out.append(t("headline_like_for_like", lang, year=year(summary, "baseline_year") or "…",
                         value=fmt_kt(like["latest_t"], lang), base=fmt_kt(like.get("baseline_t"), lang)))
    baseline_year = year(summary, "baseline_year")
    if latest_year is not None and baseline_year is not None and latest_year <= baseline_year:
        out.append(t("headline_no_later_year", lang, year=baseline_year))  # not "0 %": nothing to compare yet
    progress = number(summary, "progress_pct")
    target_t = number(summary, "target_t")
    if progress is not None and target_t is not None:
        out.append(t("headline_progress", lang, pct=fmt_pct(progress, lang, 0),
                     year=target_year, target=fmt_kt(target_t, lang)))
    out.append(trend_sentence(summary, target_year, lang))
    return out


def trend_sentence(summary: dict, target_year: int, lang: str) -> str:
    """The status in words, with the year the target is reached at the current pace."""
    status = STATUS_TERMS[status_code(summary)].label(lang).lower()
    projected = number(summary, "projected_t_at_target_year")
    reached = year(summary, "year_target_reached")
    if projected is None and reached is None:
        return t("trend_not_enough", lang, status=status)
    if reached is not None and reached <= target_year:
        return t("trend_reached", lang, status=status, year=reached)
    if reached is not None:
        return t("trend_reached_late", lang, status=status, year=reached, late=reached - target_year)
    return t("trend_not_reached", lang, status=status, year=target_year + 20)


def trajectory_summary(table: pd.DataFrame, target_year: int, lang: str) -> str:
    """One sentence: the last measured value, the pathway then, and the trend at the target year."""
    measured = table.dropna(subset=["actual_kt"])
    if measured.empty:
        return t("no_data_yet", lang)
    last = measured.iloc[-1]
    text = t("trajectory_summary", lang, year=int(last["year"]),
             value=fmt_number(last["actual_kt"], lang, 1))
    if not is_missing(last["pathway_kt"]):
        text += " " + t("trajectory_summary_pathway", lang, value=fmt_number(last["pathway_kt"], lang, 1))
    at_target = table[table["year"] == target_year]
    if not at_target.empty and not is_missing(at_target.iloc[0]["projected_kt"]):
        text += " " + t("trajectory_summary_trend", lang, year=target_year,
                        value=fmt_number(at_target.iloc[0]["projected_kt"], lang, 1))
    if "incomplete_kt" in table:
        incomplete = [str(int(y)) for y in table.loc[table["incomplete_kt"].notna(), "year"]]
        if incomplete:
            text += " " + t("trajectory_incomplete", lang, years=", ".join(incomplete))
    return text


def sectors_summary(table: pd.DataFrame, labels: dict[str, str], share: bool, lang: str,
                    per_inhabitant: bool = False) -> str:
    """One sentence: the largest sector in the latest year and its size."""
    if table.empty or len(table.columns) < 2:
        return t("no_data_yet", lang)
    last = table.iloc[-1].drop("year").dropna()
    if last.empty:
        return t("no_data_yet", lang)
    biggest = last.idxmax()
    if share:
        value = fmt_pct(last[biggest], lang, 1)
    elif per_inhabitant:
        value = t("per_value", lang, value=fmt_number(last[biggest], lang, 2))
    else:
        value = f"{fmt_number(last[biggest], lang, 1)} kt CO₂e"
    return t("sectors_summary", lang, year=int(table.iloc[-1]["year"]), sector=labels[biggest],
             value=value, count=len(last))


def per_inhabitant_summary(table: pd.DataFrame, population: pd.Series, missing: list[int], lang: str) -> str:
    """The latest measured value per inhabitant with its population, and the years without one."""
    measured = table.dropna(subset=["actual_kt"])
    if population.empty:
        return t("per_no_population_at_all", lang)
    text = ""
    if not measured.empty:
        last = measured.iloc[-1]
        text = t("per_latest", lang, year=int(last["year"]), value=fmt_number(last["actual_kt"], lang, 2),
                 population=fmt_number(population[int(last["year"])], lang, 0))
    return (text + " " + missing_population_note(missing, lang)).strip()


def missing_population_note(missing: list[int], lang: str) -> str:
    return t("per_no_population", lang, years=", ".join(str(y) for y in missing)) if missing else ""


def gap_summary(table: pd.DataFrame, lang: str) -> str:
    """One sentence: what partners delivered, what they still promise, and what is missing."""
    by_step = table.set_index("step")["change_kt"]
    promised = by_step[["in_progress", "planned"]].sum()
    missing = by_step["missing"]
    key = "gap_summary_missing" if missing > 0 else "gap_summary_covered"
    return t(key, lang, achieved=fmt_number(by_step["achieved"], lang, 1),
             promised=fmt_number(promised, lang, 1), missing=fmt_number(missing, lang, 1))
