"""`roadmap report com|cdp|nzc`: the outside bodies' formats, with the dashboard's totals.

Data: tests/data/analytics_inventory.csv (see tests/test_derived.py). 2016, t CO2e: residential
88,000; tertiary 44,000 (buildings 132,000); transport 60,000 (not split); land use −10,000 (a
sink); total 182,000. 2010: buildings 150,000, transport 60,000, land use −10,000, total 200,000.
"""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dashboard import queries
from dashboard.app import create_app
from pipelines.settings import Settings
from roadmap_cli import main
from tests.analytics_db import leuven_with_the_inventory
from tests.auth_support import SECRET
from tests.conftest import leuven_id


@pytest.fixture
def run(engine):
    url = engine.url.render_as_string(hide_password=False)
    return lambda *args: CliRunner().invoke(main, ["--database-url", url, *args])


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with analytics_inventory.csv loaded (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, leuven_with_the_inventory) as url:
        yield url


@pytest.fixture
def loaded(engine) -> int:
    return leuven_id(engine)


def dashboard_total(engine, programme_id: int, year: int) -> float:
    e = queries.emissions_by_sector(engine, programme_id)
    return float(e[(e["year"] == year) & (e["sector_code"] == "total")]["value_t"].item())


def read_csv(path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def test_covenant_of_mayors_inventory_by_its_sectors(run, engine, loaded, tmp_path):
    result = run("report", "com", "--year", "2016", "--output", str(tmp_path / "com.xlsx"))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "com.xlsx").active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    assert rows["A.3"][2] == 88_000 and rows["A.2"][2] == 44_000
    assert rows["B.4"][2] == 60_000  # transport is reported as a whole
    assert rows["B.1"][3] == "IE" and rows["A.6"][3:] == ("NE", "no data for industry (non-ETS)")
    assert rows["TOTAL"][2] == dashboard_total(engine, loaded, 2016) == 182_000
    # lines: 88,000 + 44,000 + 60,000 = 192,000; the sink has no line in the CoM format
    assert "The lines add up to 192,000 t" in result.output
    assert "no line for: forestry and land use -10,000 t" in result.output


def test_cdp_table_by_gpc_sector_marks_the_scopes_not_estimated(run, engine, loaded, tmp_path):
    result = run("report", "cdp", "--year", "2016", "--output", str(tmp_path / "cdp.csv"))
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "cdp.csv")
    assert float(rows["I.1"]["value_t_co2e"]) == 88_000 and float(rows["V"]["value_t_co2e"]) == -10_000
    assert (rows["IV"]["notation_key"], rows["IV"]["note"]) == (
        "NE", "no data for industrial processes and product use")
    assert rows["II"]["scope_1_t_co2e"] == rows["II"]["scope_2_t_co2e"] == "NE"
    lines = sum(float(r["value_t_co2e"]) for c, r in rows.items()
                if c not in {"TOTAL", "NOTE"} and r["value_t_co2e"])
    # 88,000 + 44,000 + 60,000 − 10,000 = 182,000: every sector has a GPC line
    assert lines == float(rows["TOTAL"]["value_t_co2e"]) == dashboard_total(engine, loaded, 2016)


def test_netzerocities_table_against_the_baseline(run, engine, loaded, tmp_path):
    result = run("report", "nzc", "--year", "2016", "--output", str(tmp_path / "nzc.csv"))
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "nzc.csv")
    # total 200,000 → 182,000: −9.0 %; buildings 150,000 → 132,000: −12.0 %
    assert float(rows["TOTAL"]["baseline_t_co2e"]) == 200_000
    assert float(rows["TOTAL"]["value_t_co2e"]) == dashboard_total(engine, loaded, 2016)
    assert float(rows["TOTAL"]["change_vs_baseline_pct"]) == pytest.approx(-9.0)
    assert float(rows["I"]["change_vs_baseline_pct"]) == pytest.approx(-12.0)
    assert "Not estimated (no data in either year): Industry (non-ETS)" in result.output


def test_netzerocities_gives_no_change_for_the_baseline_year_itself(run, tmp_path):
    result = run("report", "nzc", "--year", "2010", "--output", str(tmp_path / "nzc.csv"))
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "nzc.csv")
    # Not "0 %" on every line: nothing has been measured after the baseline in a baseline-year report.
    assert float(rows["TOTAL"]["value_t_co2e"]) == float(rows["TOTAL"]["baseline_t_co2e"]) == 200_000
    assert {r["change_vs_baseline_pct"] for c, r in rows.items() if c != "NOTE"} == {""}
    assert "No change against the baseline: 2010 is not after the baseline year 2010." in result.output


def test_a_year_without_a_total_is_one_clear_line(run, loaded, tmp_path):
    result = run("report", "com", "--year", "2011", "--output", str(tmp_path / "x.csv"))
    assert result.exit_code == 1
    assert "no emissions total for 2011 (years with one: 2010, 2012" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.csv").exists()



def test_the_api_gives_the_same_report_as_the_command_line(run, engine, database_url, loaded, tmp_path):
    assert run("report", "cdp", "--year", "2016", "--output", str(tmp_path / "cdp.csv")).exit_code == 0
    client = create_app(Settings(secret_key=SECRET, database_url=database_url), engine).server.test_client()
    response = client.get("/api/v1/programmes/leuven/reports/cdp.csv?year=2016")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.data == (tmp_path / "cdp.csv").read_bytes()
    workbook = client.get("/api/v1/programmes/leuven/reports/com.xlsx?year=2016")
    assert workbook.headers["Content-Disposition"] == 'attachment; filename="leuven-com-2016.xlsx"'
    missing = client.get("/api/v1/programmes/leuven/reports/com.csv?year=2011")
    assert missing.status_code == 404 and "no emissions total for 2011" in missing.get_json()["message"]
    assert client.get("/api/v1/programmes/leuven/reports/com.csv").status_code == 400
    assert client.get("/api/v1/programmes/leuven/reports/xyz.csv?year=2016").status_code == 404
