"""The charts' line styles, year ticks and the phone-friendly waterfall, on the figure dicts and
the printed report's SVG (pure functions, no browser)."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.gap import gap_figure, wrap_label
from dashboard.figures.indicators import indicator_figure
from dashboard.figures.line_styles import phone_year_ticks, set_year_axis, year_axis, year_ticks
from dashboard.figures.sectors import sector_area_figure
from dashboard.figures.trajectory import trajectory_figure, trajectory_table
from dashboard.workspace.coordinate.report import trajectory_svg_series
from dashboard.workspace.coordinate.svg import lines_svg


def _progress() -> pd.DataFrame:
    years = list(range(2015, 2031))
    measured = {y: 500_000 - 10_000 * (y - 2015) for y in range(2015, 2024)}
    return pd.DataFrame({
        "year": years,
        "actual_t": [measured.get(y) for y in years],
        "pathway_t": [500_000 - 30_000 * (y - 2019) if y >= 2019 else None for y in years],
        "projected_t": [420_000 - 10_000 * (y - 2023) if y >= 2023 else None for y in years],
        "projected_low_t": [400_000 - 12_000 * (y - 2023) if y >= 2023 else None for y in years],
        "projected_high_t": [440_000 - 8_000 * (y - 2023) if y >= 2023 else None for y in years],
        "with_commitments_t": [420_000 - 14_000 * (y - 2023) if y >= 2023 else None for y in years],
    })


def _table() -> pd.DataFrame:
    return trajectory_table(_progress(), {2025: 300_000.0}, (2030, 100_000.0), "en")


def test_trend_commitments_and_pathway_differ_in_dash_and_marker_not_only_colour():
    traces = {tr["name"]: tr for tr in trajectory_figure(_table(), "en", "kt", 2030)["data"]}
    styled = [traces[n] for n in ("Current trend", "If every commitment delivers", "Target pathway")]
    dashes = [tr["line"]["dash"] for tr in styled]
    markers = [tr.get("marker", {}).get("symbol") for tr in styled]
    assert len(set(dashes)) == 3, dashes
    assert len(set(markers)) == 3, markers
    assert traces["Trend uncertainty"]["fill"] == "tonexty"  # the 90 % band is drawn


def test_every_time_axis_labels_the_latest_and_the_target_year():
    axis = trajectory_figure(_table(), "en", "kt", 2030)["layout"]["xaxis"]
    assert {2023, 2030} <= set(axis["tickvals"]) and "2023" in axis["ticktext"] and "2030" in axis["ticktext"]
    indicators = pd.DataFrame({"period": ["2018", "2019", "2022"], "Solar (kWp)": [1.0, 2.0, 4.0]})
    axis = indicator_figure(indicators, "en", "kWp", 2030)["layout"]["xaxis"]
    assert {2022, 2030} <= set(axis["tickvals"]) and axis["range"] == [2017.5, 2030.5]
    sectors = pd.DataFrame({"year": [2019, 2020, 2021], "buildings": [5.0, 4.0, 3.0], "complete": [True] * 3})
    axis = sector_area_figure(sectors, "en", "kt", 2030)["layout"]["xaxis"]
    assert {2021, 2030} <= set(axis["tickvals"])


def test_round_ticks_give_way_to_the_marked_years():
    values, texts = year_ticks(2010, 2030, [2024, 2030])
    assert values == [2010, 2015, 2020, 2024, 2030] and texts[3] == "2024"  # 2025 would crowd 2024
    assert year_axis([], [2030]) == {}
    # The first year drawn is labelled, off the round years too (CDP's 2016 before a 2019 baseline).
    assert year_axis([2016, 2019], [2019, 2030])["tickvals"] == [2016, 2019, 2025, 2030]


def test_a_phone_gets_at_most_five_year_labels_with_the_marked_ones():
    # 1990 … 2035 every 5 years is ten labels; a phone gets round decades, the latest year and
    # the target, a round year giving way to a marked one within three quarters of a step.
    assert phone_year_ticks(1990, 2035, [2021, 2035]) == ([1990, 2000, 2010, 2021, 2035],
                                                          ["1990", "2000", "2010", "2021", "2035"])
    assert phone_year_ticks(2010, 2030, [2024, 2030])[0] == [2010, 2015, 2020, 2024, 2030]
    assert phone_year_ticks(1901, 2000, [2000])[0] == [1920, 1940, 1960, 1980, 2000]
    assert phone_year_ticks(2019, 2021, [2021])[0] == [2019, 2020, 2021]
    layout = {"xaxis": {}}
    set_year_axis(layout, [1990, 2021], [2021, 2035])
    assert layout["xaxis"]["tickvals"][:3] == [1990, 1995, 2000]  # the desktop's, unchanged
    assert layout["meta"]["phone_xticks"] == {"tickvals": [1990, 2000, 2010, 2021, 2035],
                                              "ticktext": ["1990", "2000", "2010", "2021", "2035"]}
    late = {"xaxis": {}}
    set_year_axis(late, [1901, 2000], [2000])
    assert late["meta"]["phone_xticks"]["tickvals"] == [1901, 1925, 1950, 1975, 2000]
    empty = {"xaxis": {}}
    set_year_axis(empty, [], [2030])
    assert empty == {"xaxis": {}}


def test_waterfall_labels_wrap_and_value_ticks_stay_level():
    table = pd.DataFrame({"step": ["latest", "missing"], "from_kt": [0.0, 10.0], "to_kt": [100.0, 60.0],
                          "change_kt": [100.0, 50.0]})
    labels = {"latest": "Without what partners achieved", "missing": "Still missing"}
    figure = gap_figure(table, labels, "en", "kt")
    assert figure["data"][0]["y"] == ["Without what<br>partners<br>achieved", "Still missing"]
    assert figure["data"][0]["customdata"][0] == "Without what partners achieved"  # whole in the hover
    assert figure["layout"]["xaxis"]["tickangle"] == 0
    assert wrap_label("Supercalifragilistic word") == "Supercalifragilistic<br>word"


def test_printed_trajectory_draws_band_milestone_target_and_distinct_dashes():
    svg = str(lines_svg(_table(), trajectory_svg_series("en"), "en", "T", "D", "kt",
                        band=("projected_low_kt", "projected_high_kt", "Trend uncertainty", "#fcc"),
                        marked_years=[2023, 2030]))
    assert 'class="band"' in svg and "Trend uncertainty" in svg
    assert 'stroke-dasharray="9 5"' in svg and 'stroke-dasharray="2 4"' in svg
    assert "Milestone" in svg and "Target" in svg
    ticks = [part.split(">")[1].split("<")[0] for part in svg.split('class="year-tick"')[1:]]
    assert "2023" in ticks and "2030" in ticks
