"""Charts of a programme with little data, as Klimaatmonitor's 2019 municipal export leaves it.

Leiden has one year with every sector: a stacked area needs two years and would draw nothing, so
the year is one stacked bar. Oegstgeest's built environment is suppressed: no year has every
sector, so there is no chart (not an empty frame of axes) but the table of what is known. Neither
has the five years a scenario needs: its sentence stands alone, not also drawn into an empty chart
(where a phone cut it)."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import dcc

from dashboard.app import create_app
from dashboard.components import chart_block
from dashboard.context import current_programme
from dashboard.sections.overview_sections import sectors_chart
from dashboard.sections.scenario_views import scenario_blocks
from dashboard.sections.sector_charts import sector_trajectory
from pipelines.analytics.scenarios import Scenario
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.settings import Settings

from .realdata_support import load_real, needs_realdata, programme_for

pytestmark = needs_realdata
MUNICIPAL = "klimaatmonitor/CO2-uitstoot-sectoren_2019.csv"


def _tree(component) -> list:
    """Every component under `component` (itself included)."""
    found = [component]
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found += _tree(child)
    return found


def _texts(component) -> list[str]:
    return [c.children for c in _tree(component) if isinstance(getattr(c, "children", None), str)]


@pytest.fixture
def area(request, database_url, engine):
    """The programme of one municipality with the export loaded, in a request of its app."""
    programme_id = programme_for(engine, [request.param])
    load_real(engine, programme_id, MUNICIPAL)
    app = create_app(Settings(database_url=database_url), engine)
    with app.server.test_request_context("/"):
        yield current_programme("area")


@pytest.mark.parametrize("area", ["Leiden"], indirect=True)
def test_one_complete_year_is_one_stacked_bar(area):
    view, empty = sectors_chart(area.id, "absolute", "en")
    assert not empty
    bars = {trace["name"]: trace for trace in view.figure["data"]}
    assert {trace["type"] for trace in bars.values()} == {"bar"}
    assert view.figure["layout"]["barmode"] == "relative"
    # Leiden 2019 in kt: built environment 320,303 t, traffic 142,835, industry 30,278, agriculture 501.
    assert {name: (trace["x"], trace["y"]) for name, trace in bars.items()} == {
        "Buildings": ([2019], [320.3]), "Transport": ([2019], [142.8]),
        "Industry (non-ETS)": ([2019], [30.3]), "Agriculture, forestry and land use": ([2019], [0.5]),
    }
    assert view.summary == "In 2019, Buildings was the largest of 4 sectors, with 320.3 kt CO₂e."
    shares, _ = sectors_chart(area.id, "share", "en")
    assert sum(trace["y"][0] for trace in shares.figure["data"]) == pytest.approx(100, abs=0.2)


@pytest.mark.parametrize("area", ["Oegstgeest"], indirect=True)
def test_no_year_with_every_sector_gives_the_table_and_no_chart(area):
    view, empty = sectors_chart(area.id, "absolute", "fr")
    assert view.figure is None and not empty
    assert view.summary == ("Aucune année n'a encore de chiffres pour chaque secteur, d'où l'absence de "
                            "graphique\u00a0; le tableau montre ce qui est connu. Exclues du graphique parce "
                            "que tous les secteurs n'ont pas de chiffres\u00a0: 2019.")
    row = view.table.set_index("year").loc[2019]
    assert row["transport"] == 31.4 and not row["complete"]  # 31,397 t, known
    block = chart_block(view, "fr", embed="/embed/overview/sectors?lang=fr&programme=area")
    assert not [c for c in _tree(block) if isinstance(c, dcc.Graph)]
    assert view.summary in _texts(block)
    assert [c for c in _tree(block) if getattr(c, "className", None) == "table-view"]  # the table is offered
    # No image of a chart that is not there; the CSV of the table is.
    buttons = _texts(block)
    assert "Télécharger les données (CSV)" in buttons and "Télécharger en image (PNG)" not in buttons
    assert "Intégrer ce graphique" not in buttons  # nor a frame of it


@pytest.mark.parametrize("area", ["Leiden"], indirect=True)
def test_no_scenario_is_one_sentence_and_no_chart(area):
    blocks = scenario_blocks(area.id, None, Scenario(), "nl")
    assert len(blocks) == 1
    assert not [c for c in _tree(blocks[0]) if isinstance(c, dcc.Graph)]
    sentence = "Nog geen scenario: daarvoor zijn een doel en minstens 5 jaarwaarden nodig."
    assert _texts(blocks[0]).count(sentence) == 1


@pytest.mark.parametrize("area", ["Leiden"], indirect=True)
def test_a_sector_with_one_measured_year_is_not_said_to_have_gone_anywhere(area, engine):
    from dashboard.pages.sectors import sector_sentence  # a page module: once the app is made

    trajectory = sector_trajectory(engine, area, "buildings", None, "fr", "total")
    sentence = sector_sentence(trajectory.view.table, trajectory.summary, "fr")
    assert sentence.startswith("En 2019, les émissions étaient de 320,3 kt CO₂e, seule année mesurée.")
    assert "passées" not in sentence


@pytest.fixture
def emmen(database_url, engine):
    """Emmen's Klimaatmonitor 'Thema's' sheet: energy use and gas, no emissions at all."""
    programme_id = programme_for(engine, ["Emmen"])
    load_real(engine, programme_id, "klimaatmonitor/Klimaatmonitor - Emmen.xls")
    app = create_app(Settings(database_url=database_url), engine)
    with app.server.test_request_context("/indicators"):
        yield current_programme("area")


def test_the_indicator_page_opens_on_an_indicator_with_values(emmen):
    from dashboard.pages.indicators import (  # a page module: once the app is made
        explorer_content,
        layout,
    )

    page = layout(lang="en", programme="area")
    graphs = [c for c in _tree(page) if isinstance(c, dcc.Graph)]
    assert len(graphs) == 1  # no total emissions in the file: the first indicator, drawn
    (trace,) = graphs[0].figure["data"]
    assert trace["name"] == "Household electricity use (million kWh)"  # the unit in the page's language
    assert trace["y"] and None not in trace["y"]
    (gas,) = explorer_content(emmen, ["gas.households"], "absolute", "fr")
    (graph,) = [c for c in _tree(gas) if isinstance(c, dcc.Graph)]
    (trace,) = graph.figure["data"]
    assert trace["name"] == "Household gas use (millions de m3)"  # no French name: the English one
    assert [round(y, 1) for y in trace["y"]] == [72.1, 71.8]  # as Klimaatmonitor published them
    # Total emissions asked for by name: no year has one, so its sentence and no frame of axes.
    (block,) = explorer_content(emmen, ["emissions.total"], "absolute", "en")
    assert not [c for c in _tree(block) if isinstance(c, dcc.Graph)]
    assert "No data yet." in _texts(block)


@pytest.mark.parametrize("area", ["Oegstgeest"], indirect=True)
def test_a_sector_without_any_value_is_named_on_the_sectors_page(area):
    from dashboard.pages.sectors import layout  # a page module: once the app is made

    texts = _texts(layout(lang="nl", programme="area"))
    # Klimaatmonitor suppresses Oegstgeest's built environment (-1): not a choice, but not gone.
    assert "Zonder cijfer in de gegevens (ontbrekend of afgeschermd in de bron): Gebouwen (2019)." in texts


@pytest.mark.parametrize("area", ["Oegstgeest"], indirect=True)
def test_the_comparisons_sector_mix_says_an_incomplete_year_is_of_the_known_sectors_only(area, engine):
    from dashboard.pages.compare import sector_mix_view  # a page module: once the app is made
    from dashboard.queries.compare import comparison_data

    data = comparison_data(engine, ("area",))
    view = sector_mix_view(data.programmes, data.sectors, "en")
    # Transport is 93 % of the sectors known (31,397 of 33,885 t), 37 % of the reported 84,800 t:
    # the chart's label and its sentence say the year is incomplete and what is missing.
    (transport,) = [trace for trace in view.figure["data"] if trace["name"] == "Transport"]
    assert transport["y"] == ["Oegstgeest climate programme<br>(2019, incomplete)"] and transport["x"] == [92.7]
    assert view.summary.endswith("An incomplete year shows shares of the known sectors only; without a "
                                 "figure: Oegstgeest climate programme 2019: Buildings.")


def test_progress_is_not_ranked_before_a_year_after_the_baseline(engine):
    from dashboard.queries.compare import comparison_data, ranking

    # As `load --all-areas` makes it: baseline 2019, the file's only year, and a target set.
    programme_id = create_programme(engine, ProgrammeSpec(
        slug="leiden", name="Leiden", area_name="Leiden", baseline_year=2019, target_year=2030, target_residual_pct=45.0))
    load_real(engine, programme_id, MUNICIPAL)
    # "0 % of the way" by construction would rank Leiden beside a programme that has really not
    # moved: like the change since the baseline, its progress is not known yet.
    ranked = ranking(engine).set_index("slug")
    assert ranked.at["leiden", "latest_year"] == 2019
    assert pd.isna(ranked.at["leiden", "change_pct"]) and pd.isna(ranked.at["leiden", "progress_pct"])
    assert comparison_data(engine, ("leiden",)).status["progress_pct"].isna().all()


def test_the_comparison_draws_no_progress_bars_when_none_is_known(database_url, engine):
    from dashboard.queries.compare import comparison_data

    for area in ("Leiden", "Oegstgeest"):  # as `load --all-areas` makes them: the file's year is the baseline
        programme_id = create_programme(engine, ProgrammeSpec(
            slug=area.lower(), name=area, area_name=area, baseline_year=2019, target_year=2030,
            target_residual_pct=45.0))
        load_real(engine, programme_id, MUNICIPAL)
    app = create_app(Settings(database_url=database_url), engine)
    from dashboard.pages.compare import progress_view  # a page module: once the app is made

    with app.server.test_request_context("/compare"):
        data = comparison_data(engine, ("leiden", "oegstgeest"))
        view = progress_view(data.programmes, data.status, data.totals, "en")
    assert view.figure is None and view.summary == "None of these programmes has a target with measured progress yet."
    assert list(view.table["programme"]) == ["Leiden", "Oegstgeest"]  # their statuses stay in the table
    # Klimaatmonitor's export has no population: no line per inhabitant, so no empty frame with the
    # programmes in its legend either; the sentence names them and the table shows the years.
    from dashboard.pages.compare import per_capita_view

    with app.server.test_request_context("/compare"):
        per_head = per_capita_view(data.programmes, data.totals, "en")
    assert per_head.figure is None and per_head.summary.endswith("Leiden, Oegstgeest.")
    assert list(per_head.table["programme"]) == ["Leiden", "Oegstgeest"]


def test_the_overview_gives_no_change_or_progress_before_a_year_after_the_baseline(engine):
    from dashboard import queries
    from dashboard.sections.overview_sections import headline_section
    from pipelines.schema import TargetSet

    programme_id = create_programme(engine, ProgrammeSpec(
        slug="leiden", name="Leiden", area_name="Leiden", baseline_year=2019, target_year=2030, target_residual_pct=45.0))
    load_real(engine, programme_id, MUNICIPAL)
    with engine.connect() as conn:
        target_id = conn.scalar(TargetSet.__table__.select().with_only_columns(TargetSet.id)
                                .where(TargetSet.programme_id == programme_id))
    summary = queries.summary(engine, programme_id, target_id)
    # Leiden's only year is its baseline: "0 %" would read as "measured, and nothing moved".
    assert summary["latest_year"] == 2019 and summary["latest_t"] == pytest.approx(493_917, abs=1)
    assert summary["change_vs_baseline_pct"] is None and summary["progress_pct"] is None
    texts = {lang: _texts(headline_section(summary, "Leiden", 2030, lang)) for lang in ("en", "nl", "fr")}
    facts = dict(zip(texts["en"][1:-1:2], texts["en"][2:-1:2], strict=True))
    assert facts["Change since 2019"] == "not available" and facts["Progress towards the target"] == "not available"
    assert "Change and progress will show once a year after the baseline year 2019 is measured." in texts["en"][-1]
    assert "Verandering en voortgang volgen zodra een jaar na het basisjaar 2019 gemeten is." in texts["nl"][-1]
    assert "0 %" not in " ".join(texts["nl"]) and "0\u00a0%" not in " ".join(texts["fr"])
