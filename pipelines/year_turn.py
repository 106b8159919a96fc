"""When the year turns, rebuild the derived tables that were computed for an earlier year.

The derived tables are rebuilt in every write's transaction, for the year "now" stands for then:
"years left" (target year − that year) and "overdue commitments" (open, target year before it)
are true for that year only. Without a write after 1 January the public pages would go on
saying last year's years left, and a commitment due last year would not be counted overdue.

`refresh_stale(engine)` rebuilds, through the front door (pipelines.unit_of_work), every
programme with summaries whose `derived_as_of_year` is not this year; it asks again under the programme's lock,
so two processes that both noticed the new year rebuild it once. The dashboard calls it on the
first request of a process and again when the year has changed (dashboard/year_turn_check.py);
`roadmap programme refresh` does it from the command line (cron, or a read-only dashboard's deployment).
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, and_, or_, select

from pipelines import clock
from pipelines.schema import DerivedSummary, Programme
from pipelines.unit_of_work import programme_write

log = logging.getLogger(__name__)


def _behind(year: int):
    """Computed for another year (or never since migration 0012), and holding something that
    depends on the year: only the summaries do (years left, overdue commitments); a programme
    without any (no target set yet, nothing loaded) has nothing to bring up to date."""
    summaries = select(DerivedSummary.programme_id).where(DerivedSummary.programme_id == Programme.id)
    return and_(or_(Programme.derived_as_of_year.is_(None), Programme.derived_as_of_year != year),
                summaries.exists())


def stale_programmes(conn: Connection, year: int) -> list[int]:
    """Ids of the programmes whose derived tables were computed for another year than `year`."""
    return list(conn.scalars(select(Programme.id).where(_behind(year)).order_by(Programme.id)))


def refresh_stale(engine: Engine, *, wait_s: float | None = 5.0) -> list[int]:
    """Rebuild every programme computed for another year than today's; the ids rebuilt.

    A programme another writer holds for longer than `wait_s` raises ImportRunning (a UserError):
    the caller tries again later (its import's own rebuild may already bring the year up to date).
    """
    year = clock.today().year
    with engine.connect() as conn:
        candidates = stale_programmes(conn, year)
    refreshed = []
    for programme_id in candidates:
        with programme_write(engine, programme_id, wait_s=wait_s) as work:
            still = work.conn.scalar(
                select(Programme.id).where(Programme.id == programme_id, _behind(year)))
            if still is None:  # another process rebuilt it, or a write did, while we waited
                work.nothing_changed()
                continue
            refreshed.append(programme_id)
    if refreshed:
        log.info("derived tables rebuilt for %s: programmes %s", year, refreshed)
    return refreshed
