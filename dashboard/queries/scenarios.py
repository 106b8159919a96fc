"""Read-only query of the scenarios: the commitments with their theme, sector and partner type."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from pipelines.scenario_inputs import scenario_commitments


def commitments_for_scenarios(engine: Engine, programme_id: int) -> pd.DataFrame:
    """One row per commitment (pipelines.scenario_inputs.COMMITMENTS' columns)."""
    return scenario_commitments(engine, programme_id)
