"""Derived tables, rebuilt inside every write's transaction (owned by the analytics work)."""

from __future__ import annotations

from sqlalchemy import Connection


def rebuild(conn: Connection, programme_id: int) -> None:
    """Recompute derived_emissions, derived_progress and derived_summary for one programme."""
    # Filled in by the progress-analytics work; loaders already call it in their transaction.
    return None
