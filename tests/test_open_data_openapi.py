"""schemathesis against /api/v1/openapi.json, in-process on the WSGI app over a seeded database.

Every operation of the document is called with generated parameters (valid and invalid ones, a
few examples each, so the whole run stays well under a minute); every answer must match the
document (status, content type, schema) and none may be a server error.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from dashboard.api.openapi import openapi_document
from dashboard.app import create_app
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.dashboard_seed import seed_dashboard_programme

# The seeded programme's slug for every path: a random slug would only ever test the 404.
CONFIG = {"parameters": {"path.slug": "leuven"}, "generation": {"max-examples": 8}}


@pytest.fixture
def api_schema(engine, database_url):
    seed_dashboard_programme(engine)
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
