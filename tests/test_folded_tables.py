"""A chart's folded table view: sent as data, drawn in the browser when opened, with the same cells
as the table drawn on the server (tests/browser/test_overview.py opens one in a browser)."""

from __future__ import annotations

import json

import pandas as pd
from dash import html

from dashboard.components import (
    ChartView,
    Column,
    chart_block,
    data_table,
    folded_table,
    table_content,
)
from dashboard.data_texts import data_language
from dashboard.i18n import fmt_number
from tests.wire_support import dash_components


def _view() -> ChartView:
    table = pd.DataFrame({
        "partner": ["Dijle University", "=HYPERLINK(\"x\")"],
        "year": [2024, 2025],
        "reduction": [1234.56, None],
        "note": ["<b>warmtenet</b> op de campus", None],
    })
    columns = (Column("partner", "Partner", "text"), Column("year", "Year", "year"),
               Column("reduction", "Reduction (kt CO₂e)", "kt"), Column("note", "What they wrote", "written", "nl"))
    return ChartView("commitments", "Commitments", "Two commitments.", None, table, columns, title_lang="nl")


def _cells(table: html.Div) -> list[list[tuple[str, str, dict]]]:
    """Each row's cells as (tag, text, attributes that matter) from a server-drawn table."""
    rows = [c for c in dash_components(table) if isinstance(c, html.Tr)]
    return [[(type(cell).__name__, cell.children,
              {k: getattr(cell, k) for k in ("scope", "className", "lang") if getattr(cell, k, None)})
             for cell in row.children] for row in rows]


def _cells_from(content: dict) -> list[list[tuple[str, str, dict]]]:
    """The same from the folded table's data, read as assets/dashboard.js draws it."""
    def marked(attributes: dict, lang: str | None) -> dict:
        return {**attributes, "lang": lang} if lang else attributes

    columns = content["columns"]
    head = [("Th", c["label"], marked({"scope": "col", **({"className": "text"} if c["text"] else {})}, c["lang"]))
            for c in columns]
    body = [[("Th", text, marked({"scope": "row"}, c["mark"])) if i == 0 else
             ("Td", text, marked({"className": "text"} if c["text"] else {}, c["mark"]))
             for i, (text, c) in enumerate(zip(row, columns, strict=True))] for row in content["rows"]]
    return [head, *body]


def test_the_folded_table_holds_no_cells_but_the_same_data_as_the_drawn_table():
    lang = "fr" if data_language() != "fr" else "en"
    view = _view()
    folded = folded_table(view, lang)
    assert not [c for c in dash_components(folded) if isinstance(c, html.Tr | html.Th | html.Td | html.Table)]
    box = folded.children[1]
    assert box.id == {"role": "table", "chart": "commitments"}
    content = json.loads(getattr(box, "data-table"))
    assert content == table_content(view, lang)
    assert _cells_from(content) == _cells(data_table(view, lang))
    # Numbers formatted for the page, a missing value as a dash, what partners wrote as written
    # and marked with its language; text that looks like markup or a formula stays text.
    assert content["rows"][0][:3] == ["Dijle University", "2024", fmt_number(1234.56, lang, 1)]
    assert content["rows"][1][2] == "–"
    assert content["rows"][0][3] == "<b>warmtenet</b> op de campus"
    assert content["rows"][1][0] == "=HYPERLINK(\"x\")"
    assert [c["mark"] for c in content["columns"]] == [None, None, None, data_language()]
    assert content["columns"][3]["lang"] == "nl" and content["captionLang"] == "nl"


def test_the_box_is_labelled_like_the_drawn_one_and_the_chart_block_folds_it():
    view = _view()
    folded_box, drawn_box = folded_table(view, "en").children[1], data_table(view, "en")
    for attribute in ("className", "tabIndex", "role", "aria-label"):
        assert getattr(folded_box, attribute) == getattr(drawn_box, attribute)
    block = chart_block(view, "en")
    details = [c for c in dash_components(block) if isinstance(c, html.Details)]
    assert [d.className for d in details] == ["table-view"]
    assert details[0].children[1].id == {"role": "table", "chart": "commitments"}
