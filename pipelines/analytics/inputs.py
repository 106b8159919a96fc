"""What the analytics need from the database, as plain values (read by queries.read_inputs)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Target and milestone kinds (schema.Target.kind): how a value turns into tonnes.
TARGET_KINDS = ("residual_pct", "reduction_pct", "absolute_t")
PATHWAY_METHODS = ("linear", "milestones", "constant_rate")


@dataclass(frozen=True)
class TargetSpec:
    """A target of a target set: overall ('total') or one sector."""

    sector_code: str
    kind: str
    value: float
    baseline_t: float | None = None  # a published baseline, used instead of the stored series


@dataclass(frozen=True)
class MilestoneSpec:
    sector_code: str
    year: int
    kind: str
    value: float


@dataclass(frozen=True)
class TargetSetSpec:
    id: int
    name: str
    is_primary: bool
    baseline_year: int
    target_year: int
    pathway_method: str
    targets: tuple[TargetSpec, ...] = ()
    milestones: tuple[MilestoneSpec, ...] = ()

    def target_for(self, sector_code: str) -> TargetSpec | None:
        return next((t for t in self.targets if t.sector_code == sector_code), None)

    def milestones_for(self, sector_code: str) -> tuple[MilestoneSpec, ...]:
        return tuple(m for m in self.milestones if m.sector_code == sector_code)


@dataclass(frozen=True)
class HealthFacts:
    """Facts about the emissions data that the summary reports (see health.emissions_health)."""

    last_import_at: str | None = None  # ISO 8601, UTC
    superseded_values: int = 0


@dataclass
class AnalyticsInputs:
    """Everything one programme's analysis reads; `as_of_year` is the year 'now' stands for."""

    programme_id: int
    as_of_year: int
    # code, parent_code, sort_order, name_en
    sectors: pd.DataFrame
    # One row per emissions indicator and year (see queries.EMISSIONS_BY_INDICATOR_YEAR):
    # indicator_id, code, sector_code, year, yearly_values, yearly_sum, yearly_key,
    # monthly_values, monthly_sum
    emissions: pd.DataFrame
    population: pd.Series  # persons by year
    target_sets: tuple[TargetSetSpec, ...]
    # id, partner_id, partner, title, sector_code, reduction_t_per_year, target_year, status,
    # progress_pct
    commitments: pd.DataFrame
    health: HealthFacts = field(default_factory=HealthFacts)
    up_to_year: int | None = None  # set for `roadmap status --year`: observations up to it
