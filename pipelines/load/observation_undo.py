"""Undoing an indicators import: its values withdrawn, the ones they replaced current again."""

from __future__ import annotations

from sqlalchemy import Connection, text

from pipelines.errors import Bilingual


def undo_observations(conn: Connection, batch) -> str:
    """Retire the batch's values and restore the ones it superseded.

    Where a later batch has since replaced the batch's value, that later value stays current
    and inherits the batch's predecessor, so undoing the later batch too restores it.
    """
    params = {"b": batch.id, "f": False, "t": True}
    later = (
        "SELECT mine.superseded_by_batch_id FROM observation mine WHERE mine.batch_id = :b"
        " AND mine.indicator_id = observation.indicator_id AND mine.period = observation.period"
        " AND mine.superseded_by_batch_id IS NOT NULL"
    )
    conn.execute(
        text(f"UPDATE observation SET superseded_by_batch_id = ({later}) "
             f"WHERE superseded_by_batch_id = :b AND EXISTS ({later})"),
        params,
    )
    retired = conn.execute(
        text("UPDATE observation SET is_current = :f WHERE batch_id = :b AND is_current"), params
    ).rowcount
    restored = conn.execute(
        text(
            "UPDATE observation SET is_current = :t, superseded_by_batch_id = NULL "
            "WHERE superseded_by_batch_id = :b AND batch_id IN "
            "(SELECT id FROM import_batch WHERE status = 'completed')"
        ),
        params,
    ).rowcount
    return Bilingual(f"{retired} value(s) withdrawn, {restored} earlier value(s) restored",
                     f"{retired} waarde(n) ingetrokken, {restored} eerdere waarde(n) teruggezet",
                     f"{retired} valeur(s) retirée(s), {restored} valeur(s) antérieure(s) rétablie(s)")
