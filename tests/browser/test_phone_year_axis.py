"""A long history on a phone: the year axis keeps a few labels, level and whole.

1990 to a 2035 target every 5 years is ten labels; in the 280 px a phone gives the plot, Plotly
turned them on their side and the legend below hid half of each ('19', '20'). The figure names
fewer ticks for a phone (dashboard/figures/line_styles.py) and assets/dashboard.js puts them in
place on a narrow screen."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from pipelines.db import make_engine
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.programmes import create_programme
from pipelines.targets import set_primary
from tests.browser.conftest import _page, _serve, open_page
from tests.browser_support import phone_charts_settled
from tests.conftest import LEUVEN

# Measured 1990 … 2021 (two sectors), and a plan: 2025 a milestone, 2035 the target.
ROWS = "".join(f"{y};{s};gemeten;{v - (y - 1990) * 3};kt CO2e\n"
               for y in (1990, 1995, 2000, 2005, 2010, 2015, 2018, 2021) for s, v in (("Huishoudens", 5000), ("Transport", 3000)))
HISTORY = ("jaar;sector;soort;waarde;eenheid\n" + ROWS
           + "2025;Totaal;doel;6000;kt CO2e\n2035;Totaal;doel;0;kt CO2e\n")

# Each chart's year labels as drawn: text, turned or not, and their boxes against the chart's.
LABELS = """(years) => Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => !years || (p.layout.meta
    && p.layout.meta.phone_xticks)).map(plot => {
  const svg = plot.querySelector('svg.main-svg').getBoundingClientRect();
  return Array.from(plot.querySelectorAll('.xtick text')).map(t => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent, turned: (t.getAttribute('transform') || '').includes('rotate'),
            left: box.left, right: box.right, inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5};
  });
})"""


@pytest.fixture(scope="module")
def history_url(tmp_path_factory, sqlite_template) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("phone-years")
    path = folder / "history.db"
    shutil.copy(sqlite_template, path)
    source = folder / "history.csv"
    source.write_text(HISTORY, encoding="utf-8")
    engine = make_engine(f"sqlite:///{path}")
    programme_id = create_programme(engine, LEUVEN)
    load_file(engine, programme_id, "indicators", source, options=LoadOptions(planned_as_target_set="Plan 2035"))
    set_primary(engine, programme_id, "Plan 2035")
    engine.dispose()
    yield from _serve(f"sqlite:///{path}")


@pytest.fixture
def phone(browser) -> Iterator[Page]:
    yield from _page(browser, 375, "nl-BE")


@pytest.mark.parametrize("path", ["/?lang=nl", "/sectors?lang=fr&sector=transport"])
def test_a_long_history_keeps_few_level_whole_year_labels_on_a_phone(history_url, phone, path):
    open_page(phone, f"{history_url}{path}")
    phone_charts_settled(phone)
    charts = phone.evaluate(LABELS, True)
    assert charts, "no chart with a year axis"
    trajectory = [label["text"] for label in charts[0]]
    assert trajectory == ["1990", "2000", "2010", "2021", "2035"]  # the latest year and the target among them
    for labels in charts:
        assert len(labels) <= 5
        assert not any(label["turned"] for label in labels), labels
        assert all(label["inside"] for label in labels), labels  # the target year's label is whole
        assert all(a["right"] < b["left"] for a, b in itertools.pairwise(labels)), labels  # apart
    # The value axes of the bars too: a few numbers, level ('0, 2.000, 4.000, 6.000' were turned).
    for labels in phone.evaluate(LABELS, False):
        assert not any(label["turned"] for label in labels), labels
        assert all(a["right"] < b["left"] for a, b in itertools.pairwise(labels)), labels


def test_the_desktop_keeps_its_ticks_every_five_years(history_url, page):
    open_page(page, f"{history_url}/?lang=en")
    labels = [label["text"] for label in page.evaluate(LABELS, True)[0]]
    assert labels == ["1990", "1995", "2000", "2005", "2010", "2015", "2021", "2025", "2030", "2035"]
