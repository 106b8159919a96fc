"""Running SELECTs into DataFrames with fixed columns, so an empty result still has them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import CursorResult, Engine, Select


def read_frame(engine: Engine, query: Select) -> pd.DataFrame:
    """The rows of `query` as a DataFrame whose columns are the query's, even when empty."""
    with engine.connect() as conn:
        return _frame(conn.execute(query))


def read_frames(engine: Engine, queries: Sequence[Select]) -> list[pd.DataFrame]:
    """`read_frame` of each query, all on one connection (one pool checkout and transaction)."""
    with engine.connect() as conn:
        return [_frame(conn.execute(query)) for query in queries]


def _frame(result: CursorResult) -> pd.DataFrame:
    columns = list(result.keys())
    return pd.DataFrame.from_records(result.all(), columns=columns)
