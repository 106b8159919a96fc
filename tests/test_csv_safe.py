"""Formula-safe output: no CSV the project writes holds text a spreadsheet would run as a formula
(OWASP CSV injection), and numbers stay numbers; `roadmap export observations` round-trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from dashboard.app import create_app
from dashboard.workspace.upload.check import mapping_csv
from pipelines.csv_safe import restore_cell, safe_cell, safe_frame
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.mapping import read_mapping
from pipelines.schema import Observation, Programme
from pipelines.settings import Settings
from roadmap_cli import main
from tests.auth_support import PASSWORD, SECRET, csrf_header, log_in
from tests.conftest import leuven, leuven_id
from tests.coordinate_support import callback_body

DATA = Path(__file__).parent / "data"
CALLBACK = "/_dash-update-component"
LINK = '=HYPERLINK("http://x","y")'
CALC = "+cmd|' /C calc'!A0"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("text", [LINK, CALC, "@SUM(1+1)", "-2+3", "\t=1", "\r=1", "-", "+", "=", "- note"])
def test_text_that_could_start_a_formula_gets_a_quote(text):
    assert safe_cell(text) == "'" + text
    assert restore_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", [-7275, -7275.5, 0.0, "-7275", "-7.275,5", "+32", "-1e-3", "-12%", "KU Leuven",
                                   "'=already quoted", "", None, "a=b"])
def test_numbers_and_harmless_text_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_frame_keeps_its_numbers_and_quotes_its_text():
    frame = pd.DataFrame({"name": [LINK, "Leuven"], "t": [-7.5, 3.0], "year": [2020, 2021], "=col": ["a", "b"]})
    safe = safe_frame(frame)
    assert safe["name"].tolist() == ["'" + LINK, "Leuven"]
    assert safe["t"].tolist() == [-7.5, 3.0] and safe["t"].dtype == float
    assert safe.columns.tolist() == ["name", "t", "year", "'=col"]
    assert frame["name"].tolist() == [LINK, "Leuven"]  # the original is not changed


def unsafe_cells(text: str) -> list[str]:
    """Cells of a CSV text that a spreadsheet would read as a formula."""
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.startswith(TRIGGERS) and safe_cell(cell) != cell]


def csv_downloads(payload) -> dict[str, str]:
    """name → CSV text of every chart's download (its dcc.Store) in a Dash JSON answer."""
    found = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            props = node.get("props", {})
            ident = props.get("id")
            if isinstance(ident, dict) and ident.get("role") == "csv-data":
                found[ident["chart"]] = props["data"]["content"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(payload)
    return found


def _formula_files(engine) -> None:
    """Leuven 2030 with the formula_*.csv files loaded, and cor (coordinator)."""
    from pipelines.users import add_user

    programme_id = leuven(engine)
    for kind, name in (("partners", "formula_partners.csv"), ("commitments", "formula_commitments.csv")):
        result = load_file(engine, programme_id, kind, DATA / name, options=LoadOptions(user="seed"))
        assert result.batch_id is not None, result.summary()
    load_file(engine, programme_id, "indicators", DATA / "formula_inventory.csv", file_name="=cmd.csv",
              options=LoadOptions(user="seed"))
    add_user(engine, "cor", "coordinator", PASSWORD)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the formula files' programme (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, _formula_files) as url:
        yield url


@pytest.fixture
def seeded(engine):
    return leuven_id(engine)


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_engine(request, tmp_path, seeded_databases):
    """A copy of the demo (built once per backend; `engine` holds the formula files here)."""
    from pipelines.demo import build_demo

    with seeded_databases.engine(request.param, tmp_path, build_demo) as engine:
        yield engine


@pytest.fixture
def app(engine, database_url, seeded):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


def test_the_public_commitments_csv_quotes_formulas_and_keeps_numbers(app):
    client = app.server.test_client()
    client.get("/")  # Dash Pages registers its page callback at the first request
    body = callback_body(app, "_pages_location", {"_pages_location.pathname": "/partners",
                                                  "_pages_location.search": "?lang=en"})
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 200
    downloads = csv_downloads(response.get_json())
    table = pd.read_csv(io.StringIO(downloads["commitments"]), dtype=str, keep_default_na=False)
    assert "'" + LINK in table["Partner"].tolist() and "'@SUM(1+1)" in table["Partner"].tolist()
    assert "'" + CALC in table["Commitment"].tolist() and "'-2+3" in table["Commitment"].tolist()
    reductions = table.iloc[:, 4].tolist()  # t CO2e per year, as loaded
    assert sorted(float(r) for r in reductions) == [10000, 20000, 30000] and not any("'" in r for r in reductions)
    for name, text in downloads.items():
        assert unsafe_cells(text) == [], name


def test_the_coordinators_partner_progress_csv_quotes_formulas(app):
    client = app.server.test_client()
    log_in(client, "cor")
    state = {"lang": "en", "programme": None, "target": None}
    body = callback_body(app, "coord-progress-target", {"coord-progress-state.data": state})
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200
    downloads = csv_downloads(response.get_json())
    partners = pd.read_csv(io.StringIO(downloads["partner-progress"]), dtype=str, keep_default_na=False)
    assert {"'" + LINK, "'@SUM(1+1)", "KU Leuven"} <= set(partners.iloc[:, 0])
    for name, text in downloads.items():
        assert unsafe_cells(text) == [], name


def export(engine, *args: str) -> str:
    url = engine.url.render_as_string(hide_password=False)
    done = CliRunner().invoke(main, ["--database-url", url, "export", "observations", *args])
    assert done.exit_code == 0, done.output
    return done.output


def test_the_observations_export_quotes_sources_and_file_names_and_keeps_negative_values(engine, seeded):
    text = export(engine)
    assert unsafe_cells(text) == []
    rows = {(r["indicator"], r["period"]): r for r in csv.DictReader(io.StringIO(text))}
    assert rows[("emissions.residential", "2010")]["source"] == "'" + LINK
    assert rows[("emissions.residential", "2011")]["source"] == "'" + CALC
    assert {r["file_name"] for r in rows.values()} == {"'=cmd.csv"}
    # Sinks stay numbers: -7.5 kt = -7500 t, -7.25 kt = -7250 t.
    assert rows[("emissions.afolu", "2010")]["value"] == "-7500.0"
    assert rows[("emissions.afolu", "2011")]["value"] == "-7250.0"
    # Missing values carry their marker in the value column; '-' is quoted like any text.
    assert [rows[("emissions.residential", y)]["value"] for y in ("2011", "2012", "2013", "2014")] == [
        "NE", "'-", "?", ""]


def stored(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(
            Observation.indicator_id, Observation.period, Observation.value, Observation.missing_key,
            Observation.is_current).order_by(Observation.id))]


def test_loading_the_export_again_stores_nothing_new_and_keeps_the_markers(engine, seeded, tmp_path):
    before = stored(engine)
    path = tmp_path / "observations.csv"
    path.write_text(export(engine), encoding="utf-8")
    result = load_file(engine, seeded, "indicators", path, options=LoadOptions(user="test"))
    # 7 rows in the inventory: all 7 come back unchanged, none added or superseded.
    assert (result.added, result.superseded, result.unchanged) == (0, 0, 7)
    assert stored(engine) == before
    assert sorted(r[3] for r in before if r[3] is not None) == ["", "-", "?", "NE"]


def test_the_demo_export_round_trips(demo_engine, tmp_path):
    engine = demo_engine
    with engine.connect() as conn:
        programme_id = conn.scalar(select(Programme.id))
    before = stored(engine)
    path = tmp_path / "demo.csv"
    path.write_text(export(engine), encoding="utf-8")
    result = load_file(engine, programme_id, "indicators", path, options=LoadOptions(user="test"))
    assert (result.added, result.superseded) == (0, 0)
    assert result.unchanged == sum(1 for r in before if r[4])  # every current value
    assert stored(engine) == before


def test_the_mapping_download_quotes_formula_labels_and_reads_back_as_they_were(tmp_path):
    rows = (("=Wonen", "sector", "residential"), ("Woningen", "sector", "residential"))
    text = mapping_csv(rows)
    assert unsafe_cells(text) == []
    path = tmp_path / "mapping.csv"
    path.write_text(text, encoding="utf-8")
    assert read_mapping(path).sectors == {"=wonen": "residential", "woningen": "residential"}


def test_no_template_holds_a_formula():
    for template in (Path(__file__).resolve().parents[1] / "data" / "templates").glob("*.csv"):
        assert unsafe_cells(template.read_text(encoding="utf-8-sig")) == [], template.name

