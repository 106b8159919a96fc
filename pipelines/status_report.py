"""`roadmap status`: the headline summary of a target set, from the derived tables or as of a year."""

from __future__ import annotations

from sqlalchemy import Engine, select

from pipelines import clock
from pipelines.analytics.queries import read_inputs
from pipelines.analytics.summary import analyse
from pipelines.errors import Bilingual, UserError
from pipelines.schema import DerivedSummary, TargetSet
from pipelines.vocab import TOTAL


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
    engine: Engine, programme_id: int, target_name: str | None = None, year: int | None = None,
    fresh: bool = False,
) -> dict:
    """The overall summary (keys: pipelines.analytics.summary); UserError when it has none.

    It is the one the last import stored, unless `fresh` (or a `year`) asks for one computed now:
    the stored one is JSON, its words (status reason, warnings) English only; a fresh one's are
    Bilingual, for a text in Dutch or French (pipelines.status_text)."""
    target_set_id, _ = choose_target_set(engine, programme_id, target_name)
    summary = None if year is not None or fresh else stored_summary(engine, programme_id, target_set_id)
    # None yet, stored before `years` existed, or stored last year (its years left and overdue
    # commitments are last year's until pipelines/year_turn.py rebuilds it): computed now.
    if summary is None or "years" not in summary or summary.get("as_of_year") != clock.today().year:
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
        summary["warnings"].append(Bilingual(
            "commitments are shown as recorded now; their status in that year is not kept",
            "engagementen staan zoals ze nu vastgelegd zijn; hun status in dat jaar is niet bewaard",
            "les engagements sont montrés tels qu'enregistrés aujourd'hui ; leur statut de cette année-là "
            "n'est pas conservé"))
    return summary
