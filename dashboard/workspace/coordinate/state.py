"""The current state of a programme as coordinators see it: read once for the progress view and
for the printable report (both behind the coordinator role)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine

from dashboard import queries
from dashboard.context import ProgrammeInfo
from dashboard.workspace.coordinate.progress import health_overview, partner_progress
from dashboard.workspace.coordinate.queries import commitments_of_partners
from pipelines import clock
from pipelines.analytics.commitments_gap import overdue
from pipelines.analytics.health import data_health

OVERDUE_COLUMNS = ["partner", "title", "target_year", "status", "reduction_t_per_year"]


@dataclass(frozen=True)
class CoordinatorState:
    programme: ProgrammeInfo
    target_id: int | None
    summary: dict  # derived_summary of the target set ({} when none)
    partners: pd.DataFrame  # progress.PARTNER_COLUMNS
    overdue: pd.DataFrame  # OVERDUE_COLUMNS, the longest overdue first
    health: pd.DataFrame  # data_health rows with `state`, those needing attention first
    as_of_year: int


def overdue_commitments(summary: dict, commitments: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """The summary's overdue commitments; computed the same way when there is no summary yet."""
    listed = (summary.get("commitments") or {}).get("overdue") if summary else None
    if listed is not None:
        return pd.DataFrame(listed, columns=["id", *OVERDUE_COLUMNS])[OVERDUE_COLUMNS]
    if commitments.empty:
        return pd.DataFrame(columns=OVERDUE_COLUMNS)
    late = overdue(commitments, as_of_year).sort_values(["target_year", "id"])
    return late[OVERDUE_COLUMNS].reset_index(drop=True)


def coordinator_state(
    engine: Engine, prog: ProgrammeInfo, target_id: int | None, today: date | None = None
) -> CoordinatorState:
    """Everything the coordinators' progress view and report show beyond the public pages."""
    as_of_year = (today or clock.today()).year
    summary = queries.summary(engine, prog.id, target_id) if target_id else {}
    commitments = commitments_of_partners(engine, prog.id)
    return CoordinatorState(
        programme=prog, target_id=target_id, summary=summary,
        partners=partner_progress(commitments, as_of_year),
        overdue=overdue_commitments(summary, commitments, as_of_year),
        health=health_overview(data_health(engine, prog.id), as_of_year),
        as_of_year=as_of_year,
    )
