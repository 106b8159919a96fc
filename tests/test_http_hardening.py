"""Headers and malformed requests over HTTP: every route sends the security headers, the CSP names
a hash for every inline script of the page (and never 'unsafe-eval'), fingerprinted files are
cached for good, and no malformed or wrong-typed request gets a 500."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
import requests

from dashboard.app import create_app
from dashboard.http_headers import frame_ancestors
from pipelines.errors import UserError
from pipelines.settings import Settings
from tests.auth_support import SECRET, csrf_header, log_in
from tests.coordinate_support import seed_coordination_and_admin
from tests.service_support import Gunicorn

CALLBACK = "/_dash-update-component"
EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
}
ASSET_URL = re.compile(r'(?:src|href)="(/[^"]+\.(?:js|css)(?:\?[^"]*)?)"')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the coordination programme with an admin, for a test that may write."""
    with seeded_databases.fresh(request.param, tmp_path, seed_coordination_and_admin) as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_database_url(request, tmp_path_factory, seeded_databases):
    """One database per backend for this module's tests that only read (nothing here writes to it)."""
    directory = tmp_path_factory.mktemp("http_hardening")
    with seeded_databases.fresh(request.param, directory, seed_coordination_and_admin) as url:
        yield url


@pytest.fixture(scope="module")
def shared_app(shared_database_url, shared_engine):
    """One app over the shared database, for the tests that send no login and change nothing."""
    app = create_app(Settings(secret_key=SECRET, database_url=shared_database_url), shared_engine)
    app.server.test_client().get("/")  # Dash Pages registers its page callback at the first request
    return app


@pytest.fixture
def reader(shared_app):
    """A client of its own (no cookies from other tests) for the shared app."""
    return shared_app.server.test_client()


@pytest.fixture
def app(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


@pytest.fixture
def client(app):
    client = app.server.test_client()
    client.get("/")  # Dash Pages registers its page callback at the first request
    return client


def public_callback(app) -> dict:
    return {"output": next(k for k in app.callback_map if "overview-main.children" in k),
            "outputs": [], "inputs": [], "state": []}


def route_answers(client) -> dict[str, object]:
    page = client.get("/?lang=en")
    assets = ASSET_URL.findall(page.get_data(as_text=True))
    return {
        "/": page, "/login": client.get("/login"),
        "asset": client.get(next(a for a in assets if a.startswith("/assets/"))),
        "component suite": client.get(next(a for a in assets if a.startswith("/_dash-component-suites/"))),
        "callback": client.post(CALLBACK, json={"output": "nope.children"}),
        "not found": client.get("/no/such/page.txt"),
    }


def test_every_route_sends_the_security_headers(reader):
    for name, response in route_answers(reader).items():
        for header, value in EXPECTED.items():
            assert response.headers.get(header) == value, (name, header)
        policy = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy, name
        assert "'unsafe-eval'" not in policy, name
        assert "camera=()" in response.headers["Permissions-Policy"], name
        assert "Strict-Transport-Security" not in response.headers, name  # plain HTTP by default


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_pages_own_inline_scripts(reader):
    response = reader.get("/?lang=en")
    html = response.get_data(as_text=True)
    script_src = next(d for d in response.headers["Content-Security-Policy"].split("; ")
                      if d.startswith("script-src"))
    allowed = set(script_src.split()[2:])
    # Executable inline scripts only: Dash's config is a JSON data block, which CSP does not govern.
    scripts = [body for attrs, body in INLINE_SCRIPT.findall(html) if "application/json" not in attrs]
    assert len(scripts) >= 2  # at least a clientside callback and the renderer's start
    assert {sha256_source(body) for body in scripts} <= allowed
    assert "'unsafe-inline'" not in script_src and script_src.split()[1] == "'self'"


def test_hsts_only_with_secure_cookies(shared_engine, shared_database_url):
    settings = Settings(secret_key=SECRET, database_url=shared_database_url, secure_cookies=True)
    app = create_app(settings, shared_engine)
    response = app.server.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_frame_ancestors_can_allow_an_embedding_site(shared_engine, shared_database_url):
    settings = Settings(secret_key=SECRET, database_url=shared_database_url,
                        frame_ancestors="'self' https://www.leuven.be")
    response = create_app(settings, shared_engine).server.test_client().get("/login")
    assert "frame-ancestors 'self' https://www.leuven.be;" in response.headers["Content-Security-Policy"] + ";"
    assert "X-Frame-Options" not in response.headers  # it cannot name another site; the CSP does


@pytest.mark.parametrize("value", ["", "'self'; script-src *", "https://a.example, https://b.example",
                                   "'none' 'self'", "'unsafe-inline'"])
def test_a_bad_frame_ancestors_setting_is_refused_with_its_name(value):
    with pytest.raises(UserError, match="FRAME_ANCESTORS="):
        frame_ancestors(value)


def test_fingerprinted_files_are_cached_for_good_and_others_revalidated(reader):
    answers = route_answers(reader)
    immutable = "public, max-age=31536000, immutable"
    assert answers["component suite"].headers["Cache-Control"] == immutable
    assert answers["asset"].headers["Cache-Control"] == immutable  # /assets/...?m=<stamp>
    assert reader.get("/assets/style.css").headers["Cache-Control"] == "no-cache"  # no stamp
    assert "immutable" not in answers["/"].headers.get("Cache-Control", "")


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"), (b"[1, 2]", "application/json"), (b'"text"', "application/json"),
    (b'{"output": "nope.children"}', "application/json"),
    (b'{"output": 5}', "application/json"),
    (b"\xff\xfe\x00", "application/json"), (b"output=x", "application/x-www-form-urlencoded"),
])
def test_malformed_callback_requests_get_400(reader, body, content_type):
    assert reader.post(CALLBACK, data=body, content_type=content_type).status_code == 400


def test_a_real_callback_with_a_broken_shape_gets_400(shared_app, reader):
    body = public_callback(shared_app)
    for broken in ({"inputs": "x"}, {"inputs": [5]}, {"state": {"id": "a"}}, {"outputs": "x"},
                   {"changedPropIds": [1]}):
        assert reader.post(CALLBACK, json={**body, **broken}).status_code == 400, broken


@pytest.mark.parametrize("path", [
    "/_dash-component-suites/dash/../../../etc/passwd",
    "/_dash-component-suites/dash/..%2f..%2fsettings.py",
    "/_dash-component-suites/dash/deps/..%2F..%2F__init__.py",
    "/_dash-component-suites/os/path.py", "/_dash-component-suites/dash/dash.py",
])
def test_paths_outside_dashs_files_are_not_found(reader, path):
    response = reader.get(path)
    assert response.status_code == 404
    assert b"import" not in response.data and b"root:" not in response.data


def concrete(ident):
    """A pattern-matching id (MATCH / ALL / ALLSMALLER) with a made-up value in place of each wildcard."""
    if isinstance(ident, dict):
        return {k: ("x" if isinstance(v, list) else v) for k, v in ident.items()}
    return ident


def wildcard_all(ident) -> bool:
    return isinstance(ident, dict) and any(v in (["ALL"], ["ALLSMALLER"]) for v in ident.values())


def every_callback_with(app, value) -> list[tuple[str, dict]]:
    """A request for every callback of the app, each input and state set to `value`."""
    bodies = []
    for output, spec in app.callback_map.items():
        def props(items):
            out = []
            for item in items:
                prop = {"id": concrete(item["id"]), "property": item["property"], "value": value}
                out.append([prop] if wildcard_all(item["id"]) else prop)
            return out

        outputs = []
        for part in output.strip(".").split("..."):
            ident, _, prop = part.rpartition(".")
            ident = concrete(__import__("json").loads(ident)) if ident.startswith("{") else ident
            outputs.append({"id": ident, "property": prop})
        first = spec["inputs"][0] if spec["inputs"] else None
        bodies.append((output, {
            "output": output, "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": props(spec["inputs"]), "state": props(spec["state"]),
            "changedPropIds": [f"{first['id']}.{first['property']}"] if first and isinstance(first["id"], str) else [],
        }))
    return bodies


@pytest.mark.parametrize("value", [12345, "text", {"lang": 5, "programme": ["x"]}, [1, "a"], None])
def test_no_callback_answers_a_wrong_typed_value_with_a_500(app, client, value):
    # As the admin (every role check passes, so the callbacks' own code meets the values), and
    # without a login.
    log_in(client, "root")
    anonymous = app.server.test_client()
    crashed = []
    for output, body in every_callback_with(app, value):
        for who, session, headers in (("admin", client, csrf_header(client)), ("anonymous", anonymous, {})):
            status = session.post(CALLBACK, json=body, headers=headers).status_code
            if status >= 500:
                crashed.append((who, output, status))
    assert crashed == []


def test_gunicorn_names_no_software_in_its_headers(tmp_path, seeded_databases):
    # One server, on SQLite: the headers come from the app factory, not from the database.
    with seeded_databases.fresh("sqlite", tmp_path, seed_coordination_and_admin) as database_url:
        env = {"DATABASE_URL": database_url, "SECRET_KEY": SECRET, "REDIS_URL": ""}
        server = Gunicorn(env, workers=1, log=tmp_path / "gunicorn.log").wait_ready()
        try:
            page = requests.get(f"{server.url}/login", timeout=30)
            assert page.headers["Server"] == "roadmap"
            assert "Content-Security-Policy" in page.headers and page.headers["X-Frame-Options"] == "SAMEORIGIN"
        finally:
            server.stop()
