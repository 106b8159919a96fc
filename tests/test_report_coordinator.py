"""The printable progress report: the current numbers in the chosen language, print-ready HTML
without navigation or scripts, and typed names shown as text (numbers: tests/coordinate_support.py)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.figures.gap import COLOURS
from dashboard.workspace.coordinate.svg import nice_ticks, steps_svg
from pipelines.settings import Settings
from tests.auth_support import SECRET, log_in
from tests.conftest import leuven_id
from tests.coordinate_support import seed_coordination

REPORT = "/coordinate/report"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the coordination programme (seeded once per backend): a login writes, so one per test."""
    with seeded_databases.fresh(request.param, tmp_path, seed_coordination) as url:
        yield url


@pytest.fixture
def client(engine, database_url):
    app = create_app(Settings(secret_key=SECRET, database_url=database_url), engine)
    client = app.server.test_client()
    log_in(client, "cor")
    return client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_report_shows_the_key_numbers_in_dutch(client):
    response = client.get(f"{REPORT}?lang=nl")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = _text(html)
    assert '<html lang="nl">' in html
    assert "Voortgangsrapport: Leuven 2030" in text
    assert "108 kt CO₂e" in text  # emissions 2024: 108,000 t
    # Gap waterfall with Dutch decimal commas: 128,0 without partners, 68,0 still missing.
    assert "128,0" in text and "68,0" in text
    assert "Green fleet" in text  # overdue: delayed, due 2023
    assert "66,7 %" in text  # KU Leuven delivered 10 of 15 kt


def test_report_in_english_uses_decimal_points(client):
    text = _text(client.get(f"{REPORT}?lang=en").get_data(as_text=True))
    assert "Progress report: Leuven 2030" in text
    assert "128.0" in text and "68.0" in text and "66.7%" in text


def test_report_is_made_for_printing(client):
    response = client.get(f"{REPORT}?lang=en")
    html = response.get_data(as_text=True)
    assert "@media print" in html and "break-inside: avoid" in html
    assert "<nav" not in html and "<script" not in html  # no navigation, no scripts
    assert html.count("<svg") == 2  # trajectory and gap as static charts
    assert response.headers["Cache-Control"] == "private, no-store"


def test_partner_name_with_script_prints_as_text(client):
    html = client.get(f"{REPORT}?lang=en").get_data(as_text=True)
    assert "Bakkerij &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; De Zon" in html
    assert "<script>alert" not in html


def test_svg_labels_are_escaped_and_numbers_localised():
    table = pd.DataFrame({"step": ["latest", "target"], "from_kt": [0.0, 0.0], "to_kt": [108.0, 0.0],
                          "change_kt": [108.0, 0.0]})
    svg = steps_svg(table, {"latest": "<b>2024</b>", "target": "Doel"}, COLOURS, "nl", "Kloof", "Uitleg")
    assert "&lt;b&gt;2024&lt;/b&gt;" in svg and "<b>" not in svg
    assert ">108,0<" in svg and "<title>Kloof</title>" in svg


def test_ticks_are_round_numbers_covering_the_range():
    # 150 / 5 ticks = 30 a step, rounded up to 50; -12..100: 22.4 → 50, starting at -50.
    assert nice_ticks(0, 150) == [0, 50, 100, 150]
    assert nice_ticks(-12, 100) == [-50, 0, 50, 100]


def _row(html: str, header: str) -> str:
    """The text of the first table row whose header cell is `header`."""
    found = re.search(rf'<tr><th scope="row" class="text">{re.escape(header)}</th>(.*?)</tr>', html, re.S)
    assert found, header
    return _text(found.group(1))


def test_report_flags_an_incomplete_year_draws_milestones_at_their_value_and_dates_each_sector(
        engine, database_url):
    from pipelines.targets import set_milestone
    from tests.analytics_db import put_observations

    programme_id = leuven_id(engine)  # the coordination programme
    # 2025: residential 100,000 - 2,000 × 15 = 70,000 only, no transport, no reported total
    put_observations(engine, programme_id, [("emissions.residential", "2025", 70_000.0)])
    # Milestone 2025 = 60 % of the 150,000 t baseline = 90,000 t; the linear pathway that year is
    # 150,000 × 5/20 = 37,500 t, which the report must not show as the milestone.
    set_milestone(engine, programme_id, "Climate neutrality", 2025, "residual_pct", 60)
    app = create_app(Settings(secret_key=SECRET, database_url=database_url), engine)
    client = app.server.test_client()
    log_in(client, "cor")
    html = client.get(f"{REPORT}?lang=en").get_data(as_text=True)
    row_2025 = _row(html, "2025")
    assert "no" in row_2025.split() and "Incomplete: only Buildings" in row_2025
    assert "70.0" in row_2025 and "90.0" in row_2025 and "37.5" in row_2025  # partial sum, milestone, pathway
    assert "yes" in _row(html, "2024").split()
    # The headline stays on 2024 (108 kt); the buildings row says its own year, 2025.
    assert "108 kt CO₂e" in _text(html)
    assert "2025" in _row(html, "Buildings") and "2024" in _row(html, "Transport")
