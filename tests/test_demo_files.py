"""The files under data/: the generator reproduces the demo CSVs; the templates and README are complete."""

from __future__ import annotations

import csv
import runpy

import pytest

from pipelines.demo import DEMO_DIR
from pipelines.settings import DATA_DIR
from pipelines.vocab import COMMITMENT_COLUMNS, INDICATOR_COLUMNS, PARTNER_COLUMNS, THEME_COLUMNS

TEMPLATES = DATA_DIR / "templates"
README = DATA_DIR / "README.md"


def test_generator_reproduces_the_committed_demo_files(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(DEMO_DIR))  # generate.py imports its sibling module
    generate = runpy.run_path(str(DEMO_DIR / "generate.py"))
    generate["main"](tmp_path)
    written = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert written == sorted(p.name for p in DEMO_DIR.glob("*.csv"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (DEMO_DIR / name).read_bytes(), name


def test_inventory_total_row_matches_the_published_2019_total():
    # The Totaal row holds the CCC's own total for 2019 (457.501 with a thousands dot).
    with (DEMO_DIR / "emissions_inventory.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    total = next(row for row in rows if row[0] == "Totaal")
    assert total[rows[0].index("2019")] == "457.501"


def test_templates_cover_every_import_kind_and_layout():
    names = {p.name for p in TEMPLATES.glob("*.csv")}
    assert names == {"indicators_long.csv", "indicators_wide.csv", "partners.csv", "commitments.csv",
                     "themes.csv"}


@pytest.mark.parametrize("aliases", [INDICATOR_COLUMNS, PARTNER_COLUMNS, COMMITMENT_COLUMNS, THEME_COLUMNS])
def test_readme_documents_every_column_alias(aliases):
    text = README.read_text(encoding="utf-8").casefold()
    undocumented = [
        alias for names in aliases.values() for alias in names if f"`{alias.casefold()}`" not in text
    ]
    assert undocumented == []


def test_readme_names_every_demo_file():
    text = README.read_text(encoding="utf-8")
    for path in (*DEMO_DIR.glob("*.csv"), *TEMPLATES.glob("*.csv")):
        assert path.name in text
