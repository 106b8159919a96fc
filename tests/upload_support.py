"""Helpers for the upload and import-history tests: the real app and its fixtures, and callback
requests as the renderer sends them."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine, func, select

from dashboard.app import create_app
from pipelines.schema import Commitment, ImportBatch, Observation, Partner
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.conftest import leuven_id


def real_app(engine: Engine, database_url: str, **settings):
    """The dashboard as `roadmap serve` builds it, with a fixed secret key."""
    return create_app(Settings(secret_key=SECRET, database_url=database_url, **settings), engine)


def seeded_app_fixtures(seed: Callable[[Engine], object]):
    """`database_url`, `programme_id` and `app` over a fresh copy of `seed`'s Leuven 2030, per test.

    Bind them at module level::

        database_url, programme_id, app = seeded_app_fixtures(programme_and_people)
    """

    @pytest.fixture(params=["sqlite", "postgresql"])
    def database_url(request, tmp_path, seeded_databases):
        """A copy of what `seed` writes, seeded once per backend."""
        with seeded_databases.fresh(request.param, tmp_path, seed) as url:
            yield url

    @pytest.fixture
    def programme_id(engine) -> int:
        return leuven_id(engine)

    @pytest.fixture
    def app(engine, database_url, programme_id):
        return real_app(engine, database_url)

    return database_url, programme_id, app


def data_url(path: Path) -> str:
    """A file as dcc.Upload hands it to callbacks."""
    return "data:text/csv;base64," + base64.b64encode(path.read_bytes()).decode()


def _parts(spec: str) -> list[str]:
    """'..a.b...c.d@hash..' -> ['a.b', 'c.d@hash'] (a duplicate output keeps its '@hash')."""
    return spec[2:-2].split("...") if spec.startswith("..") else [spec]


def _outputs(spec: str) -> list[dict]:
    outputs = []
    for part in _parts(spec):
        component, _, prop = part.rpartition(".")
        outputs.append({"id": json.loads(component) if component.startswith("{") else component,
                        "property": prop.split("@")[0]})
    return outputs


def _value(item: dict, values: dict):
    """The request entry of one input or state; a wildcard id takes a list of (id, value) pairs."""
    key = f"{item['id']}.{item['property']}"
    if not item["id"].startswith("{"):
        return {"id": item["id"], "property": item["property"], "value": values.get(key)}
    return [{"id": ident, "property": item["property"], "value": value}
            for ident, value in values.get(key, [])]


def callback_body(client: FlaskClient, output: str, values: dict, changed: str) -> dict:
    """The JSON Dash's renderer posts to /_dash-update-component for the callback that sets `output`.

    `values`: 'id.property' -> value (for a wildcard input, its pattern string -> [(id dict, value)]);
    `changed`: the 'id.property' that triggered the call.
    """
    for dependency in client.get("/_dash-dependencies").get_json():
        if output in _parts(dependency["output"]):  # its own output, not a duplicate's '@hash' one
            outputs = _outputs(dependency["output"])
            return {
                "output": dependency["output"],
                "outputs": outputs if dependency["output"].startswith("..") else outputs[0],
                "inputs": [_value(i, values) for i in dependency["inputs"]],
                "state": [_value(s, values) for s in dependency["state"]],
                "changedPropIds": [changed],
            }
    raise AssertionError(f"no callback sets {output}")


def text_of(response) -> str:
    """A callback's answer as plain text: JSON decoded (no escaped '/' or accents)."""
    return json.dumps(response.get_json(), ensure_ascii=False)


def post_callback(client: FlaskClient, body: dict, headers: dict | None = None):
    return client.post("/_dash-update-component", json=body, headers=headers or {})


def row_counts(engine: Engine) -> dict[str, int]:
    """What any import or undo would change: rows per table, and batches per status."""
    with engine.connect() as conn:
        counts = {model.__tablename__: conn.scalar(select(func.count()).select_from(model))
                  for model in (Observation, Partner, Commitment)}
        counts["current_observations"] = conn.scalar(
            select(func.count()).select_from(Observation).where(Observation.is_current))
        for status, n in conn.execute(select(ImportBatch.status, func.count()).group_by(ImportBatch.status)):
            counts[f"batches_{status}"] = n
    return counts


def poll_body(client: FlaskClient, job: dict, config: dict | None = None) -> dict:
    """The body of the upload page's poll of its import job (its outputs are all duplicates)."""
    poll = next(d for d in client.get("/_dash-dependencies").get_json()
                if any(i["id"] == "upload-job-tick" for i in d["inputs"]))
    return {"output": poll["output"], "outputs": _outputs(poll["output"]),
            "inputs": [{"id": "upload-job-tick", "property": "n_intervals", "value": 1}],
            "state": [{"id": "upload-job", "property": "data", "value": job},
                      {"id": "upload-config", "property": "data",
                       "value": config or {"lang": "en", "programme": "leuven"}}],
            "changedPropIds": ["upload-job-tick.n_intervals"]}


def job_outcome(client: FlaskClient, confirmed, headers: dict | None = None, timeout_s: float = 60.0) -> str:
    """The text of a confirmed import's outcome: the page's poll of its job, asked until it ends.

    `confirmed`: the confirm callback's answer (which queued the job, or refused the file).
    """
    import time

    answer = confirmed.get_json()["response"]
    job = (answer.get("upload-job") or {}).get("data")
    if not job:
        return text_of(confirmed)  # refused before any job was queued
    deadline = time.monotonic() + timeout_s
    texts = [text_of(confirmed)]
    while time.monotonic() < deadline:
        response = post_callback(client, poll_body(client, job), headers)
        assert response.status_code == 200, response.status_code
        texts.append(text_of(response))
        answer = response.get_json()["response"]
        job = answer["upload-job"]["data"]
        if answer["upload-job-tick"]["disabled"]:
            return "\n".join(texts)
        time.sleep(0.1)
    raise AssertionError(f"the import job did not end in {timeout_s} s: {texts[-1]}")
