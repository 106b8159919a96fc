"""A dry run warns, before anything is confirmed, about each year the file would make incomplete."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.load import load_file
from pipelines.load.completeness import incomplete_year_text
from pipelines.load.result import LoadOptions
from pipelines.schema import Observation
from roadmap_cli import main

from .conftest import DATA

BASE = DATA / "incomplete_base.csv"  # residential and tertiary in 2022 and 2023: both complete
# tertiary 2023 becomes '?' (missing) and 2024 has residential only: both years lack tertiary.
NEXT = DATA / "incomplete_next.csv"


def _dry_run(engine, programme_id, path):
    return load_file(engine, programme_id, "indicators", path, options=LoadOptions(dry_run=True))


def _observations(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Observation)).scalar_one()


def test_a_dry_run_names_the_years_a_file_would_make_incomplete_and_writes_nothing(engine, programme_id):
    load_file(engine, programme_id, "indicators", BASE)
    before = _observations(engine)
    result = _dry_run(engine, programme_id, NEXT)
    assert result.incomplete_years == [{"year": 2023, "missing": ["tertiary"]},
                                       {"year": 2024, "missing": ["tertiary"]}]
    assert _observations(engine) == before  # the would-be rows were rolled back
    texts = [incomplete_year_text(e) for e in result.incomplete_years]
    assert texts[0] == "2023 would become incomplete: tertiary buildings missing"
    assert texts[0].nl == "2023 zou onvolledig worden: tertiaire gebouwen ontbreekt"


def test_a_file_that_keeps_every_year_complete_gives_no_warning(engine, programme_id):
    result = _dry_run(engine, programme_id, BASE)
    assert result.incomplete_years == []


def test_a_year_already_incomplete_is_not_warned_about_again(engine, programme_id, tmp_path):
    load_file(engine, programme_id, "indicators", BASE)
    load_file(engine, programme_id, "indicators", NEXT)  # 2023 and 2024 are now incomplete
    path = tmp_path / "correction.csv"  # residential 2024 corrected; tertiary 2024 still absent
    path.write_text("sector,year,value,unit\nresidential,2024,85,t CO2e\n", encoding="utf-8")
    result = _dry_run(engine, programme_id, path)
    assert result.superseded == 1 and result.incomplete_years == []


def test_a_reported_total_keeps_the_year_complete(engine, programme_id, tmp_path):
    load_file(engine, programme_id, "indicators", BASE)
    path = tmp_path / "with_total.csv"
    path.write_text("sector,year,value,unit\ntertiary,2023,?,t CO2e\nTotaal,2023,135,t CO2e\n", encoding="utf-8")
    assert _dry_run(engine, programme_id, path).incomplete_years == []


def test_the_cli_dry_run_prints_the_warning(engine, programme_id):
    load_file(engine, programme_id, "indicators", BASE)
    url = engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(main, ["--database-url", url, "load", "indicators", str(NEXT), "--dry-run"])
    assert out.exit_code == 0, out.output
    assert "warning: 2023 would become incomplete: tertiary buildings missing" in out.stderr
    assert "warning: 2024 would become incomplete: tertiary buildings missing" in out.stderr
