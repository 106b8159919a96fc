"""What the upload page shows about a checked file: detection, first rows, problems, diff, result."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
from dash import dcc, html

from dashboard.i18n import fmt_auto, fmt_number, is_missing, t, tn
from dashboard.workspace.common.notices import notice
from dashboard.workspace.common.text_table import text_table
from dashboard.workspace.upload.check import CheckOutcome, mapping_candidates, mapping_csv
from dashboard.workspace.upload.column_names import problem_column, shown_column
from pipelines.errors import Problem, in_language
from pipelines.load.completeness import incomplete_year_text
from pipelines.load.result import LoadResult
from pipelines.vocab import sector_label

MAP_TARGET = "upload-map-target"  # pattern-matching id type: {"role": MAP_TARGET, "index": i}
MAP_LABELS = "upload-map-labels"  # Store: [(label, kind), ...] the mapping form offers
MAP_APPLY = "upload-map-apply"
DIFF_ROWS_SHOWN = 500
PROBLEMS_SHOWN = 2000
CHANGES = ("new", "superseded", "unchanged")
SEPARATORS = {";": "up_sep_semicolon", ",": "up_sep_comma", "\t": "up_sep_tab", "|": "up_sep_pipe"}
ENCODINGS = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1252": "Windows-1252"}


def outcome_view(outcome: CheckOutcome, lang: str, mapping: tuple = (), names: dict[str, str] | None = None) -> list:
    """Everything about a checked file, problems before the diff; the mapping used, if any.

    `names`: indicator code → name in `lang`, so the diff names indicators rather than codes.
    """
    children: list = [html.H2(t("up_checked_heading", lang, name=outcome.file_name), id="upload-checked-heading"),
                      html.P(t("up_checked_hash", lang, sha=outcome.sha256[:12]))]
    if outcome.error:
        children.append(notice(t("up_error", lang, message=in_language(outcome.error, lang)), alert=True))
    if outcome.preview is not None:
        children += [detected_section(outcome, lang), rows_section(outcome.preview, lang)]
    if mapping:
        children.append(mapping_in_use(mapping, lang))
    if outcome.problems:
        children.append(problems_section(outcome.problems, lang))
    elif outcome.result is not None:
        children.append(diff_section(outcome.result, lang, names))
    return children


def _decimal_text(decimal: str | None, lang: str) -> str:
    if decimal == ",":
        return t("up_decimal_comma", lang)
    if decimal == ".":
        return t("up_decimal_point", lang)
    return t("up_not_determined", lang)


def detected_section(outcome: CheckOutcome, lang: str) -> html.Section:
    """Separator, decimal mark, encoding, layout, units and skipped lines, as the reader saw them."""
    detected = {**outcome.preview["detected"], **(outcome.result.detected if outcome.result else {})}
    separator = detected.get("separator")
    facts = [
        (t("up_format", lang), str(detected.get("format", "")).upper()),
        (t("up_separator", lang), t(SEPARATORS[separator], lang) if separator in SEPARATORS else str(separator or "–")),
        (t("up_decimal", lang), _decimal_text(detected.get("decimal"), lang)),
        (t("up_encoding", lang), ENCODINGS.get(detected.get("encoding"), str(detected.get("encoding") or "–"))),
        (t("up_header_line", lang), str(detected.get("header_line", 1))),
    ]
    if detected.get("layout"):
        facts.append((t("up_layout", lang), t(f"up_layout_{detected['layout']}", lang)))
    if detected.get("units_seen"):
        facts.append((t("up_units", lang), ", ".join(map(str, detected["units_seen"]))))
    skipped = len(detected.get("title_rows") or []) + len(detected.get("footer_rows") or [])
    if skipped:
        facts.append((t("up_skipped_lines", lang), str(skipped)))
    profile = detected.get("profile")
    if profile:
        facts.append((t("up_profile", lang), str(profile.get("profile", ""))))
    items = [html.Div(className="fact", children=[html.Dt(k), html.Dd(v)]) for k, v in facts]
    return html.Section(**{"aria-labelledby": "upload-detected-heading"}, children=[
        html.H3(t("up_detected_heading", lang), id="upload-detected-heading"),
        html.Dl(items, className="facts", id="upload-detected"),
        *([_profile_report(profile, lang)] if profile else []),
    ])


def _profile_report(profile: dict, lang: str) -> html.Div:
    """What the import profile did (rows left out and why, areas, sums), as plain text lines."""
    # A report stored before French was added has no "lines_fr": English then.
    lines = profile.get({"nl": "lines_nl", "fr": "lines_fr"}.get(lang, "lines")) or profile.get("lines", [])
    return html.Div(id="upload-profile-report", children=[
        html.P(t("up_profile_report", lang)), html.Ul([html.Li(str(line)) for line in lines]),
    ])


def rows_section(preview: dict, lang: str) -> html.Section:
    columns, rows = preview["columns"], preview["rows"]
    lines = preview["line_numbers"]
    table = text_table(
        t("up_rows_caption", lang, count=len(rows)),
        [t("up_col_line", lang), *(shown_column(c, i, lang) for i, c in enumerate(columns, start=1))],
        ([str(line), *(str(row.get(c, "")) for c in columns)] for line, row in zip(lines, rows, strict=True)),
        table_id="upload-first-rows", class_names=(None, *["text"] * len(columns)),
    )
    return html.Section(**{"aria-labelledby": "upload-rows-heading"}, children=[
        html.H3(t("up_rows_heading", lang), id="upload-rows-heading"), table,
    ])


def problems_section(problems: list[Problem], lang: str) -> html.Section:
    """Every problem (row, column, value, expected); the import stays impossible while any is left."""
    # In file order; problems about the whole file (no row) first.
    shown = sorted(problems, key=lambda p: -1 if p.row is None else p.row)[:PROBLEMS_SHOWN]
    rows = [
        ["–" if p.row is None else str(p.row), problem_column(p.column, lang), "" if p.value is None else p.value,
         in_language(p.expected, lang)]
        for p in shown
    ]
    children = [
        html.H3(tn("up_problems_heading", lang, len(problems)), id="upload-problems-heading"),
        notice(t("up_problems_nothing_written", lang), alert=True),
        text_table(t("up_problems_caption", lang), [t("up_col_row", lang), t("up_col_column", lang),
                   t("up_col_value", lang), t("up_col_expected", lang)], rows, table_id="upload-problems",
                   class_names=(None, "text", "text", "text")),
    ]
    if len(problems) > len(shown):
        children.append(html.P(t("up_problems_more", lang, count=len(problems) - len(shown))))
    candidates = mapping_candidates(problems)
    if candidates:
        children.append(mapping_form(candidates, lang))
    return html.Section(id="upload-problems-section", children=children,
                        **{"aria-labelledby": "upload-problems-heading"})


def mapping_form(candidates: list[tuple[str, str]], lang: str) -> html.Div:
    """For each unknown label or unit: a field for what it means, then check again with that mapping."""
    fields = []
    for i, (label, kind) in enumerate(candidates):
        field_id = {"role": MAP_TARGET, "index": i}
        hint = t({"unit": "up_map_hint_unit", "partner_type": "up_map_hint_partner_type"}.get(kind, "up_map_hint_label"), lang)
        fields.append(html.Div(className="map-field", children=[
            # The hint inside the label: dcc.Input takes no aria-describedby.
            html.Label(className="search-label", children=[
                t("up_map_label", lang, label=label), " ", html.Span(hint, className="chart-summary"),
                html.Br(), dcc.Input(id=field_id, type="text", className="text-input"),
            ]),
        ]))
    return html.Div(id="upload-mapping", className="notice", children=[
        html.H4(t("up_map_heading", lang)),
        html.P(t("up_map_intro", lang)),
        *fields,
        dcc.Store(id=MAP_LABELS, data=[list(c) for c in candidates]),
        html.Button(t("up_map_apply", lang), id=MAP_APPLY, className="button", type="button", n_clicks=0),
    ])


def mapping_in_use(rows: tuple[tuple[str, str, str], ...], lang: str) -> html.Div:
    """The labels mapped on this page, and the same as a mapping file for `roadmap load --mapping`."""
    href = "data:text/csv;charset=utf-8," + quote(mapping_csv(rows))
    return html.Div(id="upload-mapping-used", children=[
        html.H3(t("up_map_used_heading", lang)),
        html.Ul([html.Li(f"{label} → {target} ({kind})") for label, kind, target in rows]),
        html.P(html.A(t("up_map_download", lang), href=href, download="mapping.csv")),
    ])


def diff_section(result: LoadResult, lang: str, names: dict[str, str] | None = None) -> html.Section:
    """What the import would change: counts, warnings, and the rows new or replaced (old → new)."""
    children = [html.H3(t("up_diff_heading", lang), id="upload-diff-heading")]
    if result.already_loaded_as is not None:
        children.append(notice(t("up_already_loaded", lang, batch=result.already_loaded_as)))
        children += planned_lines(result, lang)
        return html.Section(children=children, **{"aria-labelledby": "upload-diff-heading"})
    children.append(html.P(t("up_no_problems", lang), id="upload-valid"))
    children.append(html.Ul(id="upload-diff-counts", children=[
        html.Li(t(f"up_count_{change}", lang, count=fmt_number(n, lang)))
        for change, n in (("new", result.added), ("superseded", result.superseded),
                          ("unchanged", result.unchanged), ("skipped", result.skipped))
        if n or change != "skipped"
    ]))
    if result.incomplete_years:  # before confirming: a year the file would make incomplete
        children.append(html.Div(className="notice notice-error", role="alert", children=[
            html.H4(t("up_incomplete_heading", lang)),
            html.Ul(id="upload-incomplete-years", children=[
                html.Li(in_language(incomplete_year_text(entry), lang)) for entry in result.incomplete_years]),
        ]))
    if result.warnings:
        # Among them the columns left out and the planned rows left out (pipelines' Bilingual).
        children += [html.H4(t("up_warnings", lang)),
                     html.Ul(id="upload-warnings", children=[html.Li(in_language(w, lang)) for w in result.warnings])]
    children += planned_lines(result, lang)
    if not result.changed and not result.planned_target_set:
        children.append(notice(t("up_nothing_changes", lang)))
    if result.diff is not None and len(result.diff):
        children.append(diff_table(result.kind, result.diff, lang, names))
    return html.Section(id="upload-diff-section", children=children,
                        **{"aria-labelledby": "upload-diff-heading"})


def planned_lines(result: LoadResult, lang: str) -> list:
    """The planned rows: the target set they become, or the offer to keep them as one."""
    kept = result.planned_target_set
    if kept:
        items = ", ".join(f"{m['year']} {fmt_number(m['value_t'], lang)} t" for m in kept["milestones"])
        verb = t("up_planned_verb_would" if result.dry_run else "up_planned_verb_kept", lang)
        return [html.P(id="upload-planned-set", children=t(
            "up_planned_kept", lang, verb=verb, name=kept["name"], baseline=kept["baseline_year"],
            target_year=kept["target_year"], target=fmt_number(kept["target_t"], lang),
            milestones=t("up_planned_milestones", lang, items=items) if items else "")), *_planned_sectors(kept, lang)]
    if result.planned_offer:
        return [html.P(t("up_planned_offer", lang, count=fmt_number(result.planned_offer, lang)),
                       id="upload-planned-offer")]
    return []


def _planned_sectors(kept: dict, lang: str) -> list:
    """The sectors the planned rows give their own target (and milestones), by name."""
    targets = kept.get("sector_targets") or []
    if not targets:
        return []
    items = ", ".join(f"{sector_label(s['sector'], lang)} {fmt_number(s['value_t'], lang)} t" for s in targets)
    steps = len(kept.get("sector_milestones") or [])
    text = (tn("up_planned_sectors_steps", lang, steps, year=kept["target_year"], items=items) if steps
            else t("up_planned_sectors", lang, year=kept["target_year"], items=items))
    return [html.P(text, id="upload-planned-sectors")]


def diff_table(kind: str, diff: pd.DataFrame, lang: str, names: dict[str, str] | None = None) -> html.Div:
    """The diff, changed rows first (new, then superseded), at most DIFF_ROWS_SHOWN rows."""
    order = diff["change"].map({c: i for i, c in enumerate(CHANGES)}).fillna(len(CHANGES))
    frame = diff.assign(_order=order).sort_values(["_order", "line"], kind="stable").head(DIFF_ROWS_SHOWN)
    change = [t(f"up_change_{c}", lang) for c in frame["change"]]
    if kind == "indicators":
        headers = [t("up_col_line", lang), t("up_col_indicator", lang), t("up_col_period", lang),
                   t("up_col_change", lang), t("up_col_old", lang), t("up_col_new", lang)]
        # Named by `names` (stored indicators and those the file defines), else by code.
        indicators = [(names or {}).get(code, code) for code in frame["indicator"]]
        rows = zip(frame["line"].astype(str), indicators, frame["period"], change,
                   (_value(v, lang) for v in frame["old_value"]),
                   (_value(v, lang, k) for v, k in zip(frame["new_value"], frame["missing_key"], strict=True)),
                   strict=True)
        classes = (None, "text", None, "text")
    else:
        headers = [t("up_col_line", lang), t("up_col_key", lang), t("up_col_change", lang),
                   t("up_col_old", lang), t("up_col_new", lang)]
        rows = zip(frame["line"].astype(str), frame["key"], change, frame["old_value"], frame["new_value"],
                   strict=True)
        classes = (None, "text", "text", "text", "text")
    caption = t("up_diff_caption", lang, shown=len(frame), count=len(diff))
    return text_table(caption, headers, rows, table_id="upload-diff", class_names=classes)


def _value(value, lang: str, missing_key=None) -> str:
    if is_missing(value):
        return str(missing_key) if isinstance(missing_key, str) and missing_key else "–"
    return fmt_auto(value, lang, 6)


def import_done(result: LoadResult, lang: str, overview_href: str, history_href: str) -> html.Div:
    """The import's outcome in words, with links to see it."""
    if result.already_loaded_as is not None:
        text = t("up_already_loaded", lang, batch=result.already_loaded_as)
    elif result.batch_id is None:  # no measured value changed (the planned rows may have)
        text = "" if result.planned_target_set else t("up_nothing_changes", lang)
    else:
        text = t("up_imported", lang, batch=result.batch_id, added=fmt_number(result.added, lang),
                 superseded=fmt_number(result.superseded, lang), unchanged=fmt_number(result.unchanged, lang))
    return html.Div(className="notice notice-ok", role="status", id="upload-imported", children=[
        *([html.P(text)] if text else []), *planned_lines(result, lang),
        html.P([html.A(t("up_see_overview", lang), href=overview_href), " · ",
                html.A(t("up_see_history", lang), href=history_href)]),
    ])
