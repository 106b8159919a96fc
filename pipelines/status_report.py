"""`roadmap status`: the headline summary of a target set, from the derived tables or as of a year."""

from __future__ import annotations

from sqlalchemy import Engine, select

from pipelines.analytics.queries import read_inputs
from pipelines.analytics.summary import analyse
from pipelines.errors import Bilingual, UserError
from pipelines.schema import DerivedSummary, TargetSet
from pipelines.vocab import SECTOR_BY_CODE, TOTAL, TRACK_STATUSES, terms_by_code


def choose_target_set(engine: Engine, programme_id: int, name: str | None) -> tuple[int, str]:
    """(id, name) of the named target set, else the primary one (else the only one)."""
    with engine.connect() as conn:
        sets = conn.execute(
            select(TargetSet.id, TargetSet.name, TargetSet.is_primary)
            .where(TargetSet.programme_id == programme_id).order_by(TargetSet.name)
        ).all()
    if not sets:
        raise UserError(Bilingual(
            "the programme has no target set yet: add one with `roadmap target add`",
            "het programma heeft nog geen doelstelling: voeg er een toe met `roadmap target add`",
            "le programme n'a pas encore d'ensemble d'objectifs : ajoutez-en un avec `roadmap target add`"))
    if name is not None:
        for s in sets:
            if s.name == name:
                return s.id, s.name
        have = ", ".join(f"'{s.name}'" for s in sets)
        raise UserError(Bilingual(f"no target set '{name}' (target sets: {have})",
                                  f"er is geen doelstelling '{name}' (wel: {have})",
                                  f"il n'y a pas d'ensemble d'objectifs « {name} » (ensembles : {have})"))
    chosen = [s for s in sets if s.is_primary] or (sets if len(sets) == 1 else [])
    if not chosen:
        raise UserError(Bilingual(
            "no primary target set: pass --target NAME or `roadmap target set-primary`",
            "er is geen hoofddoelstelling: kies er een met --target NAAM of `roadmap target set-primary`",
            "aucun ensemble d'objectifs principal : indiquez --target NOM ou utilisez `roadmap target set-primary`"))
    return chosen[0].id, chosen[0].name


def status_summary(
    engine: Engine, programme_id: int, target_name: str | None = None, year: int | None = None
) -> dict:
    """The overall summary (keys: pipelines.analytics.summary); UserError when it has none."""
    target_set_id, _ = choose_target_set(engine, programme_id, target_name)
    summary = None if year is not None else stored_summary(engine, programme_id, target_set_id)
    if summary is None or "years" not in summary:  # none yet, or stored before `years` existed
        summary = compute_summary(engine, programme_id, target_set_id, year)
    if summary.get("error"):
        health = summary.get("data_health") or {}
        if health.get("first_year") is None:
            raise UserError(_no_emissions_data(year))
        if not isinstance(summary["error"], Bilingual):  # as stored (JSON): computed again for its words
            summary = compute_summary(engine, programme_id, target_set_id, year)
        raise UserError(summary["error"])
    return summary


def _no_emissions_data(year: int | None) -> Bilingual:
    if year is None:
        return Bilingual("no emissions data loaded: load an inventory with `roadmap load indicators FILE`",
                         "er zijn geen uitstootgegevens geladen: laad een inventaris met "
                         "`roadmap load indicators BESTAND`",
                         "aucune donnée d'émissions chargée : chargez un inventaire avec "
                         "`roadmap load indicators FICHIER`")
    return Bilingual(f"no emissions data loaded up to {year}: load an inventory with "
                     "`roadmap load indicators FILE`",
                     f"er zijn geen uitstootgegevens geladen tot {year}: laad een inventaris met "
                     "`roadmap load indicators BESTAND`",
                     f"aucune donnée d'émissions chargée jusqu'en {year} : chargez un inventaire avec "
                     "`roadmap load indicators FICHIER`")


def data_summary(engine: Engine, programme_id: int) -> dict:
    """What can be said without a target set (a programme a regional load created): the years
    with their totals, sectors and per-inhabitant values; status 'unknown' and why."""
    import pandas as pd

    from pipelines.analytics.headline import reported_total_warnings, years_list
    from pipelines.schema import DerivedEmissions

    with engine.connect() as conn:
        table = pd.read_sql(select(DerivedEmissions).where(DerivedEmissions.programme_id == programme_id), conn)
    if not (table["sector_code"] == TOTAL).any():
        raise UserError(_no_emissions_data(None))
    years = years_list(table)
    totals = table[table["sector_code"] == TOTAL].set_index("year")
    for entry in years:
        per_capita = totals.at[entry["year"], "per_capita_t"]
        entry["per_capita_t"] = None if pd.isna(per_capita) else float(per_capita)
    sectors = table[table["sector_code"] != TOTAL]
    return {
        "target_set": None, "status": "unknown", "years": years,
        "latest_year": years[-1]["year"], "latest_t": years[-1]["total_t"],
        "sectors": {str(y): {r.sector_code: (None if pd.isna(r.value_t) else float(r.value_t))
                             for r in g.itertuples()} for y, g in sectors.groupby("year")},
        "warnings": reported_total_warnings(table),
        "reason": "the programme has no target set: progress, pathway and status need one "
                  "(`roadmap target add`); with fewer than 5 yearly values the trend is unknown too",
    }


def stored_summary(
    engine: Engine, programme_id: int, target_set_id: int, sector_code: str = TOTAL
) -> dict | None:
    """A summary as the last import stored it in derived_summary (None if there is none)."""
    with engine.connect() as conn:
        return conn.execute(select(DerivedSummary.summary).where(
            DerivedSummary.programme_id == programme_id,
            DerivedSummary.target_set_id == target_set_id, DerivedSummary.sector_code == sector_code,
        )).scalar()


def compute_summary(
    engine: Engine, programme_id: int, target_set_id: int, up_to_year: int | None = None
) -> dict:
    """The overall summary computed now from the base tables (observations up to a year)."""
    with engine.connect() as conn:
        inputs = read_inputs(conn, programme_id, up_to_year=up_to_year)
    inputs.target_sets = tuple(t for t in inputs.target_sets if t.id == target_set_id)
    summary = analyse(inputs).summary_of(target_set_id)
    if summary is None:
        raise UserError(Bilingual(f"no target set {target_set_id} in programme {programme_id}",
                                  f"geen doelstelling {target_set_id} in programma {programme_id}",
                                  f"aucun ensemble d'objectifs {target_set_id} dans le programme {programme_id}"))
    if up_to_year is not None:
        summary["warnings"].append(
            "commitments are shown as recorded now; their status in that year is not kept"
        )
    return summary


def _t(value) -> str:
    if value is None:
        return "n/a"
    return "0" if round(value) == 0 else f"{value:,.0f}"  # never "-0"


def _pct(value) -> str:
    if value is None:
        return "n/a"
    return "0.0 %" if round(value, 1) == 0 else f"{value:+.1f} %"  # never "-0.0 %"


def _status_word(code: str) -> str:
    return terms_by_code(TRACK_STATUSES)[code].en.lower()


def format_status(s: dict, programme_name: str) -> str:
    """The readable terminal summary of one overall summary."""
    lines = [
        f"{programme_name} - target set '{s['target_set']}'"
        f"{' (primary)' if s['is_primary'] else ''}: {_target_words(s)}",
        f"Status: {_status_word(s['status']).upper()} - {s['status_reason']}",
        "",
        f"  Baseline {s['baseline_year']}:      {_t(s['baseline_t'])} t CO2e ({s['baseline_source']})",
        f"  Latest {s['latest_year']}:        {_t(s['latest_t'])} t  ({_pct(s['change_vs_baseline_pct'])} "
        f"vs baseline; progress {_plain_pct(s['progress_pct'])} of the way to the target)",
        f"  Pathway {s['latest_year']}:       {_t(s['pathway_t'])} t  (gap {_signed_t(s['gap_t'])})",
        f"  Target {s['target_year']}:        {_t(s['target_t'])} t  ({s['years_left']} years left)",
        *_trend_lines(s),
        *_budget_lines(s),
        *_per_capita_lines(s),
        "",
        *_sector_lines(s),
        "",
        *_commitment_lines(s),
    ]
    if s.get("warnings"):
        lines += ["", *(f"Note: {w}" for w in s["warnings"])]
    return "\n".join(lines)


def _target_words(s: dict) -> str:
    kinds = {"residual_pct": "% of the baseline left", "reduction_pct": "% reduction"}
    what = (f"{s['target_value']:g} {kinds[s['target_kind']]}" if s["target_kind"] in kinds
            else f"{_t(s['target_t'])} t")
    return f"{what} by {s['target_year']}, {s['pathway_method'].replace('_', ' ')} pathway"


def _plain_pct(value) -> str:
    return "n/a" if value is None else f"{value:.1f} %"


def _signed_t(value) -> str:
    if value is None:
        return "n/a"
    if round(value) == 0:  # never "-0 t below": within a tonne is on the pathway
        return "0 t, on the pathway"
    return f"{value:+,.0f} t {'above' if value > 0 else 'below'} the pathway"


def _trend_lines(s: dict) -> list[str]:
    trend = s.get("trend") or {}
    linear = trend.get("linear")
    if linear is None:
        return [f"  Trend:              {trend.get('reason') or 'not enough data'}"]
    constant = trend.get("constant_rate")
    rate = (f"; constant rate {constant['annual_change']:+.1f} %/yr, target reached: "
            f"{constant['year_target_reached_text']}") if constant else ""
    return [
        f"  Trend to {s['target_year']}:      {_t(s['projected_t_at_target_year'])} t "
        f"(90 % interval {_t(s['projected_low_t_at_target_year'])} to "
        f"{_t(s['projected_high_t_at_target_year'])}; linear {linear['annual_change']:+,.0f} t/yr, "
        f"last {trend['n_values']} values)",
        f"  Target reached:     {s['year_target_reached_text']} at the current pace{rate}",
    ]


def _budget_lines(s: dict) -> list[str]:
    b = s.get("carbon_budget")
    if not b:
        return []
    used = (f"used {_t(b['used_to_date_t'])} t to {b.get('used_to_year') or s['latest_year']}"
            if b["used_to_date_t"] is not None else "not started yet")
    return [f"  Carbon budget {b['from_year']}-{b['to_year']}: {_t(b['budget_t'])} t; {used}; "
            f"runs out: {b['year_runs_out_text']}"]


def _per_capita_lines(s: dict) -> list[str]:
    p = s.get("per_capita") or {}
    if p.get("per_capita_t") is None:
        return ["  Per inhabitant:     no population figure for a year with a total"]
    base = (f" ({s['baseline_year']}: {p['baseline_per_capita_t']:.2f} t, "
            f"{_pct(p['change_vs_baseline_pct'])})" if p.get("baseline_per_capita_t") else "")
    return [f"  Per inhabitant {p['year']}: {p['per_capita_t']:.2f} t{base}"]


def _sector_lines(s: dict) -> list[str]:
    # Each sector's own latest year is printed with it: it may differ from the headline year.
    lines = [f"  {'Sector':<38}{'baseline':>12}{'latest':>12}{'year':>6}{'change':>10}  status"]
    for row in s.get("sectors") or []:
        sector = SECTOR_BY_CODE.get(row["sector"])
        name = sector.en if sector else row["sector"]
        lines.append(
            f"  {name:<38}{_t(row['baseline_t']):>12}{_t(row['latest_t']):>12}"
            f"{row.get('latest_year') or 'n/a':>6}"
            f"{_pct(row['change_vs_baseline_pct']):>10}  {_status_word(row['status'])}"
        )
    return lines


def _commitment_lines(s: dict) -> list[str]:
    c = s["commitments"]
    lines = [
        f"Commitments: {c['count']} from {c['partners']} partners; counted {_t(c['committed_reduction_t'])} t/yr "
        f"(achieved {_t(c['achieved_reduction_t'])}, in progress {_t(c['in_progress_reduction_t'])}, "
        f"planned {_t(c['planned_reduction_t'])}); apart: delayed {_t(c['delayed_reduction_t'])}, "
        f"withdrawn {_t(c['withdrawn_reduction_t'])}",
        f"  Needed reduction {_t(c['needed_reduction_t'])} t/yr; committed but not yet delivered "
        f"{_t(c['pending_reduction_t'])}; not covered by any commitment {_t(c['uncovered_reduction_t'])}",
    ]
    if c.get("with_commitments_t_at_target_year") is not None:
        lines.append(f"  If every commitment delivers: {_t(c['with_commitments_t_at_target_year'])} t "
                     f"in {s['target_year']}")
    for item in c.get("overdue", [])[:10]:
        lines.append(f"  Overdue: {item['partner']} - {item['title']} (due {item['target_year']}, "
                     f"{item['status'].replace('_', ' ')})")
    if c.get("overdue_count", 0) > 10:
        lines.append(f"  ... and {c['overdue_count'] - 10} more overdue")
    return lines
