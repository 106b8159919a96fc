"""Scenarios from commitments: which commitments count, spread over the years, as wedges.

- A scenario is a basis (how a commitment is weighed: commitments_gap.scenario_weight, the one
  place commitments are weighed) and a choice of commitments: by status, theme, sector (with its
  sub-sectors) and partner type. An empty choice keeps every commitment.
- Spread: a counted reduction rises from its start year to its due year, linearly by default (a
  "step" shape counts it in full from its due year on). No start year stored: the latest measured
  year. Due year: the commitment's target year; none: the target set's target year; at or before
  the latest measured year: the year after it (as commitments_gap.with_commitments does).
- The part of a ramp before the latest measured year is in the measured emissions already, and
  so in the trend: a scenario takes off only what the ramp adds after that year. The trend also
  carries the pace of past action, so a scenario is an optimistic case, like "if every
  commitment delivers".
- Scenario pathway = trend projection − the wedges, year by year; the wedges (one per theme or
  per top-level sector) are summed first, so sum(wedges) == projection − scenario in every year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipelines.analytics.commitments_gap import SCENARIO_BASES, scenario_weight
from pipelines.errors import Bilingual, number_text
from pipelines.vocab import COMMITMENT_SHAPES

GROUPINGS = ("theme", "sector")
SHAPES = tuple(s.code for s in COMMITMENT_SHAPES)  # ("linear", "step")
NO_GROUP = "none"  # the wedge of commitments without a theme (or sector)


@dataclass(frozen=True)
class Scenario:
    """Which commitments count, and how the wedges are grouped."""

    basis: str = "as_reported"
    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # theme codes or names (Dutch, English or French), any case
    sectors: tuple[str, ...] = ()  # sector codes; a sector brings its sub-sectors
    partner_types: tuple[str, ...] = ()
    group_by: str = "theme"

    def __post_init__(self):
        if self.basis not in SCENARIO_BASES:
            raise ValueError(f"unknown scenario basis {self.basis!r}")
        if self.group_by not in GROUPINGS:
            raise ValueError(f"unknown wedge grouping {self.group_by!r}")


FIELDS = ("statuses", "themes", "sectors", "partner_types")


def scenario_to_dict(scenario: Scenario) -> dict:
    """The scenario as plain JSON (a saved scenario's definition)."""
    return {"basis": scenario.basis, "group_by": scenario.group_by,
            **{name: list(getattr(scenario, name)) for name in FIELDS}}


def scenario_from_dict(data: dict) -> Scenario:
    """The scenario a definition (or a permalink's query) describes; unknown values are a
    ValueError (the caller words it)."""
    return Scenario(
        basis=data.get("basis") or "as_reported", group_by=data.get("group_by") or "theme",
        **{name: tuple(str(v) for v in (data.get(name) or ())) for name in FIELDS},
    )


@dataclass
class ScenarioResult:
    """A scenario's pathway, wedges and the now / scenario / target comparison."""

    target_year: int
    latest_year: int
    now_t: float  # the latest measured value
    target_t: float
    pathway: pd.DataFrame  # index year: projected_t, scenario_t, target_pathway_t
    wedges: pd.DataFrame  # index year, one column per wedge key (t taken off the projection)
    labels: dict[str, str] = field(default_factory=dict)  # wedge key -> label

    @property
    def projected_t(self) -> float:
        return float(self.pathway.at[self.target_year, "projected_t"])

    @property
    def scenario_t(self) -> float:
        return float(self.pathway.at[self.target_year, "scenario_t"])

    @property
    def shortfall_t(self) -> float:
        """How far the scenario stays above the target in the target year (0 when it reaches it)."""
        return max(0.0, self.scenario_t - self.target_t)

    @property
    def reaches_target(self) -> bool:
        return self.scenario_t <= self.target_t

    def verdict(self) -> Bilingual:
        if self.reaches_target:
            return Bilingual("reaches the target", "haalt het doel", "atteint l'objectif")
        short = number_text(self.shortfall_t, ",.0f")
        return Bilingual(f"falls short by {short} t", f"schiet {short.nl} t tekort", f"manque {short.fr} t")

    def wedges_at_target_year(self) -> list[dict]:
        row = self.wedges.loc[self.target_year] if len(self.wedges.columns) else pd.Series(dtype=float)
        return [{"key": key, "label": self.labels.get(key, key), "t": float(row[key])}
                for key in self.wedges.columns]

    def to_json(self) -> dict:
        return {
            "target_year": self.target_year, "projected_t": self.projected_t,
            "scenario_t": self.scenario_t, "wedges": self.wedges_at_target_year(),
            "latest_year": self.latest_year, "now_t": self.now_t, "target_t": self.target_t,
            "reaches_target": self.reaches_target, "shortfall_t": self.shortfall_t,
            "verdict": self.verdict(),
        }


def chosen(rows: pd.DataFrame, scenario: Scenario) -> np.ndarray:
    """Per commitment, whether the scenario's choice keeps it (see the module docstring)."""
    keep = np.ones(len(rows), dtype=bool)
    if scenario.statuses:
        keep &= rows["status"].isin(scenario.statuses).to_numpy()
    if scenario.themes:
        wanted = {name.strip().casefold() for name in scenario.themes}
        names = rows[[c for c in ("theme_key", "theme_nl", "theme_en", "theme_fr") if c in rows]].fillna("").astype(str)
        keep &= names.apply(lambda col: col.str.casefold().isin(wanted)).any(axis=1).to_numpy()
    if scenario.sectors:
        keep &= (rows["sector_code"].isin(scenario.sectors)
                 | rows["sector_key"].isin(scenario.sectors)).to_numpy()
    if scenario.partner_types:
        keep &= rows["partner_type"].isin(scenario.partner_types).to_numpy()
    return keep


def counted(rows: pd.DataFrame, scenario: Scenario) -> np.ndarray:
    """Per commitment, the reduction (t/yr) the scenario counts."""
    weight = scenario_weight(rows, scenario.basis, scenario.statuses).to_numpy(dtype=float)
    return weight * chosen(rows, scenario)


def spread(rows: pd.DataFrame, years, latest_year: int, target_year: int) -> np.ndarray:
    """Per commitment (rows) and year (columns): the share of its reduction in effect that the
    measured data of `latest_year` does not show yet (0..1)."""
    n = len(rows)
    due = _numbers(rows, "target_year", n)
    due = np.maximum(np.where(np.isnan(due), target_year, due), latest_year + 1)
    start = _numbers(rows, "start_year", n)
    start = np.minimum(np.where(np.isnan(start), latest_year, start), due - 1)
    step = (rows["shape"].fillna("linear").to_numpy(dtype=object) == "step") if "shape" in rows \
        else np.zeros(n, dtype=bool)

    def share(year) -> np.ndarray:
        year = np.asarray(year, dtype=float)[None, :]
        ramp = np.clip((year - start[:, None]) / (due - start)[:, None], 0.0, 1.0)
        return np.where(step[:, None], (year >= due[:, None]).astype(float), ramp)

    years = np.asarray(list(years), dtype=float)
    return np.clip(share(years) - share([latest_year]), 0.0, 1.0)


def _numbers(rows: pd.DataFrame, column: str, n: int) -> np.ndarray:
    if column not in rows:
        return np.full(n, np.nan)
    return pd.to_numeric(rows[column], errors="coerce").to_numpy(dtype=float)


def wedges(rows: pd.DataFrame, reductions: np.ndarray, shares: np.ndarray, years, group_by: str) -> pd.DataFrame:
    """Per year (index) and wedge key (columns): the tonnes the wedge's commitments take off the
    projection. Wedges that are zero in every year are left out; the largest in the last year
    comes first."""
    years = [int(y) for y in years]
    keys = rows[f"{group_by}_key"].fillna(NO_GROUP).astype(str).to_numpy(dtype=object)
    per_commitment = reductions[:, None] * shares
    table = pd.DataFrame(per_commitment.T, index=years, columns=keys)
    table = table.T.groupby(level=0, sort=True).sum().T if len(keys) else pd.DataFrame(index=years)
    table = table.loc[:, (table != 0).any(axis=0)]
    if len(table.columns):
        order = sorted(table.columns, key=lambda k: (-table[k].iloc[-1], k))
        table = table[order]
    table.index.name = "year"
    return table


def labels_for(rows: pd.DataFrame, group_by: str, lang: str, none_label: str) -> dict[str, str]:
    """Wedge key -> its name in `lang` (English where the language has no name: a theme
    without a French name)."""
    names = rows[f"{group_by}_{lang}"] if f"{group_by}_{lang}" in rows else rows[f"{group_by}_en"]
    english = rows[f"{group_by}_en"]
    out = {NO_GROUP: none_label}
    for key, name, fallback in zip(rows[f"{group_by}_key"], names, english, strict=True):
        if isinstance(key, str) and key:
            out[key] = next((n for n in (name, fallback) if isinstance(n, str) and n), key)
    return out


def run_scenario(
    scenario: Scenario, rows: pd.DataFrame, projection: pd.Series, target_pathway: pd.Series,
    latest_year: int, now_t: float, target_year: int, target_t: float, lang: str = "en",
    none_label: str = "No theme",
) -> ScenarioResult:
    """The scenario over the projection's years (latest measured year .. target year).

    `rows`: the commitments (pipelines.scenario_inputs.COMMITMENTS' columns); `projection` and
    `target_pathway`: t by year."""
    years = [int(y) for y in projection.index]
    reductions = counted(rows, scenario)
    table = wedges(rows, reductions, spread(rows, years, latest_year, target_year), years,
                   scenario.group_by)
    taken = table.sum(axis=1) if len(table.columns) else pd.Series(0.0, index=years)
    projected = projection.astype(float)
    pathway = pd.DataFrame({
        "projected_t": projected,
        "scenario_t": projected - taken.reindex(projected.index).to_numpy(),
        "target_pathway_t": target_pathway.reindex(projected.index).astype(float),
    })
    pathway.index.name = "year"
    return ScenarioResult(
        target_year=target_year, latest_year=latest_year, now_t=float(now_t), target_t=float(target_t),
        pathway=pathway, wedges=table, labels=labels_for(rows, scenario.group_by, lang, none_label),
    )
