"""Writers queue, never fail: while a real import holds its write transaction, a second import
waits its turn and says so, and an edit or a login waits a bounded time, then says in words that
an import is running (SQLite and PostgreSQL).

The first import (conc_first.csv, 6 values) is held open from its progress callback, inside its
transaction, until the test releases it; conc_second.csv then adds 2 values and supersedes 2
(see test_concurrent_imports.py for the files' numbers).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from pipelines import audit
from pipelines.db import EDIT_WAIT_S, WAITING_FOR_IMPORT, ImportRunning
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.login_throttle import DatabaseThrottle, ThrottleKey
from pipelines.schema import Partner
from tests.conftest import DATA
from tests.test_concurrent_imports import WAIT_S, Worker, batches

REPO = Path(__file__).resolve().parents[1]


class HeldImport:
    """conc_first.csv imported in a thread that keeps its write transaction open until released."""

    def __init__(self, database_url: str, programme_id: int):
        self.writing, self.release = threading.Event(), threading.Event()

        def hold(_rows: int) -> None:
            self.writing.set()
            assert self.release.wait(WAIT_S * 2)

        self.worker = Worker(database_url, lambda e: load_file(
            e, programme_id, "indicators", DATA / "conc_first.csv", progress=hold))

    def __enter__(self) -> HeldImport:
        self.worker.start()
        assert self.writing.wait(WAIT_S)
        return self

    def __exit__(self, *_exc) -> None:
        self.release.set()
        self.worker.join(WAIT_S)


def _a_partner(engine, programme_id: int) -> int:
    load_file(engine, programme_id, "partners", REPO / "data" / "templates" / "partners.csv")
    with engine.connect() as conn:
        return conn.execute(select(Partner.id).where(Partner.programme_id == programme_id)).scalars().first()


def test_a_second_import_waits_for_a_running_one_says_so_and_then_builds_on_it(database_url, engine, programme_id):
    told: list[str] = []
    said_so = threading.Event()

    def on_wait(text: str) -> None:
        told.append(text)
        said_so.set()

    with HeldImport(database_url, programme_id) as first:
        second = Worker(database_url, lambda e: load_file(
            e, programme_id, "indicators", DATA / "conc_second.csv", options=LoadOptions(on_wait=on_wait)))
        second.start()
        assert said_so.wait(WAIT_S), "the second import never said that it waits"
        assert second.is_alive()  # still waiting: the first holds the lock
    a, b = first.worker.outcome(), second.outcome()
    assert told == [WAITING_FOR_IMPORT]  # said once, in both languages
    assert WAITING_FOR_IMPORT.nl.startswith("wachten")
    assert (a.added, b.added, b.superseded) == (6, 2, 2)
    assert batches(engine) == [("conc_first.csv", "completed", 6, 0), ("conc_second.csv", "completed", 2, 2)]


def test_an_edit_during_an_import_waits_a_bounded_time_then_says_an_import_runs(database_url, engine, programme_id):
    partner_id = _a_partner(engine, programme_id)
    with HeldImport(database_url, programme_id):
        started = time.monotonic()
        with pytest.raises(ImportRunning) as refused:
            audit.edit(engine, programme_id, "partner", partner_id, {"description": "New text"}, "coordinator")
        waited = time.monotonic() - started
    assert EDIT_WAIT_S - 0.5 <= waited <= EDIT_WAIT_S + 5  # 10 s of waiting, not 30, not for good
    assert "an import is running" in str(refused.value)
    assert "er loopt een import" in refused.value.in_language("nl")
    # After the import, the same edit goes through.
    changed = audit.edit(engine, programme_id, "partner", partner_id, {"description": "New text"}, "coordinator")
    assert "description" in changed


def test_a_failed_login_during_an_import_is_counted_or_refused_in_words(database_url, engine, programme_id):
    """SQLite has one write lock for the whole file: the counter waits 10 s, then ImportRunning.
    PostgreSQL locks rows: the counter does not meet the import at all and counts at once."""
    throttle, key = DatabaseThrottle(engine), ThrottleKey("user", "someone")
    with HeldImport(database_url, programme_id):
        started = time.monotonic()
        try:
            throttle.record_failure([key])
            outcome = "counted"
        except ImportRunning:
            outcome = "refused in words"
        waited = time.monotonic() - started
    if engine.dialect.name == "sqlite":
        assert (outcome, round(waited) >= EDIT_WAIT_S - 1) == ("refused in words", True)
    else:
        assert (outcome, waited < 5) == ("counted", True)
        assert throttle.failures(key) == 1


def test_the_command_line_import_waits_for_a_running_one_and_says_so(database_url, engine, programme_id):
    with HeldImport(database_url, programme_id):
        cli = subprocess.Popen(
            [sys.executable, "-m", "roadmap_cli", "--database-url", database_url, "load", "indicators",
             str(DATA / "conc_second.csv")],
            cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        first_line = cli.stderr.readline()  # blocks until the command says something
        assert "waiting for another import of this programme" in first_line
        assert cli.poll() is None  # and it is still waiting, not failed
    out, err = cli.communicate(timeout=WAIT_S)
    assert cli.returncode == 0, err
    assert "locked" not in err and "Traceback" not in err
    assert "added 2, superseded 2" in out


def test_a_mistyped_password_during_an_import_gets_words_not_a_500(database_url, engine, programme_id):
    from tests.auth_support import add_people, log_in
    from tests.upload_support import real_app

    add_people(engine)
    client = real_app(engine, database_url).server.test_client()
    with HeldImport(database_url, programme_id):
        response = log_in(client, "cor", "not the password")
    page = response.get_data(as_text=True)
    if engine.dialect.name == "sqlite":  # the failure counter needs the write lock the import holds
        assert response.status_code == 503 and response.headers["Retry-After"] == "60"
        assert "An import is running; logging in is not possible right now" in page
    else:  # row locks: the counter does not meet the import
        assert response.status_code == 200 and "wrong password" in page
