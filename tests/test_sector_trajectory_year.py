"""The sectors page speaks of the shown target set's own target year, not the programme's.

A 2030 programme (Leuven 2030) may follow a plan that aims at 2035: the sector chart's sentence
gives the trend at 2035, the year the chart's target star stands in, as the overview does."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.context import current_programme
from dashboard.sections.sector_charts import sector_trajectory
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.settings import Settings
from pipelines.targets import set_primary

PLAN_2035 = """jaar;sector;soort;waarde;eenheid
2010;Transport;gemeten;104;kt CO2e
2012;Transport;gemeten;100;kt CO2e
2014;Transport;gemeten;96;kt CO2e
2016;Transport;gemeten;92;kt CO2e
2018;Transport;gemeten;88;kt CO2e
2020;Transport;gemeten;84;kt CO2e
2025;Transport;doel;60;kt CO2e
2025;Totaal;doel;60;kt CO2e
2035;Transport;doel;10;kt CO2e
2035;Totaal;doel;10;kt CO2e
"""


@pytest.fixture
def app(database_url, engine, programme_id, tmp_path):
    source = tmp_path / "plan_2035.csv"
    source.write_text(PLAN_2035, encoding="utf-8")
    load_file(engine, programme_id, "indicators", source, options=LoadOptions(planned_as_target_set="Plan 2035"))
    set_primary(engine, programme_id, "Plan 2035")
    return create_app(Settings(database_url=database_url), engine)


def test_the_sector_sentence_gives_the_trend_at_the_target_sets_year(app, engine):
    with app.server.test_request_context("/sectors?lang=en"):
        prog = current_programme()
        assert prog.target_year == 2030  # the programme's own year
        view = sector_trajectory(engine, prog, "transport", None, "en", "total").view
    table = view.table.set_index("year")
    assert table.loc[2035, "target_kt"] == 10.0  # the plan's own 2035 target for transport
    at_2035 = table.loc[2035, "projected_kt"]
    assert f"The current trend reaches {at_2035:,.1f} kt in 2035." in view.summary
    assert "kt in 2030." not in view.summary
