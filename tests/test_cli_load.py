"""`roadmap load`, `batches`, `undo`, `export`: output, exit codes and one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.schema import Observation
from roadmap_cli import main

from .conftest import DATA


@pytest.fixture
def roadmap(engine, programme_id):
    """Runs `roadmap --database-url <fixture db> ARGS…`."""
    url = engine.url.render_as_string(hide_password=False)
    runner = CliRunner()

    def run(*args: str, **kwargs):
        return runner.invoke(main, ["--database-url", url, *map(str, args)], **kwargs)

    return run


def current_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(Observation.is_current)).scalar_one()


def test_load_indicators_prints_the_summary(roadmap, engine):
    result = roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ind_semicolon_decimal_comma.csv: added 4, superseded 0, unchanged 0 (batch 1)."
    assert current_count(engine) == 4


def test_loading_again_says_it_was_already_loaded(roadmap):
    roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    result = roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    assert result.exit_code == 0
    assert "was already loaded as batch 1; nothing added" in result.stdout


def test_a_bad_file_exits_1_listing_every_problem(roadmap, engine):
    result = roadmap("load", "indicators", DATA / "ind_errors.csv")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "error: 6 problem(s) found; nothing was imported."
    assert "error: ind_errors.csv, row 3, column 'sector': found 'Kantoren'" in lines[0]
    assert "Traceback" not in result.output
    assert current_count(engine) == 0


def test_dry_run_prints_counts_and_changed_rows_and_writes_nothing(roadmap, engine):
    roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    result = roadmap("load", "indicators", DATA / "ind_correction.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would add 0, superseded 1, unchanged 3" in result.stdout
    assert "First 1 of 1 changed row(s):" in result.stdout
    assert "emissions.public_lighting" in result.stdout and "superseded" in result.stdout
    assert current_count(engine) == 4


def test_ambiguous_file_fails_until_the_decimal_mark_is_given(roadmap):
    failed = roadmap("load", "indicators", DATA / "ind_ambiguous.csv")
    assert failed.exit_code == 1 and "--decimal" in failed.stderr
    settled = roadmap("load", "indicators", DATA / "ind_ambiguous.csv", "--decimal", ",")
    assert settled.exit_code == 0 and "added 2" in settled.stdout


def test_mapping_and_warnings_reach_the_terminal(roadmap):
    mapped = roadmap("load", "indicators", DATA / "ind_mapped_labels.csv", "--mapping", DATA / "ind_mapping.csv")
    assert mapped.exit_code == 0 and "added 3" in mapped.stdout  # two sectors and the total
    totals = roadmap("load", "indicators", DATA / "ind_totals.csv")
    assert totals.exit_code == 0
    assert "warning: line 8: the total for 2020 is 300,000 t CO2e" in totals.stderr


def test_new_indicators_option(roadmap):
    refused = roadmap("load", "indicators", DATA / "ind_new_indicators.csv")
    assert refused.exit_code == 1 and "--new-indicators" in refused.stderr
    defined = roadmap("load", "indicators", DATA / "ind_new_indicators.csv", "--new-indicators")
    assert defined.exit_code == 0 and "added 3" in defined.stdout


def test_batches_lists_imports_as_a_table_or_json(roadmap):
    assert "No imports yet." in roadmap("batches").stdout
    roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    table = roadmap("batches")
    assert table.exit_code == 0 and "ind_semicolon_decimal_comma.csv" in table.stdout
    rows = json.loads(roadmap("batches", "--json").stdout)
    assert [(r["id"], r["kind"], r["rows_added"], r["status"]) for r in rows] == [(1, "indicators", 4, "completed")]


def test_undo_off_a_terminal_needs_yes(roadmap, engine):
    roadmap("load", "indicators", DATA / "ind_semicolon_decimal_comma.csv")
    refused = roadmap("undo", "1")
    assert refused.exit_code == 1
    assert refused.stderr.strip() == "error: undo needs confirmation: pass --yes when not running on a terminal"
    done = roadmap("undo", "1", "--yes")
    assert done.exit_code == 0 and "batch 1 (indicators, ind_semicolon_decimal_comma.csv) undone" in done.stdout
    assert current_count(engine) == 0
    again = roadmap("undo", "1", "--yes")
    assert again.exit_code == 1 and again.stderr.strip() == "error: batch 1 was already undone"


def test_export_observations_to_stdout_and_to_a_file(roadmap, tmp_path):
    roadmap("load", "indicators", DATA / "ind_tab.tsv")
    shown = roadmap("export", "observations")
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[1] == "emissions.residential,2020,150000.0,t CO2e,,150000,t CO2e,,,1,ind_tab.tsv"
    target = tmp_path / "obs.csv"
    written = roadmap("export", "observations", "--output", target)
    assert written.exit_code == 0 and "Wrote 2 row(s)" in written.stdout
    assert target.read_text().splitlines() == shown.stdout.splitlines()


def test_load_partners_goes_through_the_same_command(roadmap):
    result = roadmap("load", "partners", DATA / "partners_en_bom.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would add" in result.stdout


def test_help_comes_from_the_docstrings(roadmap):
    assert "Load indicator values" in roadmap("load", "indicators", "--help").stdout
    assert "--new-indicators" in roadmap("load", "indicators", "--help").stdout
    assert "Undo import BATCH" in roadmap("undo", "--help").stdout
    assert "canonical units" in roadmap("export", "observations", "--help").stdout
