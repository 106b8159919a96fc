"""Local services for the production tests: Redis (skipped when absent), free ports, gunicorn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ROADMAP = [sys.executable, "-c", "from roadmap_cli import main; main()"]


def redis_url() -> str:
    """The test Redis's URL; skips the test with the reason when none answers (fails under
    REQUIRE_REDIS=1, which CI sets when Redis is installed)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        reason = f"no Redis answers at {REDIS_URL} ({type(error).__name__}), so the Redis runs are skipped"
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"{reason}, and REQUIRE_REDIS=1")
        pytest.skip(reason)
    return REDIS_URL


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """`roadmap serve --production` in a subprocess on a free port of 127.0.0.1 (then `wait_ready`)."""

    def __init__(self, env: dict[str, str], workers: int = 2, log: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        out = log.open("wb") if log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [*ROADMAP, "serve", "--production", "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}"],
            env={**os.environ, **env}, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout_s: float = 90) -> Gunicorn:
        """Wait until it answers (it builds the app and compresses the assets first)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}: {self.output()}")
            try:
                if requests.get(f"{self.url}/", timeout=2).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        self.stop()
        raise AssertionError(f"gunicorn did not answer within {timeout_s} s: {self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
