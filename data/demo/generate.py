"""Write the demo's CSV files (data/demo/*.csv) from published anchors and a seeded, documented model.

Run `.venv/bin/python data/demo/generate.py [OUT_DIR]` (it reads the sector names from the
installed `pipelines` package); the output is byte-for-byte the same every time (fixed seed, no
dates from the clock). The CSV files are committed and are what `roadmap demo` loads; this script
documents and reproduces how they were made (tests/test_demo_files.py checks that they agree).

What is published and what is illustrative (see data/README.md for the sources):
- 2019 emissions per sector are the Climate City Contract (CCC) baseline for Leuven, exactly.
- Every other year is illustrative: the 2019 value scaled by a yearly trend per sector, a
  heating-weather index for buildings, the 2020 COVID dip, the 2022 energy-price shock, and a
  little seeded noise. Population, activity indicators, partners and commitments are illustrative.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

from organisations import COMMITMENTS, PARTNERS, THEME_KEYS, THEMES

from pipelines.vocab import SECTOR_BY_CODE

SECTOR_NL = {code: sector.nl for code, sector in SECTOR_BY_CODE.items()}
SECTOR_EN = {code: sector.en for code, sector in SECTOR_BY_CODE.items()}

HERE = Path(__file__).resolve().parent
YEARS = range(2010, 2025)
LATEST_YEAR = YEARS[-1]
BASE_YEAR = 2019
SEED = 2030

# Published: CCC 2019 baseline, t CO2e. Agriculture is derived from two published figures:
# AFOLU net -7,275 minus the forest sink -12,000 = 4,725.
CCC_2019 = {
    "residential": 161_920, "tertiary": 151_723, "public_lighting": 313, "industry": 38_328,
    "transport": 64_629, "waste": 47_864, "agriculture": 4_725, "land_use": -12_000,
}
CCC_2019_TOTAL = 457_501  # as published; the sectors above add up to 457,502 (rounding)

# Illustrative model per sector: yearly change before and after 2019, how much heating weather
# moves it, the relative noise, and one-off shocks (year -> factor).
MODEL = {
    "residential": (-0.023, -0.030, 0.55, 0.008, {2022: 0.93, 2023: 0.96, 2024: 0.97}),
    "tertiary": (-0.020, -0.028, 0.45, 0.008, {2020: 0.95, 2021: 0.98, 2022: 0.95, 2023: 0.97, 2024: 0.97}),
    "public_lighting": (-0.155, -0.13, 0.0, 0.0, {}),
    "industry": (-0.012, -0.015, 0.0, 0.045, {2020: 0.93, 2022: 0.92}),
    "transport": (-0.004, -0.012, 0.0, 0.008, {2020: 0.83, 2021: 0.93}),
    "waste": (-0.011, -0.012, 0.0, 0.012, {}),
    "agriculture": (-0.008, -0.010, 0.0, 0.015, {}),
    "land_use": (0.0, 0.0, 0.0, 0.0, {}),
}
# Heating-weather index (1 = a normal winter), shaped after the warm and cold years in Belgium
# (cold 2010 and 2013, warm 2011, 2014, 2020, 2022); illustrative, normalised to 2019.
WEATHER = {
    2010: 1.12, 2011: 0.92, 2012: 1.02, 2013: 1.07, 2014: 0.87, 2015: 0.97, 2016: 1.00,
    2017: 0.96, 2018: 0.95, 2019: 0.97, 2020: 0.90, 2021: 1.03, 2022: 0.91, 2023: 0.93,
    2024: 0.95,
}
# Rows of the inventory file: sector code, Dutch label as analysts write it, unit as written.
INVENTORY_ROWS = (
    ("residential", "Huishoudens", "ton CO2e"),
    ("tertiary", "Tertiaire gebouwen", "ton CO2e"),
    ("public_lighting", "Openbare verlichting", "t CO₂e"),
    ("industry", "Industrie (niet-ETS)", "ton CO2e"),
    ("transport", "Transport", "kt CO2e"),  # this row is in kilotonnes, as in some sources
    ("waste", "Afval", "ton CO2e"),
    ("agriculture", "Landbouw", "ton CO2-eq"),
    ("land_use", "Bossen en landgebruik", "ton CO2e"),
)
# Activity and context indicators: English and Dutch name, kind, sector, lower is better, source.
_DEMO = "Demo (illustrative)"
INDICATORS = {  # code: (English, Dutch, French name, kind, sector, lower is better, source)
    "population": ("Population", "Inwoners", "Population", "context", None, "no", _DEMO),
    "renovated_homes": ("Homes deeply renovated per year", "Diep gerenoveerde woningen per jaar",
                        "Logements rénovés en profondeur par an", "activity", "residential", "no", _DEMO),
    "rooftop_pv_capacity": ("Rooftop solar PV installed (cumulative)",
                            "Geïnstalleerd vermogen zonnepanelen op daken (cumulatief)",
                            "Puissance photovoltaïque installée sur les toits (cumulée)",
                            "activity", "energy_production", "no", _DEMO),
    "pv_installations": ("New rooftop PV installations", "Nieuwe installaties zonnepanelen",
                         "Nouvelles installations photovoltaïques sur les toits",
                         "activity", "energy_production", "no", _DEMO),
    "ev_share_new_cars": ("Electric share of new cars", "Aandeel elektrische nieuwe wagens",
                          "Part des voitures électriques parmi les voitures neuves",
                          "activity", "transport", "no", _DEMO),
    "district_heating_connections": ("District heating connections (cumulative)",
                                     "Aansluitingen op het warmtenet (cumulatief)",
                                     "Raccordements au réseau de chaleur (cumulés)",
                                     "activity", "residential", "no", _DEMO),
    "cycling_modal_share": ("Cycling share of trips", "Aandeel fiets in verplaatsingen",
                            "Part du vélo dans les déplacements",
                            "activity", "transport", "no", _DEMO + ", mobility surveys"),
    "renewable_electricity": ("Local renewable electricity production",
                              "Lokale productie hernieuwbare elektriciteit",
                              "Production locale d'électricité renouvelable",
                              "activity", "energy_production", "no", _DEMO),
}
NOT_ESTIMATED = "NE"  # GPC notation key, as analysts type it
# Share of a year's PV installations per month (spring and summer busiest); averages 0.5.
SUNNY_SEASON = (0.1, 0.2, 0.5, 0.7, 0.8, 0.8, 0.7, 0.6, 0.6, 0.5, 0.3, 0.2)



def sector_series(code: str, rng: random.Random) -> dict[int, float]:
    """Tonnes per year for one sector: the 2019 anchor exactly, the model around it."""
    before, after, weather_weight, noise, shocks = MODEL[code]
    anchor = CCC_2019[code]
    out = {}
    for year in YEARS:
        jitter = 1 + rng.gauss(0, noise) if noise else 1.0
        if year == BASE_YEAR:
            out[year] = float(anchor)
            continue
        rate = before if year < BASE_YEAR else after
        trend = (1 + rate) ** (year - BASE_YEAR)
        weather = (WEATHER[year] / WEATHER[BASE_YEAR]) ** weather_weight
        out[year] = anchor * trend * weather * shocks.get(year, 1.0) * jitter
    return out


def emissions(rng: random.Random) -> dict[str, dict[int, float]]:
    """Every inventory sector's series, rounded as the file writes them (kt rows to whole t)."""
    series = {}
    for code, _label, unit in INVENTORY_ROWS:
        raw = sector_series(code, rng)
        digits = 0 if unit.startswith("kt") or code == "land_use" else 1
        series[code] = {y: round(v, digits) for y, v in raw.items()}
    return series


def decimal_comma(value: float, digits: int) -> str:
    """1234567.8 -> '1.234.567,8': thousands dots and a decimal comma, as Belgian Excel writes."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def inventory_cell(value: float, unit: str, year: int) -> str:
    if unit.startswith("kt"):
        return decimal_comma(value / 1000, 3)
    # Published 2019 figures are whole tonnes; the illustrative years keep one decimal.
    return decimal_comma(value, 0 if year == BASE_YEAR or value.is_integer() else 1)


def write_inventory(out: Path, series: dict[str, dict[int, float]]) -> None:
    """Wide, ';', decimal comma, UTF-8 with BOM, Dutch labels, a Totaal row: an Excel export."""
    header = ["Sector", "Eenheid", "Bron", *map(str, YEARS)]
    source = "Demo (illustratief); 2019: Klimaatcontract Leuven (CCC)"
    rows = [header]
    for code, label, unit in INVENTORY_ROWS:
        rows.append([label, unit, source, *(inventory_cell(series[code][y], unit, y) for y in YEARS)])
    totals = []
    for year in YEARS:
        total = CCC_2019_TOTAL if year == BASE_YEAR else round(sum(s[year] for s in series.values()), 1)
        totals.append(inventory_cell(float(total), "t", year))
    rows.append(["Totaal", "ton CO2e", source, *totals])
    _write(out / "emissions_inventory.csv", rows, delimiter=";", encoding="utf-8-sig")


def activity_series(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(indicator, period, value as written, unit as written): illustrative, smooth, plausible."""
    rows: list[tuple[str, str, str, str]] = []
    for i, year in enumerate(YEARS):  # population: ~0.35 %/yr growth, a flat 2020
        people = 99_400 * 1.0035 ** i - (250 if year >= 2020 else 0)
        rows.append(("population", str(year), f"{people:.0f}", "inhabitants"))
    for year in YEARS:  # deep renovations per year: slow start, a push after 2019
        homes = NOT_ESTIMATED if year < 2012 else 160 + 45 * (year - 2012) + 35 * max(0, year - 2019) ** 1.6
        rows.append(("renovated_homes", str(year), _value(homes, 0, rng, 0.06), "homes"))
    for year in YEARS:  # cumulative rooftop PV; the early years reported in kWp by the grid operator
        mwp = 6.2 * 1.19 ** (year - 2010)
        if year <= 2012:
            rows.append(("rooftop_pv_capacity", str(year), f"{mwp * 1000:.0f}", "kWp"))
        else:
            rows.append(("rooftop_pv_capacity", str(year), f"{mwp:.1f}", "MWp"))
    rows += _pv_installations(rng)
    ev = {2015: 0.6, 2016: 0.9, 2017: 1.3, 2018: 1.9, 2019: 2.8, 2020: 6.5, 2021: 10.2,
          2022: 14.8, 2023: 21.5, 2024: "?"}  # 2024 not yet published
    rows += [("ev_share_new_cars", str(y), str(v), "%") for y, v in ev.items()]
    heat = {2019: 0, 2020: 120, 2021: 310, 2022: 540, 2023: 760, 2024: 905}
    rows += [("district_heating_connections", str(y), str(v), "connections") for y, v in heat.items()]
    # Cycling share of trips comes from surveys; the years between have none (NE = not estimated).
    cycling = {2011: 19.0, 2013: NOT_ESTIMATED, 2014: 22.0, 2015: "?", 2017: 26.0, 2019: 29.0,
               2021: 33.0, 2023: 35.0}
    rows += [("cycling_modal_share", str(y), str(v), "%") for y, v in cycling.items()]
    for year in YEARS:  # local renewable electricity; the regional statistics switch to GWh in 2020
        mwh = 6_100 * 1.185 ** (year - 2010)
        if year < 2020:
            rows.append(("renewable_electricity", str(year), f"{mwh:.0f}", "MWh"))
        else:
            rows.append(("renewable_electricity", str(year), f"{mwh / 1000:.2f}", "GWh"))
    return rows


def _pv_installations(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """New rooftop PV installations: yearly from 2012, and per month for 2023-2024 as well."""
    rows = []
    for year in range(2012, LATEST_YEAR + 1):
        base = 420 + 60 * (year - 2012)
        if year < 2023:
            rows.append(("pv_installations", str(year), _value(base, 0, rng, 0.08), "installations"))
            continue
        months = [round(base / 12 * (0.6 + 0.8 * SUNNY_SEASON[m]) * (1 + rng.gauss(0, 0.08)))
                  for m in range(12)]
        rows.append(("pv_installations", str(year), str(sum(months)), "installations"))
        rows += [("pv_installations", f"{year}-{m + 1:02d}", str(v), "installations")
                 for m, v in enumerate(months)]
    return rows


def _value(value, digits: int, rng: random.Random, noise: float) -> str:
    if isinstance(value, str):
        return value
    return f"{value * (1 + rng.gauss(0, noise)):.{digits}f}"


def write_activity(out: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Long, ',' and '.', UTF-8, English headers; each row also defines its indicator.

    The rooftop PV rows the grid operator gave in kWp come last, so the indicator's unit (taken
    from its first row when the file defines it) is MWp and the kWp rows are converted.
    """
    header = ("indicator", "name_en", "name_nl", "name_fr", "kind", "sector", "lower_is_better", "period",
              "value", "unit", "source")
    late = [r for r in rows if r[3] == "kWp"]
    table = [header]
    for code, period, value, unit in [r for r in rows if r[3] != "kWp"] + late:
        name_en, name_nl, name_fr, kind, sector, lower, source = INDICATORS[code]
        table.append((code, name_en, name_nl, name_fr, kind, SECTOR_EN.get(sector, ""), lower, period,
                    value, unit, source))
    _write(out / "activity_indicators.csv", table, delimiter=",", encoding="utf-8")


def write_partners(out: Path) -> None:
    """';', Dutch headers, cp1252 (Excel's "CSV (puntkomma)" on Windows), dates day first."""
    types = {"company": "Bedrijf", "knowledge": "Kennisinstelling", "civil_society": "Middenveld",
             "residents": "Bewonersgroep", "public": "Overheid"}
    rows = [("Naam", "Type", "Sector", "Lid sinds", "Website", "Beschrijving")]
    for name, kind, sector, joined, slug, story in PARTNERS:
        year, month, day = joined.split("-")
        sector_nl = SECTOR_NL[sector] if sector else ""
        rows.append((name, types[kind], sector_nl, f"{day}/{month}/{year}",
                     f"https://example.org/{slug}", story))
    _write(out / "partners.csv", rows, delimiter=";", encoding="cp1252")


def write_commitments(out: Path) -> None:
    """',' with every field quoted, English headers, UTF-8, a line break inside a quoted note."""
    rows = [("Partner", "Title", "Theme", "Sector", "Reduction (t CO2e/yr)", "Indicator",
             "Indicator target", "Target year", "Status", "Progress (%)", "Last update", "Note")]
    for partner, items in COMMITMENTS.items():
        for title, theme, sector, reduction, indicator, goal, year, status, progress, updated in items:
            rows.append((
                partner, title, THEME_KEYS[theme][2], SECTOR_EN[sector] if sector else "",
                _plain(reduction), indicator or "", _plain(goal), year,
                status.replace("_", " "), _plain(progress), updated, commitment_note(year, status),
            ))
    _write(out / "commitments.csv", rows, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_ALL)


def commitment_note(target_year: int, status: str) -> str:
    """A note where an analyst would write one: why a commitment stalled or was dropped."""
    if status == "withdrawn":
        return "Withdrawn by the partner.\nThe reduction no longer counts toward the roadmap."
    if status in ("delayed", "in_progress", "planned") and target_year < LATEST_YEAR + 1:
        return "Target year passed without achievement; partner asked for a new date."
    return ""


def _plain(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def write_themes(out: Path) -> None:
    """Code, Dutch, English and French names; the French is the project's translation of the
    English (name_texts.json, which French pages also read for themes stored without one)."""
    names = {row["en"]: row for row in json.loads((HERE / "name_texts.json").read_text(encoding="utf-8"))}
    rows = [(code, nl, en, names[en]["fr"]) for code, nl, en in THEMES]
    _write(out / "themes.csv", [("code", "nl", "en", "fr"), *rows], delimiter=",", encoding="utf-8")


def _write(path: Path, rows, delimiter: str, encoding: str, quoting: int = csv.QUOTE_MINIMAL) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        writer.writerows(rows)


def main(out: Path = HERE) -> None:
    """Write every demo CSV into `out` (default: this folder)."""
    rng = random.Random(SEED)
    write_inventory(out, emissions(rng))
    write_activity(out, activity_series(rng))
    write_themes(out)
    write_partners(out)
    write_commitments(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
