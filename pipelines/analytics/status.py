"""On-track status of a series (overall or one sector) against its target pathway.

The rule, as of the series' latest year (lower is better, sinks included):

- **on track** — the latest value is at or below the pathway (gap ≤ 0) *and* the linear trend's
  central projection for the target year is at or below the target.
- **off track** — the latest value is above the pathway (gap > 0) *and* even the optimistic end
  of the trend's 90 % prediction interval (its lower bound) for the target year is above the
  target: the target lies outside what the trend makes plausible.
- **at risk** — every other case: the two signals disagree (below the pathway but heading past
  the target, or above the pathway but with a trend that could still reach it), or the target is
  within the prediction interval while the series is above the pathway.
- **unknown** — no baseline or target to compare with, or fewer than 5 yearly values to fit a
  trend (the summary says which).

Once the data reach the target year, the value in the target year decides: on track if it is at
or below the target, else off track.
"""

from __future__ import annotations

from pipelines.errors import Bilingual

ON_TRACK, AT_RISK, OFF_TRACK, UNKNOWN = "on_track", "at_risk", "off_track", "unknown"


def at_or_below(value: float, limit: float) -> bool:
    """value ≤ limit, forgiving float noise relative to the size of the numbers."""
    return value <= limit + 1e-9 * max(1.0, abs(limit))


def track_status(
    gap_t: float | None, target_t: float | None, projected_t: float | None,
    projected_low_t: float | None, target_year_actual_t: float | None = None,
) -> tuple[str, Bilingual]:
    """(status, reason in words) by the rule in this module's docstring."""
    if target_t is None or gap_t is None:
        return UNKNOWN, Bilingual("no baseline or target to compare with",
                                  "geen basisjaar of doel om mee te vergelijken",
                                  "pas d'année de référence ni d'objectif auxquels comparer")
    if target_year_actual_t is not None:
        if at_or_below(target_year_actual_t, target_t):
            return ON_TRACK, Bilingual("the target-year value is at or below the target",
                                       "de waarde van het doeljaar ligt op of onder het doel",
                                       "la valeur de l'année cible atteint l'objectif ou fait mieux")
        return OFF_TRACK, Bilingual("the target-year value is above the target",
                                    "de waarde van het doeljaar ligt boven het doel",
                                    "la valeur de l'année cible dépasse l'objectif")
    if projected_t is None or projected_low_t is None:
        return UNKNOWN, Bilingual("not enough data for a trend", "te weinig gegevens voor een trend",
                                  "pas assez de données pour une tendance")
    below_pathway = at_or_below(gap_t, 0.0)
    if below_pathway and at_or_below(projected_t, target_t):
        return ON_TRACK, Bilingual("at or below the pathway, and the trend reaches the target",
                                   "op of onder het doeltraject, en de trend haalt het doel",
                                   "sur la trajectoire ou en dessous, et la tendance atteint l'objectif")
    if not below_pathway and not at_or_below(projected_low_t, target_t):
        return OFF_TRACK, Bilingual("above the pathway, and the trend's whole 90 % interval misses the target",
                                    "boven het doeltraject, en het hele 90 %-interval van de trend mist het doel",
                                    "au-dessus de la trajectoire, et tout l'intervalle à 90 % de la tendance "
                                    "manque l'objectif")
    if below_pathway:
        return AT_RISK, Bilingual("at or below the pathway, but the trend misses the target",
                                  "op of onder het doeltraject, maar de trend mist het doel",
                                  "sur la trajectoire ou en dessous, mais la tendance manque l'objectif")
    return AT_RISK, Bilingual("above the pathway, but the target is within the trend's 90 % interval",
                              "boven het doeltraject, maar het doel ligt binnen het 90 %-interval van de trend",
                              "au-dessus de la trajectoire, mais l'objectif est dans l'intervalle à 90 % "
                              "de la tendance")
