"""Planned rows of an indicators file kept as a target set (--planned-as-target-set NAME).

Planned rows are never measurements. When the analyst asks, they are read like measured rows
(labels, periods, numbers, units, each problem with its row) but not stored as observations:
each planned year's emissions become a milestone in t CO2e — the year's planned total row, or
else the sum of its planned sectors — and the last planned year is the target. A sector planned
in the target year gets its own target, and its planned years before it become its milestones.
The loader then writes the target set through pipelines/targets.py in the load's own unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual
from pipelines.load.labels import TOTAL_ROW
from pipelines.load.layout import Layout, LongRows
from pipelines.load.problems import ProblemLog
from pipelines.load.totals import TotalsCheck


@dataclass
class PlannedPlan:
    """Each planned year's emissions in t CO2e, and how each was found."""

    totals: dict[int, float] = field(default_factory=dict)  # year -> t CO2e
    from_sectors: list[int] = field(default_factory=list)  # years summed from their sectors
    other_rows: int = 0  # planned rows of indicators that are no emissions (not part of the set)
    sectors: dict[int, dict[str, float]] = field(default_factory=dict)  # year -> sector code -> t CO2e
    measured_sectors: set[str] = field(default_factory=set)  # sectors the file's measured rows hold

    @property
    def years(self) -> list[int]:
        return sorted(self.totals)


def planned_plan(state, held: list[tuple[Layout, LongRows, pd.DataFrame]]) -> PlannedPlan:
    """The plan the held planned rows make; their problems go to state.problems (with rows)."""
    from pipelines.load.indicator_rows import FileState, normalise

    plan = PlannedPlan()
    by_year: dict[int, dict[str, float]] = {}  # year -> indicator code -> t CO2e
    by_sector: dict[int, dict[str, float]] = {}  # year -> sector code -> t CO2e
    reported: dict[int, float] = {}
    log = ProblemLog(state.problems.file)
    for layout, rows, frame in held:
        # The planned rows' own pass: no refusal of years to come (that is what they are for).
        sub = FileState(layout, state.resolver, state.converter, log, TotalsCheck(),
                        decimal=state.decimal, total_id=state.total_id, markers=state.markers,
                        today=date.max, measured_column=None)
        sub.periods = state.periods
        found = normalise(sub, rows, frame)
        if sub.has_duplicates:
            log.add(None, layout.label, None, Bilingual(
                "one planned row per indicator and year (a target set has one milestone a year)",
                "één geplande rij per indicator en jaar (een doelstelling heeft één tussendoel per jaar)",
                "une ligne prévue par indicateur et par année (un ensemble d'objectifs a un jalon par année)"))
        columns = found.columns
        ids, years, months, values = (columns["indicator_id"], columns["year"], columns["month"],
                                      columns["value"])
        for i in range(len(ids)):
            indicator = int(ids[i])
            info = state.resolver.info(indicator)
            is_total = indicator in (TOTAL_ROW, state.total_id)
            if not is_total and info.kind != "emissions":
                plan.other_rows += 1
                continue
            if months[i] is not None:
                log.add(int(found.line[i]), layout.period_column, f"{years[i]}-{int(months[i]):02d}", Bilingual(
                    "a planned year (a target set's milestones are for years, not months)",
                    "een gepland jaar (de tussendoelen van een doelstelling gelden per jaar, niet per maand)",
                    "une année prévue (les jalons d'un ensemble d'objectifs portent sur des années, pas sur des mois)"))
                continue
            value = float(values[i]) if values[i] is not None and not np.isnan(values[i]) else None
            if value is None:
                continue  # a planned 'n.b.' adds nothing to the plan
            year = int(years[i])
            if is_total:
                reported[year] = reported.get(year, 0.0) + value
            else:
                sectors = by_year.setdefault(year, {})
                sectors[info.code] = sectors.get(info.code, 0.0) + value
                if info.sector_code is not None:  # an emissions indicator of no sector counts in the sum only
                    own = by_sector.setdefault(year, {})
                    own[info.sector_code] = own.get(info.sector_code, 0.0) + value
    stored = np.unique(np.concatenate(state.keys) // 32768) if state.keys else np.zeros(0, dtype=np.int64)
    for stored_id in stored.tolist():  # the measured rows' indicators (a key is indicator_id * 32768 + …)
        code = state.resolver.info(stored_id).sector_code if stored_id > 0 else None
        if code is not None:
            plan.measured_sectors.add(code)
    for problem in log.finish():
        state.problems.problems.append(problem)
    plan.sectors = {year: dict(sorted(by_sector[year].items())) for year in sorted(by_sector)}
    for year in sorted(set(reported) | set(by_year)):
        if year in reported:
            plan.totals[year] = reported[year]
        else:
            plan.totals[year] = sum(by_year[year].values())
            plan.from_sectors.append(year)
    return plan
