"""schemathesis against /api/v1/openapi.json, in-process on the WSGI app over a seeded database.

Every operation of the document is called with generated parameters (valid and invalid ones, a
few examples each, so the whole run stays well under a minute); every answer must match the
document (status, content type, schema) and none may be a server error.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from werkzeug.serving import make_server

from dashboard.api.openapi import openapi_document
from dashboard.app import create_app
from pipelines.db import make_engine
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.dashboard_seed import seed_dashboard_programme

# The seeded programme's slug for every path: a random slug would only ever test the 404.
CONFIG = {"parameters": {"path.slug": "leuven"}, "generation": {"max-examples": 8}}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the dashboard seed (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, seed_dashboard_programme) as url:
        yield url


@pytest.fixture
def api_schema(engine, database_url):
    app = create_app(Settings(secret_key=SECRET, database_url=database_url), engine)
    return schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", app.server, config=SchemathesisConfig.from_dict(CONFIG)
    )


def check_operation(operation, mode: GenerationMode) -> None:
    # schemathesis' own pytest plugin (`from_fixture`) does not run on pytest 9 yet; this drives
    # the same strategies and checks through Hypothesis directly.
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters={"slug": "leuven"}))
    @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case):
        # The in-process client does not undo gzip (a real client does; tested apart).
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_the_openapi_document_says(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    # programmes, one programme, status, emissions .json/.csv, observations (+.csv), targets,
    # datapackage, dcat = 10; indicators, commitments, partners with their .csv = 6; reports
    # .csv and .xlsx = 2
    assert len(operations) == 18
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and not has_query(operation.path):
            continue  # only the slug, fixed above: nothing invalid to send
        check_operation(operation, mode)


def has_query(path: str) -> bool:
    parameters = openapi_document()["paths"][path]["get"].get("parameters", [])
    return any(p["in"] == "query" for p in parameters)


def test_the_schemathesis_command_line_passes_against_a_running_server(tmp_path, seeded_databases):
    """Every phase of `schemathesis run` (examples, coverage, fuzzing, stateful), bounded."""
    with seeded_databases.fresh("sqlite", tmp_path, seed_dashboard_programme) as url:
        _schemathesis_run(tmp_path, url)


def _schemathesis_run(tmp_path, url: str) -> None:
    engine = make_engine(url)
    app = create_app(Settings(secret_key=SECRET, database_url=url), engine)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/api/v1"
    config = tmp_path / "schemathesis.toml"
    config.write_text('[parameters]\n"path.slug" = "leuven"\n\n[generation]\nmax-examples = 5\n')
    try:
        result = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
             f"{base}/openapi.json", "--url", base, "--seed", "1"],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,  # its cache stays out of the repo
        )
    finally:
        server.shutdown()
        thread.join()
        engine.dispose()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Tested: 18" in result.stdout
