"""Migration 0009: existing indicators get their French name where it is the built-in one."""

from __future__ import annotations

import csv

from sqlalchemy import text

from pipelines.db import make_engine, migrate
from pipelines.demo import DEMO_DIR

INDICATORS = [  # code, name_en as stored before 0009
    ("population", "Population"),
    ("emissions.tertiary", "Emissions, tertiary buildings"),
    ("emissions.total", "Reported total emissions"),
    ("cycling_modal_share", "Cycling share of trips"),  # the demo's
    ("emissions.waste", "Waste and landfill"),  # renamed by the programme: no guessed French
    ("heat_pumps", "Heat pumps installed"),  # the programme's own: no French yet
]


def test_upgrade_names_built_in_indicators_in_french_and_leaves_others_empty(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        migrate(engine, "0008_scenarios")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO programme (id, slug, name, baseline_year, target_year, created_at, data_version)"
                " VALUES (1, 'leuven', 'Leuven', 2019, 2050, '2026-01-01', 'v1')"))
            for code, name_en in INDICATORS:
                conn.execute(text(
                    "INSERT INTO indicator (programme_id, code, name_nl, name_en, unit, kind, lower_is_better)"
                    " VALUES (1, :code, :code, :name_en, 't CO2e', 'emissions', true)"),
                    {"code": code, "name_en": name_en})
        migrate(engine)
        with engine.connect() as conn:
            french = dict(conn.execute(text("SELECT code, name_fr FROM indicator")).all())
    finally:
        engine.dispose()
    assert french == {
        "population": "Population",
        "emissions.tertiary": "Émissions, bâtiments tertiaires",
        "emissions.total": "Émissions totales déclarées",
        "cycling_modal_share": "Part du vélo dans les déplacements",
        "emissions.waste": None,
        "heat_pumps": None,
    }


def test_the_migration_names_match_what_a_new_programme_gets():
    """A programme made today and one migrated from before 0009 read the same French names."""
    import importlib

    from pipelines.programmes import REPORTED_TOTAL, _lower_first
    from pipelines.vocab import SECTORS, emissions_indicator_code

    migration = importlib.import_module("pipelines.migrations.versions.0009_indicator_name_fr")
    built_in = {emissions_indicator_code(s.code): (f"Emissions, {_lower_first(s.en)}", f"Émissions, {_lower_first(s.fr or s.en)}")
                for s in SECTORS}
    built_in[REPORTED_TOTAL["code"]] = (REPORTED_TOTAL["name_en"], REPORTED_TOTAL["name_fr"])
    with (DEMO_DIR / "activity_indicators.csv").open(encoding="utf-8") as handle:
        built_in.update({row["indicator"]: (row["name_en"], row["name_fr"]) for row in csv.DictReader(handle)})
    for code, names in built_in.items():
        assert migration.FRENCH_NAMES[code] == names, code
