"""The printable progress report's content: each section a title, a sentence, an optional static
SVG chart and a table whose numbers are written in the report's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from markupsafe import Markup
from sqlalchemy import Engine

from dashboard import queries
from dashboard.components import ChartView, Column, format_cell
from dashboard.context import ProgrammeInfo
from dashboard.data_texts import stored_text
from dashboard.figures.common import series_colour, series_label
from dashboard.figures.gap import COLOURS
from dashboard.figures.line_styles import LINE_STYLES
from dashboard.figures.trajectory import milestone_levels, trajectory_table
from dashboard.i18n import fmt_date, fmt_number, t
from dashboard.sections.targets_and_gap import gap_view
from dashboard.summaries import (
    headline_facts,
    headline_sentences,
    trajectory_summary,
)
from dashboard.workspace.common.local_time import local_when, zone
from dashboard.workspace.coordinate.state import coordinator_state
from dashboard.workspace.coordinate.svg import SvgSeries, lines_svg, steps_svg
from dashboard.workspace.coordinate.views import health_view, overdue_view, partner_view
from pipelines import clock
from pipelines.vocab import TRACK_STATUSES, sector_label, terms_by_code


@dataclass(frozen=True)
class ReportTable:
    caption: str
    headers: list[str]
    rows: list[list[str]]  # formatted; the first cell of a row is its header
    text: list[bool]  # per column: words (aligned left) rather than numbers


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    summary: str
    table: ReportTable | None = None
    chart: Markup | None = None
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    programme: str
    target_set: str
    made_on: str
    made_by: str
    facts: list[tuple[str, str]]
    sections: list[ReportSection]
    summary: str = ""  # the headline sentences, on the cover
    provenance: list[tuple[str, str]] = field(default_factory=list)  # (label, value) on the cover


def as_table(view: ChartView, lang: str) -> ReportTable:
    rows = [
        [format_cell(value, column.kind, lang) for value, column in zip(row, view.columns, strict=True)]
        for row in view.table[[c.key for c in view.columns]].itertuples(index=False)
    ]
    return ReportTable(view.title, [c.label for c in view.columns], rows,
                       [c.kind == "text" for c in view.columns])


def trajectory_svg_series(lang: str) -> list[SvgSeries]:
    """The printed trajectory's series, styled as on screen (dashboard.figures.line_styles):
    lines with their dash pattern and marker, then the milestones and the target as points."""
    lines = [
        SvgSeries(f"{column}_kt", series_label(code, lang), series_colour(code), style.svg_dash, style.marker,
                  style.width)
        for column, code in (("pathway", "pathway"), ("projected", "trend"),
                             ("with_commitments", "with_commitments"), ("actual", "actual"))
        for style in [LINE_STYLES[code]]
    ]
    points = [SvgSeries("milestone_kt", series_label("milestone", lang), series_colour("milestone"),
                        marker="diamond", line=False),
              SvgSeries("target_kt", series_label("target", lang), series_colour("target"),
                        marker="star", line=False)]
    return lines + points


def trend_text(centre, low, high, lang: str) -> str:
    """The trend's value with its 90 % interval, '389.8 (368.0–411.6)'; '–' without a trend."""
    if pd.isna(centre):
        return "–"
    if pd.isna(low) or pd.isna(high):
        return fmt_number(centre, lang, 1)
    return f"{fmt_number(centre, lang, 1)} ({fmt_number(low, lang, 1)}–{fmt_number(high, lang, 1)})"


def latest_measured_year(table: pd.DataFrame) -> int | None:
    """The last year with a measured (complete or not) value in a trajectory table."""
    measured = table[table["actual_kt"].notna() | table["incomplete_kt"].notna()]
    return int(measured["year"].max()) if len(measured) else None


def trajectory_section(engine: Engine, prog: ProgrammeInfo, target_id: int, summary: dict, lang: str) -> ReportSection:
    target_year = int(summary.get("target_year") or prog.target_year)
    progress = queries.progress_series(engine, prog.id, target_id)
    levels, target = milestone_levels(summary, queries.milestones(engine, target_id))
    milestones = list(levels)
    table = trajectory_table(progress, levels, target, lang)
    title = t("trajectory_title", lang)
    if table.empty:
        return ReportSection("trajectory", title, t("no_data_yet", lang))
    text = trajectory_summary(table, target_year, lang)
    chart = lines_svg(table, trajectory_svg_series(lang), lang, title, text, t("axis_kt", lang),
                      band=("projected_low_kt", "projected_high_kt", series_label("trend_band", lang),
                            series_colour("trend_band")),
                      marked_years=[latest_measured_year(table), target_year])
    # Incomplete years are not drawn (the line breaks there); the table lists them, flagged.
    shown = table[table["actual_kt"].notna() | table["incomplete_kt"].notna()
                  | table["year"].isin(milestones + [target_year])]
    columns = (Column("year", t("col_year", lang), "year"), Column("actual_kt", t("col_actual_kt", lang), "kt"),
               Column("complete_label", t("col_complete", lang), "text"),
               Column("incomplete_kt", t("col_incomplete_kt", lang), "kt"),
               Column("note", t("col_note", lang), "text"),
               Column("pathway_kt", t("col_pathway_kt", lang), "kt"),
               Column("milestone_kt", t("col_milestone_kt", lang), "kt"),
               Column("target_kt", t("col_target_kt", lang), "kt"),
               Column("projected_text", t("report_col_trend_range", lang), "text"))
    shown = shown.assign(projected_text=[trend_text(*values, lang) for values in zip(
        shown["projected_kt"], shown["projected_low_kt"], shown["projected_high_kt"], strict=True)])
    view = ChartView("trajectory", title, text, {}, shown, columns)
    return ReportSection("trajectory", title, text, as_table(view, lang), chart, [t("report_chart_key", lang)])


def gap_section(engine: Engine, prog: ProgrammeInfo, summary: dict, lang: str) -> ReportSection:
    """The commitments gap, drawn from the same numbers as the overview's waterfall."""
    found = gap_view(engine, prog.id, summary, lang)
    if found is None:
        return ReportSection("gap", t("gap_title", lang), t("gap_not_available", lang))
    view, labels = found
    svg = steps_svg(view.table, labels, COLOURS, lang, view.title, view.summary)
    return ReportSection("gap", view.title, view.summary, as_table(view, lang), svg)


def sectors_section(summary: dict, lang: str) -> ReportSection:
    statuses = terms_by_code(TRACK_STATUSES)
    rows = summary.get("sectors") or []
    frame = pd.DataFrame([{
        "sector": sector_label(r["sector"], lang) if r.get("sector") else r.get("sector"),
        "baseline_kt": None if r.get("baseline_t") is None else r["baseline_t"] / 1000,
        "latest_year": r.get("latest_year"),
        "latest_kt": None if r.get("latest_t") is None else r["latest_t"] / 1000,
        "change": r.get("change_vs_baseline_pct"),
        "status": statuses[r["status"]].label(lang) if r.get("status") in statuses else "–",
    } for r in rows], columns=["sector", "baseline_kt", "latest_year", "latest_kt", "change", "status"])
    title = t("coord_report_sectors", lang)
    text = t("coord_report_sectors_summary", lang, count=len(frame)) if len(frame) else t("no_data_yet", lang)
    if len(frame) and summary.get("latest_year"):  # each row's own year, said in words too
        text += " " + t("sectors_own_year", lang, year=summary["latest_year"])
    view = ChartView("sectors", title, text, {}, frame, (
        Column("sector", t("col_sector", lang), "text"), Column("baseline_kt", t("coord_col_baseline_kt", lang), "kt"),
        Column("latest_year", t("col_latest_year", lang), "year"),
        Column("latest_kt", t("coord_col_latest_kt", lang), "kt"), Column("change", t("coord_col_change", lang), "pct"),
        Column("status", t("col_status", lang), "text"),
    ))
    return ReportSection("sectors", title, text, as_table(view, lang) if len(frame) else None)


def _view_section(view: ChartView, lang: str) -> ReportSection:
    return ReportSection(view.name, view.title, view.summary, as_table(view, lang) if len(view.table) else None)


def provenance_rows(engine: Engine, prog: ProgrammeInfo, lang: str, tz=None) -> list[tuple[str, str]]:
    """The cover's "where these numbers come from": data version, last import, sources."""
    found = queries.provenance(engine, prog.id)
    rows = [(t("report_data_version", lang), (found["data_version"] or "–")[:8])]
    if found["last_import"] is not None:
        rows.append((t("report_last_import", lang), local_when(found["last_import"], lang, tz or zone(None))))
    rows.append((t("report_sources", lang), "; ".join(found["sources"]) or "–"))
    return rows


def build_report(engine: Engine, prog: ProgrammeInfo, target: pd.Series | None, lang: str, user: str,
                 today: date | None = None, tz=None) -> Report:
    """The report of the programme's current state for one target set (None: no target set yet).

    The cover carries the headline numbers, the headline sentences and the provenance; the
    sections follow (trajectory and gap only with a target set)."""
    today = today or clock.today()
    target_id = None if target is None else int(target["id"])
    state = coordinator_state(engine, prog, target_id, today)
    summary = state.summary
    target_year = int(summary.get("target_year") or prog.target_year)
    sentences = " ".join(headline_sentences(summary, prog.area_name or prog.name, target_year, lang))
    sections = []
    if target_id is not None:
        sections += [trajectory_section(engine, prog, target_id, summary, lang), gap_section(engine, prog, summary, lang)]
    sections += [sectors_section(summary, lang), _view_section(partner_view(state, lang, chart=False), lang),
                 _view_section(overdue_view(state, lang), lang), _view_section(health_view(state, lang), lang)]
    return Report(
        lang=lang, title=t("coord_report_title", lang), programme=stored_text(prog.name, lang),
        target_set="–" if target is None else stored_text(str(target["name"]), lang),
        made_on=fmt_date(today, lang), made_by=user,
        facts=headline_facts(summary, target_year, lang, today) if summary else [],
        sections=sections, summary=sentences or t("no_data_yet", lang),
        provenance=provenance_rows(engine, prog, lang, tz),
    )
