"""The audit-log page's rows: newest first, narrowed by who, what and local days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import Engine, select

from pipelines.schema import AuditLog, Commitment, Partner, TargetSet

LIMIT = 300
WHAT = {"all": None, "commitment": ("commitment",), "partner": ("partner",),
        "targets": ("target_set", "target", "milestone")}


def log_rows(engine: Engine, programme_id: int, who: str, what: str, since: date | None, until: date | None,
             tz) -> pd.DataFrame:
    """The newest LIMIT audit rows matching the choice, with the name of what each is about.

    `since`/`until` are local days (in `tz`), turned into the UTC moments the log stores.
    """
    a = AuditLog
    query = select(a.entity, a.entity_id, a.field, a.old_value, a.new_value, a.changed_by, a.changed_at).where(
        a.programme_id == programme_id)
    if who:
        query = query.where(a.changed_by == who)
    if WHAT.get(what):
        query = query.where(a.entity.in_(WHAT[what]))
    if since is not None:
        query = query.where(a.changed_at >= _utc(since, tz))
    if until is not None:
        query = query.where(a.changed_at < _utc(until + timedelta(days=1), tz))
    with engine.connect() as conn:
        rows = pd.DataFrame(conn.execute(query.order_by(a.id.desc()).limit(LIMIT)).mappings().all(), dtype=object)
        names = {
            "commitment": dict(conn.execute(select(Commitment.id, Commitment.title).where(
                Commitment.programme_id == programme_id)).all()),
            "partner": dict(conn.execute(select(Partner.id, Partner.name).where(
                Partner.programme_id == programme_id)).all()),
            "target_set": dict(conn.execute(select(TargetSet.id, TargetSet.name).where(
                TargetSet.programme_id == programme_id)).all()),
        }
    if rows.empty:
        return rows
    names["target"] = names["milestone"] = names["target_set"]
    about = [names.get(e, {}).get(int(i), f"#{i}") for e, i in zip(rows["entity"], rows["entity_id"], strict=True)]
    return rows.assign(about=about)


def _utc(day: date, tz) -> datetime:
    # The stored times are UTC without a zone on SQLite: compare with a naive UTC moment.
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC).replace(tzinfo=None)
