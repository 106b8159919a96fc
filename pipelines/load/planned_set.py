"""The target set a file's planned rows become (--planned-as-target-set NAME), written through
pipelines/targets.py in the load's unit of work.

Each planned year after the programme's baseline year is a milestone in t CO2e (absolute_t);
the last planned year is the target year, its planned emissions the target. The pathway runs
through the milestones (method 'milestones'), as the plan does. A sector with a planned value in
the target year (a top-level one also through all its measured sub-sectors: `with_parents`) gets
that as its own target (absolute_t), and its planned values of the years between as its own
milestones; a sector planned only before the target year has no target to hold a milestone, and
the load report says that those values are not in the set.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from pipelines.analytics.inputs import MilestoneSpec
from pipelines.errors import Bilingual, UserError
from pipelines.load.planned_rows import PlannedPlan
from pipelines.schema import Indicator, Observation, TargetSet
from pipelines.targets import add_target_set_in, check_new_name
from pipelines.vocab import SECTOR_BY_CODE, SECTORS, TOTAL, sector_label


def write_planned_target_set(conn: Connection, programme_id: int, name: str, baseline_year: int,
                             plan: PlannedPlan, file_name: str, user: str, dry_run: bool = False) -> dict:
    """Write the set (not in a dry run); returns what it holds, for the load result."""
    later = [y for y in plan.years if y > baseline_year]
    if not later:
        years = ", ".join(map(str, plan.years))
        raise UserError(Bilingual(
            f"--planned-as-target-set {name!r}: the planned years ({years}) are none after the "
            f"programme's baseline year {baseline_year}, so they make no target; nothing was imported",
            f"geplande rijen als doelstelling {name!r}: geen van de geplande jaren ({years}) ligt na "
            f"het basisjaar {baseline_year} van het programma, dus ze vormen geen doel; er is niets "
            "geïmporteerd",
            f"lignes prévues comme ensemble d'objectifs {name!r} : aucune des années prévues ({years}) ne tombe après "
            f"l'année de référence {baseline_year} du programme, elles ne forment donc pas d'objectif ; rien n'a "
            "été importé"))
    target_year = later[-1]
    milestones = tuple(MilestoneSpec(TOTAL, y, "absolute_t", round(plan.totals[y], 3)) for y in later[:-1])
    target_t = round(plan.totals[target_year], 3)
    sectors = with_parents(plan.sectors, plan.measured_sectors | _measured_sectors(conn, programme_id))
    sector_targets = tuple((code, round(value, 3)) for code, value in sectors.get(target_year, {}).items())
    with_target = {code for code, _ in sector_targets}
    milestones += tuple(MilestoneSpec(code, y, "absolute_t", round(value, 3)) for y in later[:-1]
                        for code, value in sectors.get(y, {}).items() if code in with_target)
    kept = {
        "name": check_new_name(conn, programme_id, name), "id": None, "baseline_year": baseline_year, "target_year": target_year,
        "target_t": target_t, "milestones": [{"year": m.year, "value_t": m.value} for m in milestones if m.sector_code == TOTAL],
        "sector_targets": [{"sector": code, "value_t": value} for code, value in sector_targets],
        "sector_milestones": [{"sector": m.sector_code, "year": m.year, "value_t": m.value}
                              for m in milestones if m.sector_code != TOTAL],
        "from_sectors": [y for y in plan.from_sectors if y in later],
    }
    if dry_run:
        return kept
    # The programme's first target set is its headline; another one is added beside the others.
    first = not conn.scalar(select(func.count()).select_from(TargetSet).where(TargetSet.programme_id == programme_id))
    kept["id"] = add_target_set_in(
        conn, programme_id, name, baseline_year, target_year, "absolute_t", target_t,
        method="milestones", primary=first, description=f"Planned values of {file_name}"[:500],
        user=user, milestones=milestones, sector_targets=sector_targets)
    return kept


def with_parents(sectors: dict[int, dict[str, float]], measured: set[str]) -> dict[int, dict[str, float]]:
    """Each year's planned sectors, and a top-level sector planned through its sub-sectors: the
    sum of its planned sub-sectors when they include every sub-sector of it with measured values
    (and it has none of its own), so the sectors the pages show are held to the plan too.
    Frankfurt plans Haushalte and Gewerbe (residential, tertiary): buildings is their sum."""
    out = {}
    for year, planned in sectors.items():
        found = dict(planned)
        parents = {SECTOR_BY_CODE[c].parent for c in planned if c in SECTOR_BY_CODE} - {None} - set(planned)
        for parent in sorted(p for p in parents if p is not None and p not in measured):
            children = {s.code for s in SECTORS if s.parent == parent}
            needed = children & measured
            if needed and needed <= set(planned):
                found[parent] = sum(v for c, v in planned.items() if c in children)
        out[year] = dict(sorted(found.items()))
    return out


def _measured_sectors(conn: Connection, programme_id: int) -> set[str]:
    """The sectors with current emissions values in the programme (this load's included)."""
    found = conn.execute(
        select(Indicator.sector_code).distinct().join(Observation, Observation.indicator_id == Indicator.id)
        .where(Indicator.programme_id == programme_id, Indicator.kind == "emissions",
               Indicator.sector_code.is_not(None), Observation.is_current, Observation.value.is_not(None)))
    return {code for (code,) in found if code is not None}


def planned_set_warnings(plan: PlannedPlan, baseline_year: int) -> list[Bilingual]:
    """What the target set leaves aside, said in the load report."""
    out = []
    early = [y for y in plan.years if y <= baseline_year]
    if early:
        years = ", ".join(map(str, early))
        out.append(Bilingual(
            f"planned year(s) {years} not in the target set: at or before the baseline year {baseline_year}",
            f"geplande ja(a)r(en) {years} niet in de doelstelling: in of vóór het basisjaar {baseline_year}",
            f"année(s) prévue(s) {years} hors de l'ensemble d'objectifs : égale(s) ou antérieure(s) à l'année de référence {baseline_year}"))
    if plan.from_sectors:
        years = ", ".join(map(str, plan.from_sectors))
        out.append(Bilingual(
            f"planned year(s) {years} without a planned total: their planned sectors added up",
            f"geplande ja(a)r(en) {years} zonder gepland totaal: hun geplande sectoren opgeteld",
            f"année(s) prévue(s) {years} sans total prévu : leurs secteurs prévus additionnés"))
    later = [y for y in plan.years if y > baseline_year]
    with_target = set(plan.sectors.get(later[-1], {})) if later else set()
    aside = sorted({(code, y) for y in later[:-1] for code in plan.sectors.get(y, {}) if code not in with_target})
    if aside:
        def listed_in(lang: str) -> str:
            return ", ".join(f"{sector_label(code, lang)} {year}" for code, year in aside)

        out.append(Bilingual(
            f"planned sector value(s) {listed_in('en')} not in the target set as the sector's own: the sector has no "
            f"planned value in the target year {later[-1]} (they count in the year's total only)",
            f"geplande sectorwaarde(n) {listed_in('nl')} niet als eigen waarde van de sector in de doelstelling: de "
            f"sector heeft geen geplande waarde in het doeljaar {later[-1]} (ze tellen alleen mee in het "
            "totaal van het jaar)",
            f"valeur(s) sectorielle(s) prévue(s) {listed_in('fr')} hors de l'ensemble d'objectifs comme valeurs propres "
            f"du secteur : le secteur n'a pas de valeur prévue pour l'année cible {later[-1]} (elles ne comptent "
            "que dans le total de l'année)"))
    if plan.other_rows:
        out.append(Bilingual(
            f"{plan.other_rows} planned row(s) of indicators other than emissions not in the target set",
            f"{plan.other_rows} geplande rij(en) van andere indicatoren dan uitstoot niet in de doelstelling",
            f"{plan.other_rows} ligne(s) prévue(s) d'indicateurs autres que les émissions hors de l'ensemble d'objectifs"))
    return out
