"""Running a SELECT into a DataFrame with fixed columns, so an empty result still has them."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, Select


def read_frame(engine: Engine, query: Select) -> pd.DataFrame:
    """The rows of `query` as a DataFrame whose columns are the query's, even when empty."""
    with engine.connect() as conn:
        result = conn.execute(query)
        columns = list(result.keys())
        rows = result.all()
    return pd.DataFrame.from_records(rows, columns=columns)
