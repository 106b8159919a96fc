"""Dashboard queries on a real database (SQLite and PostgreSQL): what each page reads."""

from __future__ import annotations

import pytest

from dashboard import queries
from pipelines.db import make_engine
from pipelines.programmes import create_programme, resolve_programme
from tests.conftest import LEUVEN, unchanged
from tests.dashboard_seed import IMPORTER, SCRIPT_PARTNER, SEED_PROGRAMME, seed_dashboard_programme


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_engine(request, tmp_path_factory, seeded_databases):
    """One copy of the seed per backend for the module: the queries only read."""
    directory = tmp_path_factory.mktemp("queries")
    with seeded_databases.engine(request.param, directory, seed_dashboard_programme) as engine, unchanged(engine):
        yield engine


@pytest.fixture
def engine(shared_engine):
    return shared_engine


@pytest.fixture
def seeded(shared_engine) -> int:
    return resolve_programme(shared_engine, SEED_PROGRAMME.slug).id


@pytest.fixture
def empty_engine(database_url):
    """A fresh database of its own (`engine` is the shared seed here)."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _sets(engine, programme_id):
    sets = queries.target_sets(engine, programme_id)
    return sets, int(sets.iloc[0]["id"]), int(sets.iloc[1]["id"])


def test_primary_target_set_comes_first(engine, seeded):
    sets, _, _ = _sets(engine, seeded)
    assert list(sets["name"]) == ["Climate neutrality", "Covenant of Mayors"]
    assert bool(sets.iloc[0]["is_primary"]) is True


def test_progress_series_reads_the_chosen_target_sets_pathway(engine, seeded):
    _, primary, com = _sets(engine, seeded)
    primary_rows = queries.progress_series(engine, seeded, primary).set_index("year")
    com_rows = queries.progress_series(engine, seeded, com).set_index("year")
    # pathway 2024: 688,000 × 6/20 = 206,400 (primary); 688,000 − 18,920 × 14 = 423,120 (CoM)
    assert primary_rows.loc[2024, "pathway_t"] == pytest.approx(206_400)
    assert com_rows.loc[2024, "pathway_t"] == pytest.approx(423_120)
    assert primary_rows.loc[2024, "actual_t"] == 478_000
    assert list(primary_rows.index) == list(range(2010, 2031))


def test_summary_is_a_dict_with_the_headline_numbers(engine, seeded):
    _, primary, _ = _sets(engine, seeded)
    summary = queries.summary(engine, seeded, primary)
    assert summary["latest_t"] == 478_000 and summary["status"] == "off_track"
    assert queries.summary(engine, seeded, primary, "waste") == {}


def test_milestones_of_a_target_set(engine, seeded):
    _, primary, _ = _sets(engine, seeded)
    assert list(queries.milestones(engine, primary)["year"]) == [2025]


def test_emissions_by_sector_has_totals_and_sectors(engine, seeded):
    emissions = queries.emissions_by_sector(engine, seeded)
    total_2024 = emissions[(emissions["year"] == 2024) & (emissions["sector_code"] == "total")]
    assert total_2024["value_t"].item() == 478_000
    assert set(emissions["sector_code"]) == {"buildings", "transport", "waste", "afolu", "total"}


def test_commitments_filter_by_status_type_sector_and_search(engine, seeded):
    everything = queries.commitments(engine, seeded)
    assert len(everything) == 4
    assert list(queries.commitments(engine, seeded, statuses=["achieved"])["title"]) == ["Campus heat pumps"]
    assert list(queries.commitments(engine, seeded, partner_types=["residents"])["partner"]) == ["Buurtgroep Wijgmaal"]
    transport = queries.commitments(engine, seeded, sectors=["transport"])
    assert sorted(transport["title"]) == ["Electric delivery vans", "Green fleet"]
    # search is case-insensitive over partner names, titles and descriptions
    assert list(queries.commitments(engine, seeded, search="RENOVATION")["title"]) == ["Collective renovation"]
    assert list(queries.commitments(engine, seeded, search="cargo bike")["partner"]) == [SCRIPT_PARTNER]


def test_search_treats_like_wildcards_as_text(engine, seeded):
    assert queries.commitments(engine, seeded, search="%").empty
    assert queries.commitments(engine, seeded, search="_").empty


def test_commitment_totals_by_status(engine, seeded):
    totals = queries.commitment_totals(engine, seeded).set_index("status")
    assert totals.loc["in_progress", "reduction_t"] == 20_000
    assert int(totals["count"].sum()) == 4


def test_indicators_with_data_and_one_series(engine, seeded):
    found = queries.indicators(engine, seeded, kinds=["activity"])
    assert sorted(found["code"]) == ["ev_share", "renovated_homes"]
    # the emissions indicators created with the programme have no observations
    assert queries.indicators(engine, seeded, kinds=["emissions"]).empty
    ev = int(found.set_index("code").loc["ev_share", "id"])
    series = queries.indicator_series(engine, seeded, ev)
    assert list(series["period"]) == [str(y) for y in range(2018, 2025)]
    assert series["value"].iloc[-1] == 15.0


def test_import_history_has_public_fields_only(engine, seeded):
    history = queries.import_history(engine, seeded)
    assert "created_by" not in history.columns
    assert IMPORTER not in history.astype(str).to_string()
    assert list(history["file_name"]) == ["activity-2024.csv"]
    assert queries.last_update(engine, seeded).year == 2025


def test_queries_on_a_programme_without_data_return_empty_frames_with_columns(empty_engine):
    engine, programme_id = empty_engine, create_programme(empty_engine, LEUVEN)
    sets = queries.target_sets(engine, programme_id)
    progress = queries.progress_series(engine, programme_id, int(sets.iloc[0]["id"]))
    assert progress.empty and "actual_t" in progress.columns
    assert queries.emissions_by_sector(engine, programme_id).empty
    assert queries.commitments(engine, programme_id).empty
    assert queries.import_history(engine, programme_id).empty
    assert queries.last_update(engine, programme_id) is None


def test_a_database_without_programmes_lists_none(empty_engine):
    assert queries.programmes(empty_engine).empty
