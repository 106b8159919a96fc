"""Yearly emissions per sector and in total: months, missing values, sub-sectors, completeness."""

import pandas as pd
import pytest

from pipelines.analytics.emissions import (
    emissions_table,
    indicator_year_values,
    sector_year_values,
)
from pipelines.vocab import SECTORS

SECTOR_TABLE = pd.DataFrame(
    [(s.code, s.parent, i) for i, s in enumerate(SECTORS)],
    columns=["code", "parent_code", "sort_order"],
)
AGG_COLUMNS = ["indicator_id", "code", "sector_code", "year", "yearly_values", "yearly_sum",
               "yearly_key", "monthly_values", "monthly_sum"]


def agg(*rows) -> pd.DataFrame:
    """rows: (sector, year, yearly value or None, key, months with a value, sum of months)."""
    out = []
    for i, (sector, year, value, key, months, month_sum) in enumerate(rows):
        code = sector if "." in sector else f"emissions.{sector}"
        base = code.split(".")[1]
        out.append((i, code, base, year, 0 if value is None else 1, value, key, months, month_sum))
    return pd.DataFrame(out, columns=AGG_COLUMNS)


def table(*rows) -> pd.DataFrame:
    return emissions_table(sector_year_values(indicator_year_values(agg(*rows))), SECTOR_TABLE)


def row(frame, year, sector) -> dict:
    found = frame[(frame["year"] == year) & (frame["sector_code"] == sector)]
    return found.iloc[0].to_dict()


def test_twelve_months_make_a_year_and_eleven_do_not():
    frame = table(("transport", 2022, None, None, 12, 1200.0), ("transport", 2023, None, None, 11, 1100.0))
    assert row(frame, 2022, "transport")["value_t"] == 1200
    assert frame[(frame["year"] == 2023) & frame["value_t"].notna()].empty


def test_a_yearly_value_wins_over_months():
    frame = table(("transport", 2022, 1000.0, None, 12, 1200.0))
    assert row(frame, 2022, "total")["value_t"] == 1000


def test_total_sums_top_level_sectors_and_sub_sectors_make_their_parent():
    frame = table(
        ("residential", 2019, 161_920.0, None, 0, None), ("tertiary", 2019, 151_723.0, None, 0, None),
        ("transport", 2019, 64_629.0, None, 0, None), ("land_use", 2019, -12_000.0, None, 0, None),
    )
    # buildings = 161,920 + 151,723 = 313,643; afolu = the forest sink -12,000
    assert row(frame, 2019, "buildings")["value_t"] == 313_643
    assert row(frame, 2019, "buildings")["sectors_included"] == "residential,tertiary"
    assert row(frame, 2019, "afolu")["value_t"] == -12_000
    total = row(frame, 2019, "total")
    # 313,643 + 64,629 - 12,000 = 366,272
    assert total["value_t"] == 366_272
    assert total["sectors_included"] == "buildings,transport,afolu"
    assert total["complete"]


def test_a_parent_with_its_own_series_is_not_added_to_its_children():
    frame = table(("buildings", 2019, 300_000.0, None, 0, None), ("residential", 2019, 160_000.0, None, 0, None))
    assert row(frame, 2019, "total")["value_t"] == 300_000


def test_a_missing_value_is_not_a_zero_and_makes_the_total_incomplete():
    frame = table(
        ("transport", 2019, 60_000.0, None, 0, None), ("waste", 2019, 40_000.0, None, 0, None),
        ("transport", 2020, 58_000.0, None, 0, None), ("waste", 2020, None, "NE", 0, None),
    )
    assert row(frame, 2020, "waste")["value_t"] is None or pd.isna(row(frame, 2020, "waste")["value_t"])
    total = row(frame, 2020, "total")
    assert total["value_t"] == 58_000  # waste is left out, not counted as 0
    assert total["sectors_included"] == "transport"
    assert not total["complete"]
    assert row(frame, 2019, "total")["complete"]


def test_not_occurring_or_included_elsewhere_keeps_a_total_complete():
    frame = table(
        ("transport", 2019, 60_000.0, None, 0, None), ("waste", 2019, 40_000.0, None, 0, None),
        ("transport", 2020, 58_000.0, None, 0, None), ("waste", 2020, None, "IE", 0, None),
    )
    assert row(frame, 2020, "total")["complete"]


def test_a_sector_absent_in_a_year_it_reports_in_others_makes_the_total_incomplete():
    frame = table(
        ("transport", 2019, 60_000.0, None, 0, None), ("waste", 2019, 40_000.0, None, 0, None),
        ("transport", 2020, 58_000.0, None, 0, None),
    )
    assert not row(frame, 2020, "total")["complete"]


def test_a_parent_summed_from_children_is_incomplete_when_a_child_is_missing():
    frame = table(
        ("residential", 2019, 100.0, None, 0, None), ("tertiary", 2019, 50.0, None, 0, None),
        ("residential", 2020, 90.0, None, 0, None),
    )
    buildings = row(frame, 2020, "buildings")
    assert buildings["value_t"] == 90 and not buildings["complete"]
    assert not row(frame, 2020, "total")["complete"]


def test_the_standard_series_wins_over_a_sectors_parts():
    frame = table(
        ("emissions.residential", 2019, 100.0, None, 0, None),
        ("emissions.residential.gas", 2019, 70.0, None, 0, None),
        ("emissions.residential.gas", 2020, 65.0, None, 0, None),
        ("emissions.residential.oil", 2020, 20.0, None, 0, None),
    )
    assert row(frame, 2019, "residential")["value_t"] == 100  # no double count
    assert row(frame, 2020, "residential")["value_t"] == pytest.approx(85)  # parts add up


def test_a_sector_marked_missing_in_a_one_year_file_makes_the_reported_total_the_headline():
    # Oegstgeest 2019 (Klimaatmonitor): built environment suppressed (C), traffic 31,397, the rest
    # 2,488 (known sectors 33,885), published total 84,800: the headline is 84,800, not 33,885.
    values = sector_year_values(indicator_year_values(agg(
        ("buildings", 2019, None, "C", 0, None), ("transport", 2019, 31_397.0, None, 0, None),
        ("industry", 2019, 2_488.0, None, 0, None),
    )))
    without = emissions_table(values, SECTOR_TABLE)
    assert not row(without, 2019, "total")["complete"]  # the suppressed sector counts as missing
    frame = emissions_table(values, SECTOR_TABLE, {2019: 84_800.0})
    total = row(frame, 2019, "total")
    assert (total["value_t"], total["complete"], total["source"]) == (84_800, True, "reported")
