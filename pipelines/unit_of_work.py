"""The one way to write a programme's data: lock, write, rebuild the derived tables, new version.

Every import, undo and edit runs inside `programme_write`. It opens a write transaction, takes
the programme's writer lock (`db.writing`), hands the connection to the caller and, when the
block ends without an exception and something changed, rebuilds the derived tables and gives
the programme a new data version in the same transaction (so readers see the new numbers and
the new version at the same moment). An exception rolls the whole write back. No other code
calls `derived.rebuild`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

from pipelines import db, derived


@dataclass
class ProgrammeWrite:
    """An open write of one programme: its connection, and whether the rebuild is needed."""

    conn: Connection
    programme_id: int
    changed: bool = True

    def nothing_changed(self) -> None:
        """The write turned out to change nothing: commit without a rebuild or a new version."""
        self.changed = False


@contextmanager
def programme_write(
    engine: Engine, programme_id: int, *, wait_s: float | None = db.EDIT_WAIT_S,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[ProgrammeWrite]:
    """A write transaction of `programme_id`; see the module docstring. Another writer of the
    programme is waited for `wait_s` seconds (None: as long as it takes, as imports do)."""
    with db.writing(engine, programme_id, wait_s=wait_s, on_wait=on_wait) as conn:
        work = ProgrammeWrite(conn, programme_id)
        yield work
        if work.changed:
            derived.rebuild(conn, programme_id)


@contextmanager
def programme_write_in(conn: Connection, programme_id: int) -> Iterator[ProgrammeWrite]:
    """`programme_write` inside a transaction the caller already holds (its lock is taken here)."""
    db.lock_programme(conn, programme_id)
    work = ProgrammeWrite(conn, programme_id)
    yield work
    if work.changed:
        derived.rebuild(conn, programme_id)
