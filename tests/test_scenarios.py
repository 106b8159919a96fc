"""Scenarios from commitments (pipelines.analytics.scenarios): the wedges add up to projection −
scenario in every year, on the demo (both backends) and through `roadmap scenario --json`."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from pipelines.analytics.scenarios import Scenario, run_scenario, spread
from pipelines.demo import DEMO_PROGRAMME, build_demo
from pipelines.errors import UserError
from pipelines.programmes import resolve_programme
from pipelines.scenario_inputs import scenario_for
from roadmap_cli import main


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request, tmp_path_factory, seeded_databases):
    """A copy of the demo per backend (built once per test process, shared with other modules)."""
    directory = tmp_path_factory.mktemp("scenario_demo")
    with seeded_databases.engine(request.param, directory, build_demo) as engine:
        yield engine, resolve_programme(engine, DEMO_PROGRAMME.slug).id


def _holds_identity(result) -> None:
    taken = result.wedges.sum(axis=1) if len(result.wedges.columns) else 0.0
    difference = result.pathway["projected_t"] - result.pathway["scenario_t"]
    np.testing.assert_allclose(difference.to_numpy(), np.broadcast_to(taken, difference.shape),
                               rtol=0, atol=1e-6)


@pytest.mark.parametrize("scenario", [
    Scenario(),  # as reported
    Scenario(basis="all_delivered"),
    Scenario(basis="all_delivered", themes=("Mobility",)),
    Scenario(statuses=("planned", "in_progress"), group_by="sector"),
])
def test_wedges_add_up_to_projection_minus_scenario_every_year(demo, scenario):
    engine, programme_id = demo
    result = scenario_for(engine, programme_id, scenario)
    _holds_identity(result)
    assert result.pathway.index[0] == result.latest_year == 2024
    assert result.pathway.index[-1] == result.target_year == 2030
    # The first year is the measured one: nothing taken off yet; the wedges grow from there.
    assert result.pathway["scenario_t"].iloc[0] == pytest.approx(result.pathway["projected_t"].iloc[0])
    assert result.projected_t - result.scenario_t > 0


def test_all_delivered_takes_off_more_than_as_reported_and_a_theme_less(demo):
    engine, programme_id = demo
    reported = scenario_for(engine, programme_id, Scenario())
    everything = scenario_for(engine, programme_id, Scenario(basis="all_delivered"))
    mobility = scenario_for(engine, programme_id, Scenario(basis="all_delivered", themes=("P04",)))
    gap = lambda r: r.projected_t - r.scenario_t  # noqa: E731
    assert gap(reported) < gap(everything)
    assert [w["label"] for w in mobility.wedges_at_target_year()] == ["Mobility"]
    assert gap(mobility) == pytest.approx(
        next(w["t"] for w in everything.wedges_at_target_year() if w["label"] == "Mobility"))
    assert everything.reaches_target is False
    assert everything.verdict() == f"falls short by {everything.scenario_t - everything.target_t:,.0f} t"


def test_a_theme_is_chosen_by_its_french_name_and_named_in_french(demo):
    engine, programme_id = demo
    chosen = scenario_for(engine, programme_id, Scenario(basis="all_delivered", themes=("mobilité",)),
                          lang="fr")
    assert [w["label"] for w in chosen.wedges_at_target_year()] == ["Mobilité"]


def test_an_unknown_theme_is_an_error_not_an_empty_scenario(demo):
    engine, programme_id = demo
    with pytest.raises(UserError, match="no theme 'Mobilty'.*P04 \\(Mobility\\)"):
        scenario_for(engine, programme_id, Scenario(themes=("Mobilty",)))


@pytest.mark.parametrize("args", [[], ["--theme", "Mobility"], ["--include", "planned", "--by", "sector"]])
def test_cli_scenario_json_holds_the_identity(demo, args):
    engine, _ = demo
    url = engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(main, ["--database-url", url, "scenario", *args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"target_year", "projected_t", "scenario_t", "wedges"} <= data.keys()
    assert data["target_year"] == 2030 and data["wedges"]
    assert sum(w["t"] for w in data["wedges"]) == pytest.approx(
        data["projected_t"] - data["scenario_t"], abs=1e-6)
    assert all(w["label"] and w["t"] > 0 for w in data["wedges"])


def test_cli_scenario_text_says_whether_it_reaches_the_target(demo):
    engine, _ = demo
    url = engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(main, ["--database-url", url, "scenario", "--basis", "all-delivered"])
    assert out.exit_code == 0, out.output
    assert "Scenario: all delivered" in out.output and "falls short by" in out.output
    out = CliRunner().invoke(main, ["--database-url", url, "scenario", "--theme", "nope"])
    assert out.exit_code == 1 and "error: no theme 'nope'" in out.output


def _rows(**columns) -> pd.DataFrame:
    base = {"id": [1], "status": ["planned"], "reduction_t_per_year": [600.0], "progress_pct": [None],
            "target_year": [2026], "sector_code": ["transport"], "sector_key": ["transport"],
            "sector_nl": ["Transport"], "sector_en": ["Transport"], "theme_key": ["P04"],
            "theme_nl": ["Mobiliteit"], "theme_en": ["Mobility"], "partner_type": ["company"]}
    return pd.DataFrame({**base, **columns})


def test_a_reduction_ramps_linearly_from_the_latest_year_to_its_target_year():
    years = range(2020, 2029)
    shares = spread(_rows(), years, 2020, 2030)[0]
    assert shares.tolist() == pytest.approx([0, 1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6, 1, 1, 1])


def test_a_stored_start_counts_only_what_the_data_does_not_show_yet_and_a_step_waits():
    years = [2020, 2021, 2022, 2023]
    ramp = spread(_rows(start_year=[2018], target_year=[2022]), years, 2020, 2030)[0]
    assert ramp.tolist() == pytest.approx([0, 0.25, 0.5, 0.5])  # half was done by 2020
    step = spread(_rows(shape=["step"]), [2020, 2025, 2026], 2020, 2030)[0]
    assert step.tolist() == [0, 0, 1]
    past = spread(_rows(target_year=[2015]), [2020, 2021], 2020, 2030)[0]
    none = spread(_rows(target_year=[None]), [2020, 2025, 2030], 2020, 2030)[0]
    assert past.tolist() == [0, 1] and none.tolist() == pytest.approx([0, 0.5, 1])


def test_wedges_group_by_theme_and_a_commitment_without_theme_gets_its_own_wedge():
    rows = pd.concat([_rows(), _rows(id=[2], theme_key=[None], theme_nl=[None], theme_en=[None],
                                     status=["achieved"], reduction_t_per_year=[100.0])])
    projection = pd.Series([1000.0, 990.0, 980.0], index=[2024, 2025, 2026])
    result = run_scenario(Scenario(basis="all_delivered"), rows.reset_index(drop=True), projection,
                          projection * 0.5, 2024, 1000.0, 2026, 300.0, none_label="No theme")
    assert [(w["label"], w["t"]) for w in result.wedges_at_target_year()] == [
        ("Mobility", pytest.approx(600.0)), ("No theme", pytest.approx(100.0))]
    assert result.scenario_t == pytest.approx(280.0) and result.reaches_target
    assert result.verdict() == "reaches the target"


def test_a_scenario_is_saved_by_name_and_saving_the_name_again_replaces_it(engine, programme_id):
    from pipelines.saved_scenarios import save_scenario, saved_scenarios

    first = Scenario(basis="all_delivered", themes=("P04",))
    assert save_scenario(engine, programme_id, "  Mobility   only ", first, "cor") == "Mobility only"
    assert saved_scenarios(engine, programme_id) == [("Mobility only", first)]
    second = Scenario(statuses=("planned",), sectors=("buildings",), group_by="sector")
    save_scenario(engine, programme_id, "Mobility only", second, "cor")
    save_scenario(engine, programme_id, "Achieved", Scenario(basis="achieved_only"), "cor")
    assert saved_scenarios(engine, programme_id) == [
        ("Achieved", Scenario(basis="achieved_only")), ("Mobility only", second)]
    with pytest.raises(UserError, match="needs a name"):
        save_scenario(engine, programme_id, "   ", first, "cor")
