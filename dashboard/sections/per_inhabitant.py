"""The per-inhabitant view the overview, the sectors page and the embeds share: the toggle, and
a trajectory table in t CO2e per inhabitant with its population and the years that lack one."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import html

from dashboard import queries
from dashboard.components import choice_group
from dashboard.context import current_engine
from dashboard.figures.per_inhabitant import (
    levels_per_inhabitant,
    population_series,
    progress_per_inhabitant,
    target_per_inhabitant,
    years_without_population,
)
from dashboard.figures.trajectory import trajectory_table
from dashboard.i18n import t

PER_INHABITANT = "inhabitant"  # the `per` query parameter: "total" (default) or "inhabitant"
PER_CHOICES = ("total", PER_INHABITANT)


@dataclass(frozen=True)
class PerInhabitant:
    population: pd.Series  # persons by year
    missing: list[int]  # years with emissions but no population


def per_choice(group_id: str, per: str, lang: str) -> html.Fieldset:
    """In total or per inhabitant: the charts, their tables, CSVs and summaries."""
    return choice_group(group_id, t("per_legend", lang),
                        [{"label": t(f"per_choice_{p}", lang), "value": p} for p in PER_CHOICES], per)


def chosen_per(per) -> str:
    return per if per in PER_CHOICES else "total"


def shown_trajectory(
    programme_id: int, progress: pd.DataFrame, milestones: dict[int, float],
    target: tuple[int, float] | None, lang: str, per: str,
) -> tuple[pd.DataFrame, PerInhabitant | None]:
    """trajectory_table in total (kt), or per inhabitant with `population`, `no_population` and
    a note on the years without one (None as second item in total)."""
    if per != PER_INHABITANT:
        return trajectory_table(progress, milestones, target, lang), None
    population = population_series(queries.population(current_engine(), programme_id))
    missing = years_without_population(progress.loc[progress["actual_t"].notna(), "year"], population)
    table = trajectory_table(progress_per_inhabitant(progress, population),
                             levels_per_inhabitant(milestones, population),
                             target_per_inhabitant(target, population), lang, per_inhabitant=True)
    no_population = table["year"].isin(missing)
    table = table.assign(population=table["year"].map(population), no_population=no_population,
                         note=table["note"].where(~no_population, t("per_no_population_year", lang)))
    return table, PerInhabitant(population, missing)
