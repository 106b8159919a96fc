"""`roadmap status` and `roadmap target` through the real command line (click's CliRunner).

Data: tests/data/analytics_inventory.csv (see tests/test_derived.py for the numbers by hand).
"""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipelines.schema import AuditLog
from pipelines.targets import add_target_set
from roadmap_cli import main
from roadmap_cli.context import cli_user
from tests.analytics_db import leuven_with_the_inventory
from tests.conftest import leuven, leuven_id

REQUIRED_KEYS = {
    "baseline_year", "baseline_t", "target_year", "target_t", "latest_year", "latest_t",
    "change_vs_baseline_pct", "progress_pct", "pathway_t", "gap_t", "status",
    "projected_t_at_target_year", "year_target_reached", "sectors", "commitments",
}


@pytest.fixture
def run(engine):
    url = engine.url.render_as_string(hide_password=False)

    def invoke(*args):
        return CliRunner().invoke(main, ["--database-url", url, *args])

    return invoke


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with analytics_inventory.csv loaded (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, leuven_with_the_inventory) as url:
        yield url


@pytest.fixture
def loaded(engine):
    return leuven_id(engine)


@pytest.fixture(params=["sqlite", "postgresql"])
def bare_run(request, tmp_path, seeded_databases):
    """`run` on a copy of Leuven 2030 without data (`engine` holds the loaded seed here)."""
    with seeded_databases.fresh(request.param, tmp_path, leuven) as url:
        yield lambda *args: CliRunner().invoke(main, ["--database-url", url, *args])


def test_status_json_has_every_headline_key(run, loaded):
    result = run("status", "--json")
    assert result.exit_code == 0, result.output
    s = json.loads(result.output)
    assert set(s) >= REQUIRED_KEYS
    assert (s["latest_year"], s["latest_t"], s["gap_t"]) == (2016, 182_000, pytest.approx(42_000))
    assert set(s["sectors"][0]) >= {"sector", "baseline_t", "latest_t", "change_vs_baseline_pct", "status"}
    assert set(s["commitments"]) >= {"count", "partners", "committed_reduction_t",
                                     "achieved_reduction_t", "needed_reduction_t"}


def test_status_prints_a_readable_summary(run, loaded):
    result = run("status")
    assert result.exit_code == 0, result.output
    assert "Status: OFF TRACK" in result.output
    assert "Latest 2016:        182,000 t  (-9.0 % vs baseline; progress 9.0 %" in result.output
    assert "Target reached:     not before 2050" in result.output
    assert "Buildings" in result.output and "Forestry" not in result.output


def test_status_as_known_at_the_end_of_a_year(run, loaded):
    result = run("status", "--json", "--year", "2013")
    s = json.loads(result.output)
    # 2010, 2012, 2013: three values, no trend yet; 2013 total 191,000 = -4.5 %
    assert (s["latest_year"], s["latest_t"]) == (2013, 191_000)
    assert s["progress_pct"] == pytest.approx(4.5)
    assert s["status"] == "unknown" and s["data_up_to_year"] == 2013 and s["years_left"] == 17


def test_status_of_a_named_target_set(run, engine, loaded):
    add_target_set(engine, loaded, "Covenant of Mayors", 2012, 2030, "reduction_pct", 55)
    s = json.loads(run("status", "--json", "--target", "Covenant of Mayors").output)
    assert s["target_set"] == "Covenant of Mayors"
    assert s["target_t"] == pytest.approx(87_300)  # 194,000 x 45 %


def test_a_baseline_year_without_data_is_one_clear_error(run, engine, loaded):
    add_target_set(engine, loaded, "Wrong baseline", 2011, 2030, "residual_pct", 0)
    result = run("status", "--target", "Wrong baseline")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: no emissions value for the total in the baseline year 2011: load it, "
        "or give the target a published baseline"
    )


def test_status_without_data_or_with_an_unknown_target_set_says_what_to_do(bare_run):
    run = bare_run
    result = run("status")
    assert result.exit_code == 1
    assert "no emissions data loaded" in result.output and "Traceback" not in result.output
    result = run("status", "--target", "Nope")
    assert result.exit_code == 1
    assert "no target set 'Nope' (target sets: 'Climate neutrality')" in result.output


def test_target_commands_add_list_milestone_and_set_primary(run, loaded):
    result = run("target", "add", "CCC 2030", "--baseline-year", "2012", "--target-year", "2030",
                 "--residual-pct", "17", "--method", "milestones")
    assert result.exit_code == 0, result.output
    assert run("target", "milestone", "CCC 2030", "2020", "--reduction-pct", "50").exit_code == 0
    assert run("target", "sector", "CCC 2030", "transport", "--absolute-t", "19003").exit_code == 0
    assert run("target", "set-primary", "CCC 2030").exit_code == 0
    listing = run("target", "list").output
    assert "CCC 2030 (primary): baseline 2012, target 2030, milestones pathway" in listing
    assert "milestone 2020 total: reduction_pct 50" in listing
    assert "target transport: absolute_t 19003" in listing
    s = json.loads(run("status", "--json").output)
    # 194,000 -> 97,000 (2020): -12,125/yr; 2016 = 194,000 - 4 x 12,125 = 145,500
    assert s["target_set"] == "CCC 2030" and s["pathway_t"] == pytest.approx(145_500)


def test_target_mistakes_are_one_line_errors(run, loaded):
    result = run("target", "milestone", "Climate neutrality", "2040", "--residual-pct", "5")
    assert result.exit_code == 1
    assert result.output == "error: year '2040': expected a year after 2010 and before 2030\n"
    result = run("target", "sector", "Climate neutrality", "spaceflight", "--residual-pct", "5")
    assert result.output.startswith("error: sector 'spaceflight': expected one of total, ")
    # Every wrong value at once, one line each, from the same check the forms use.
    result = run("target", "add", "Climate NEUTRALITY", "--baseline-year", "2030", "--target-year", "2020",
                 "--reduction-pct", "120")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "error: name 'Climate NEUTRALITY': expected a name not used yet ('Climate neutrality' exists)",
        "error: target_year '2020': expected a year after the baseline year 2030",
        "error: value '120': expected a percentage from 0 to 100",
    ]
    result = run("target", "add", "X", "--baseline-year", "2010", "--target-year", "2030")
    assert result.exit_code == 2 and "exactly one of" in result.output


def test_target_rename_and_removals_need_yes_off_a_terminal(run, loaded):
    run("target", "add", "CCC 2030", "--baseline-year", "2012", "--target-year", "2030", "--residual-pct", "17")
    run("target", "milestone", "CCC 2030", "2020", "--reduction-pct", "50")
    for command in (("remove", "CCC 2030"), ("remove-milestone", "CCC 2030", "2020")):
        result = run("target", *command)  # CliRunner's input is no terminal: nothing is asked
        assert result.exit_code == 1
        assert "removing needs confirmation: pass --yes when not running on a terminal" in result.output
    assert "milestone 2020 total: reduction_pct 50" in run("target", "list").output

    result = run("target", "remove-milestone", "CCC 2030", "2020", "--yes")
    assert result.output == "Removed the 2020 milestone of 'CCC 2030' (total: reduction_pct 50).\n"
    result = run("target", "rename", "CCC 2030", "Climate City Contract")
    assert result.output == "Renamed target set 'CCC 2030' to 'Climate City Contract'.\n"
    result = run("target", "remove", "Climate City Contract", "--yes")
    assert result.output == "Removed target set 'Climate City Contract' with its 1 target and 0 milestones.\n"
    listing = run("target", "list").output
    assert "CCC 2030" not in listing and "Climate City Contract" not in listing
    assert "Climate neutrality (primary)" in listing


def test_target_commands_name_who_ran_them_in_the_audit_log(run, engine, loaded):
    run("target", "add", "CCC 2030", "--baseline-year", "2012", "--target-year", "2030", "--residual-pct", "17")
    run("target", "milestone", "CCC 2030", "2020", "--reduction-pct", "50")
    run("target", "rename", "CCC 2030", "Climate City Contract")
    with engine.connect() as conn:
        who = set(conn.execute(select(AuditLog.changed_by).where(
            AuditLog.entity.in_(("target_set", "milestone")))).scalars())
    assert who == {cli_user()} and cli_user().startswith("cli")


def test_target_removal_and_rename_mistakes_are_one_line_errors(run, loaded):
    run("target", "add", "CCC 2030", "--baseline-year", "2012", "--target-year", "2030", "--residual-pct", "17")
    result = run("target", "remove", "Climate neutrality", "--yes")
    assert result.exit_code == 1
    assert result.output == ("error: 'Climate neutrality' is the primary target set: make another "
                             "target set primary before removing it\n")
    result = run("target", "remove", "Nope")  # said before any question
    assert result.output == "error: no target set 'Nope' (target sets: 'CCC 2030', 'Climate neutrality')\n"
    result = run("target", "rename", "CCC 2030", "climate neutrality")
    assert result.output == "error: name 'climate neutrality': expected a name not used yet ('Climate neutrality' exists)\n"
    result = run("target", "remove-milestone", "CCC 2030", "2020", "--yes")
    assert result.output == "error: 'CCC 2030' has no total milestone in 2020 (its milestones: none)\n"
    assert "CCC 2030: baseline 2012" in run("target", "list").output
