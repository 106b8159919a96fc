"""Static scripts and stylesheets sent compressed: brotli where the browser takes it, else gzip.

Flask streams static files, and flask-compress compresses streams only with brotli, zstd or
deflate, every time. Here each file version (its ?m= stamp, or the version in its path) is
compressed once:
- gzip (level 6) in the process, on its first request: 0.2 s for plotly-basic.min.js;
- brotli at its best level (11) once per machine, in a background thread, into a cache folder
  keyed by the file's content: it takes ~16 s for plotly-basic.min.js (1.2 MB → 320 KiB, against
  386 KiB gzipped), too long for a request, so until it is ready the file goes out gzipped.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path

import brotli
import flask

log = logging.getLogger(__name__)

COMPRESSIBLE = {"application/javascript", "text/javascript", "text/css"}
# Versioned by a ?m= stamp or in their path, so a compressed copy never goes stale.
COMPRESSED_ONCE = ("/assets/", "/_dash-component-suites/")
BROTLI_QUALITY = 11


def cache_folder() -> Path:
    """Where brotli copies live: ROADMAP_ASSET_CACHE, else the user's cache folder."""
    configured = os.environ.get("ROADMAP_ASSET_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "roadmap" / "assets"


class BrotliCopies:
    """Brotli copies of files by content hash: ready ones from disk, missing ones made in the background."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ready: dict[str, bytes] = {}
        self.pending: set[str] = set()
        self.lock = threading.Lock()

    def get(self, data: bytes) -> bytes | None:
        digest = hashlib.sha256(data).hexdigest()
        with self.lock:
            if digest in self.ready:
                return self.ready[digest]
            if digest in self.pending:
                return None
        path = self.folder / f"{digest}.br"
        if path.is_file():
            copy = path.read_bytes()
            with self.lock:
                self.ready[digest] = copy
            return copy
        with self.lock:
            self.pending.add(digest)
        threading.Thread(target=self._make, args=(digest, data, path), daemon=True,
                         name=f"brotli-{digest[:8]}").start()
        return None

    def _make(self, digest: str, data: bytes, path: Path) -> None:
        try:
            copy = brotli.compress(data, quality=BROTLI_QUALITY)
            try:  # written whole, then renamed: a reader never sees half a file
                self.folder.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as out:
                    out.write(copy)
                os.replace(out.name, path)
            except OSError as exc:  # a read-only home: the copy still serves this process
                log.info("brotli copy not cached on disk (%s)", exc)
            with self.lock:
                self.ready[digest] = copy
        finally:
            with self.lock:
                self.pending.discard(digest)


def _accepts(request: flask.Request, encoding: str) -> bool:
    return encoding in {part.split(";")[0].strip() for part in request.headers.get("Accept-Encoding", "").split(",")}


def serve_assets_compressed(server: flask.Flask, folder: Path | None = None) -> None:
    """Compress the files of assets/ (plotly-basic.min.js: 1.2 MB) and Dash's own scripts."""
    gzipped: dict[tuple[str, str | None], bytes] = {}
    brotli_copies = BrotliCopies(folder or cache_folder())
    server.extensions["roadmap_compressed_assets"] = brotli_copies

    @server.after_request
    def compress_asset(response: flask.Response) -> flask.Response:
        request = flask.request
        if (
            request.method != "GET" or not request.path.startswith(COMPRESSED_ONCE)
            or response.status_code != 200 or response.mimetype not in COMPRESSIBLE
            or "Content-Encoding" in response.headers
        ):
            return response
        takes_br, takes_gzip = _accepts(request, "br"), _accepts(request, "gzip")
        if not (takes_br or takes_gzip):
            return response
        response.direct_passthrough = False
        data = response.get_data()
        body, encoding = (brotli_copies.get(data), "br") if takes_br else (None, "")
        if body is None and takes_gzip:
            key = (request.path, request.args.get("m"))
            if key not in gzipped:
                gzipped[key] = gzip.compress(data, compresslevel=6)
            body, encoding = gzipped[key], "gzip"
        response.headers["Vary"] = "Accept-Encoding"
        if body is None:  # brotli only, and its copy is still being made
            return response
        response.set_data(body)
        response.headers["Content-Encoding"] = encoding
        etag, weak = response.get_etag()
        if etag:
            response.set_etag(f"{etag}:{encoding}", weak=weak)
        return response
