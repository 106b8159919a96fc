"""Request bodies are refused by their size before they are read: 1 MB without a login, the
upload limit (base64 in JSON: 4/3 of it, plus 1 MB of page state) with one."""

from __future__ import annotations

import io

import pytest

from dashboard.request_limits import ANONYMOUS_BODY_BYTES, body_limit
from tests.auth_support import csrf_header, log_in, programme_and_people
from tests.upload_support import real_app

DISPATCH = "/_dash-update-component"


class CountingStream(io.BytesIO):
    """A request body that counts how much of it the server read."""

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        self.taken = getattr(self, "taken", 0) + len(data)
        return data


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with ann (analyst) and cor (coordinator), seeded once per backend."""
    with seeded_databases.fresh(request.param, tmp_path, programme_and_people) as url:
        yield url


@pytest.fixture
def app(engine, database_url):
    return real_app(engine, database_url, max_upload_mb=2.0)


def test_the_limits_follow_the_upload_setting():
    # 2 MB upload: 2 * 1,048,576 * 4/3 = 2,796,202 (rounded down) + 1,048,576 of state = 3,844,778.
    assert body_limit(True, 2.0) == 3_844_778
    assert body_limit(False, 2.0) == ANONYMOUS_BODY_BYTES == 1_048_576


def test_an_anonymous_body_over_1_mb_is_refused_in_words_before_it_is_read(app):
    body = CountingStream(b"{" + b" " * (2 * 1024 * 1024) + b"}")
    response = app.server.test_client().post(
        DISPATCH, input_stream=body, content_type="application/json",
        headers={"Content-Length": str(len(body.getvalue()))})
    assert response.status_code == 413
    text = response.get_data(as_text=True)
    assert "at most 1 MB" in text and "hoogstens 1 MB" in text and "Log in" in text
    assert getattr(body, "taken", 0) == 0  # not one byte parsed


def test_an_anonymous_login_form_over_1_mb_is_refused(app):
    response = app.server.test_client().post("/login", data={"name": "x" * (1024 * 1024 + 1), "password": "p"})
    assert response.status_code == 413


def test_a_logged_in_body_within_the_upload_limit_is_read_and_one_over_it_refused(app):
    client = app.server.test_client()
    assert log_in(client, "cor").status_code == 303
    headers = {**csrf_header(client), "Origin": "http://localhost"}
    within = b'{"output": "x", "inputs": [], "changedPropIds": [], "pad": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    response = client.post(DISPATCH, data=within, content_type="application/json", headers=headers)
    assert response.status_code != 413  # read and answered by Dash (here: no such callback)
    over = b"a" * (body_limit(True, 2.0) + 1)
    response = client.post(DISPATCH, data=over, content_type="application/json", headers=headers)
    assert response.status_code == 413
    assert "at most 4 MB" in response.get_data(as_text=True)  # 3,844,778 bytes shown as 4 MB
