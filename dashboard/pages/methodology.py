"""Methodology and data: sources, what totals include, how the numbers are computed, import history."""

from __future__ import annotations

import dash
from dash import html

from dashboard import queries
from dashboard.components import (
    ChartView,
    Column,
    no_data,
    page_shell,
    register_url_sync,
    table_block,
)
from dashboard.context import (
    ProgrammeInfo,
    current_engine,
    current_programme,
    page_title,
    request_language,
)
from dashboard.i18n import fmt_date, fmt_number, t
from pipelines.vocab import SECTOR_BY_CODE, TOTAL

PAGE = "methodology"
METHOD_TOPICS = ("progress", "pathway", "trend", "status", "gap", "per_capita")

dash.register_page(
    __name__, path="/methodology", name="Methodology", title=page_title("nav_methodology"), order=4
)


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    heading = t("methodology_heading", lang)
    prog = current_programme(programme)
    if prog is None:
        return page_shell(PAGE, lang, heading, [no_data(lang, "no_programme")], {}, programme=programme)
    children = [
        html.P(t("methodology_intro", lang, name=prog.name), className="lead"),
        *sources_section(prog, lang),
        *coverage_section(prog, lang),
        *method_section(prog, lang),
        history_section(prog, lang),
    ]
    return page_shell(PAGE, lang, heading, children, {}, programme=programme)


def sources_section(prog: ProgrammeInfo, lang: str) -> list:
    history = queries.import_history(current_engine(), prog.id)
    updated = queries.last_update(current_engine(), prog.id)
    sources = sorted({s for s in history["source"].dropna() if str(s).strip()}) if not history.empty else []
    out = [html.H2(t("sources_heading", lang)), html.P(t("sources_text", lang), className="prose")]
    if sources:
        out.append(html.Ul([html.Li(str(s)) for s in sources]))
    out.append(html.P(t("last_update", lang, date=fmt_date(updated, lang)) if updated
                      else t("no_imports_yet", lang), id="last-update"))
    return out


def coverage_section(prog: ProgrammeInfo, lang: str) -> list:
    emissions = queries.emissions_by_sector(current_engine(), prog.id)
    totals = emissions[(emissions["sector_code"] == TOTAL) & emissions["value_t"].notna()]
    out = [html.H2(t("coverage_heading", lang))]
    if prog.scope_note:
        out.append(html.P(t("scope_note", lang, note=prog.scope_note.rstrip(". "))))
    if totals.empty:
        return out + [html.P(t("no_data_yet", lang))]
    complete = totals["complete"].astype(bool)
    reported = totals["source"] == "reported"
    latest = totals[complete].iloc[-1] if complete.any() else totals.iloc[-1]
    if latest["source"] == "reported":
        out.append(html.P(t("total_is_reported", lang, year=int(latest["year"])), className="prose"))
    else:
        codes = [c for c in str(latest["sectors_included"] or "").split(",") if c in SECTOR_BY_CODE]
        names = ", ".join(SECTOR_BY_CODE[c].label(lang) for c in codes) or t("not_recorded", lang)
        out.append(html.P(t("total_includes", lang, year=int(latest["year"]), sectors=names), className="prose"))
    if reported.any():
        years = ", ".join(str(int(y)) for y in totals.loc[reported, "year"])
        out.append(html.P(t("reported_years", lang, years=years), className="prose"))
    if not complete.all():
        years = ", ".join(str(int(y)) for y in totals.loc[~complete, "year"])
        out.append(html.P(t("incomplete_years", lang, years=years), className="prose"))
    out.append(html.P(t("sinks_text", lang), className="prose"))
    out.append(totals_block(totals, lang))
    return out


def totals_block(totals, lang: str) -> html.Section:
    """Every year's total with whether it is complete and the reported total beside it."""
    complete = totals["complete"].astype(bool)
    frame = totals.assign(
        total_kt=totals["value_t"] / 1000.0,
        reported_kt=totals["reported_total_t"] / 1000.0,
        complete_label=complete.map(lambda c: t("yes" if c else "no", lang)),
        source_label=[
            t("source_reported", lang) if s == "reported"
            else t("source_sectors", lang) if c else t("source_partial", lang)
            for s, c in zip(totals["source"], complete, strict=True)
        ],
    )
    view = ChartView(
        name="totals-by-year", title=t("totals_title", lang),
        summary=t("totals_summary", lang), figure={}, table=frame,
        columns=(
            Column("year", t("col_year", lang), "year"), Column("total_kt", t("col_total_kt", lang), "kt"),
            Column("complete_label", t("col_complete", lang), "text"),
            Column("reported_kt", t("col_reported_kt", lang), "kt"),
            Column("source_label", t("col_source", lang), "text"),
        ),
    )
    return table_block(view, lang)


def method_section(prog: ProgrammeInfo, lang: str) -> list:
    out = [html.H2(t("method_heading", lang))]
    for topic in METHOD_TOPICS:
        out += [html.H3(t(f"method_{topic}_title", lang)), html.P(t(f"method_{topic}", lang), className="prose")]
    sets = queries.target_sets(current_engine(), prog.id)
    if not sets.empty:
        out.append(html.H3(t("target_sets_heading", lang)))
        out.append(html.Ul([
            html.Li(t("target_set_line", lang, name=row.name, baseline=int(row.baseline_year),
                      target=int(row.target_year), method=t(f"pathway_{row.pathway_method}", lang))
                    + (f" {row.description}" if isinstance(row.description, str) else ""))
            for row in sets.itertuples(index=False)
        ]))
    return out


def history_section(prog: ProgrammeInfo, lang: str) -> html.Section | html.Div:
    history = queries.import_history(current_engine(), prog.id)
    if history.empty:
        return html.Div([html.H2(t("history_title", lang)), html.P(t("no_imports_yet", lang))])
    frame = history.assign(
        date=history["created_at"].map(lambda d: fmt_date(d, lang)),
        kind_label=history["kind"].map(lambda k: t(f"import_kind_{k}", lang) if k in ("indicators", "partners", "commitments") else k),
        status_label=history["status"].map(lambda s: t(f"import_status_{s}", lang) if s in ("completed", "undone") else s),
    )
    view = ChartView(
        name="import-history", title=t("history_title", lang),
        summary=t("history_summary", lang, count=fmt_number(len(frame), lang)), figure={}, table=frame,
        columns=(
            Column("date", t("col_date", lang), "text"), Column("kind_label", t("col_kind", lang), "text"),
            Column("file_name", t("col_file", lang), "text"), Column("rows_in_file", t("col_rows", lang), "int"),
            Column("rows_added", t("col_added", lang), "int"),
            Column("rows_superseded", t("col_superseded", lang), "int"),
            Column("status_label", t("col_import_status", lang), "text"),
        ),
    )
    return table_block(view, lang)


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation)."""
    return page_shell(PAGE, "en", "", [], {}, ())


def register_callbacks(app: dash.Dash) -> None:
    register_url_sync(app, PAGE, [])
