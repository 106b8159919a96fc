"""Text someone typed reaches a chart as text, never as Plotly's markup: Plotly reads <a href>,
<b>, <span style> and <br> in trace names, category labels, hover data and axis titles, so an
unescaped programme name became a link in a public chart (and a file's note, bold hover text)."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.figures import compare as fig
from dashboard.figures.common import base_layout, legend_name, plotly_text
from dashboard.figures.indicators import NOTE, indicator_figure
from dashboard.figures.scenarios import wedge_figure

MARKUP = '<a href="https://example.org">Leiden</a> <b>vet</b> & <span style="color:red">co</span>'
ESCAPED = ("&lt;a href=\"https://example.org\"&gt;Leiden&lt;/a&gt; &lt;b&gt;vet&lt;/b&gt; &amp; "
           "&lt;span style=\"color:red\"&gt;co&lt;/span&gt;")


def _markup_left(figure: dict) -> list[str]:
    """The tags Plotly would read as markup anywhere in a figure (our own line breaks aside)."""
    text = json.dumps(figure)
    return [tag for tag in ("<a ", "<a>", "<b>", "<span", "</a>") if tag in text]


def test_plotly_text_escapes_what_plotly_reads_as_markup():
    assert plotly_text(MARKUP) == ESCAPED
    assert plotly_text("Gebouwen") == "Gebouwen"
    # A legend name is escaped first, then broken into lines at spaces with Plotly's own <br>.
    assert legend_name("Bakkerij <b>De Zon</b>") == "Bakkerij &lt;b&gt;De Zon&lt;/b&gt;"


def test_programme_names_are_text_in_every_comparison_chart():
    chosen = pd.DataFrame({"id": [1, 2], "slug": ["a", "b"], "name": [MARKUP, "B"], "baseline_year": [2015, 2015]})
    totals = pd.DataFrame({
        "programme_id": [1, 1, 2, 2], "year": [2015, 2016] * 2, "value_t": [100.0, 80.0, 50.0, 40.0],
        "per_capita_t": [2.0, 1.6, 1.0, 0.8], "complete": [True, False, True, True], "source": ["sectors"] * 4,
    })
    lines = fig.line_figure(fig.per_capita_table(chosen, totals), "per_capita_t", "en", "t", "incomplete")
    assert [trace["name"] for trace in lines["data"]][:2] == [ESCAPED, f"{ESCAPED}: incomplete"]
    status = pd.DataFrame({"programme_id": [1, 2], "progress_pct": [20.0, 10.0], "status": ["on_track", "off_track"],
                           "target_year": [2030, 2030]})
    progress = fig.progress_figure(fig.progress_table(chosen, status, totals), "en", "%", {})
    sectors = pd.DataFrame({"programme_id": [1, 1], "year": [2016, 2016], "sector_code": ["buildings", "transport"],
                            "value_t": [30.0, 50.0]})
    mix = fig.sector_mix_figure(fig.sector_mix_table(chosen, sectors), "en", "%")
    for figure in (lines, progress, mix):
        assert _markup_left(figure) == [], figure
    assert progress["data"][0]["y"][0].startswith(ESCAPED + " (")  # the reader sees the name as typed
    assert mix["data"][0]["y"][0].startswith(ESCAPED + "<br>(2016")


def test_indicator_names_notes_and_units_from_files_are_text():
    table = pd.DataFrame({"period": ["2019", "2020"], MARKUP: [1.0, 2.0], NOTE: [MARKUP, None]})
    figure = indicator_figure(table, "en", f"{MARKUP} per year")
    assert _markup_left(figure) == []
    trace = figure["data"][0]
    assert trace["name"] == ESCAPED and trace["customdata"] == [ESCAPED, ""]
    assert figure["layout"]["yaxis"]["title"]["text"] == f"{ESCAPED} per year"
    assert base_layout("en", "t", x_title=MARKUP)["xaxis"]["title"]["text"] == ESCAPED


def test_scenario_wedges_named_by_coordinators_are_text():
    table = pd.DataFrame({"year": [2024, 2030], "projected_kt": [10.0, 9.0], "scenario_kt": [10.0, 7.0],
                          "target_pathway_kt": [10.0, 5.0], "w:theme": [0.0, 2.0]})
    figure = wedge_figure(table, {"theme": MARKUP}, {"projected": "p", "scenario": "s", "target_pathway": "t"},
                          "en", "kt")
    assert _markup_left(figure) == [] and ESCAPED in [trace["name"] for trace in figure["data"]]
