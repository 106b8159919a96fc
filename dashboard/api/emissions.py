"""The API's emissions table: in t CO2e, or per inhabitant (?per=inhabitant) as the pages show it.

Per inhabitant, each row's value ÷ the population of its year, by the pages' own function
(dashboard.figures.per_inhabitant.divide_by_population) over the pages' own population query, so
the API and the charts cannot drift apart. A year without a population has no value per
inhabitant: the row says `population_missing` and its values stay empty, never zero.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from sqlalchemy import Engine

from dashboard import queries
from dashboard.api import http, tables
from dashboard.api.http import plain
from dashboard.api.tables import T_CO2E_PER_INHABITANT, Table
from dashboard.figures.per_inhabitant import (
    divide_by_population,
    population_series,
    years_without_population,
)
from pipelines import open_data

PER_CHOICES = ("total", "inhabitant")  # the `per` parameter, as on the pages
Emissions = tuple[Table, list[dict], dict]  # the table's description, its rows, the answer's meta


def emissions_table(engine: Engine, programme_id: int, scope_note: str | None) -> Callable[[], Emissions]:
    """The emissions in t CO2e, or per inhabitant (?per=inhabitant), with their meta; `per` is
    read now, so a bad value is a 400 before any ETag is looked at."""
    per = http.choice_arg("per", PER_CHOICES)

    def build() -> Emissions:
        rows = open_data.emissions_table(engine, programme_id)
        if per == "total":
            return tables.EMISSIONS, rows, {"unit": tables.T_CO2E, "per": per, "scope_note": scope_note}
        shown, missing = per_inhabitant_rows(engine, programme_id, rows)
        return tables.EMISSIONS_PER_INHABITANT, shown, {
            "unit": T_CO2E_PER_INHABITANT, "per": per, "scope_note": scope_note,
            "years_without_population": missing}

    return build


def per_inhabitant_rows(engine: Engine, programme_id: int, rows: list[dict]) -> tuple[list[dict], list[int]]:
    """open_data.emissions_table rows in t CO2e per inhabitant, and the years with an emissions
    value but no population (the pages' note)."""
    population = population_series(queries.population(engine, programme_id))
    if not rows:
        return [], []
    frame = pd.DataFrame(rows)
    years = frame["year"]
    values = divide_by_population(frame["value_t_co2e"], years, population)
    reported = divide_by_population(frame["reported_total_t_co2e"], years, population)
    known = population[population > 0]
    out = []
    for i, row in enumerate(rows):
        people = known.get(row["year"])
        out.append({
            "year": row["year"], "sector": row["sector"],
            "value_t_co2e_per_inhabitant": plain(values.iloc[i]), "unit": T_CO2E_PER_INHABITANT,
            "population": plain(people), "population_missing": people is None,
            "basis": row["basis"], "complete": row["complete"], "sectors_included": row["sectors_included"],
            "reported_total_t_co2e_per_inhabitant": plain(reported.iloc[i]),
            "source": row["source"], "batch_ids": row["batch_ids"],
        })
    measured = frame.loc[frame["value_t_co2e"].notna(), "year"]
    return out, years_without_population(measured, population)
