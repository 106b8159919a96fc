"""`roadmap serve --production`: gunicorn workers on one database and one Redis, as hosts would be.

An analyst uploads a correction through one gunicorn (two workers), `roadmap worker` runs the
queued import, another gunicorn reports its result; the overview, read at once through another gunicorn on the same database and Redis (another "host"), shows the new total.
Numbers: tests/data/analytics_inventory.csv gives 182,000 t in 2016 (see tests/test_derived.py);
analytics_correction.csv sets transport 2016 from 60,000 to 50,000 t: 172,000 t.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import flask
import pytest
import requests
from click.testing import CliRunner

from dashboard.app import create_app
from pipelines.db import make_engine
from pipelines.load import load_file
from pipelines.programmes import create_programme, init_database
from pipelines.settings import Settings
from roadmap_cli import main
from tests.auth_support import PASSWORD, SECRET, add_people, form_token
from tests.conftest import DATA, LEUVEN
from tests.service_support import ROADMAP, ROOT, Gunicorn, redis_url
from tests.upload_support import callback_body, data_url, poll_body

CORRECTION = DATA / "analytics_correction.csv"
OVERVIEW_STATE = {"path": "/", "lang": "en", "languages": ["nl", "en", "fr"], "fixed": {"lang": "en"},
                  "programme": None, "keys": ["target", "breakdown"]}
CONFIG = {"lang": "en", "programme": "leuven"}


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'roadmap.db'}"
    init_database(make_engine(url))
    result = CliRunner().invoke(main, ["--database-url", url, "serve", "--production"])
    assert result.exit_code == 1
    assert "SECRET_KEY is not set" in result.output and "same on every host" in result.output
    assert "Traceback" not in result.output


def test_workers_and_bind_without_production_are_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'roadmap.db'}"
    init_database(make_engine(url))
    result = CliRunner().invoke(main, ["--database-url", url, "serve", "--workers", "3"])
    assert result.exit_code == 1
    assert "--bind and --workers go with --production" in result.output


def test_the_wsgi_module_for_gunicorn_refuses_to_load_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'roadmap.db'}"
    done = subprocess.run([sys.executable, "-c", "import dashboard.wsgi"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("roadmap: SECRET_KEY is not set")


def client_address_app(tmp_path: Path, trusted_proxies: int) -> flask.Flask:
    url = f"sqlite:///{tmp_path / 'roadmap.db'}"
    init_database(make_engine(url))
    app = create_app(Settings(database_url=url, secret_key=SECRET, trusted_proxies=trusted_proxies))
    app.server.add_url_rule("/address", "address", lambda: flask.request.remote_addr)
    return app.server


@pytest.mark.parametrize(("trusted_proxies", "seen"), [(0, "10.0.0.1"), (1, "203.0.113.9")])
def test_the_client_address_comes_from_the_proxy_header_only_when_a_proxy_is_trusted(
    tmp_path, trusted_proxies, seen
):
    client = client_address_app(tmp_path, trusted_proxies).test_client()
    response = client.get("/address", headers={"X-Forwarded-For": "203.0.113.9"},
                          environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert response.get_data(as_text=True) == seen


@pytest.fixture
def seeded_database(tmp_path) -> str:
    """A SQLite file with the Leuven-like programme, its inventory, and analyst 'ann'."""
    url = f"sqlite:///{tmp_path / 'roadmap.db'}"
    engine = make_engine(url)
    init_database(engine)
    programme_id = create_programme(engine, LEUVEN)
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    add_people(engine)
    engine.dispose()
    return url


class Bodies:
    """Callback request bodies, built from the app's own dependency list (same code as the servers)."""

    def __init__(self, database_url: str):
        app = create_app(Settings(database_url=database_url, secret_key=SECRET))
        self.client = app.server.test_client()
        self.client.get("/")

    def overview(self) -> dict:
        return callback_body(self.client, "overview-main.children",
                             {"overview-target.data": None, "overview-state.data": OVERVIEW_STATE},
                             "overview-target.data")

    def check(self, path: Path) -> dict:
        return callback_body(self.client, "upload-report.children", {
            "upload-meta.data": {"name": path.name, "size": path.stat().st_size},
            "upload-kind.data": "indicators", "upload-decimal.data": "auto",
            "upload-new-indicators.data": "no", "upload-mapping-rows.data": [],
            "upload-file.contents": data_url(path), "upload-file.filename": path.name,
            "upload-config.data": CONFIG,
        }, "upload-meta.data")

    def confirm(self, path: Path, checked: dict) -> dict:
        return callback_body(self.client, "upload-outcome.children", {
            "upload-confirm.n_clicks": 1, "upload-file.contents": data_url(path),
            "upload-file.filename": path.name, "upload-checked.data": checked, "upload-config.data": CONFIG,
        }, "upload-confirm.n_clicks")


def emissions_2016(base_url: str, body: dict) -> str:
    """The overview's headline 'Emissions in 2016', as the public callback answers it."""
    response = requests.post(f"{base_url}/_dash-update-component", json=body, timeout=30)
    assert response.status_code == 200
    text = json.dumps(response.json(), ensure_ascii=False)
    found = re.search(r'"Emissions in 2016"\}.*?"children": "([^"]*)"', text)
    assert found, text[:500]
    return found.group(1)


def logged_in_session(base_url: str) -> requests.Session:
    session = requests.Session()
    token = form_token(session.get(f"{base_url}/login", timeout=30).content)
    answer = session.post(f"{base_url}/login", timeout=30, allow_redirects=False,
                          data={"name": "ann", "password": PASSWORD, "csrf_token": token})
    assert answer.status_code in (302, 303), answer.text[:300]
    return session


def upload(base_url: str, bodies: Bodies, path: Path, env: dict, report_url: str) -> str:
    """Check, then import, the file through the upload page's callbacks, as the analyst's browser;
    the import is queued on Redis, run by `roadmap worker`, and its result read through
    `report_url` (another host: the job's state is in the database)."""
    session = logged_in_session(base_url)
    headers = {"X-CSRFToken": session.cookies["_csrf_token"]}
    checked = session.post(f"{base_url}/_dash-update-component", json=bodies.check(path),
                           headers=headers, timeout=60)
    assert checked.status_code == 200, checked.text[:300]
    token = checked.json()["response"]["upload-checked"]["data"]
    assert token is not None, checked.text[:1000]
    imported = session.post(f"{base_url}/_dash-update-component", json=bodies.confirm(path, token),
                            headers=headers, timeout=60)
    assert imported.status_code == 200, imported.text[:300]
    job = imported.json()["response"]["upload-job"]["data"]
    assert job is not None, imported.text[:1000]
    worker = subprocess.run([*ROADMAP, "worker", "--burst"], env={**os.environ, **env}, cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert worker.returncode == 0, worker.stdout + worker.stderr
    polled = session.post(f"{report_url}/_dash-update-component", json=poll_body(bodies.client, job),
                          headers=headers, timeout=60)
    assert polled.status_code == 200, polled.text[:300]
    assert polled.json()["response"]["upload-job-tick"]["disabled"] is True  # the job has ended
    return json.dumps(polled.json(), ensure_ascii=False)


def test_an_upload_through_one_host_shows_at_once_on_another(seeded_database, tmp_path):
    env = {"DATABASE_URL": seeded_database, "SECRET_KEY": SECRET, "REDIS_URL": redis_url()}
    bodies = Bodies(seeded_database)
    hosts = []
    try:
        for name in ("a", "b"):
            hosts.append(Gunicorn(env, workers=2, log=tmp_path / f"gunicorn_{name}.log"))
        first, second = (host.wait_ready() for host in hosts)
        overview = bodies.overview()
        # Both hosts, every worker (several requests each): the old total, now in every cache.
        assert {emissions_2016(host.url, overview) for host in hosts for _ in range(4)} == {"182 kt CO₂e"}
        outcome = upload(first.url, bodies, CORRECTION, env, second.url)
        assert re.search(r"Imported as batch \d+: 0 new, 1 replaced", outcome), outcome[:1000]
        assert [emissions_2016(second.url, overview) for _ in range(4)] == ["172 kt CO₂e"] * 4
        assert [emissions_2016(first.url, overview) for _ in range(4)] == ["172 kt CO₂e"] * 4
    finally:
        for host in hosts:
            host.stop()
