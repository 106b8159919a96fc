"""A small, hand-checkable programme for the dashboard's tests, derived tables written directly.

The numbers (t CO2e), chosen so every figure can be checked by hand:
- sectors per year y (2010–2024): buildings 450,000 − 10,000·(y−2010); transport 200,000 −
  4,000·(y−2010); waste 50,000 − 1,000·(y−2010); land use −12,000 (a sink).
  Total = 688,000 − 15,000·(y−2010): 688 kt in 2010, 478 kt in 2024.
- Primary target set "Climate neutrality" (0 t in 2030, linear): pathway(y) = 688,000·(2030−y)/20,
  so 206,400 t in 2024 (gap 271,600 t); milestone 2025: 172,000 t.
  Progress 2024 = (688 − 478) / (688 − 0) = 30.5 %. Trend −15 kt/yr: 2030 → 388 kt (±20 kt).
- Second target set "Covenant of Mayors" (−55 % in 2030): pathway(y) = 688,000 − 18,920·(y−2010),
  so 423,120 t in 2024 and 309,600 t in 2030.
- Commitments: achieved 10 kt, in progress 20 kt (50 % done), planned 30 kt, delayed 5 kt per year.
  Gap waterfall: 478 + 20 = 498 kt without partners' work → −20 achieved → 478 → −10 still to come
  from work in progress → −30 planned → 438 kt still missing → target 0.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pipelines import clock
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.schema import (
    Commitment,
    DerivedEmissions,
    DerivedProgress,
    DerivedSummary,
    ImportBatch,
    Indicator,
    Milestone,
    Observation,
    Partner,
    Programme,
    Target,
    TargetSet,
)

SEED_PROGRAMME = ProgrammeSpec(
    slug="leuven", name="Leuven 2030", baseline_year=2010, target_year=2030,
    area_name="Leuven", area_code="24062", target_residual_pct=0.0,
    scope_note="Scope 1+2, excluding ETS industry",
)
YEARS = range(2010, 2025)
SECTOR_T = {
    "buildings": lambda y: 450_000 - 10_000 * (y - 2010),
    "transport": lambda y: 200_000 - 4_000 * (y - 2010),
    "waste": lambda y: 50_000 - 1_000 * (y - 2010),
    "afolu": lambda y: -12_000,
}
SCRIPT_PARTNER = "Bakkerij <script>alert('x')</script> De Zon"
IMPORTER = "analyst-who-must-stay-private"


def total_t(year: int) -> float:
    return 688_000 - 15_000 * (year - 2010)


def seed_dashboard_programme(engine: Engine) -> int:
    """Create the seed programme described above; returns its id."""
    programme_id = create_programme(engine, SEED_PROGRAMME)
    with Session(engine) as session:
        primary = session.scalar(select(TargetSet).where(TargetSet.programme_id == programme_id))
        primary.milestones.append(Milestone(sector_code="total", year=2025, kind="residual_pct", value=25))
        com = TargetSet(programme_id=programme_id, name="Covenant of Mayors", is_primary=False,
                        baseline_year=2010, target_year=2030, pathway_method="linear")
        com.targets.append(Target(sector_code="total", kind="reduction_pct", value=55))
        session.add(com)
        session.flush()
        _emissions(session, programme_id)
        _progress(session, programme_id, primary.id, com.id)
        _summaries(session, programme_id, primary.id, com.id)
        # Written by hand for this year: the dashboard must not rebuild them from the base tables
        # on its first request (pipelines/year_turn.py), as it would for tables of another year.
        session.get(Programme, programme_id).derived_as_of_year = clock.today().year
        batch = ImportBatch(
            programme_id=programme_id, kind="indicators", file_name="activity-2024.csv",
            sha256="0" * 64, rows_in_file=42, rows_added=42, created_by=IMPORTER,
            created_at=datetime(2025, 3, 14, 9, 30, tzinfo=UTC), source="Seed source",
        )
        session.add(batch)
        session.flush()
        _indicators(session, programme_id, batch.id)
        _partners(session, programme_id)
        session.commit()
    return programme_id


def _emissions(session: Session, programme_id: int) -> None:
    for y in YEARS:
        for code, value in SECTOR_T.items():
            session.add(DerivedEmissions(programme_id=programme_id, year=y, sector_code=code, value_t=value(y)))
        session.add(DerivedEmissions(
            programme_id=programme_id, year=y, sector_code="total", value_t=total_t(y),
            sectors_included="buildings,transport,waste,afolu", complete=True,
        ))


def _progress(session: Session, programme_id: int, primary_id: int, com_id: int) -> None:
    for y in range(2010, 2031):
        actual = total_t(y) if y <= 2024 else None
        projected = total_t(y) if y >= 2024 else None
        common = dict(programme_id=programme_id, sector_code="total", year=y, actual_t=actual,
                      projected_t=projected,
                      projected_low_t=projected - 20_000 * (y - 2024) / 6 if projected else None,
                      projected_high_t=projected + 20_000 * (y - 2024) / 6 if projected else None,
                      with_commitments_t=projected - 60_000 * (y - 2024) / 6 if projected else None)
        session.add(DerivedProgress(target_set_id=primary_id, pathway_t=688_000 * (2030 - y) / 20, **common))
        session.add(DerivedProgress(target_set_id=com_id, pathway_t=688_000 - 18_920 * (y - 2010), **common))
        b_actual = SECTOR_T["buildings"](y) if y <= 2024 else None
        session.add(DerivedProgress(
            programme_id=programme_id, target_set_id=primary_id, sector_code="buildings", year=y,
            actual_t=b_actual, pathway_t=450_000 * (2030 - y) / 20,
        ))


def _summaries(session: Session, programme_id: int, primary_id: int, com_id: int) -> None:
    # As pipelines.analytics.commitments_gap counts them: in progress 20 kt at 50 % → 10 kt done,
    # 10 kt pending; pending = 10 + 30 = 40 kt; uncovered = 478 − 40 = 438 kt.
    commitments = {
        "count": 4, "partners": 3, "committed_reduction_t": 50_000, "achieved_reduction_t": 10_000,
        "in_progress_reduction_t": 10_000, "planned_reduction_t": 30_000,
        "pending_reduction_t": 40_000, "needed_reduction_t": 478_000, "uncovered_reduction_t": 438_000,
        "by_status": {"in_progress": {"count": 1, "reduction_t": 20_000, "counted_t": 10_000}},
    }
    base = {
        "baseline_year": 2010, "baseline_t": 688_000.0, "target_year": 2030, "latest_year": 2024,
        "latest_t": 478_000.0, "change_vs_baseline_pct": -30.52, "projected_t_at_target_year": 388_000.0,
        "year_target_reached": 2056, "commitments": commitments, "as_of_year": clock.today().year,
        # As `roadmap status --json` lists them (the derived emissions seeded above).
        "years": [{"year": y, "total_t": total_t(y), "complete": True, "reported_total_t": None,
                   "source": "sectors"} for y in range(2010, 2025)],
    }
    session.add(DerivedSummary(
        programme_id=programme_id, target_set_id=primary_id, sector_code="total", status="off_track",
        summary={**base, "target_t": 0.0, "progress_pct": 30.52, "pathway_t": 206_400.0,
                 "gap_t": 271_600.0, "status": "off_track",
                 "milestones": [{"year": 2025, "value_t": 172_000.0}]},  # 25 % of 688,000
    ))
    session.add(DerivedSummary(
        programme_id=programme_id, target_set_id=com_id, sector_code="total", status="at_risk",
        summary={**base, "target_t": 309_600.0, "progress_pct": 55.5, "pathway_t": 423_120.0,
                 "gap_t": 54_880.0, "status": "at_risk"},
    ))
    session.add(DerivedSummary(
        programme_id=programme_id, target_set_id=primary_id, sector_code="buildings", status="off_track",
        summary={"as_of_year": clock.today().year,
                 "baseline_year": 2010, "baseline_t": 450_000.0, "latest_year": 2024, "latest_t": 310_000.0,
                 "change_vs_baseline_pct": -31.1, "target_t": 0.0, "target_year": 2030,
                 "progress_pct": 31.1, "status": "off_track"},
    ))


def _indicators(session: Session, programme_id: int, batch_id: int) -> None:
    series = {
        ("renovated_homes", "Gerenoveerde woningen", "Renovated homes", "homes", "buildings"):
            {y: 100.0 * (y - 2014) for y in range(2015, 2025)},
        ("ev_share", "Aandeel elektrische wagens", "Share of electric cars", "%", "transport"):
            dict(zip(range(2018, 2025), (1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 15.0), strict=True)),
    }
    for code, nl, en, unit, sector in series:
        session.add(Indicator(programme_id=programme_id, code=code, name_nl=nl, name_en=en, unit=unit,
                              sector_code=sector, kind="activity", lower_is_better=False))
    session.flush()
    population = {y: 100_000.0 + 1_000 * (y - 2010) for y in YEARS}
    ids = dict(session.execute(select(Indicator.code, Indicator.id).where(Indicator.programme_id == programme_id)).all())
    all_series = {code: values for (code, *_), values in series.items()} | {"population": population}
    for code, values in all_series.items():
        for y, value in values.items():
            session.add(Observation(programme_id=programme_id, indicator_id=ids[code], period=str(y),
                                    year=y, value=value, batch_id=batch_id, source="Seed source"))


def _partners(session: Session, programme_id: int) -> None:
    partners = [
        Partner(programme_id=programme_id, name="KU Leuven", type="knowledge", sector_code="buildings",
                website="https://www.kuleuven.be", description="University campuses heated without gas."),
        Partner(programme_id=programme_id, name=SCRIPT_PARTNER, type="company", sector_code="transport",
                website="javascript:alert(1)", description="<b>Bread</b> delivered by cargo bike."),
        Partner(programme_id=programme_id, name="Buurtgroep Wijgmaal", type="residents",
                sector_code="residential", joined_on=date(2020, 5, 1),
                description="Neighbours renovating their homes together."),
    ]
    session.add_all(partners)
    session.flush()
    ku, bakery, buurt = (p.id for p in partners)
    rows = [
        (ku, "Campus heat pumps", "buildings", 10_000, 2022, "achieved", 100),
        (bakery, "Electric delivery vans", "transport", 20_000, 2026, "in_progress", 50),
        (buurt, "Collective renovation", "residential", 30_000, 2028, "planned", None),
        (ku, "Green fleet", "transport", 5_000, 2023, "delayed", 20),
    ]
    for partner_id, title, sector, reduction, year, status, progress in rows:
        session.add(Commitment(
            programme_id=programme_id, partner_id=partner_id, title=title, sector_code=sector,
            reduction_t_per_year=reduction, target_year=year, status=status, progress_pct=progress,
            url="https://example.org/" + title.lower().replace(" ", "-"),
            description=f"{title}: what we do and why.",
        ))
