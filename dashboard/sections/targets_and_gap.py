"""What several pages share: choosing the target set, the commitments' reductions by status, the gap steps."""

from __future__ import annotations

import pandas as pd

from dashboard.components import ChartView, Column
from dashboard.data_texts import stored_text
from dashboard.figures.gap import gap_table
from dashboard.i18n import t
from dashboard.summaries import gap_summary, number


def pick_target(sets: pd.DataFrame, wanted) -> int | None:
    """The target set asked for in the URL if it exists, else the primary (listed first)."""
    if sets.empty:
        return None
    ids = [int(i) for i in sets["id"]]
    try:
        wanted_id = int(wanted)
    except (TypeError, ValueError):
        wanted_id = None
    return wanted_id if wanted_id in ids else ids[0]


def target_options(sets: pd.DataFrame, lang: str) -> list[dict]:
    return [
        {"label": t("target_option", lang, name=stored_text(row.name, lang), year=int(row.target_year)),
         "value": int(row.id)}
        for row in sets.itertuples(index=False)
    ]


def commitment_amounts(summary: dict) -> tuple[float, float, float] | None:
    """Reductions for the commitments gap (t CO2e/yr): delivered so far, still to come from work
    in progress, and planned; None when the analytics' summary has none.

    Only the analytics weigh commitments (delivered = achieved + the done share of work in
    progress, which the measured emissions already show): there is no second way to add them.
    """
    commitments = summary.get("commitments") if isinstance(summary, dict) else None
    achieved = number(commitments, "achieved_reduction_t")
    done_in_progress = number(commitments, "in_progress_reduction_t")
    planned = number(commitments, "planned_reduction_t")
    in_progress = (commitments or {}).get("by_status", {}).get("in_progress") if commitments else None
    full_in_progress = number(in_progress, "reduction_t")
    if None in (achieved, done_in_progress, planned, full_in_progress):
        return None
    return achieved + done_in_progress, full_in_progress - done_in_progress, planned


def gap_view(engine, programme_id: int, summary: dict, lang: str) -> tuple[ChartView, dict] | None:
    """The commitments-gap steps (table, labels, summary) without a figure; None without a target.

    Shared by the overview's waterfall and the coordinators' printable report.
    """
    latest_t, target_t = number(summary, "latest_t"), number(summary, "target_t")
    if latest_t is None or target_t is None:
        return None
    amounts = commitment_amounts(summary)
    if amounts is None:
        return None
    achieved, in_progress, planned = amounts
    table = gap_table(latest_t, target_t, achieved, in_progress, planned)
    labels = {step: t(f"gap_step_{step}", lang, year=summary.get("latest_year") or "",
                      target_year=summary.get("target_year") or "") for step in table["step"]}
    table = table.assign(label=table["step"].map(labels))
    columns = (
        Column("label", t("col_step", lang), "text"),
        Column("from_kt", t("col_from_kt", lang), "kt"),
        Column("to_kt", t("col_to_kt", lang), "kt"),
        Column("change_kt", t("col_change_kt", lang), "kt"),
    )
    view = ChartView(name="gap", title=t("gap_title", lang), summary=gap_summary(table, lang),
                     figure={}, table=table, columns=columns)
    return view, labels
