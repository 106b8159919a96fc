"""The programme's indicators and the values of one indicator series."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import Engine, exists, func, select

from dashboard.queries._read import read_frame
from pipelines.flags import holds
from pipelines.schema import ImportBatch, Indicator, Observation, Programme


def indicators(
    engine: Engine,
    programme_id: int,
    *,
    kinds: Sequence[str] = (),
    sectors: Sequence[str] = (),
    with_data: bool = True,
) -> pd.DataFrame:
    """Indicators (code, names, unit, sector, kind), optionally only those with a current value."""
    i = Indicator
    query = (
        select(
            i.id, i.code, i.name_nl, i.name_en, i.name_fr, i.unit, i.sector_code, i.kind,
            i.lower_is_better, i.description,
        )
        .where(i.programme_id == programme_id)
        .order_by(i.kind, i.code)
    )
    if kinds:
        query = query.where(i.kind.in_(list(kinds)))
    if sectors:
        query = query.where(i.sector_code.in_(list(sectors)))
    if with_data:
        # One index probe per indicator (observation is indexed by indicator and period).
        query = query.where(
            exists().where(
                Observation.indicator_id == i.id,
                holds(Observation.is_current),
                Observation.value.is_not(None),
            )
        )
    return read_frame(engine, query)


def indicator_series(engine: Engine, programme_id: int, indicator_id: int) -> pd.DataFrame:
    """The current values of one indicator (period, year, month, value, source, note), by period."""
    o = Observation
    source = func.coalesce(o.source, ImportBatch.source).label("source")  # NULL: the batch's
    query = (
        select(o.period, o.year, o.month, o.value, o.missing_key, source, o.note)
        .join(ImportBatch, ImportBatch.id == o.batch_id)
        .where(
            o.programme_id == programme_id, o.indicator_id == indicator_id,
            holds(o.is_current),
        )
        .order_by(o.period)
    )
    return read_frame(engine, query)


def population(engine: Engine, programme_id: int) -> pd.DataFrame:
    """The current yearly values (year, value) of the programme's population indicator, by year."""
    o, i, p = Observation, Indicator, Programme
    query = (
        select(o.year, o.value)
        .join(i, i.id == o.indicator_id)
        .join(p, p.id == i.programme_id)
        .where(
            i.programme_id == programme_id, i.code == func.coalesce(p.population_indicator, "population"),
            holds(o.is_current), o.month.is_(None), o.value.is_not(None),
        )
        .order_by(o.year)
    )
    return read_frame(engine, query)
