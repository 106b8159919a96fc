"""The public pages' query cache: repeated reads come from it, and every write shows at once in
every worker, whether each keeps its own cache (in-process) or they share Redis.

Numbers (tests/data/analytics_inventory.csv, worked out in tests/test_derived.py): total emissions
2016 = 88,000 + 44,000 + 60,000 - 10,000 = 182,000 t. analytics_correction.csv sets transport
2016 to 50,000: 172,000 t. cache_correction_b.csv sets it to 55,000: 177,000 t.
Commitments (commitments_en_kt.csv): heat network 1.5 kt/yr in progress, LED street lights
300 t/yr planned.
"""

from __future__ import annotations

from contextlib import contextmanager

import flask
import pytest
from sqlalchemy import event

from dashboard import queries
from dashboard.app import create_app
from dashboard.context import current_engine, write_engine
from pipelines import audit
from pipelines.backup import backup, restore
from pipelines.db import make_engine
from pipelines.load import load_file
from pipelines.settings import Settings
from pipelines.targets import set_target
from pipelines.undo import undo_batch
from tests.auth_support import SECRET
from tests.conftest import DATA, LEUVEN
from tests.service_support import redis_url
from tests.wire_support import of_type


@pytest.fixture(params=["in-process", "redis"])
def cache_kind(request) -> dict:
    """Settings of the cache under test: none (in-process) or REDIS_URL."""
    return {} if request.param == "in-process" else {"redis_url": redis_url()}


@pytest.fixture
def workers(database_url, cache_kind):
    """Two app workers on the same database, each with its own engine (and cache, unless Redis)."""
    apps = [
        create_app(Settings(database_url=database_url, secret_key=SECRET, **cache_kind),
                   make_engine(database_url))
        for _ in range(2)
    ]
    yield apps
    for app in apps:
        app.server.extensions["roadmap_dashboard"].engine.dispose()


def read(app, query, *args, **kwargs):
    """A public query as a page's callback runs it: inside the app, through the cache."""
    if flask.has_request_context():
        return query(current_engine(), *args, **kwargs)
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        return query(current_engine(), *args, **kwargs)


def latest_total(app, programme_id: int) -> float:
    target_id = int(read(app, queries.target_sets, programme_id)["id"].iloc[0])
    return read(app, queries.summary, programme_id, target_id)["latest_t"]


def read_everywhere(apps, what) -> list:
    """Each worker reads twice: the second read of each is the one a warm cache answers."""
    return [what(app) for app in apps for _ in range(2)]


@contextmanager
def statements(engine):
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        # The read-only guard of the pages' connection (pipelines.db.read_only) reads no data.
        if not statement.startswith(("BEGIN", "PRAGMA query_only", "SET TRANSACTION READ ONLY")):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_repeated_read_only_asks_the_database_for_the_data_version(workers, engine, programme_id):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    app = workers[0]
    assert latest_total(app, programme_id) == 182_000
    with statements(app.server.extensions["roadmap_dashboard"].engine) as seen:
        assert latest_total(app, programme_id) == 182_000
    assert seen and all("programme.data_version" in s for s in seen)


def test_a_request_that_imports_then_reads_sees_its_own_import(workers, engine, programme_id):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    app = workers[0]
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        # One request: read (versions now known to the request), write, read again.
        assert latest_total(app, programme_id) == 182_000
        load_file(write_engine(), programme_id, "indicators", DATA / "analytics_correction.csv")
        assert latest_total(app, programme_id) == 172_000


def test_an_import_and_its_undo_show_at_once_in_every_worker(workers, engine, programme_id):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [182_000] * 4
    correction = load_file(engine, programme_id, "indicators", DATA / "analytics_correction.csv")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [172_000] * 4
    undo_batch(engine, correction.batch_id, "test")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [182_000] * 4


def test_a_target_edit_shows_at_once_in_every_worker(workers, engine, programme_id):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")

    def target_t(app):
        target_id = int(read(app, queries.target_sets, programme_id)["id"].iloc[0])
        return read(app, queries.summary, programme_id, target_id)["target_t"]

    assert read_everywhere(workers, target_t) == [0] * 4  # climate-neutral: 0 % of baseline
    set_target(engine, programme_id, LEUVEN.target_set_name, "total", "residual_pct", 50.0)
    assert read_everywhere(workers, target_t) == [100_000] * 4  # 50 % of 200,000


def test_a_commitment_edit_shows_at_once_in_every_worker(workers, engine, programme_id):
    load_file(engine, programme_id, "partners", DATA / "cache_partners.csv")
    load_file(engine, programme_id, "commitments", DATA / "commitments_en_kt.csv")

    def by_status(app):
        totals = read(app, queries.commitment_totals, programme_id)
        return dict(zip(totals["status"], totals["reduction_t"], strict=True))

    assert read_everywhere(workers, by_status) == [{"in_progress": 1500, "planned": 300}] * 4
    led = read(workers[0], queries.commitments, programme_id, search="LED")["id"].iloc[0]
    audit.edit(engine, programme_id, "commitment", int(led), {"status": "achieved"}, "test")
    assert read_everywhere(workers, by_status) == [{"achieved": 300, "in_progress": 1500}] * 4


def test_after_a_restore_and_a_new_write_no_answer_cached_before_the_restore_returns(
    workers, engine, programme_id, tmp_path
):
    # A version counter would repeat here: backup at n, write n+1, restore n, another write n+1.
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    backup(engine, tmp_path / "before.backup")
    load_file(engine, programme_id, "indicators", DATA / "analytics_correction.csv")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [172_000] * 4
    restore(engine, tmp_path / "before.backup")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [182_000] * 4
    load_file(engine, programme_id, "indicators", DATA / "cache_correction_b.csv")
    assert read_everywhere(workers, lambda app: latest_total(app, programme_id)) == [177_000] * 4


def test_workers_share_answers_through_redis(database_url, engine, programme_id):
    settings = Settings(database_url=database_url, secret_key=SECRET, redis_url=redis_url())
    first, second = (create_app(settings, make_engine(database_url)) for _ in range(2))
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    assert latest_total(first, programme_id) == 182_000
    with statements(second.server.extensions["roadmap_dashboard"].engine) as seen:
        assert latest_total(second, programme_id) == 182_000
    assert seen and all("programme.data_version" in s for s in seen)


def test_reads_go_on_from_the_database_when_redis_is_down(database_url, engine, programme_id):
    nowhere = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    app = create_app(Settings(database_url=database_url, secret_key=SECRET, redis_url=nowhere),
                     make_engine(database_url))
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    assert [latest_total(app, programme_id) for _ in range(2)] == [182_000, 182_000]


def test_a_caller_changing_a_cached_table_does_not_change_the_next_answer(workers, engine, programme_id):
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    first = read(workers[0], queries.emissions_by_sector, programme_id)
    first["value_t"] = 0.0
    again = read(workers[0], queries.emissions_by_sector, programme_id)
    assert again["value_t"].max() == 200_000  # 2010 total


def test_the_built_overview_section_is_kept_and_follows_every_import(workers, engine, programme_id):
    """The overview's sections are kept per data version like the queries (dashboard/cache.py):
    a warm read asks the database only for the version, and an import shows at once everywhere."""
    from dashboard.context import current_programme
    from dashboard.sections.overview_sections import main_content

    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")

    def section_text(app) -> str:
        with app.server.test_request_context("/_dash-update-component", method="POST"):
            return str(main_content(current_programme(None), None, "en"))

    before = read_everywhere(workers, section_text)
    assert len(set(before)) == 1 and "182" in before[0]
    with statements(workers[0].server.extensions["roadmap_dashboard"].engine) as seen:
        section_text(workers[0])
    assert seen and all("programme.data_version" in s for s in seen)
    load_file(engine, programme_id, "indicators", DATA / "analytics_correction.csv")
    after = read_everywhere(workers, section_text)
    assert len(set(after)) == 1 and after[0] != before[0] and "172" in after[0]


def test_the_overview_sectors_chart_ticks_the_target_year(workers, engine, programme_id):
    """The sector area chart labels the latest year and the programme's target year (2030)."""
    from dashboard.sections.overview_sections import sectors_content

    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    with workers[0].server.test_request_context("/_dash-update-component", method="POST"):
        blocks = sectors_content(programme_id, "absolute", "en", target_year=2030)

    [graph] = of_type(blocks, "Graph")
    axis = graph["props"]["figure"]["layout"]["xaxis"]
    assert 2030 in axis["tickvals"] and "2030" in axis["ticktext"]
