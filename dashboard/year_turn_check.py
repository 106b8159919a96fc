"""The dashboard brings the derived tables up to the new year on its first request after 1 January.

"Years left" and "overdue commitments" are stored with the derived tables, for the year of their
last rebuild (pipelines/year_turn.py). Each process checks on its first request and again
whenever today's year differs from the year it last checked: one query, then nothing more until
the year turns. A failed refresh (another writer holding the programme, a database this process
may not write) is logged and tried again a few minutes later; the pages keep serving meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask
from sqlalchemy import Engine

from pipelines import clock, year_turn

log = logging.getLogger(__name__)
RETRY_AFTER_S = 300.0


class YearTurnCheck:
    """The before_request hook: refresh when the year has turned since this process last looked."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.checked_year: int | None = None
        self.retry_at = 0.0
        self._busy = threading.Lock()

    def __call__(self) -> None:
        year = clock.today().year
        if year == self.checked_year or time.monotonic() < self.retry_at:
            return
        if not self._busy.acquire(blocking=False):  # another request of this process is at it
            return
        try:
            year_turn.refresh_stale(self.engine)
            self.checked_year = year
        except Exception:  # noqa: BLE001 — a page must not fail because the refresh did
            log.warning("derived tables not brought up to %s; trying again in %.0f s",
                        year, RETRY_AFTER_S, exc_info=True)
            self.retry_at = time.monotonic() + RETRY_AFTER_S
        finally:
            self._busy.release()


def install_year_turn_check(server: Flask, engine: Engine) -> YearTurnCheck:
    check = YearTurnCheck(engine)
    server.before_request(check)
    return check
