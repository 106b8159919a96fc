"""Carbon budget: cumulative emissions along the pathway vs actual-plus-projected emissions.

Both sums run over the years from the baseline year to the target year, inclusive. The emissions
path uses the actual value where there is one, a straight line between actual values for a
missing year in the middle, the pathway value for years before the first actual value (a target
on a published baseline), and the trend projection after the latest year. The budget runs out in
the first year the cumulative emissions path exceeds the whole pathway's cumulative emissions.
"""

from __future__ import annotations

import pandas as pd

from pipelines.analytics.pathways import Pathway
from pipelines.analytics.trend import NOT_ENOUGH_DATA
from pipelines.errors import Bilingual


def emissions_path(pathway: Pathway, actual: pd.Series, projected: pd.Series | None) -> pd.Series:
    """Yearly emissions from the baseline year to the target year (NaN where nothing is known)."""
    years = pathway.values.index
    actual = actual.dropna()
    known = actual[(actual.index >= years[0]) & (actual.index <= years[-1])]
    path = known.reindex(years).astype(float)
    if len(known):
        path = path.interpolate(limit_area="inside")
        before = years < known.index.min()
        path[before] = pathway.values[before]
    if projected is not None and len(actual):
        after = years > actual.index.max()
        path[after] = projected.reindex(years[after]).to_numpy()
    return path


def carbon_budget(pathway: Pathway, actual: pd.Series, projected: pd.Series | None) -> dict:
    """Budget, used so far, expected use, and the year it runs out (see the module docstring)."""
    path = emissions_path(pathway, actual, projected)
    budget = float(pathway.values.sum())
    latest: int | None = int(actual.dropna().index.max()) if len(actual.dropna()) else None
    to_date = path[path.index <= latest] if latest is not None else path.iloc[:0]
    used = float(to_date.sum()) if len(to_date) else None
    along_pathway = (float(pathway.values[pathway.values.index <= latest].sum())
                     if used is not None and latest is not None else None)
    complete = not path.isna().any()
    expected = float(path.sum()) if complete else None
    runs_out = _year_runs_out(path, budget)
    return {
        "from_year": pathway.baseline_year, "to_year": pathway.target_year,
        # The sums stop at the target year even when the data go further.
        "used_to_year": None if used is None or latest is None else min(latest, pathway.target_year),
        "budget_t": budget, "used_to_date_t": used, "pathway_to_date_t": along_pathway,
        "overspent_to_date_t": None if used is None or along_pathway is None else used - along_pathway,
        "remaining_t": None if used is None else budget - used,
        "expected_t": expected, "year_runs_out": runs_out,
        "year_runs_out_text": _runs_out_text(runs_out, budget, complete),
    }


def _year_runs_out(path: pd.Series, budget: float) -> int | None:
    """First year the cumulative path exceeds the budget, looking only at known years in a row."""
    if budget <= 0:
        return None
    total = 0.0
    for year, value in zip(path.index, path.to_numpy(dtype=float), strict=True):
        if pd.isna(value):
            return None
        total += float(value)
        if total > budget * (1 + 1e-12):
            return int(year)
    return None


def _runs_out_text(year: int | None, budget: float, complete: bool) -> str:
    if year is not None:
        return str(year)
    if budget <= 0:
        return Bilingual("no budget to run out (the pathway is a net sink)",
                         "geen budget om op te gebruiken (het doeltraject slaat netto koolstof op)",
                         "aucun budget à épuiser (la trajectoire est un puits net)")
    if not complete:
        return NOT_ENOUGH_DATA
    return Bilingual("within budget to the target year", "binnen het budget tot het doeljaar",
                     "dans le budget jusqu'à l'année cible")
