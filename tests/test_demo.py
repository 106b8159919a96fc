"""The demo database: built from data/demo/ through the real loaders, with the published 2019 figures."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, func, select

from pipelines.db import make_engine
from pipelines.demo import DEMO_FILES, DEMO_PROGRAMME, build_demo
from pipelines.load import load_file
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.programmes import resolve_programme
from pipelines.schema import (
    Commitment,
    DerivedEmissions,
    ImportBatch,
    Indicator,
    Observation,
    Partner,
    TargetSet,
    Theme,
)
from pipelines.settings import DATA_DIR
from tests.conftest import fresh_database

# The demo is built once per backend for the whole module: keep the module on one worker.
pytestmark = pytest.mark.xdist_group("demo")


@dataclass
class Demo:
    engine: Engine
    results: list[LoadResult]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request, tmp_path_factory, sqlite_template, postgres_templates):
    """The demo, built once per backend for the read-only tests of this module."""
    directory = tmp_path_factory.mktemp("demo")
    with fresh_database(request.param, directory, sqlite_template, postgres_templates) as url:
        engine = make_engine(url)
        yield Demo(engine, build_demo(engine))
        engine.dispose()


def _count(engine: Engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def _total(engine: Engine, year: int) -> float:
    with engine.connect() as conn:
        return conn.execute(
            select(DerivedEmissions.value_t).where(
                DerivedEmissions.year == year, DerivedEmissions.sector_code == "total"
            )
        ).scalar_one()


def test_demo_has_the_expected_counts(demo):
    # Emissions: 8 sectors x 15 years (2010-2024) = 120 values, and the inventory's 'Totaal' row:
    # 15 reported totals (contract 1: a total row is stored as emissions.total).
    # Activity file: population 15 + renovated homes 15 + rooftop PV 15 + PV installations
    # (11 yearly 2012-2022, then 2023 and 2024 each 1 yearly + 12 monthly = 26) 37
    # + EV share 10 + district heating 6 + cycling 8 + renewable electricity 15 = 121.
    assert _count(demo.engine, Observation) == 120 + 15 + 121
    assert _count(demo.engine, Partner) == 42
    assert _count(demo.engine, Commitment) == 86
    assert _count(demo.engine, TargetSet) == 3
    assert _count(demo.engine, Theme) == 13
    assert _count(demo.engine, ImportBatch) == len(DEMO_FILES) == 4


def test_demo_2019_total_is_the_sum_of_the_published_sector_figures(demo):
    # CCC 2019, t CO2e: households 161,920 + tertiary 151,723 + public lighting 313
    # + industry 38,328 + transport 64,629 (given in the file as 64,629 kt) + waste 47,864
    # + agriculture 4,725 + forest sink -12,000 = 457,502. The CCC publishes the total as
    # 457,501: its sector figures are rounded; the primary target keeps 457,501 as baseline_t.
    assert _total(demo.engine, 2019) == pytest.approx(457_502, abs=0.01)
    with demo.engine.connect() as conn:
        buildings, afolu = (
            conn.execute(
                select(DerivedEmissions.value_t).where(
                    DerivedEmissions.year == 2019, DerivedEmissions.sector_code == code
                )
            ).scalar_one()
            for code in ("buildings", "afolu")
        )
    assert buildings == pytest.approx(161_920 + 151_723 + 313)  # 313,956 as published
    assert afolu == pytest.approx(4_725 - 12_000)  # -7,275 as published


def test_every_demo_file_loads_without_problems(demo):
    # build_demo would have raised ValidationFailed on any problem; check nothing was skipped
    # and the only warning is the one about qualitative commitments (no tonnes, no indicator).
    by_file = {r.file_name: r for r in demo.results}
    assert [r.file_name for r in demo.results] == [f.name for f in DEMO_FILES]
    assert by_file["emissions_inventory.csv"].added == 120 + 15  # 8 sectors x 15 years, 15 totals
    assert by_file["activity_indicators.csv"].added == 121
    assert by_file["partners.csv"].added == 42
    assert by_file["commitments.csv"].added == 86
    assert all(r.skipped == 0 and r.superseded == 0 for r in demo.results)
    warnings = [w for r in demo.results for w in r.warnings]
    assert len(warnings) == 1 and "neither a reduction nor an indicator target" in warnings[0]


def test_demo_files_are_read_in_their_own_dialects(demo):
    detected = {r.file_name: r.detected for r in demo.results}
    inventory = detected["emissions_inventory.csv"]
    assert (inventory["separator"], inventory["decimal"], inventory["encoding"]) == (";", ",", "utf-8-sig")
    assert detected["partners.csv"]["encoding"] == "cp1252"
    assert detected["commitments.csv"]["separator"] == ","


def _value(engine: Engine, code: str, period: str) -> tuple[float | None, str | None]:
    with engine.connect() as conn:
        return conn.execute(
            select(Observation.value, Observation.missing_key)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Indicator.code == code, Observation.period == period, Observation.is_current)
        ).one()


def test_demo_units_are_converted_to_each_indicators_unit(demo):
    assert _value(demo.engine, "emissions.transport", "2019")[0] == pytest.approx(64_629)  # 64,629 kt
    assert _value(demo.engine, "rooftop_pv_capacity", "2010")[0] == pytest.approx(6.2)  # 6200 kWp
    assert _value(demo.engine, "renewable_electricity", "2024")[0] == pytest.approx(65_670)  # 65.67 GWh
    assert _value(demo.engine, "population", "2019")[0] == 102_575


def test_demo_missing_markers_are_stored_as_missing_not_zero(demo):
    assert _value(demo.engine, "renovated_homes", "2010") == (None, "NE")
    assert _value(demo.engine, "cycling_modal_share", "2013") == (None, "NE")
    value, key = _value(demo.engine, "ev_share_new_cars", "2024")
    assert value is None and key == "?"


def test_demo_is_falling_but_above_the_climate_city_contract_pathway(demo):
    # CCC pathway, linear: 457,501 in 2019 to 78,646 in 2030, so in 2024
    # 457,501 - 5 x (457,501 - 78,646) / 11 = 457,501 - 172,206.8 = 285,294.2 t.
    latest = _total(demo.engine, 2024)
    assert latest > 285_294.2 + 50_000  # clearly off track: a story for the dashboard
    assert latest < _total(demo.engine, 2019) < _total(demo.engine, 2015) < _total(demo.engine, 2010)


def test_demo_commitments_fall_well_short_of_the_needed_reduction(demo):
    # Needed: latest 2024 total minus the CCC 2030 target 78,646 t (about 317,000 t/yr).
    needed = _total(demo.engine, 2024) - 78_646
    with demo.engine.connect() as conn:
        committed = conn.execute(
            select(func.sum(Commitment.reduction_t_per_year)).where(Commitment.status != "withdrawn")
        ).scalar_one()
    assert committed < needed / 4


@pytest.mark.parametrize(
    ("kind", "name", "new_indicators", "added"),
    [
        ("indicators", "indicators_long.csv", True, 1),  # the new heat-pump series
        ("indicators", "indicators_wide.csv", False, 0),  # the demo's own 2022-2023 values
        ("partners", "partners.csv", False, 3),
        ("commitments", "commitments.csv", False, 3),
    ],
)
def test_each_template_loads_into_the_demo_as_a_dry_run(demo, kind, name, new_indicators, added):
    programme_id = resolve_programme(demo.engine, DEMO_PROGRAMME.slug).id
    options = LoadOptions(dry_run=True, new_indicators=new_indicators, user="test")
    result = load_file(demo.engine, programme_id, kind, DATA_DIR / "templates" / name, options=options)
    assert result.added == added
    assert result.warnings == []
    assert result.batch_id is None  # a dry run writes nothing


def test_every_demo_indicator_has_a_french_name(demo):
    with demo.engine.connect() as conn:
        names = conn.execute(select(Indicator.code, Indicator.name_en, Indicator.name_fr)).all()
    assert names and [code for code, _en, fr in names if not fr] == []
    french = {code: fr for code, _en, fr in names}
    assert french["cycling_modal_share"] == "Part du vélo dans les déplacements"
    assert french["emissions.residential"] == "Émissions, logements"


def test_every_demo_theme_has_a_french_name(demo):
    with demo.engine.connect() as conn:
        names = dict(conn.execute(select(Theme.code, Theme.name_fr)).all())
    assert len(names) == 13 and [code for code, fr in names.items() if not fr] == []
    assert names["P04"] == "Mobilité" and names["P12"] == "Ville résiliente au climat"


def test_the_themes_template_loads_into_the_demo_as_a_dry_run(demo):
    from pipelines.themes import load_themes_file

    programme_id = resolve_programme(demo.engine, DEMO_PROGRAMME.slug).id
    counts = load_themes_file(demo.engine, programme_id, DATA_DIR / "templates" / "themes.csv", dry_run=True).counts
    assert counts == {"added": 2, "renamed": 0, "unchanged": 1}  # P14 and P15 are new; P04 is the demo's
    with demo.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Theme)) == 13  # nothing written
