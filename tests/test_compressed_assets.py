"""Static files go out brotli-compressed where the browser takes it (made once per machine, in the
background), gzipped meanwhile and for browsers without brotli, and as they are otherwise."""

from __future__ import annotations

import gzip
import threading

import brotli
import flask
import pytest

from dashboard.app import create_app
from dashboard.compressed_assets import serve_assets_compressed
from pipelines.settings import Settings
from tests.auth_support import SECRET

SCRIPT = ("function roadmap() { return 'a climate roadmap'; }\n" * 2000).encode()


def _site(folder) -> flask.Flask:
    server = flask.Flask(__name__)

    @server.get("/assets/app.js")
    def script():
        return flask.Response(SCRIPT, mimetype="application/javascript")

    @server.get("/page")
    def page():
        return flask.Response(SCRIPT, mimetype="application/javascript")

    serve_assets_compressed(server, folder)
    return server


def _wait_for_brotli() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith("brotli-"):
            thread.join()


def test_brotli_is_made_once_in_the_background_and_gzip_serves_meanwhile(tmp_path):
    client = _site(tmp_path).test_client()
    first = client.get("/assets/app.js?m=1", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert first.headers["Content-Encoding"] == "gzip"  # the brotli copy is not ready yet
    assert gzip.decompress(first.data) == SCRIPT
    assert first.headers["Vary"] == "Accept-Encoding"
    _wait_for_brotli()
    then = client.get("/assets/app.js?m=1", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert then.headers["Content-Encoding"] == "br"
    assert brotli.decompress(then.data) == SCRIPT
    assert len(then.data) < len(first.data)
    assert [p.suffix for p in tmp_path.iterdir()] == [".br"]  # kept for the next process


def test_a_new_process_finds_the_brotli_copy_on_disk(tmp_path):
    _site(tmp_path).test_client().get("/assets/app.js", headers={"Accept-Encoding": "br"})
    _wait_for_brotli()
    again = _site(tmp_path).test_client().get("/assets/app.js", headers={"Accept-Encoding": "br"})
    assert again.headers["Content-Encoding"] == "br"
    assert brotli.decompress(again.data) == SCRIPT


@pytest.mark.parametrize("accepts", ["", "identity", "deflate"])
def test_without_gzip_or_brotli_the_file_goes_out_as_it_is(tmp_path, accepts):
    answer = _site(tmp_path).test_client().get("/assets/app.js", headers={"Accept-Encoding": accepts})
    assert "Content-Encoding" not in answer.headers
    assert answer.data == SCRIPT


def test_only_static_files_are_compressed_here(tmp_path):
    answer = _site(tmp_path).test_client().get("/page", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in answer.headers


def test_the_dashboard_sends_its_static_files_compressed(engine, database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ROADMAP_ASSET_CACHE", str(tmp_path))
    client = create_app(Settings(secret_key=SECRET, database_url=database_url), engine).server.test_client()
    path = "/assets/style.css?m=1"  # (plotly-basic.min.js takes the same path, in 16 s)
    plain = client.get(path).data
    assert gzip.decompress(client.get(path, headers={"Accept-Encoding": "gzip"}).data) == plain
    client.get(path, headers={"Accept-Encoding": "br"})
    _wait_for_brotli()
    answer = client.get(path, headers={"Accept-Encoding": "br"})
    assert answer.headers["Content-Encoding"] == "br"
    assert brotli.decompress(answer.data) == plain
    assert len(answer.data) < 0.5 * len(plain)
