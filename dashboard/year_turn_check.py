"""The dashboard brings the derived tables up to the new year after 1 January, without a write.

"Years left" and "overdue commitments" are stored with the derived tables, for the year of their
last rebuild (pipelines/year_turn.py). Each process checks on its first request and again
whenever today's year differs from the year it last checked: a look at the clock per request,
then nothing more until the year turns. The refresh runs in a thread of its own, so no request
waits for it (a region's hundreds of programmes take a while); until it is done the pages show
the stored numbers, which are what they were on 31 December. A failed refresh (another writer
holding a programme, a database this process may not write) is logged and tried again a few
minutes later.
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask
from sqlalchemy import Engine

from pipelines import clock, year_turn
from pipelines.errors import UserError

log = logging.getLogger(__name__)
RETRY_AFTER_S = 300.0
EXTENSION_KEY = "roadmap_year_turn"


class YearTurnCheck:
    """The before_request hook: start a refresh when the year has turned since the last one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.checked_year: int | None = None
        self.retry_at = 0.0
        self.thread: threading.Thread | None = None
        self._starting = threading.Lock()

    def __call__(self) -> None:
        try:
            year = clock.today().year
        except UserError:  # ROADMAP_TODAY set to no date: said where the date is used, not here
            return
        if year == self.checked_year or time.monotonic() < self.retry_at:
            return
        with self._starting:
            if self.thread is not None and self.thread.is_alive():
                return
            self.thread = threading.Thread(target=self._refresh, args=(year,), name="year-turn", daemon=True)
            self.thread.start()

    def _refresh(self, year: int) -> None:
        try:
            year_turn.refresh_stale(self.engine)
            self.checked_year = year
        except Exception:  # noqa: BLE001 — logged, and tried again; the pages go on serving
            log.warning("derived tables not brought up to %s; trying again in %.0f s",
                        year, RETRY_AFTER_S, exc_info=True)
            self.retry_at = time.monotonic() + RETRY_AFTER_S

    def join(self, timeout: float | None = None) -> None:
        """Wait for a refresh under way (tests, and a server shutting down cleanly)."""
        if self.thread is not None:
            self.thread.join(timeout)


def install_year_turn_check(server: Flask, engine: Engine) -> YearTurnCheck:
    check = YearTurnCheck(engine)
    server.before_request(check)
    server.extensions[EXTENSION_KEY] = check
    return check
