"""The `roadmap` command leaves at once (roadmap_cli.run): same exit status, all its output."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest


def roadmap(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "roadmap_cli", *args], capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_a_command_that_succeeds_exits_0_with_all_its_output():
    done = roadmap("--lang", "en", "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage:")
    for command in ("load", "status", "serve", "worker"):
        assert f"\n  {command} " in done.stdout


def test_a_users_mistake_exits_1_with_its_message(tmp_path):
    done = roadmap("--database-url", f"sqlite:///{tmp_path / 'none.db'}", "--lang", "en", "load", "indicators",
                   str(tmp_path / "missing.csv"))
    assert done.returncode == 2  # click: the file does not exist
    assert "missing.csv" in done.stderr


def test_output_longer_than_the_output_buffer_arrives_whole(tmp_path):
    """os._exit skips Python's own flush: `run` flushes first, or what is still in the output
    buffer (the last 8 KiB at most) would be lost."""
    url = f"sqlite:///{tmp_path / 'r.db'}"
    assert roadmap("--database-url", url, "demo").returncode == 0
    done = roadmap("--database-url", url, "--lang", "en", "status", "--json")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.encode()) > io.DEFAULT_BUFFER_SIZE
    json.loads(done.stdout)  # complete: it parses


def test_importing_the_cli_leaves_the_collector_on():
    code = "import gc; import roadmap_cli; print(gc.isenabled(), gc.get_freeze_count() > 0)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "True"]


@pytest.mark.parametrize(("code", "status", "stderr"), [(None, 0, ""), (3, 3, ""), ("gone", 1, "gone")])
def test_exit_codes_are_python_s(code, status, stderr):
    program = f"import roadmap_cli; roadmap_cli._leave({code!r})"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == status
    assert done.stderr.strip() == stderr
