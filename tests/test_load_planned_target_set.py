"""Planned rows kept as a target set (--planned-as-target-set NAME), with the load, all or nothing.

tests/data/ind_planned_target_set.csv: measured 2015 and 2020 (two sectors, in kt); planned
('doel') 2008 total 320 kt, 2025 two sectors 150 + 80 kt, 2030 a total of 120 kt beside a
residential 70 kt, 2040 a total of 0. The programme (Leuven 2030) has baseline 2010.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.errors import UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import AuditLog, Indicator, Observation, TargetSet
from pipelines.targets import add_target_set, list_target_sets
from roadmap_cli import main

from .conftest import DATA

FILE = DATA / "ind_planned_target_set.csv"
MEASURED = {
    ("emissions.residential", "2015"): 200000.0, ("emissions.transport", "2015"): 100000.0,
    ("emissions.residential", "2020"): 180000.0, ("emissions.transport", "2020"): 95000.0,
}


def load(engine, programme_id, source=FILE, **options):
    return load_file(engine, programme_id, "indicators", source,
                     file_name=getattr(source, "name", "planned.csv"), options=LoadOptions(**options))


def stored(engine) -> dict[tuple[str, str], float]:
    with engine.connect() as conn:
        rows = conn.execute(select(Indicator.code, Observation.period, Observation.value)
                            .join(Indicator, Indicator.id == Observation.indicator_id)
                            .where(Observation.is_current)).all()
    return {(code, period): value for code, period, value in rows}


def planned_set(engine, programme_id, name="Klimaatplan"):
    return next((s for s in list_target_sets(engine, programme_id) if s.name == name), None)


def test_planned_rows_become_a_target_set_with_milestones_and_the_measured_rows_are_stored(engine, programme_id):
    result = load(engine, programme_id, planned_as_target_set="Klimaatplan")
    assert stored(engine) == MEASURED  # no planned value among the measurements
    kept = planned_set(engine, programme_id)
    assert (kept.baseline_year, kept.target_year, kept.pathway_method, kept.is_primary) == (2010, 2040, "milestones", False)
    # 2040: the planned total, 0 t, is the target.
    assert [(t.sector_code, t.kind, t.value) for t in kept.targets] == [("total", "absolute_t", 0.0)]
    # 2025: no total, so residential + transport = 150 + 80 kt = 230,000 t; 2030: the planned
    # total 120 kt wins over the lone sector (70 kt); 2008 lies before the baseline: left aside.
    assert [(m.sector_code, m.year, m.kind, m.value) for m in kept.milestones] == [
        ("total", 2025, "absolute_t", 230000.0), ("total", 2030, "absolute_t", 120000.0)]
    assert result.planned_target_set["id"] == kept.id and result.planned_offer == 0
    assert "Planned rows kept as target set 'Klimaatplan': baseline 2010, target 2040 0 t CO2e, " \
           "milestones 2025 230,000 t, 2030 120,000 t." in result.summary()
    assert any("2008 not in the target set: at or before the baseline year 2010" in w for w in result.warnings)
    assert any("2025 without a planned total: their planned sectors added up" in w for w in result.warnings)
    # No sector is planned in 2040, so none has a target of its own to hold its planned values: said.
    assert any(w.startswith("planned sector value(s) Residential buildings 2025, Residential buildings 2030, "
                            "Transport 2025 not in the target set as the sector's own: the sector has no planned "
                            "value in the target year 2040") for w in result.warnings)
    # …named in each reader's language.
    assert any("Huishoudens 2025, Huishoudens 2030, Transport 2025" in w.nl for w in result.warnings)
    assert any("Logements 2025, Logements 2030, Transport 2025" in w.fr for w in result.warnings)
    with engine.connect() as conn:
        audited = conn.execute(select(AuditLog.field, AuditLog.new_value).where(AuditLog.entity_id == kept.id)
                               .where(AuditLog.entity.in_(("target_set", "milestone")))).all()
    assert set(audited) >= {("name", "Klimaatplan"), ("milestone:total:2025", "absolute_t 230000"),
                            ("milestone:total:2030", "absolute_t 120000")}


def test_without_the_option_planned_rows_are_left_out_and_the_offer_is_made(engine, programme_id):
    result = load(engine, programme_id)
    assert stored(engine) == MEASURED
    assert (result.planned_left_out, result.planned_offer) == (6, 6)
    assert planned_set(engine, programme_id) is None


def test_a_file_loaded_before_still_gives_its_planned_rows_as_a_target_set(engine, programme_id):
    first = load(engine, programme_id)
    result = load(engine, programme_id, planned_as_target_set="Klimaatplan")
    assert result.already_loaded_as == first.batch_id and result.batch_id is None
    assert result.summary().startswith("ind_planned_target_set.csv was already loaded as batch")
    assert planned_set(engine, programme_id).target_year == 2040
    assert stored(engine) == MEASURED


def test_a_dry_run_says_what_the_target_set_would_be_and_writes_nothing(engine, programme_id):
    result = load(engine, programme_id, planned_as_target_set="Klimaatplan", dry_run=True)
    assert "Planned rows would keep as target set 'Klimaatplan'" in result.summary()
    assert result.planned_target_set["milestones"] == [{"year": 2025, "value_t": 230000.0},
                                                       {"year": 2030, "value_t": 120000.0}]
    assert planned_set(engine, programme_id) is None and stored(engine) == {}


def test_a_taken_name_imports_nothing(engine, programme_id):
    add_target_set(engine, programme_id, "klimaatplan", 2010, 2030, "reduction_pct", 55)
    with pytest.raises(UserError, match="'klimaatplan' exists"):
        load(engine, programme_id, planned_as_target_set="Klimaatplan")
    assert stored(engine) == {}


def test_a_bad_planned_value_is_a_problem_with_its_row_and_nothing_is_kept(engine, programme_id):
    text = FILE.read_text(encoding="utf-8").replace("2025;Transport;doel;80", "2025;Transport;doel;tachtig")
    with pytest.raises(ValidationFailed) as caught:
        load(engine, programme_id, text.encode(), planned_as_target_set="Klimaatplan")
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (8, "waarde", "tachtig")
    assert stored(engine) == {} and planned_set(engine, programme_id) is None


def test_a_failure_of_the_target_set_takes_back_the_measured_rows(engine, programme_id):
    # Only planned years before the baseline: no target can be made, so nothing is imported.
    text = "jaar;sector;soort;waarde;eenheid\n2015;Transport;gemeten;100;kt CO2e\n2008;Totaal;doel;320;kt CO2e\n"
    with pytest.raises(UserError, match="none after the programme's baseline year 2010"):
        load(engine, programme_id, text.encode(), planned_as_target_set="Klimaatplan")
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Observation)) == 0
        assert conn.scalar(select(func.count()).select_from(TargetSet)) == 1  # the programme's own


def test_the_command_line_offers_the_target_set_and_keeps_it_when_asked(engine, programme_id):
    url = engine.url.render_as_string(hide_password=False)
    plain = CliRunner().invoke(main, ["--database-url", url, "load", "indicators", str(FILE)])
    assert plain.exit_code == 0, plain.output
    assert "6 planned row(s) left out; to keep them as a target set, use --planned-as-target-set NAME" in plain.output
    kept = CliRunner().invoke(main, ["--database-url", url, "load", "indicators", str(FILE),
                                     "--planned-as-target-set", "Klimaatplan"])
    assert kept.exit_code == 0, kept.output
    assert "Planned rows kept as target set 'Klimaatplan'" in kept.output
    assert planned_set(engine, programme_id).milestones[0].value == 230000.0
    listed = CliRunner().invoke(main, ["--database-url", url, "target", "list"])
    assert listed.exit_code == 0, listed.output
    # Whole tonnes as an option takes them (--absolute-t 230000), not as 2.3e+05.
    assert "  milestone 2025 total: absolute_t 230000\n" in listed.output and "e+" not in listed.output


def test_a_monthly_planned_row_is_a_problem_with_its_row_not_a_crash(engine, programme_id, tmp_path):
    """Milestones are for years: a planned month is refused with its line (this path once read a
    column the rows do not have, found by mypy)."""
    monthly = tmp_path / "planned_monthly.csv"
    monthly.write_text(FILE.read_text(encoding="utf-8") + "2035-06;Totaal;doel;50;kt CO2e\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        load(engine, programme_id, monthly, planned_as_target_set="Klimaatplan")
    problem = next(p for p in refused.value.problems if p.value == "2035-06")
    assert problem.row == 12 and "not months" in problem.expected
    assert stored(engine) == {} and planned_set(engine, programme_id) is None


SECTOR_PLAN = """jaar;sector;soort;waarde;eenheid
2015;Huishoudens;gemeten;200;kt CO2e
2015;Transport;gemeten;100;kt CO2e
2025;Huishoudens;doel;150;kt CO2e
2025;Transport;doel;80;kt CO2e
2030;Huishoudens;doel;70;kt CO2e
2030;Transport;doel;30;kt CO2e
2030;Totaal;doel;100;kt CO2e
"""


def test_sectors_planned_in_the_target_year_get_their_own_targets_and_milestones(engine, programme_id, tmp_path):
    source = tmp_path / "sector_plan.csv"
    source.write_text(SECTOR_PLAN, encoding="utf-8")
    result = load(engine, programme_id, source, planned_as_target_set="Sectorplan")
    kept = planned_set(engine, programme_id, "Sectorplan")
    assert kept.target_year == 2030
    # 2030: the total 100 kt is the set's target; residential 70 and transport 30 kt their own;
    # buildings (the sector the pages show) through residential, its only measured sub-sector.
    assert sorted((t.sector_code, t.kind, t.value) for t in kept.targets) == [
        ("buildings", "absolute_t", 70000.0), ("residential", "absolute_t", 70000.0),
        ("total", "absolute_t", 100000.0), ("transport", "absolute_t", 30000.0)]
    # 2025: the sum of its sectors is the total's milestone, each sector's value its own.
    assert sorted((m.sector_code, m.year, m.value) for m in kept.milestones) == [
        ("buildings", 2025, 150000.0), ("residential", 2025, 150000.0), ("total", 2025, 230000.0),
        ("transport", 2025, 80000.0)]
    assert not any(w.startswith("planned sector value(s)") for w in result.warnings)
    summary = result.summary()
    assert ("own targets of 3 sector(s) in 2030 (Buildings 70,000 t, Residential buildings 70,000 t, "
            "Transport 30,000 t), 3 sector milestone(s).") in summary
    assert ("objectifs propres de 3 secteur(s) en 2030 (Bâtiments 70\u202f000 t, Logements 70\u202f000 t, "
            "Transport 30\u202f000 t)") in summary.fr
    with engine.connect() as conn:
        audited = set(conn.execute(select(AuditLog.field, AuditLog.new_value).where(AuditLog.entity_id == kept.id)
                                   .where(AuditLog.entity.in_(("target", "milestone")))).all())
    assert {("target:residential", "absolute_t 70000"), ("target:transport", "absolute_t 30000"),
            ("milestone:residential:2025", "absolute_t 150000")} <= audited


def test_a_top_level_sector_is_planned_through_its_sub_sectors_only_when_they_cover_what_is_measured(
        engine, programme_id, tmp_path):
    # Measured: residential and tertiary (both buildings); planned in 2030: residential only.
    source = tmp_path / "half_plan.csv"
    source.write_text("jaar;sector;soort;waarde;eenheid\n2015;Huishoudens;gemeten;200;kt CO2e\n"
                      "2015;Tertiaire gebouwen;gemeten;100;kt CO2e\n2030;Huishoudens;doel;70;kt CO2e\n"
                      "2030;Totaal;doel;90;kt CO2e\n", encoding="utf-8")
    load(engine, programme_id, source, planned_as_target_set="Halfplan")
    kept = planned_set(engine, programme_id, "Halfplan")
    # Buildings' plan would leave tertiary out: no target of its own, held to the overall one.
    assert sorted(t.sector_code for t in kept.targets) == ["residential", "total"]
