"""The progress view's coordinator-only blocks: per-partner progress, overdue commitments, data
health; each a chart or table with its table view and CSV download (dashboard.components)."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components import ChartView, Column, chart_block, table_block
from dashboard.data_texts import name_in, stored_text
from dashboard.i18n import fmt_number, t, tn
from dashboard.workspace.coordinate.figures import partner_progress_figure
from dashboard.workspace.coordinate.progress import LATE_AFTER_YEARS
from dashboard.workspace.coordinate.state import CoordinatorState
from pipelines.vocab import COMMITMENT_STATUSES, INDICATOR_KINDS, terms_by_code

STATUS_TERMS = terms_by_code(COMMITMENT_STATUSES)
CHART_PARTNERS = 15  # the chart shows the largest commitments; its table lists every partner


def partner_view(state: CoordinatorState, lang: str, chart: bool = True) -> ChartView:
    """Per-partner progress; without `chart` (the report has only the table) no figure."""
    table = state.partners.assign(
        committed_kt=(state.partners["committed_t"] / 1000).round(1),
        delivered_kt=(state.partners["delivered_t"] / 1000).round(1),
    )
    names = {"committed": t("coord_committed", lang), "delivered": t("coord_delivered", lang)}
    total_committed, total_delivered = table["committed_t"].sum(), table["delivered_t"].sum()
    summary = t("coord_partners_summary", lang, partners=len(table),
                committed=fmt_number(total_committed / 1000, lang, 1),
                delivered=fmt_number(total_delivered / 1000, lang, 1))
    if chart and len(table) > CHART_PARTNERS:
        summary += " " + t("coord_partners_chart_top", lang, count=CHART_PARTNERS)
    return ChartView(
        name="partner-progress", title=t("coord_partner_progress_title", lang), summary=summary,
        figure=partner_progress_figure(table.head(CHART_PARTNERS), names, lang, t("axis_kt", lang)) if chart else {},
        table=table,
        columns=(
            Column("partner", t("col_partner", lang), "text"),
            Column("commitments", t("coord_col_commitments", lang), "int"),
            Column("committed_kt", t("coord_col_committed_kt", lang), "kt"),
            Column("delivered_kt", t("coord_col_delivered_kt", lang), "kt"),
            Column("delivered_pct", t("coord_col_delivered_pct", lang), "pct"),
            Column("overdue", t("coord_col_overdue", lang), "int"),
        ),
    )


def overdue_view(state: CoordinatorState, lang: str) -> ChartView:
    table = state.overdue.assign(status_label=state.overdue["status"].map(
        lambda code: STATUS_TERMS[code].label(lang) if code in STATUS_TERMS else str(code)),
        title=state.overdue["title"].map(lambda title: stored_text(title, lang)))
    summary = (tn("coord_overdue_summary", lang, len(table), year=state.as_of_year) if len(table)
               else t("coord_overdue_none", lang, year=state.as_of_year))
    return ChartView(
        name="overdue", title=t("coord_overdue_title", lang), summary=summary, figure={}, table=table,
        columns=(
            Column("title", t("col_commitment", lang), "text"), Column("partner", t("col_partner", lang), "text"),
            Column("target_year", t("col_target_year", lang), "year"),
            Column("status_label", t("col_status", lang), "text"),
            Column("reduction_t_per_year", t("col_reduction_t", lang), "int"),
        ),
    )


def health_view(state: CoordinatorState, lang: str) -> ChartView:
    health = state.health
    kinds = terms_by_code(INDICATOR_KINDS)
    table = pd.DataFrame({
        "indicator": [name_in(nl, en, fr, lang)[0]
                      for nl, en, fr in zip(health["name_nl"], health["name_en"], health["name_fr"], strict=True)],
        "kind": [kinds[k].label(lang) if k in kinds else k for k in health["kind"]],
        "last_year": health["last_year"],
        "missing_years": [", ".join(str(y) for y in years) for years in health["missing_years"]],
        "last_import": [w[:10] if isinstance(w, str) else "" for w in health["last_import_at"]],
        "state": [t(f"coord_health_{s}", lang) for s in health["state"]],
    })
    counts = health["state"].value_counts()
    summary = t("coord_health_summary", lang, total=len(health), late=int(counts.get("late", 0)),
                gaps=int(counts.get("gaps", 0)), empty=int(counts.get("no_values", 0)),
                year=state.as_of_year - LATE_AFTER_YEARS)
    return ChartView(
        name="data-health", title=t("coord_health_title", lang), summary=summary, figure={}, table=table,
        columns=(
            Column("indicator", t("coord_col_indicator", lang), "text"),
            Column("state", t("coord_col_state", lang), "text"),
            Column("kind", t("col_kind", lang), "text"),
            Column("last_year", t("coord_col_last_year", lang), "year"),
            Column("missing_years", t("coord_col_missing_years", lang), "text"),
            Column("last_import", t("coord_col_last_import", lang), "text"),
        ),
    )


def coordinator_blocks(state: CoordinatorState, lang: str) -> list:
    """The sections residents do not see, with a heading that says so."""
    partners = partner_view(state, lang)
    partner_section = (chart_block(partners, lang) if not partners.table.empty
                       else html.P(t("no_commitments_yet", lang)))
    return [
        html.H2(t("coord_private_heading", lang), className="private-heading"),
        html.P(t("coord_private_intro", lang)),
        partner_section,
        table_block(overdue_view(state, lang), lang),
        table_block(health_view(state, lang), lang),
    ]
