"""The target set a file's planned rows become (--planned-as-target-set NAME), written through
pipelines/targets.py in the load's unit of work.

Each planned year after the programme's baseline year is a milestone in t CO2e (absolute_t);
the last planned year is the target year, its planned emissions the target. The pathway runs
through the milestones (method 'milestones'), as the plan does.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from pipelines.analytics.inputs import MilestoneSpec
from pipelines.errors import Bilingual, UserError
from pipelines.load.planned_rows import PlannedPlan
from pipelines.schema import TargetSet
from pipelines.targets import add_target_set_in, check_new_name
from pipelines.vocab import TOTAL


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
    kept = {
        "name": check_new_name(conn, programme_id, name), "id": None, "baseline_year": baseline_year, "target_year": target_year,
        "target_t": target_t, "milestones": [{"year": m.year, "value_t": m.value} for m in milestones],
        "from_sectors": [y for y in plan.from_sectors if y in later],
    }
    if dry_run:
        return kept
    # The programme's first target set is its headline; another one is added beside the others.
    first = not conn.scalar(select(func.count()).select_from(TargetSet).where(TargetSet.programme_id == programme_id))
    kept["id"] = add_target_set_in(
        conn, programme_id, name, baseline_year, target_year, "absolute_t", target_t,
        method="milestones", primary=first, description=f"Planned values of {file_name}"[:500],
        user=user, milestones=milestones)
    return kept


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
    if plan.other_rows:
        out.append(Bilingual(
            f"{plan.other_rows} planned row(s) of indicators other than emissions not in the target set",
            f"{plan.other_rows} geplande rij(en) van andere indicatoren dan uitstoot niet in de doelstelling",
            f"{plan.other_rows} ligne(s) prévue(s) d'indicateurs autres que les émissions hors de l'ensemble d'objectifs"))
    return out
