"""Read-only queries of the public dashboard: `(engine, programme_id, filters) -> DataFrame`.

They read only the derived tables and small base tables (programme, target sets, indicators,
one indicator's observations, partners, commitments, public fields of import batches), so their
cost does not grow with the number of stored observations. Their answers are public and the
same for everyone, so each is cached per data version (`dashboard.cache`): call them through
this package, not their modules.
"""

from dashboard.cache import cached_query
from dashboard.queries import compare as _compare
from dashboard.queries import indicators as _indicators
from dashboard.queries import meta as _meta
from dashboard.queries import partners as _partners
from dashboard.queries import progress as _progress
from dashboard.queries import scenarios as _scenarios

commitment_totals = cached_query(_partners.commitment_totals)
commitments = cached_query(_partners.commitments)
emissions_by_sector = cached_query(_progress.emissions_by_sector)
import_history = cached_query(_meta.import_history)
indicator_series = cached_query(_indicators.indicator_series)
indicators = cached_query(_indicators.indicators)
last_update = cached_query(_meta.last_update)
milestones = cached_query(_progress.milestones)
partners = cached_query(_partners.partners)
population = cached_query(_indicators.population)
programmes = cached_query(_meta.programmes)
provenance = cached_query(_meta.provenance)
progress_series = cached_query(_progress.progress_series)
sector_summaries = cached_query(_progress.sector_summaries)
summary = cached_query(_progress.summary)
target_sets = cached_query(_progress.target_sets)
yearly_totals = cached_query(_compare.yearly_totals)
sector_values = cached_query(_compare.sector_values)
primary_status = cached_query(_compare.primary_status)
ranking = cached_query(_compare.ranking)
chosen_programmes = cached_query(_compare.chosen_programmes)
comparison_data = cached_query(_compare.comparison_data)
commitments_for_scenarios = cached_query(_scenarios.commitments_for_scenarios)

__all__ = [
    "commitment_totals", "commitments", "emissions_by_sector", "import_history", "indicator_series",
    "indicators", "last_update", "milestones", "partners", "population", "programmes", "progress_series",
    "provenance",
    "sector_summaries", "summary", "target_sets", "yearly_totals", "sector_values", "primary_status", "ranking",
    "chosen_programmes", "comparison_data", "commitments_for_scenarios",
]
