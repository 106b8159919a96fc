"""Figure functions, checked without a browser: which traces, which values, in which order."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures.gap import gap_figure, gap_table
from dashboard.figures.indicators import indicator_figure, indicator_table
from dashboard.figures.partners import status_figure, status_table
from dashboard.figures.sectors import sector_area_figure, sector_table
from dashboard.figures.trajectory import trajectory_figure, trajectory_table


def _progress() -> pd.DataFrame:
    # Three years: measured 2022-2023, projected 2023-2024 with a ±10 t band.
    return pd.DataFrame({
        "year": [2022, 2023, 2024],
        "actual_t": [500_000.0, 480_000.0, None],
        "pathway_t": [450_000.0, 400_000.0, 350_000.0],
        "projected_t": [None, 480_000.0, 460_000.0],
        "projected_low_t": [None, 480_000.0, 450_000.0],
        "projected_high_t": [None, 480_000.0, 470_000.0],
        "with_commitments_t": [None, 480_000.0, 440_000.0],
    })


def _trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t.get("name") == name and t.get("showlegend", True))


def test_trajectory_table_is_in_kilotonnes_with_milestones_at_their_own_value():
    # A milestone of 420,000 t in 2023 on a pathway at 400,000 t that year: drawn at 420 kt
    table = trajectory_table(_progress(), {2023: 420_000.0}, (2024, 300_000.0))
    assert list(table["actual_kt"].fillna(-1)) == [500.0, 480.0, -1]
    assert list(table["milestone_kt"].fillna(-1)) == [-1, 420.0, -1]
    assert list(table["target_kt"].fillna(-1)) == [-1, -1, 300.0]


def test_trajectory_figure_draws_every_series_and_the_interval_band():
    figure = trajectory_figure(trajectory_table(_progress(), {2023: 420_000.0}, (2024, 300_000.0)), "en", "kt")
    names = [t["name"] for t in figure["data"]]
    assert names == [
        "Trend uncertainty", "Trend uncertainty", "Current trend", "If every commitment delivers",
        "Target pathway", "Milestone", "Target", "Measured emissions",
    ]
    assert _trace(figure, "Milestone")["y"] == [420.0]
    assert _trace(figure, "Target")["x"] == [2024] and _trace(figure, "Target")["y"] == [300.0]
    actual = _trace(figure, "Measured emissions")
    assert actual["x"] == [2022, 2023] and actual["y"] == [500.0, 480.0]
    band_low, band_high = figure["data"][0], figure["data"][1]
    assert band_low["y"] == [480.0, 450.0] and band_high["y"] == [480.0, 470.0]
    assert band_high["fill"] == "tonexty"


def test_trajectory_figure_uses_dutch_labels_and_separators():
    figure = trajectory_figure(trajectory_table(_progress()), "nl", "kt")
    assert "Gemeten uitstoot" in [t["name"] for t in figure["data"]]
    assert figure["layout"]["separators"] == ",."


def test_trajectory_leaves_out_series_without_values():
    only_measured = pd.DataFrame({"year": [2020, 2021], "actual_t": [10_000.0, 9_000.0]})
    figure = trajectory_figure(trajectory_table(only_measured), "en", "kt")
    assert [t["name"] for t in figure["data"]] == ["Measured emissions"]
    assert figure["data"][0]["y"] == [10.0, 9.0]


def _emissions() -> pd.DataFrame:
    rows = []
    for year, buildings, transport, afolu in ((2010, 400_000, 200_000, -10_000), (2011, 380_000, 190_000, -12_000)):
        rows += [(year, "buildings", buildings), (year, "transport", transport), (year, "afolu", afolu),
                 (year, "residential", 1.0), (year, "total", buildings + transport + afolu)]
    return pd.DataFrame(rows, columns=["year", "sector_code", "value_t"])


def test_sector_table_has_top_level_sectors_only_in_kilotonnes():
    table = sector_table(_emissions())
    assert list(table.columns) == ["year", "buildings", "transport", "afolu"]
    assert table.loc[table["year"] == 2011, "buildings"].item() == 380.0


def test_sector_shares_are_percent_of_the_years_total():
    table = sector_table(_emissions(), share=True)
    # 2010: 400 / (400 + 200 − 10) = 67.8 %
    assert table.loc[table["year"] == 2010, "buildings"].item() == 67.8


def test_sector_area_stacks_emitters_and_draws_sinks_as_a_line():
    figure = sector_area_figure(sector_table(_emissions()), "en", "kt")
    by_name = {t["name"]: t for t in figure["data"]}
    assert by_name["Buildings"]["stackgroup"] == "emissions"
    assert "stackgroup" not in by_name["Agriculture, forestry and land use"]
    assert by_name["Agriculture, forestry and land use"]["y"] == [-10.0, -12.0]


def test_gap_waterfall_runs_from_emissions_through_commitments_to_the_target():
    # latest 478 kt, target 0; achieved 20, in progress still to come 10, planned 30:
    # 498 → 478 (−20), 478 → 468 → 438, still missing 438 → 0
    table = gap_table(478_000, 0, 20_000, 10_000, 30_000)
    assert list(table["step"]) == ["without", "achieved", "latest", "in_progress", "planned", "missing", "target"]
    assert list(table["change_kt"]) == [498.0, 20.0, 478.0, 10.0, 30.0, 438.0, 0.0]
    labels = {s: s for s in table["step"]}
    trace = gap_figure(table, labels, "en", "kt")["data"][0]
    assert trace["type"] == "bar" and trace["orientation"] == "h"
    # a reduction's bar starts at its lower end: planned runs from 438 to 468
    assert trace["base"][4] == 438.0 and trace["x"][4] == 30.0


def test_gap_is_zero_when_commitments_reach_beyond_the_target():
    # 100 kt now, target 50 kt, 80 kt planned: nothing missing
    table = gap_table(100_000, 50_000, 0, 0, 80_000)
    assert table.set_index("step").loc["missing", "change_kt"] == 0.0


def test_indicator_per_capita_divides_by_the_same_years_population():
    series = {"Total (t)": pd.DataFrame({"period": ["2020", "2021"], "year": [2020, 2021], "value": [1000.0, 900.0]})}
    population = pd.DataFrame({"year": [2020, 2021], "value": [100.0, 90.0]})
    table = indicator_table(series, "per_capita", population)
    assert list(table["Total (t)"]) == [10.0, 10.0]


def test_indicator_index_starts_at_one_hundred():
    series = {"EV share": pd.DataFrame({"period": ["2018", "2019"], "year": [2018, 2019], "value": [2.0, 5.0]})}
    table = indicator_table(series, "index")
    assert list(table["EV share"]) == [100.0, 250.0]


def test_an_analysts_note_is_shown_in_the_table_and_the_tooltip_of_its_value():
    series = {
        "Solar (kWp)": pd.DataFrame({"period": ["2020", "2021"], "year": [2020, 2021], "value": [10.0, 12.0],
                                     "note": [None, "estimate from permits"]}),
        "Homes": pd.DataFrame({"period": ["2021"], "year": [2021], "value": [5.0], "note": [""]}),
    }
    table = indicator_table(series)
    assert table["note"].isna().tolist() == [True, False]  # an empty note is none
    assert table["note"].iloc[1] == "Solar (kWp): estimate from permits"
    figure = indicator_figure(table, "en", "unit")
    assert [t["name"] for t in figure["data"]] == ["Solar (kWp)", "Homes"]  # the notes are no line
    assert figure["data"][0]["customdata"] == ["", "Solar (kWp): estimate from permits"]
    assert "%{customdata}" in figure["data"][0]["hovertemplate"]


def test_indicators_without_notes_have_no_notes_column():
    series = {"A": pd.DataFrame({"period": ["2020"], "year": [2020], "value": [1.0], "note": [None]})}
    assert list(indicator_table(series).columns) == ["period", "A"]


def test_indicator_figure_uses_a_date_axis_for_monthly_values():
    table = pd.DataFrame({"period": ["2024-01", "2024-02"], "A": [1.0, 2.0]})
    figure = indicator_figure(table, "en", "unit")
    assert figure["layout"]["xaxis"]["type"] == "date"
    assert figure["data"][0]["x"] == ["2024-01", "2024-02"]


def test_status_counts_list_every_status_in_order_with_zeros():
    totals = pd.DataFrame({"status": ["achieved", "planned"], "count": [2, 1], "reduction_t": [3000.0, 500.0]})
    table = status_table(totals)
    assert list(table["status"]) == ["planned", "in_progress", "achieved", "delayed", "withdrawn"]
    assert list(table["count"]) == [1, 0, 2, 0, 0]
    figure = status_figure(table, "nl", "aantal")
    assert figure["data"][0]["y"][0] == "Gepland" and figure["data"][0]["x"] == [1, 0, 2, 0, 0]


def test_an_incomplete_year_is_never_a_measured_point_and_its_row_says_why():
    # 2023 lost a sector (287 kt of 406 kt, no reported total): not on the measured line,
    # a hollow marker apart, and `complete` = no with the sectors it has.
    progress = pd.DataFrame({
        "year": [2021, 2022, 2023], "actual_t": [410_000.0, 406_000.0, 287_000.0],
        "complete": [True, True, False], "source": ["sectors"] * 3,
        "sectors_included": ["buildings,transport"] * 2 + ["buildings"],
    })
    table = trajectory_table(progress)
    assert list(table["complete"]) == [True, True, False]
    assert list(table["complete_label"]) == ["yes", "yes", "no"]
    assert table["actual_kt"].tolist()[:2] == [410.0, 406.0] and pd.isna(table["actual_kt"][2])
    assert table["incomplete_kt"].tolist()[2] == 287.0
    assert table["note"][2].startswith("Incomplete: only Buildings")
    figure = trajectory_figure(table, "en", "kt")
    measured = _trace(figure, "Measured emissions")
    assert measured["y"] == [410.0, 406.0, None] and measured["connectgaps"] is False
    hollow = _trace(figure, "Incomplete year (not comparable)")
    assert hollow["x"] == [2023] and hollow["y"] == [287.0]
    assert hollow["marker"]["symbol"] == "circle-open"


def test_the_coordinators_milestone_is_drawn_at_its_own_value_not_the_pathways():
    # Baseline 2019 457,500 t, target 17 % in 2030 = 77,775 t; milestone 2025 = 60 % = 274,500 t.
    # The linear pathway in 2025 = 457,500 - 6/11 × 379,725 = 250,377 t (250.4 kt): not the milestone.
    years = list(range(2019, 2031))
    pathway = [457_500 - (y - 2019) / 11 * 379_725 for y in years]
    progress = pd.DataFrame({"year": years, "actual_t": [457_500.0] + [None] * 11, "pathway_t": pathway})
    summary = {"milestones": [{"year": 2025, "value_t": 274_500.0}], "target_t": 77_775.0,
               "target_year": 2030}
    from dashboard.figures.trajectory import milestone_levels
    figure = trajectory_figure(trajectory_table(progress, *milestone_levels(summary)), "en", "kt")
    assert _trace(figure, "Milestone")["x"] == [2025] and _trace(figure, "Milestone")["y"] == [274.5]
    assert _trace(figure, "Target")["x"] == [2030] and _trace(figure, "Target")["y"] == [77.8]


def test_the_sector_chart_leaves_out_years_whose_sectors_are_incomplete():
    emissions = _emissions().assign(complete=True, source="sectors")
    # 2011 without transport: total 368,000 of buildings and afolu only, flagged incomplete
    emissions = emissions[~((emissions["year"] == 2011) & (emissions["sector_code"] == "transport"))]
    emissions.loc[(emissions["year"] == 2011) & (emissions["sector_code"] == "total"), "complete"] = False
    table = sector_table(emissions)
    assert list(table["complete"]) == [True, False]
    figure = sector_area_figure(table, "en", "kt")
    assert all(trace["x"] == [2010] for trace in figure["data"])


def test_per_inhabitant_never_divides_population_by_itself():
    # Population 100,000 and 110,000; emissions 500,000 and 440,000 t: 5.0 and 4.0 t per person.
    population = pd.DataFrame({"period": ["2020", "2021"], "year": [2020, 2021],
                               "value": [100_000.0, 110_000.0]})
    emissions = pd.DataFrame({"period": ["2020", "2021"], "year": [2020, 2021],
                              "value": [500_000.0, 440_000.0]})
    table = indicator_table({"Population (persons)": population, "Emissions (t)": emissions},
                            "per_capita", population, frozenset({"Population (persons)"}))
    assert list(table.columns) == ["period", "Emissions (t)"]  # no flat line of 1
    assert list(table["Emissions (t)"]) == [5.0, 4.0]


def test_a_summary_without_milestone_levels_falls_back_on_the_stored_milestones():
    # Stored before summaries listed milestones: 60 % residual of a 457,500 t baseline = 274,500 t
    from dashboard.figures.trajectory import milestone_levels
    stored = pd.DataFrame({"year": [2025], "kind": ["residual_pct"], "value": [60.0]})
    levels, target = milestone_levels({"baseline_t": 457_500.0, "target_t": 77_775.0,
                                       "target_year": 2030}, stored)
    assert levels == {2025: pytest.approx(274_500)} and target == (2030, 77_775.0)


def test_long_sector_names_break_into_legend_lines_a_phone_can_show():
    from dashboard.figures.common import LEGEND_LINE, legend_name

    assert legend_name("Agriculture, foresterie et utilisation des terres") == (
        "Agriculture, foresterie et<br>utilisation des terres")
    assert legend_name("Agriculture, forestry and land use") == "Agriculture, forestry and land use"  # fits
    table = pd.DataFrame({"year": [2020, 2021], "afolu": [-10.0, -12.0], "buildings": [5.0, 4.0]})
    names = [trace["name"] for trace in sector_area_figure(table, "fr", "kt")["data"]]
    assert names[0] == "Agriculture, foresterie et<br>utilisation des terres"
    assert all(len(line) <= LEGEND_LINE for name in names for line in name.split("<br>"))
