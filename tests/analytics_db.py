"""Test helpers for the analytics tests: load files, or write observations and commitments directly.

put_observations writes the way a loader does (one ImportBatch per call, a new value for an
(indicator, period) supersedes the current one, derived tables rebuilt in the same transaction),
for cases a file would only make longer (an activity indicator defined on the fly, months).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine, insert, select, update

from pipelines import db, derived
from pipelines.load import load_file
from pipelines.schema import Commitment, ImportBatch, Indicator, Observation, Partner


def put_observations(engine: Engine, programme_id: int, rows, file_name: str = "test.csv") -> int:
    """rows: (indicator code, period 'YYYY' or 'YYYY-MM', value or None[, missing key]); batch id."""
    rows = [tuple(r) + (None,) * (4 - len(r)) for r in rows]
    with db.writing(engine) as conn:
        codes = dict(conn.execute(select(Indicator.code, Indicator.id).where(
            Indicator.programme_id == programme_id)).all())
        batch_id = conn.execute(insert(ImportBatch).values(
            programme_id=programme_id, kind="indicators", file_name=file_name,
            sha256=hashlib.sha256(repr(rows).encode()).hexdigest(), rows_in_file=len(rows),
            rows_added=len(rows), created_by="test",
        )).inserted_primary_key[0]
        for code, period, value, key in rows:
            indicator_id = codes[code]
            conn.execute(update(Observation).where(
                Observation.indicator_id == indicator_id, Observation.period == period,
                Observation.is_current.is_(True),
            ).values(is_current=False, superseded_by_batch_id=batch_id))
            year, _, month = str(period).partition("-")
            conn.execute(insert(Observation).values(
                programme_id=programme_id, indicator_id=indicator_id, period=str(period),
                year=int(year), month=int(month) if month else None, value=value,
                missing_key=key, batch_id=batch_id, is_current=True,
            ))
        derived.rebuild(conn, programme_id)
        return int(batch_id)


def leuven_with_the_inventory(engine: Engine) -> None:
    """A seed for `seeded_databases`: Leuven 2030 with analytics_inventory.csv (tests/test_derived.py)."""
    from tests.conftest import DATA, leuven

    load_csv(engine, leuven(engine), DATA / "analytics_inventory.csv")


def load_csv(engine: Engine, programme_id: int, path: Path) -> int:
    """Load an indicators file with the real loader (which rebuilds the derived tables)."""
    result = load_file(engine, programme_id, "indicators", path)
    assert result.batch_id is not None, result.summary()
    return result.batch_id


def add_indicator(engine: Engine, programme_id: int, code: str, kind: str = "activity",
                  sector_code: str | None = None, unit: str = "count") -> int:
    with db.writing(engine) as conn:
        return int(conn.execute(insert(Indicator).values(
            programme_id=programme_id, code=code, name_nl=code, name_en=code, unit=unit,
            kind=kind, sector_code=sector_code,
        )).inserted_primary_key[0])


def add_commitments(engine: Engine, programme_id: int, rows) -> None:
    """rows: (partner, title, sector or None, t/yr or None, target year, status, progress %)."""
    with db.writing(engine) as conn:
        partners: dict[str, int] = {}
        for partner, title, sector, reduction, year, status, progress in rows:
            if partner not in partners:
                partners[partner] = conn.execute(insert(Partner).values(
                    programme_id=programme_id, name=partner, type="company",
                )).inserted_primary_key[0]
            conn.execute(insert(Commitment).values(
                programme_id=programme_id, partner_id=partners[partner], title=title,
                sector_code=sector, reduction_t_per_year=reduction, target_year=year,
                status=status, progress_pct=progress,
            ))
        derived.rebuild(conn, programme_id)
